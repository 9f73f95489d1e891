package dev.ballast.strategies.estimators;

import static dev.ballast.strategies.internal.ParamChecks.atLeast;
import static dev.ballast.strategies.internal.ParamChecks.ordered;
import static dev.ballast.strategies.internal.ParamChecks.positive;

import dev.ballast.core.Instrument;
import dev.ballast.core.Side;
import dev.ballast.core.event.PublicTrade;
import java.util.Objects;

/**
 * The order-arrival intensity of an asset as a function of the distance from fair value,
 * λ(δ) = A·e^(−kδ) per side, fitted from the public trades of a rolling window: A in trades per second at
 * δ = 0, k per bps of δ. These are the A and k of the Avellaneda–Stoikov and Guéant quote models.
 *
 * <h2>Method</h2>
 * <ol>
 *   <li><b>Distance.</b> Each public print is placed at δ = signed distance from the fair value at that
 *       moment, in bps: for a buy aggressor (it lifted asks) δ = (price − fair) / fair × 10⁴, for a sell
 *       aggressor δ = (fair − price) / fair × 10⁴. A print at δ would have filled a quote of ours at δ or
 *       nearer, on the side it hit. Prints on the wrong side of fair (δ &lt; 0) would have filled no quote
 *       of ours and are not counted.</li>
 *   <li><b>Rates.</b> On a grid δ_i = i × {@code gridStepBps}, i = 0 … {@code gridLevels} − 1, N_i = the
 *       number of prints in the window at δ ≥ δ_i, both sides pooled, and the per-side rate
 *       λ̂_i = N_i / (2 × span seconds). The span is the window, or less while the estimator has not been
 *       observing that long (since its first trade or {@link #refit} call) or after the buffer overflowed.</li>
 *   <li><b>Fit.</b> Weighted least squares of ln λ̂_i on δ_i over the levels with N_i ≥
 *       {@code minTradesPerLevel} (a prefix of the grid, N_i falls with i), weight N_i (the variance of
 *       ln N is ≈ 1/N for a Poisson count): slope = −k, intercept = ln A. A and k are clamped into their
 *       configured bounds.</li>
 *   <li><b>Thin data.</b> With fewer than {@code minTrades} prints at δ ≥ 0 or fewer than {@code minLevels}
 *       usable levels the estimator is not {@link #isFitted() fitted} and reports the fallback (A0, k0).</li>
 * </ol>
 * Counting prints is an approximation of the fill rate of our own quotes (it ignores queue position and
 * print size), the usual one for these models. A print's level is kept in a histogram updated as prints
 * enter and leave, so {@link #refit} costs O(prints leaving + levels). Prints are expected in roughly
 * increasing time; a slightly late one simply leaves the window slightly late.
 *
 * <p>Not thread-safe: owned by the engine thread. Allocates nothing after construction.
 */
public final class IntensityEstimator {
    /**
     * @param windowNs          the rolling window, ns, > 0 (default 5 min)
     * @param gridStepBps       distance between grid levels, bps, > 0 (default 0.5)
     * @param gridLevels        number of grid levels from δ = 0, >= 2 (default 20: 0 … 9.5 bps)
     * @param minTrades         prints at δ ≥ 0 in the window needed to fit, >= 1 (default 100)
     * @param minTradesPerLevel prints at or beyond a level for it to be used, >= 1 (default 10)
     * @param minLevels         usable levels needed to fit, >= 2 and <= gridLevels (default 3)
     * @param minA              lower bound of A, trades/s, > 0 (default 0.001)
     * @param maxA              upper bound of A, trades/s, >= minA (default 1000)
     * @param minKPerBps        lower bound of k, per bps, > 0 (default 0.01)
     * @param maxKPerBps        upper bound of k, per bps, >= minKPerBps (default 50)
     * @param fallbackA         A0 reported while not fitted, trades/s, > 0 (default 1)
     * @param fallbackKPerBps   k0 reported while not fitted, per bps, > 0 (default 0.5)
     * @param capacity          prints kept at most, >= 16 (default 65 536); the oldest leave first
     */
    public record Config(long windowNs, double gridStepBps, int gridLevels, int minTrades, int minTradesPerLevel,
                         int minLevels, double minA, double maxA, double minKPerBps, double maxKPerBps,
                         double fallbackA, double fallbackKPerBps, int capacity) {
        public Config {
            positive(windowNs, "windowNs");
            positive(gridStepBps, "gridStepBps");
            atLeast(gridLevels, 2, "gridLevels");
            atLeast(minTrades, 1, "minTrades");
            atLeast(minTradesPerLevel, 1, "minTradesPerLevel");
            atLeast(minLevels, 2, "minLevels");
            if (minLevels > gridLevels) {
                throw new IllegalArgumentException("minLevels must be <= gridLevels " + gridLevels + " (was " + minLevels + ")");
            }
            positive(minA, "minA");
            positive(maxA, "maxA");
            ordered(minA, "minA", maxA, "maxA");
            positive(minKPerBps, "minKPerBps");
            positive(maxKPerBps, "maxKPerBps");
            ordered(minKPerBps, "minKPerBps", maxKPerBps, "maxKPerBps");
            positive(fallbackA, "fallbackA");
            positive(fallbackKPerBps, "fallbackKPerBps");
            atLeast(capacity, 16, "capacity");
        }

        /** The defaults listed above. */
        public static Config defaults() {
            return new Config(300_000_000_000L, 0.5, 20, 100, 10, 3, 0.001, 1000, 0.01, 50, 1, 0.5, 65_536);
        }

        /** These settings with another fallback (A0, k0). */
        public Config withFallback(double a0, double k0PerBps) {
            return new Config(windowNs, gridStepBps, gridLevels, minTrades, minTradesPerLevel, minLevels, minA, maxA,
                    minKPerBps, maxKPerBps, a0, k0PerBps, capacity);
        }
    }

