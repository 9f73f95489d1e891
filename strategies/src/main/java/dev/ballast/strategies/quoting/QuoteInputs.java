package dev.ballast.strategies.quoting;

/**
 * What a quote model needs to know about one asset at one moment, as plain numbers (prices in the quote
 * currency, sizes in base units). A mutable holder the engine refills for each decision so the hot path
 * allocates nothing. Not thread-safe: owned by the engine thread.
 */
public final class QuoteInputs {
    /** Cross-venue fair value of the asset. */
    public double fairValue;
    /** Position minus target, in base units: positive = long beyond target. */
    public double drift;
    /** Base units our live buy orders on every venue could still add (remaining size of live bids). */
    public double openBuyExposure;
    /** Base units our live sell orders on every venue could still remove. */
    public double openSellExposure;
    /** The engine's time of this decision, epoch ns (models with a horizon use it; linear ignores it). */
    public long nowNs;
    /** Volatility of fair value, in price units per √second (EWMA estimate); NaN while unknown. */
    public double sigmaPerSqrtSec = Double.NaN;
    /** Order-arrival intensity λ(δ) = A·e^(−kδ), δ in bps from fair value: A in fills per second per side at δ = 0. NaN while unknown. */
    public double intensityA = Double.NaN;
    /** Order-arrival intensity decay k, per basis point of distance δ from fair value. NaN while unknown. */
    public double intensityKPerBps = Double.NaN;

    public QuoteInputs set(double fairValue, double drift, double openBuyExposure, double openSellExposure, long nowNs) {
        this.fairValue = fairValue;
        this.drift = drift;
        this.openBuyExposure = openBuyExposure;
        this.openSellExposure = openSellExposure;
        this.nowNs = nowNs;
        return this;
    }
}
