package dev.ballast.bot.config;

import dev.ballast.strategies.hedging.HedgeCostParams;
import dev.ballast.strategies.hedging.HedgeRouterParams;
import java.util.concurrent.TimeUnit;

/**
 * How hedges are priced and routed across venues, and how often the decision runs ({@code hedging}), the same
 * for every asset. Every key is optional; the defaults ({@link #DEFAULTS}) are those of {@link HedgeCostParams}
 * and {@link HedgeRouterParams}, and a decision every second. Immutable.
 *
 * @param maxBookAgeMs a venue whose book is older than this is not hedged on; > 0; default 5000
 * @param stalenessGraceMs book age that costs nothing; >= 0 and <= maxBookAgeMs; default 500
 * @param stalenessPenaltyBpsPerSec the cost added per second of book age beyond the grace, in bps of the hedge's
 *     notional; >= 0; default 2.0
 * @param maxSlippageBps no hedge fill may be worse than fair value by more than this: it caps each order's limit
 *     price; > 0 and < 10000; default 50
 * @param splitMinSavingBps a split across venues is chosen over the best single venue only when it is cheaper
 *     by at least this, in bps of notional; >= 0; default 0.5
 * @param maxLevelsPerVenue the levels of each venue's book the router looks at; > 0; default 100
 * @param decisionIntervalMs how often each asset's decision is re-evaluated on a timer (it is also evaluated
 *     after each fill); > 0; default {@value #DEFAULT_DECISION_INTERVAL_MS}
 * @param basisHalfLifeSec half-life of each venue's basis against the asset's first venue (a lasting premium,
 *     e.g. a perpetual's over spot, is taken out of fair value and added back to that venue's quotes); > 0; default
 *     {@value #DEFAULT_BASIS_HALF_LIFE_SEC}
 * @param limitSlackBps how far past the worst level it walked a hedge order's IOC limit may reach, in bps of fair
 *     value, never beyond maxSlippageBps (the book moves while the order travels); >= 0; default
 *     {@value #DEFAULT_LIMIT_SLACK_BPS}
 */
public record HedgingConfig(
        long maxBookAgeMs,
        long stalenessGraceMs,
        double stalenessPenaltyBpsPerSec,
        double maxSlippageBps,
        double splitMinSavingBps,
        int maxLevelsPerVenue,
        long decisionIntervalMs,
        double limitSlackBps,
        double basisHalfLifeSec) {
    public static final long DEFAULT_DECISION_INTERVAL_MS = 1000;
    public static final double DEFAULT_LIMIT_SLACK_BPS = 3.0;
    public static final double DEFAULT_BASIS_HALF_LIFE_SEC = 600;

    /** The settings used when the config has no {@code hedging} section. */
    public static final HedgingConfig DEFAULTS = of(HedgeCostParams.DEFAULTS, HedgeRouterParams.DEFAULTS,
            DEFAULT_DECISION_INTERVAL_MS);

    /** @throws IllegalArgumentException listing every field that breaks its rule */
    public HedgingConfig {
        Rules r = new Rules();
        r.positive("maxBookAgeMs", maxBookAgeMs);
        r.nonNegative("stalenessGraceMs", stalenessGraceMs);
        if (maxBookAgeMs > 0 && stalenessGraceMs >= 0) {
            r.require(stalenessGraceMs <= maxBookAgeMs, "stalenessGraceMs must be <= maxBookAgeMs " + maxBookAgeMs
                    + " (was " + stalenessGraceMs + ")");
        }
        r.nonNegative("stalenessPenaltyBpsPerSec", stalenessPenaltyBpsPerSec);
        r.positive("maxSlippageBps", maxSlippageBps);
        r.below("maxSlippageBps", maxSlippageBps, 10_000);
        r.nonNegative("splitMinSavingBps", splitMinSavingBps);
        r.positive("maxLevelsPerVenue", maxLevelsPerVenue);
        r.positive("decisionIntervalMs", decisionIntervalMs);
        r.nonNegative("limitSlackBps", limitSlackBps);
        r.positive("basisHalfLifeSec", basisHalfLifeSec);
        r.accepts(() -> new HedgeCostParams(maxBookAgeMs, stalenessGraceMs, stalenessPenaltyBpsPerSec,
                maxSlippageBps));
        r.accepts(() -> new HedgeRouterParams(splitMinSavingBps, maxLevelsPerVenue));
        r.throwIfAny();
    }

    private static HedgingConfig of(HedgeCostParams cost, HedgeRouterParams router, long decisionIntervalMs) {
        return new HedgingConfig(cost.maxBookAgeMs(), cost.stalenessGraceMs(), cost.stalenessPenaltyBpsPerSec(),
                cost.maxSlippageBps(), router.splitMinSavingBps(), router.maxLevelsPerVenue(), decisionIntervalMs,
                DEFAULT_LIMIT_SLACK_BPS, DEFAULT_BASIS_HALF_LIFE_SEC);
    }

    /** The settings of the {@code HedgeCostModel}. */
    public HedgeCostParams costParams() {
        return new HedgeCostParams(maxBookAgeMs, stalenessGraceMs, stalenessPenaltyBpsPerSec, maxSlippageBps);
    }

    /** The settings of the {@code HedgeRouter}. */
    public HedgeRouterParams routerParams() {
        return new HedgeRouterParams(splitMinSavingBps, maxLevelsPerVenue);
    }

    /** {@code decisionIntervalMs} in nanoseconds. */
    public long decisionIntervalNs() {
        return TimeUnit.MILLISECONDS.toNanos(decisionIntervalMs);
    }
}