    private final Config config;
    private final long[] tradeNs;
    private final int[] tradeLevel;
    private final int[] histogram;
    private int head;
    private int size;
    private long observingSinceNs = Long.MIN_VALUE;
    private long evictedThroughNs = Long.MIN_VALUE;

    private boolean fitted;
    private double a;
    private double kPerBps;
    private double spanSec;
    private int levelsUsed;

    public IntensityEstimator(Config config) {
        this.config = Objects.requireNonNull(config, "config");
        this.tradeNs = new long[config.capacity()];
        this.tradeLevel = new int[config.capacity()];
        this.histogram = new int[config.gridLevels()];
        this.a = config.fallbackA();
        this.kPerBps = config.fallbackKPerBps();
    }

    public Config config() {
        return config;
    }

    /** Records a public print; see {@link #onTrade(long, Side, double, double)}. */
    public boolean onTrade(PublicTrade trade, Instrument instrument, double fairValue) {
        return onTrade(trade.timestampNs(), trade.aggressor(), instrument.ticksToDouble(trade.priceTicks()), fairValue);
    }

    /**
     * Records a public print at {@code price} (price units) whose aggressor was {@code aggressor}, with the
     * fair value of that moment.
     *
     * @return false when ignored: the fair value or price is not finite and > 0
     */
    public boolean onTrade(long timestampNs, Side aggressor, double price, double fairValue) {
        Objects.requireNonNull(aggressor, "aggressor");
        if (!(fairValue > 0) || !(price > 0) || !Double.isFinite(fairValue) || !Double.isFinite(price)) {
            return false;
        }
        if (observingSinceNs == Long.MIN_VALUE) {
            observingSinceNs = timestampNs;
        }
        double deltaBps = aggressor.sign() * (price - fairValue) / fairValue * 10_000;
        if (deltaBps < 0) {
            return true;
        }
        if (size == tradeNs.length) {
            evictOldest();
        }
        int level = (int) Math.min(config.gridLevels() - 1, Math.floor(deltaBps / config.gridStepBps()));
        int slot = (head + size) % tradeNs.length;
        tradeNs[slot] = timestampNs;
        tradeLevel[slot] = level;
        histogram[level]++;
        size++;
        return true;
    }

    /**
     * Drops prints older than the window and fits A and k on what is left (or falls back).
     *
     * @return whether the fit succeeded ({@link #isFitted()})
     */
    public boolean refit(long nowNs) {
        if (observingSinceNs == Long.MIN_VALUE) {
            observingSinceNs = nowNs;
        }
        long windowStart = nowNs - config.windowNs();
        while (size > 0 && tradeNs[head] <= windowStart) {
            evictOldest();
        }
        long spanStart = Math.max(windowStart, Math.max(observingSinceNs, evictedThroughNs));
        spanSec = (nowNs - spanStart) / 1e9;
        fitted = spanSec > 0 && fit(spanSec);
        if (!fitted) {
            a = config.fallbackA();
            kPerBps = config.fallbackKPerBps();
        }
        return fitted;
    }

    private boolean fit(double seconds) {
        int levels = config.gridLevels();
        int cumulative = 0;
        for (int i = levels - 1; i >= 0; i--) {
            cumulative += histogram[i];
        }
        if (cumulative < config.minTrades()) {
            levelsUsed = 0;
            return false;
        }
        double sw = 0;
        double swx = 0;
        double swy = 0;
        double swxx = 0;
        double swxy = 0;
        int used = 0;
        // cumulative = N_0; N_{i+1} = N_i − histogram[i]
        for (int i = 0; i < levels && cumulative >= config.minTradesPerLevel(); i++) {
            double x = i * config.gridStepBps();
            double y = Math.log(cumulative / (2 * seconds));
            double w = cumulative;
            sw += w;
            swx += w * x;
            swy += w * y;
            swxx += w * x * x;
            swxy += w * x * y;
            used++;
            cumulative -= histogram[i];
        }
        levelsUsed = used;
        if (used < config.minLevels()) {
            return false;
        }
        double slope = (sw * swxy - swx * swy) / (sw * swxx - swx * swx);
        double intercept = (swy - slope * swx) / sw;
        a = clamp(Math.exp(intercept), config.minA(), config.maxA());
        kPerBps = clamp(-slope, config.minKPerBps(), config.maxKPerBps());
        return true;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private void evictOldest() {
        histogram[tradeLevel[head]]--;
        evictedThroughNs = Math.max(evictedThroughNs, tradeNs[head]);
        head = (head + 1) % tradeNs.length;
        size--;
    }

    /** True when the last {@link #refit} had enough prints and levels; otherwise A and k are the fallback. */
    public boolean isFitted() {
        return fitted;
    }

    /** A, trades per second per side at δ = 0 (the fallback A0 while not fitted). */
    public double intensityA() {
        return a;
    }

    /** k, per bps of distance (the fallback k0 while not fitted). */
    public double intensityKPerBps() {
        return kPerBps;
    }

    /** λ(δ) = A·e^(−kδ): the expected prints per second per side reaching {@code deltaBps} from fair value. */
    public double ratePerSec(double deltaBps) {
        return a * Math.exp(-kPerBps * deltaBps);
    }

    /** Prints at δ ≥ 0 currently in the window (as of the last {@link #refit}, plus those since). */
    public int tradesInWindow() {
        return size;
    }

    /** The grid levels the last fit used (0 when it had too few prints). */
    public int levelsUsed() {
        return levelsUsed;
    }

    /** The seconds of observation the last fit divided by. */
    public double spanSec() {
        return spanSec;
    }
}
