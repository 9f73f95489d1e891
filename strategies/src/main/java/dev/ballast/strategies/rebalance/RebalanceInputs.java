package dev.ballast.strategies.rebalance;

import dev.ballast.core.Asset;
import dev.ballast.core.Side;
import java.util.Objects;
import java.util.Optional;

/**
 * What the rebalancing decision knows about one asset at one moment, as plain numbers: sizes in base units,
 * prices and costs in the quote currency, distances in basis points of fair value, time in ns. Immutable;
 * validated in the constructor — a model estimate may be NaN (not known yet), anything else out of range throws.
 *
 * @param asset                  the asset rebalanced (base), e.g. BTC
 * @param quoteCurrency          the currency costs are counted in, e.g. USDT
 * @param nowNs                  the engine's time of this decision, ns (recorded, never read from a clock)
 * @param driftBase              position − target, base units, from fills only: > 0 long beyond target
 * @param hedgeInFlightBase      what the hedge orders sent and not yet filled or cancelled would add to the
 *                               position if they all filled, base units, signed: a sell in flight is negative
 * @param fairValue              cross-venue fair value, quote currency per base unit, > 0
 * @param sigmaPerSqrtSec        σ, volatility of fair value, quote currency per base unit per √s, >= 0; NaN while
 *                               unknown
 * @param intensityA             A of λ(δ) = A·e^(−kδ): the rate at which takers would fill our quote on one side at
 *                               fair value, fills per second, summed over the venues where we quote, >= 0; NaN while
 *                               unknown
 * @param intensityKPerBps       k of λ(δ), per basis point of distance from fair value, >= 0; NaN while unknown
 * @param reduceQuoteDistanceBps δ of our quote on the side that reduces the drift (the ask when long), bps from
 *                               fair value, positive on the side where we earn (ask above fair, bid below); NaN
 *                               while unknown
 * @param reduceQuoteSizeBase    base units a fill on that side takes off, > 0 (the quote size, or the expected
 *                               fill size when takers are smaller); 0 when that side is not quoted
 * @param growQuoteDistanceBps   δ of our quote on the side that grows the drift, bps, same convention; ignored
 *                               (may be NaN) when {@code growQuoteSizeBase} is 0
 * @param growQuoteSizeBase      base units a fill on the growing side adds, >= 0; 0 when that side is not quoted
 *                               (e.g. past max position)
 * @param lotSizeBase            the hedge size step, base units, > 0: the coarsest lot among the hedge venues,
 *                               so every size proposed can be sent wherever the router sends it
 */
public record RebalanceInputs(
        Asset asset,
        Asset quoteCurrency,
        long nowNs,
        double driftBase,
        double hedgeInFlightBase,
        double fairValue,
        double sigmaPerSqrtSec,
        double intensityA,
        double intensityKPerBps,
        double reduceQuoteDistanceBps,
        double reduceQuoteSizeBase,
        double growQuoteDistanceBps,
        double growQuoteSizeBase,
        double lotSizeBase) {

    public RebalanceInputs {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(quoteCurrency, "quoteCurrency");
        if (asset.equals(quoteCurrency)) {
            throw new IllegalArgumentException("asset and quoteCurrency must differ (both " + asset + ")");
        }
        requireFinite(driftBase, "driftBase");
        requireFinite(hedgeInFlightBase, "hedgeInFlightBase");
        require(Double.isFinite(fairValue) && fairValue > 0, "fairValue must be > 0", fairValue);
        requireUnknownOr(sigmaPerSqrtSec, "sigmaPerSqrtSec");
        requireUnknownOr(intensityA, "intensityA");
        requireUnknownOr(intensityKPerBps, "intensityKPerBps");
        require(Double.isNaN(reduceQuoteDistanceBps) || Double.isFinite(reduceQuoteDistanceBps),
                "reduceQuoteDistanceBps must be finite or NaN", reduceQuoteDistanceBps);
        require(Double.isFinite(reduceQuoteSizeBase) && reduceQuoteSizeBase >= 0,
                "reduceQuoteSizeBase must be >= 0", reduceQuoteSizeBase);
        require(Double.isNaN(growQuoteDistanceBps) || Double.isFinite(growQuoteDistanceBps),
                "growQuoteDistanceBps must be finite or NaN", growQuoteDistanceBps);
        require(Double.isFinite(growQuoteSizeBase) && growQuoteSizeBase >= 0,
                "growQuoteSizeBase must be >= 0", growQuoteSizeBase);
        require(Double.isFinite(lotSizeBase) && lotSizeBase > 0, "lotSizeBase must be > 0", lotSizeBase);
    }

    /** The side of an order that brings the position back to target: SELL when long; empty at zero drift. */
    public Optional<Side> reducingSide() {
        return driftBase > 0 ? Optional.of(Side.SELL) : driftBase < 0 ? Optional.of(Side.BUY) : Optional.empty();
    }

    /**
     * The part of the in-flight hedges that reduces |drift|, base units, >= 0. An in-flight order on the growing
     * side (left over from before the drift changed sign) is not counted: it may never fill.
     */
    public double reducingInFlightBase() {
        return Math.max(0, -Math.signum(driftBase) * hedgeInFlightBase);
    }

    /**
     * The open drift R = max(0, |drift| − reducing in flight), base units: what is neither back on target nor
     * already being hedged. Every decision works on R; a new hedge never exceeds it, so even if every hedge in
     * flight and the new one fill, the position does not cross the target.
     */
    public double openDriftBase() {
        return Math.max(0, Math.abs(driftBase) - reducingInFlightBase());
    }

    /** True when σ, the intensities and the reducing (and, if quoted, growing) quote distance are all known. */
    public boolean estimatesKnown() {
        return !Double.isNaN(sigmaPerSqrtSec) && !Double.isNaN(intensityA) && !Double.isNaN(intensityKPerBps)
                && !Double.isNaN(reduceQuoteDistanceBps)
                && (growQuoteSizeBase == 0 || !Double.isNaN(growQuoteDistanceBps));
    }

    private static void requireFinite(double v, String name) {
        require(Double.isFinite(v), name + " must be finite", v);
    }

    private static void requireUnknownOr(double v, String name) {
        require(Double.isNaN(v) || (Double.isFinite(v) && v >= 0), name + " must be >= 0 or NaN", v);
    }

    private static void require(boolean ok, String rule, double value) {
        if (!ok) {
            throw new IllegalArgumentException(rule + " (was " + RebalanceParams.show(value) + ")");
        }
    }
}
