package dev.ballast.strategies.rebalance;

import java.math.BigDecimal;

/**
 * The settings of the rebalancing decision for one asset. Immutable and validated: a bad value throws
 * {@link IllegalArgumentException} naming the setting and the value, e.g.
 * {@code hedge.hysteresisEnter must be >= 0 (was -1)}.
 *
 * <p>The hysteresis is multiplicative, so one dimensionless default fits every asset whatever its band: the
 * decision starts rebalancing when the open drift exceeds {@code band × (1 + hysteresisEnter)} and stops when it
 * falls below {@code band × (1 − hysteresisExit)}.
 *
 * @param bandBase            the no-trade band: |open drift| up to this is on target, base units, >= 0
 *                            (the asset's {@code band} setting)
 * @param riskAversion        γ, the coefficient of (absolute) risk aversion of the mean–variance inventory
 *                            penalty, per unit of quote currency (1/USDT), > 0. Default {@value #DEFAULT_RISK_AVERSION}.
 *                            Not the A&S quote model's γ: that one sets a skew over a fixed horizon; this one
 *                            prices the variance carried while waiting, see {@link RebalanceDecider}
 * @param hysteresisEnter     start rebalancing above {@code band × (1 + this)}, >= 0. Default
 *                            {@value #DEFAULT_HYSTERESIS_ENTER}
 * @param hysteresisExit      stop rebalancing below {@code band × (1 − this)}, in [0, 1). Default
 *                            {@value #DEFAULT_HYSTERESIS_EXIT}
 * @param minHedgeSizeBase    the smallest hedge worth sending, base units, >= 0; the lot size is the floor
 *                            whatever this says. Default a quarter of the band ({@value #DEFAULT_MIN_HEDGE_BAND_FRACTION}
 *                            × band): the model alone would hedge any lot beyond its optimal residual while
 *                            rebalancing, a trickle of tiny taker orders
 * @param hedgeCostMultiplier m >= 1: a hedge's cost is counted m times, so waiting wins unless hedging is clearly
 *                            cheaper (covers model error in the cost and the risk). Default
 *                            {@value #DEFAULT_HEDGE_COST_MULTIPLIER}
 * @param edgeCreditWeight    w in [0, 1]: how much of the edge earned by the reducing quote fills (their distance
 *                            from fair value) is credited to waiting. Default {@value #DEFAULT_EDGE_CREDIT_WEIGHT}:
 *                            the quotes stay up, centred, when we hedge instead, and earn the spread there too, so
 *                            to first order waiting earns no extra edge; w = 1 treats the reducing fills as an
 *                            alternative execution of the hedge (optimistic: it ignores the growing side's edge lost)
 * @param splitGridSteps      intervals of the grid over hedge sizes searched for the best split, in [4, 1000]
 *                            the grid is refined around its best point down to single lots. Default
 *                            {@value #DEFAULT_SPLIT_GRID_STEPS}
 */
