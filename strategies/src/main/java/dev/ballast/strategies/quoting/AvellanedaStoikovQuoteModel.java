package dev.ballast.strategies.quoting;

import java.util.Objects;

/**
 * Avellaneda &amp; Stoikov (2008) quotes over a rolling horizon: a reservation price that moves against the
 * inventory and an optimal spread around it, from the fair value's volatility and the order-arrival decay.
 *
 * <pre>
 *   r       = s − q·γ·σ²·τ
 *   spread  = γ·Δ·σ²·τ + (2 / (γ·Δ))·ln(1 + γ·Δ / k)
 *   bid     = r − spread / 2,   ask = r + spread / 2
 * </pre>
 *
 * <h2>Units</h2>
 * <ul>
 *   <li>s — fair value, price units (quote currency per base unit), {@link QuoteInputs#fairValue};</li>
 *   <li>q — drift (position − target), base units, {@link QuoteInputs#drift};</li>
 *   <li>σ — volatility of s, price units per √second, {@link QuoteInputs#sigmaPerSqrtSec};</li>
 *   <li>τ — {@code horizonSec}: a <em>rolling</em> horizon, always τ seconds ahead (the paper's T − t never
 *       shrinks here, the desk trades continuously);</li>
 *   <li>k — decay of the fill intensity λ(δ) = A·e^(−kδ) per price unit, converted from the estimator's
 *       per-bps value: {@code k = kPerBps × 10⁴ / s} (δ in bps = δ in price × 10⁴ / s);</li>
 *   <li>γ — risk aversion per (price unit × base unit), i.e. per unit of quote currency: q·γ·σ²·τ is a price;</li>
 *   <li>Δ — {@code quoteSize}, base units. The paper trades one share at a time, so its spread
 *       γσ²(T−t) + (2/γ)ln(1 + γ/k) is this formula with Δ = 1; with a quote of Δ base units the exponential
 *       utility of a fill of Δ gives γ·Δ in place of γ (the reservation price does not change). This keeps
 *       γ/k dimensionless and the spread independent of the unit the size is counted in.</li>
 * </ul>
 *
 * <h2>Example (defaults)</h2>
 * BTC at s = 60 000 USDT, σ = 6 USDT/√s (1 bp/√s), k = 0.5 per bps (0.0833 per USDT), Δ = 0.01 BTC,
 * <b>γ = 0.1</b>, τ = 60 s: spread = 2.16 + 23.86 = 26.0 USDT (4.3 bps); one fill (q = 0.01) moves r by
 * 2.16 USDT (0.36 bp), q = 0.3 BTC (the band) by 64.8 USDT (10.8 bps). ETH at s = 3 000, σ = 0.36 USDT/√s
 * (1.2 bp/√s), k = 0.5 per bps, Δ = 0.1 ETH, <b>γ = 0.1</b>, τ = 60 s: spread ≈ 1.27 USDT (4.2 bps); q = 3 ETH moves
 * r by 2.33 USDT (7.8 bps). γ scales the skew linearly; pick it so the skew at the band is what the desk
 * wants (skew at band in bps = maxPosition·γ·σ²·τ / s × 10⁴).
 *
 * <h2>Fallback</h2>
 * While σ is unknown (NaN, negative) or k is unknown (NaN, ≤ 0) — or the result would not be finite — the
 * model quotes as {@link LinearSkewQuoteModel} with {@code fallbackSpreadBps} and
 * {@code fallbackSkewBpsPerUnit}: never a NaN price. Then, as every model, the shared spread floor and
 * growing-side shrink ({@link QuoteAdjustments}). Immutable; safe to share.
 */
public final class AvellanedaStoikovQuoteModel implements QuoteModel {
    private final AvellanedaStoikovQuoteParams params;
    private final LinearSkewQuoteModel fallback;
    private final double gamma;
    private final double horizonSec;
    private final double unit;

    public AvellanedaStoikovQuoteModel(AvellanedaStoikovQuoteParams params) {
        this.params = Objects.requireNonNull(params, "params");
        this.fallback = new LinearSkewQuoteModel(params.fallback());
        this.gamma = params.gamma();
        this.horizonSec = params.horizonSec();
        this.unit = params.common().quoteSize();
    }

    public AvellanedaStoikovQuoteParams params() {
        return params;
    }

    @Override
    public void quote(QuoteInputs in, TwoSidedQuote out) {
        double s = in.fairValue;
        if (!QuoteAdjustments.usableFairValue(s)) {
            out.clear();
            return;
        }
        double sigma = in.sigmaPerSqrtSec;
        double kPerBps = in.intensityKPerBps;
        if (!(sigma >= 0) || !(kPerBps > 0) || !Double.isFinite(sigma) || !Double.isFinite(kPerBps)) {
            fallback.quote(in, out);
            return;
        }
        double r = reservationPrice(s, in.drift, sigma);
        double halfSpread = totalSpread(s, sigma, kPerBps) / 2;
        out.bidPrice = r - halfSpread;
        out.askPrice = r + halfSpread;
        out.bidSize = unit;
        out.askSize = unit;
        if (!QuoteAdjustments.finish(params.common(), in, out)) {
            fallback.quote(in, out);
        }
    }

    /** r = s − q·γ·σ²·τ, price units. */
    public double reservationPrice(double fairValue, double drift, double sigmaPerSqrtSec) {
        return fairValue - drift * gamma * sigmaPerSqrtSec * sigmaPerSqrtSec * horizonSec;
    }

    /** γ·Δ·σ²·τ + (2/(γΔ))·ln(1 + γΔ/k) with k = kPerBps × 10⁴ / s, price units. */
    public double totalSpread(double fairValue, double sigmaPerSqrtSec, double kPerBps) {
        double kPerPrice = kPerBps * 10_000 / fairValue;
        double gammaUnit = gamma * unit;
        return gammaUnit * sigmaPerSqrtSec * sigmaPerSqrtSec * horizonSec
                + 2 / gammaUnit * Math.log1p(gammaUnit / kPerPrice);
    }

    @Override
    public String name() {
        return QuoteModels.AVELLANEDA_STOIKOV;
    }
}
