package dev.ballast.bot.engine;

import dev.ballast.bot.config.HedgeExecutionConfig;
import dev.ballast.strategies.execution.HedgeSchedule;
import dev.ballast.strategies.rebalance.RebalanceParams;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * How one asset rebalances beyond its quotes: the decision's parameters, and how a hedge of a given size is cut
 * into children over time (one IOC for a small hedge; TWAP, Almgren–Chriss or iceberg for a large one).
 */
public record HedgeSettings(RebalanceParams rebalance, ScheduleFactory schedules) {
    /** Makes the schedule for a new hedge. */
    @FunctionalInterface
    public interface ScheduleFactory {
        /**
         * @param startNs        engine time the hedge starts
         * @param sizeBase       the hedge's size, base units
         * @param minChildBase   the smallest child worth sending (the coarsest lot among the hedge venues)
         */
        HedgeSchedule create(long startNs, double sizeBase, double minChildBase);
    }

    public HedgeSettings {
        Objects.requireNonNull(rebalance, "rebalance");
        Objects.requireNonNull(schedules, "schedules");
    }

    /** The config's defaults for an asset with this band and quote size. */
    public static HedgeSettings defaults(double band, double quoteSize) {
        return new HedgeSettings(RebalanceParams.defaults(band),
                HedgeExecutionConfig.defaults(BigDecimal.valueOf(quoteSize))::schedule);
    }
}