public record RebalanceParams(
        double bandBase,
        double riskAversion,
        double hysteresisEnter,
        double hysteresisExit,
        double minHedgeSizeBase,
        double hedgeCostMultiplier,
        double edgeCreditWeight,
        int splitGridSteps) {

    public static final double DEFAULT_RISK_AVERSION = 5.0;
    public static final double DEFAULT_HYSTERESIS_ENTER = 0.1;
    public static final double DEFAULT_HYSTERESIS_EXIT = 0.5;
    public static final double DEFAULT_MIN_HEDGE_BAND_FRACTION = 0.25;
    public static final double DEFAULT_HEDGE_COST_MULTIPLIER = 1.25;
    public static final double DEFAULT_EDGE_CREDIT_WEIGHT = 0.0;
    public static final int DEFAULT_SPLIT_GRID_STEPS = 16;

    public RebalanceParams {
        require(Double.isFinite(bandBase) && bandBase >= 0, "band must be >= 0", bandBase);
        require(Double.isFinite(riskAversion) && riskAversion > 0, "hedge.riskAversion must be > 0", riskAversion);
        require(Double.isFinite(hysteresisEnter) && hysteresisEnter >= 0,
                "hedge.hysteresisEnter must be >= 0", hysteresisEnter);
        require(hysteresisExit >= 0 && hysteresisExit < 1,
                "hedge.hysteresisExit must be >= 0 and < 1", hysteresisExit);
        require(Double.isFinite(minHedgeSizeBase) && minHedgeSizeBase >= 0,
                "hedge.minHedgeSize must be >= 0", minHedgeSizeBase);
        require(Double.isFinite(hedgeCostMultiplier) && hedgeCostMultiplier >= 1,
                "hedge.costMultiplier must be >= 1", hedgeCostMultiplier);
        require(edgeCreditWeight >= 0 && edgeCreditWeight <= 1,
                "hedge.edgeCreditWeight must be >= 0 and <= 1", edgeCreditWeight);
        if (splitGridSteps < 4 || splitGridSteps > 1000) {
            throw new IllegalArgumentException(
                    "hedge.splitGridSteps must be >= 4 and <= 1000 (was " + splitGridSteps + ")");
        }
    }

    /** The documented defaults around the asset's band. */
    public static RebalanceParams defaults(double bandBase) {
        return new RebalanceParams(bandBase, DEFAULT_RISK_AVERSION, DEFAULT_HYSTERESIS_ENTER,
                DEFAULT_HYSTERESIS_EXIT, DEFAULT_MIN_HEDGE_BAND_FRACTION * bandBase, DEFAULT_HEDGE_COST_MULTIPLIER,
                DEFAULT_EDGE_CREDIT_WEIGHT, DEFAULT_SPLIT_GRID_STEPS);
    }

    /** Rebalancing starts when the open drift exceeds this, base units. */
    public double enterAboveBase() {
        return bandBase * (1 + hysteresisEnter);
    }

    /** Rebalancing stops when the open drift falls below this, base units. */
    public double leaveBelowBase() {
        return bandBase * (1 - hysteresisExit);
    }

    public RebalanceParams withRiskAversion(double v) {
        return new RebalanceParams(bandBase, v, hysteresisEnter, hysteresisExit, minHedgeSizeBase,
                hedgeCostMultiplier, edgeCreditWeight, splitGridSteps);
    }

    public RebalanceParams withHysteresis(double enter, double exit) {
        return new RebalanceParams(bandBase, riskAversion, enter, exit, minHedgeSizeBase,
                hedgeCostMultiplier, edgeCreditWeight, splitGridSteps);
    }

    public RebalanceParams withMinHedgeSizeBase(double v) {
        return new RebalanceParams(bandBase, riskAversion, hysteresisEnter, hysteresisExit, v,
                hedgeCostMultiplier, edgeCreditWeight, splitGridSteps);
    }

    public RebalanceParams withHedgeCostMultiplier(double v) {
        return new RebalanceParams(bandBase, riskAversion, hysteresisEnter, hysteresisExit, minHedgeSizeBase,
                v, edgeCreditWeight, splitGridSteps);
    }

    public RebalanceParams withEdgeCreditWeight(double v) {
        return new RebalanceParams(bandBase, riskAversion, hysteresisEnter, hysteresisExit, minHedgeSizeBase,
                hedgeCostMultiplier, v, splitGridSteps);
    }

    public RebalanceParams withSplitGridSteps(int v) {
        return new RebalanceParams(bandBase, riskAversion, hysteresisEnter, hysteresisExit, minHedgeSizeBase,
                hedgeCostMultiplier, edgeCreditWeight, v);
    }

    private static void require(boolean ok, String rule, double value) {
        if (!ok) {
            throw new IllegalArgumentException(rule + " (was " + show(value) + ")");
        }
    }

    static String show(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : String.valueOf(v);
    }
}
