package dev.ballast.bot.risk;

import dev.ballast.core.Asset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every risk limit the engine enforces, in engine units (nanoseconds, doubles). Made from the config's
 * {@code risk} section ({@code RiskConfig.limits()}); {@link #NONE} switches every guard and every automatic
 * trigger off (backtests run with it, so risk never changes a backtest's result). {@link Double#POSITIVE_INFINITY}
 * (or {@link Integer#MAX_VALUE}, {@link Long#MAX_VALUE}) turns one limit off. Immutable.
 *
 * @param positions                  position limits per asset; an asset not in the map has none
 * @param maxOrderNotional           the largest price × size one order may have, in the quote currency
 * @param maxOpenOrdersPerVenue      the most live orders of ours one venue may hold (cancel-pending ones count)
 * @param maxOrdersPerSecondPerVenue the most orders sent to one venue in any one-second window
 * @param maxOrdersPerSecond         the most orders sent to all venues together in any one-second window
 * @param priceBandBps               the furthest a limit price may be from its asset's fair value, in bps
 * @param staleDataNs                no order on an instrument whose last book update is older than this (engine clock)
 * @param maxDrawdownPct             HALTED when equity falls more than this percentage below its peak
 * @param maxDailyLossPct            HALTED when equity falls more than this percentage below the day's first
 *                                   equity (UTC day on the engine clock)
 * @param rejectsToHalt              HALTED after this many venue rejects within {@code rejectWindowNs} (post-only
 *                                   crosses and insufficient balance not counted)
 * @param rejectWindowNs             the window the rejects are counted in
 */
public record RiskLimits(
        Map<Asset, PositionLimits> positions,
        double maxOrderNotional,
        int maxOpenOrdersPerVenue,
        int maxOrdersPerSecondPerVenue,
        int maxOrdersPerSecond,
        double priceBandBps,
        long staleDataNs,
        double maxDrawdownPct,
        double maxDailyLossPct,
        int rejectsToHalt,
        long rejectWindowNs) {

    /** No guard and no automatic trigger: only the operator can change the trading state. */
    public static final RiskLimits NONE = new RiskLimits(Map.of(), Double.POSITIVE_INFINITY, Integer.MAX_VALUE,
            Integer.MAX_VALUE, Integer.MAX_VALUE, Double.POSITIVE_INFINITY, Long.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Integer.MAX_VALUE, 1);

    /** @throws IllegalArgumentException naming the first limit out of its range */
    public RiskLimits {
        Objects.requireNonNull(positions, "positions");
        positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
        positions.forEach((asset, limits) -> Objects.requireNonNull(limits, () -> "positions." + asset));
        positive("maxOrderNotional", maxOrderNotional);
        positive("priceBandBps", priceBandBps);
        positive("maxDrawdownPct", maxDrawdownPct);
        positive("maxDailyLossPct", maxDailyLossPct);
        if (maxOrdersPerSecondPerVenue <= 0 || maxOrdersPerSecond <= 0) {
            throw new IllegalArgumentException("maxOrdersPerSecondPerVenue and maxOrdersPerSecond must be > 0 (were "
                    + maxOrdersPerSecondPerVenue + ", " + maxOrdersPerSecond + ")");
        }
        if (maxOpenOrdersPerVenue <= 0) {
            throw new IllegalArgumentException("maxOpenOrdersPerVenue must be > 0 (was " + maxOpenOrdersPerVenue + ")");
        }
        if (staleDataNs <= 0) {
            throw new IllegalArgumentException("staleDataNs must be > 0 (was " + staleDataNs + ")");
        }
        if (rejectsToHalt <= 0) {
            throw new IllegalArgumentException("rejectsToHalt must be > 0 (was " + rejectsToHalt + ")");
        }
        if (rejectWindowNs <= 0) {
            throw new IllegalArgumentException("rejectWindowNs must be > 0 (was " + rejectWindowNs + ")");
        }
    }

    private static void positive(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be > 0 (was " + value + ")");
        }
    }

    /** The position limits of {@code asset}; {@link PositionLimits#NONE} when it has none. */
    public PositionLimits position(Asset asset) {
        return positions.getOrDefault(asset, PositionLimits.NONE);
    }

    /** True when equity has to be watched: a drawdown or a daily loss limit is set. */
    public boolean watchesEquity() {
        return maxDrawdownPct != Double.POSITIVE_INFINITY || maxDailyLossPct != Double.POSITIVE_INFINITY;
    }

    /** A builder starting from {@link #NONE}: every limit off until set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link RiskLimits} one limit at a time; each limit left alone stays off. Not thread-safe. */
    public static final class Builder {
        private final Map<Asset, PositionLimits> positions = new LinkedHashMap<>();
        private double maxOrderNotional = NONE.maxOrderNotional;
        private int maxOpenOrdersPerVenue = NONE.maxOpenOrdersPerVenue;
        private int maxOrdersPerSecondPerVenue = NONE.maxOrdersPerSecondPerVenue;
        private int maxOrdersPerSecond = NONE.maxOrdersPerSecond;
        private double priceBandBps = NONE.priceBandBps;
        private long staleDataNs = NONE.staleDataNs;
        private double maxDrawdownPct = NONE.maxDrawdownPct;
        private double maxDailyLossPct = NONE.maxDailyLossPct;
        private int rejectsToHalt = NONE.rejectsToHalt;
        private long rejectWindowNs = NONE.rejectWindowNs;

        private Builder() {
        }

        public Builder position(Asset asset, PositionLimits limits) {
            positions.put(Objects.requireNonNull(asset, "asset"), Objects.requireNonNull(limits, "limits"));
            return this;
        }

        public Builder maxOrderNotional(double v) {
            maxOrderNotional = v;
            return this;
        }

        public Builder maxOpenOrdersPerVenue(int v) {
            maxOpenOrdersPerVenue = v;
            return this;
        }

        public Builder maxOrdersPerSecondPerVenue(int v) {
            maxOrdersPerSecondPerVenue = v;
            return this;
        }

        public Builder maxOrdersPerSecond(int v) {
            maxOrdersPerSecond = v;
            return this;
        }

        public Builder priceBandBps(double v) {
            priceBandBps = v;
            return this;
        }

        public Builder staleDataNs(long v) {
            staleDataNs = v;
            return this;
        }

        public Builder maxDrawdownPct(double v) {
            maxDrawdownPct = v;
            return this;
        }

        public Builder maxDailyLossPct(double v) {
            maxDailyLossPct = v;
            return this;
        }

        /** HALTED after {@code rejects} rejects within {@code windowNs}. */
        public Builder rejectsToHalt(int rejects, long windowNs) {
            rejectsToHalt = rejects;
            rejectWindowNs = windowNs;
            return this;
        }

        /** @throws IllegalArgumentException naming the first limit out of its range */
        public RiskLimits build() {
            return new RiskLimits(positions, maxOrderNotional, maxOpenOrdersPerVenue, maxOrdersPerSecondPerVenue,
                    maxOrdersPerSecond, priceBandBps, staleDataNs, maxDrawdownPct, maxDailyLossPct, rejectsToHalt,
                    rejectWindowNs);
        }
    }
}
