package dev.ballast.bot.config;

import dev.ballast.strategies.rebalance.RebalanceParams;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * How one asset is brought back to target ({@code assets.<ASSET>.hedge}): whether hedging is on, the knobs
 * of the skew / hedge / split / wait decision ({@link RebalanceParams}, whose no-trade band is the asset's
 * {@code band}) and how hedges are executed. Every key is optional; the defaults are
 * {@link #defaults(BigDecimal, BigDecimal)}. Sizes are in the asset's units. Immutable.
 *
 * @param enabled false: the asset is never hedged, its inventory comes back only through its quotes' skew
 *     and the hard {@code maxPosition}; default true
 * @param riskAversion γ of the decision, per unit of quote currency, pricing the variance carried while
 *     waiting (not the quote model's {@code gamma}); > 0; default {@value RebalanceParams#DEFAULT_RISK_AVERSION}
 * @param hysteresisEnter rebalancing starts above {@code band × (1 + this)}; >= 0; default
 *     {@value RebalanceParams#DEFAULT_HYSTERESIS_ENTER}
 * @param hysteresisExit rebalancing stops below {@code band × (1 − this)}; >= 0 and < 1; default
 *     {@value RebalanceParams#DEFAULT_HYSTERESIS_EXIT}
 * @param minSize the smallest hedge worth sending (never below one lot whatever this says); >= 0 and <= the
 *     asset's band (checked by {@link AssetConfig}); default a quarter of the band
 * @param costMultiplier a hedge's cost is counted this many times against waiting; >= 1; default
 *     {@value RebalanceParams#DEFAULT_HEDGE_COST_MULTIPLIER}
 * @param edgeCreditWeight how much of the reducing quotes' edge is credited to waiting; from 0 to 1; default
 *     {@value RebalanceParams#DEFAULT_EDGE_CREDIT_WEIGHT}
 * @param splitGridSteps intervals of the grid searched for the best split; from 4 to 1000; default
 *     {@value RebalanceParams#DEFAULT_SPLIT_GRID_STEPS}
 * @param execution how a hedge is sent
 */
public record HedgeConfig(
        boolean enabled,
        double riskAversion,
        double hysteresisEnter,
        double hysteresisExit,
        BigDecimal minSize,
        double costMultiplier,
        double edgeCreditWeight,
        int splitGridSteps,
        HedgeExecutionConfig execution) {
    static final BigDecimal DEFAULT_MIN_SIZE_BAND_FRACTION =
            BigDecimal.valueOf(RebalanceParams.DEFAULT_MIN_HEDGE_BAND_FRACTION);

    /** @throws IllegalArgumentException listing every field that breaks its rule */
    public HedgeConfig {
        Objects.requireNonNull(minSize, "minSize");
        Objects.requireNonNull(execution, "execution");
        Rules r = new Rules();
        r.positive("riskAversion", riskAversion);
        r.nonNegative("hysteresisEnter", hysteresisEnter);
        r.atLeastAndBelow("hysteresisExit", hysteresisExit, 0, 1);
        r.nonNegative("minSize", minSize);
        r.atLeast("costMultiplier", costMultiplier, 1);
        r.between("edgeCreditWeight", edgeCreditWeight, 0, 1);
        r.between("splitGridSteps", splitGridSteps, 4, 1000);
        r.throwIfAny();
        minSize = Rules.normalize(minSize);
    }

    /** Every default, for an asset with this band and quote size: hedging on, one IOC per hedge. */
    public static HedgeConfig defaults(BigDecimal band, BigDecimal quoteSize) {
        return new HedgeConfig(true, RebalanceParams.DEFAULT_RISK_AVERSION,
                RebalanceParams.DEFAULT_HYSTERESIS_ENTER, RebalanceParams.DEFAULT_HYSTERESIS_EXIT,
                defaultMinSize(band), RebalanceParams.DEFAULT_HEDGE_COST_MULTIPLIER,
                RebalanceParams.DEFAULT_EDGE_CREDIT_WEIGHT, RebalanceParams.DEFAULT_SPLIT_GRID_STEPS,
                HedgeExecutionConfig.defaults(quoteSize));
    }

    /**
     * A quarter of {@code band}, as {@link RebalanceParams#defaults}. When {@code band} is negative (the asset
     * is rejected for that) 0, so that the rejection is not followed by a misleading problem about this default.
     */
    static BigDecimal defaultMinSize(BigDecimal band) {
        return band.signum() > 0 ? band.multiply(DEFAULT_MIN_SIZE_BAND_FRACTION) : BigDecimal.ZERO;
    }

    /** The decision's parameters around the asset's no-trade {@code band}. */
    RebalanceParams rebalanceParams(BigDecimal band) {
        return new RebalanceParams(band.doubleValue(), riskAversion, hysteresisEnter, hysteresisExit,
                minSize.doubleValue(), costMultiplier, edgeCreditWeight, splitGridSteps);
    }
}
