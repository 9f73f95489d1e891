package dev.ballast.strategies.estimators;

import static dev.ballast.strategies.internal.ParamChecks.atLeast;
import static dev.ballast.strategies.internal.ParamChecks.positive;

import dev.ballast.core.Instrument;
import dev.ballast.core.Side;
import dev.ballast.core.book.OrderBook;
import java.util.Objects;

/**
 * How liquid one venue's book of an asset usually is: time-weighted exponential averages (see
 * {@link TimeWeightedEwma}: each state of the book weighs by how long it lasted) of
 * <ul>
 *   <li>the spread, bps of the mid: (best ask − best bid) / mid × 10⁴;</li>
 *   <li>the depth near the touch on each side, base units: the size resting within {@code depthWithinBps}
 *       of the mid (bids at or above mid × (1 − X/10⁴), asks at or below mid × (1 + X/10⁴)), counting at most
 *       {@code maxLevels} levels per side.</li>
 * </ul>
 * One instance per venue book, fed from the engine's {@link OrderBook} with the engine time of the update. A
 * book that is not usable (not synced, crossed or one-sided) is a gap: its time weighs nothing. Cost per
 * {@link #update}: one pass over the levels within X bps (at most {@code maxLevels} a side) — call it when the
 * asset is re-quoted or on a timer, not on every delta.
 *
 * <p>Not thread-safe: owned by the engine thread. Allocates nothing after construction.
 */
public final class VenueLiquidityStats {
    /**
     * @param halfLifeSec    half-life of the averages, seconds, > 0 (default 60)
     * @param depthWithinBps how far from the mid depth is counted, bps, > 0 (default 10)
     * @param maxLevels      levels per side read at most, >= 1 (default 50)
     */
    public record Config(double halfLifeSec, double depthWithinBps, int maxLevels) {
        public Config {
            positive(halfLifeSec, "halfLifeSec");
            positive(depthWithinBps, "depthWithinBps");
            atLeast(maxLevels, 1, "maxLevels");
        }

        /** 60 s half-life, depth within 10 bps, at most 50 levels per side. */
        public static Config defaults() {
            return new Config(60, 10, 50);
        }
    }

    private final Config config;
    private final TimeWeightedEwma spreadBps;
    private final TimeWeightedEwma bidDepth;
    private final TimeWeightedEwma askDepth;
    private final long[] levelTicks;
    private final long[] levelLots;
    private long updates;
    private long lastUpdateNs;

    public VenueLiquidityStats(Config config) {
        this.config = Objects.requireNonNull(config, "config");
        this.spreadBps = new TimeWeightedEwma(config.halfLifeSec());
        this.bidDepth = new TimeWeightedEwma(config.halfLifeSec());
        this.askDepth = new TimeWeightedEwma(config.halfLifeSec());
        this.levelTicks = new long[config.maxLevels()];
        this.levelLots = new long[config.maxLevels()];
    }

    public Config config() {
        return config;
    }

    /**
     * Observes the book as it is at {@code timestampNs}.
     *
     * @return false when the book was not usable (recorded as a gap)
     */
    public boolean update(long timestampNs, OrderBook book) {
        lastUpdateNs = timestampNs;
        long bid = book.bestBidTicks();
        long ask = book.bestAskTicks();
        if (!book.isValid() || bid == OrderBook.NO_PRICE || ask == OrderBook.NO_PRICE || bid >= ask) {
            spreadBps.gap(timestampNs);
            bidDepth.gap(timestampNs);
            askDepth.gap(timestampNs);
            return false;
        }
        double mid = (bid + ask) * 0.5;
        double within = config.depthWithinBps() / 10_000;
        Instrument in = book.instrument();
        double midPrice = mid * in.tickSizeDouble(); // an inverse contract's depth in base is counted at the mid
        spreadBps.observe(timestampNs, (ask - bid) / mid * 10_000);
        bidDepth.observe(timestampNs, in.lotsToBaseDouble(lotsWithin(book, Side.BUY, mid * (1 - within)), midPrice));
        askDepth.observe(timestampNs, in.lotsToBaseDouble(lotsWithin(book, Side.SELL, mid * (1 + within)), midPrice));
        updates++;
        return true;
    }

    private long lotsWithin(OrderBook book, Side side, double limitTicks) {
        // a whole tick price is at or above x exactly when it is at or above ceil(x) (at or below: floor)
        long worst = (long) (side == Side.BUY ? Math.ceil(limitTicks) : Math.floor(limitTicks));
        int n = book.copyLevelsWithin(side, worst, config.maxLevels(), levelTicks, levelLots);
        long lots = 0;
        for (int i = 0; i < n; i++) {
            lots += levelLots[i];
        }
        return lots;
    }

    /** True after at least one usable book was observed. */
    public boolean hasData() {
        return updates > 0;
    }

    /** The number of usable books observed. */
    public long sampleCount() {
        return updates;
    }

    /** The engine time of the last {@link #update}, ns. */
    public long lastUpdateNs() {
        return lastUpdateNs;
    }

    /** The average spread, bps of the mid; NaN before the first usable book. */
    public double spreadBps() {
        return spreadBps.average();
    }

    /** The average size resting on the bid within {@code depthWithinBps} of the mid, base units; NaN before data. */
    public double bidDepthBase() {
        return bidDepth.average();
    }

    /** The average size resting on the ask within {@code depthWithinBps} of the mid, base units; NaN before data. */
    public double askDepthBase() {
        return askDepth.average();
    }

    /** The spread of the last usable book, bps; NaN before the first or while the book is unusable. */
    public double lastSpreadBps() {
        return spreadBps.last();
    }
}
