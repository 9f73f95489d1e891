package dev.ballast.bot.engine;

import dev.ballast.strategies.estimators.EwmaVolatility;
import dev.ballast.strategies.estimators.IntensityEstimator;
import dev.ballast.strategies.estimators.VenueLiquidityStats;
import dev.ballast.strategies.hedging.HedgeCostParams;
import dev.ballast.strategies.hedging.HedgeRouterParams;
import java.util.Objects;

/**
 * The engine-wide settings of the rebalancing brain: estimators, hedge cost model and router, and how often each
 * asset's decision is re-evaluated on a timer (fills and book changes also trigger it), and how far past
 * the levels it saw a hedge's IOC limit may reach ({@code limitSlackBps}, see {@link #DEFAULT_LIMIT_SLACK_BPS}).
 */
public record BrainSettings(EwmaVolatility.Config volatility, IntensityEstimator.Config intensity,
                            VenueLiquidityStats.Config liquidity, HedgeCostParams hedgeCost, HedgeRouterParams router, long decisionIntervalNs,
                            double limitSlackBps, double basisHalfLifeSec) {
    public BrainSettings {
        Objects.requireNonNull(volatility, "volatility");
        Objects.requireNonNull(intensity, "intensity");
        Objects.requireNonNull(liquidity, "liquidity");
        Objects.requireNonNull(hedgeCost, "hedgeCost");
        Objects.requireNonNull(router, "router");
        if (decisionIntervalNs <= 0) {
            throw new IllegalArgumentException("decisionIntervalNs must be > 0 (was " + decisionIntervalNs + ")");
        }
        if (!(basisHalfLifeSec > 0)) {
            throw new IllegalArgumentException("basisHalfLifeSec must be > 0 (was " + basisHalfLifeSec + ")");
        }
        if (!(limitSlackBps >= 0)) {
            throw new IllegalArgumentException("limitSlackBps must be >= 0 (was " + limitSlackBps + ")");
        }
    }

    /**
     * How far past the worst level it walked a hedge child's IOC limit may reach, in bps of fair value (never
     * beyond the cost model's slippage cap): the book moves while the order travels, and a limit exactly at the
     * level seen would miss on any adverse tick.
     */
    public static final double DEFAULT_LIMIT_SLACK_BPS = 3.0;

    /**
     * Half-life of each venue's basis against the asset's reference venue: long enough that a passing dislocation
     * is not mistaken for basis (a cross-venue hedge trades on those), short enough to follow a perpetual's premium.
     */
    public static final double DEFAULT_BASIS_HALF_LIFE_SEC = 600;

    public static BrainSettings defaults() {
        return new BrainSettings(EwmaVolatility.Config.defaults(), IntensityEstimator.Config.defaults(),
                VenueLiquidityStats.Config.defaults(), HedgeCostParams.DEFAULTS, HedgeRouterParams.DEFAULTS, 1_000_000_000L, DEFAULT_LIMIT_SLACK_BPS,
                DEFAULT_BASIS_HALF_LIFE_SEC);
    }
}
