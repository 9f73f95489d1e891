package dev.ballast.bot.config;

import dev.ballast.strategies.estimators.EwmaVolatility;
import dev.ballast.strategies.estimators.IntensityEstimator;
import dev.ballast.strategies.estimators.VenueLiquidityStats;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The settings of the estimators the quote models and the hedge decision read ({@code estimators}), the same
 * for every asset and venue. Every section and key is optional; the defaults ({@link #DEFAULTS}) are the
 * estimators' own. Times are in the units their key names say and converted to the engine's nanoseconds by
 * the accessors. Immutable.
 *
 * @param volatility fair value's volatility, an EWMA of its returns ({@code estimators.volatility})
 * @param intensity the fill intensity λ(δ) = A·e^(−kδ) fitted from trades ({@code estimators.intensity})
 * @param liquidity each venue's spread and depth near the touch ({@code estimators.liquidity})
 */
public record EstimatorsConfig(Volatility volatility, Intensity intensity, Liquidity liquidity) {
    /** The settings used when the config has no {@code estimators} section. */
    public static final EstimatorsConfig DEFAULTS =
            new EstimatorsConfig(Volatility.DEFAULTS, Intensity.DEFAULTS, Liquidity.DEFAULTS);

    public EstimatorsConfig {
        Objects.requireNonNull(volatility, "volatility");
        Objects.requireNonNull(intensity, "intensity");
        Objects.requireNonNull(liquidity, "liquidity");
    }

    /** The settings of each asset's {@link EwmaVolatility}. */
    public EwmaVolatility.Config ewmaVolatility() {
        return volatility.toEstimatorConfig();
    }

    /** The settings of each asset's {@link IntensityEstimator}. */
    public IntensityEstimator.Config intensityEstimator() {
        return intensity.toEstimatorConfig();
    }

    /** The settings of each venue book's {@link VenueLiquidityStats}. */
    public VenueLiquidityStats.Config venueLiquidityStats() {
        return liquidity.toEstimatorConfig();
    }

    /**
     * {@code estimators.volatility}: see {@link EwmaVolatility}.
     *
     * @param sampleIntervalMs how often fair value is sampled; from 1 to {@value #MAX_SAMPLE_INTERVAL_MS}; default
     *     1000
     * @param halfLifeSec the half-life of a return's weight; > 0; default 300
     * @param minSamples the returns needed before σ is estimated; > 0; default 30
     * @param fallbackBpsPerSqrtSec the σ used until then, bps of fair value per √s; > 0; default 2.0
     */
    public record Volatility(long sampleIntervalMs, double halfLifeSec, int minSamples, double fallbackBpsPerSqrtSec) {
        /** An hour. */
        public static final long MAX_SAMPLE_INTERVAL_MS = 3_600_000;
        public static final Volatility DEFAULTS = of(EwmaVolatility.Config.defaults());

        /** @throws IllegalArgumentException listing every field that breaks its rule */
        public Volatility {
            Rules r = new Rules();
            r.between("sampleIntervalMs", sampleIntervalMs, 1, MAX_SAMPLE_INTERVAL_MS);
            r.positive("halfLifeSec", halfLifeSec);
            r.positive("minSamples", minSamples);
            r.positive("fallbackBpsPerSqrtSec", fallbackBpsPerSqrtSec);
            r.accepts(() -> new EwmaVolatility.Config(
                    TimeUnit.MILLISECONDS.toNanos(sampleIntervalMs), halfLifeSec, minSamples, fallbackBpsPerSqrtSec));
            r.throwIfAny();
        }

        private static Volatility of(EwmaVolatility.Config c) {
            return new Volatility(TimeUnit.NANOSECONDS.toMillis(c.sampleIntervalNs()), c.halfLifeSec(),
                    c.minSamples(), c.fallbackBpsPerSqrtSec());
        }

        EwmaVolatility.Config toEstimatorConfig() {
            return new EwmaVolatility.Config(TimeUnit.MILLISECONDS.toNanos(sampleIntervalMs), halfLifeSec,
                    minSamples, fallbackBpsPerSqrtSec);
        }
    }

    /**
     * {@code estimators.intensity}: see {@link IntensityEstimator}. A is in trades per second, k per bps of
     * fair value, δ (the distance of a trade from fair value) in bps.
     *
     * @param windowSec the rolling window of trades fitted; from 1 to {@value #MAX_WINDOW_SEC}; default 300
     * @param gridStepBps the distance between the grid's levels; > 0; default 0.5
     * @param gridLevels the number of levels from δ = 0; from 2 to {@value #MAX_GRID_LEVELS}; default 20
     * @param minTrades trades at δ >= 0 in the window needed to fit; > 0 and <= capacity; default 100
     * @param minTradesPerLevel trades at or beyond a level for it to be used; > 0; default 10
     * @param minLevels usable levels needed to fit; >= 2 and <= gridLevels; default 3
     * @param minAPerSec lower bound of the fitted A; > 0; default 0.001
     * @param maxAPerSec upper bound of the fitted A; >= minAPerSec; default 1000
     * @param minKPerBps lower bound of the fitted k; > 0; default 0.01
     * @param maxKPerBps upper bound of the fitted k; >= minKPerBps; default 50
     * @param fallbackAPerSec the A reported while not fitted; > 0; default 1
     * @param fallbackKPerBps the k reported while not fitted; > 0; default 0.5
     * @param capacity trades kept at most (the oldest leave first); from 16 to {@value #MAX_CAPACITY}; default
     *     65536
     */
    public record Intensity(
            long windowSec,
            double gridStepBps,
            int gridLevels,
            int minTrades,
            int minTradesPerLevel,
            int minLevels,
            double minAPerSec,
            double maxAPerSec,
            double minKPerBps,
            double maxKPerBps,
            double fallbackAPerSec,
            double fallbackKPerBps,
            int capacity) {
        /** A day. */
        public static final long MAX_WINDOW_SEC = 86_400;
        public static final int MAX_GRID_LEVELS = 10_000;
        /** 2^24 trades: 200 MB of buffers per asset. */
        public static final int MAX_CAPACITY = 1 << 24;
        public static final Intensity DEFAULTS = of(IntensityEstimator.Config.defaults());

        /** @throws IllegalArgumentException listing every field that breaks its rule */
        public Intensity {
            Rules r = new Rules();
            r.between("windowSec", windowSec, 1, MAX_WINDOW_SEC);
            r.positive("gridStepBps", gridStepBps);
            r.between("gridLevels", gridLevels, 2, MAX_GRID_LEVELS);
            r.positive("minTrades", minTrades);
            r.positive("minTradesPerLevel", minTradesPerLevel);
            r.atLeast("minLevels", minLevels, 2);
            if (minLevels >= 2 && gridLevels >= 2) {
                r.require(minLevels <= gridLevels,
                        "minLevels must be <= gridLevels " + gridLevels + " (was " + minLevels + ")");
            }
            bounds(r, "A", "PerSec", minAPerSec, maxAPerSec);
            bounds(r, "K", "PerBps", minKPerBps, maxKPerBps);
            r.positive("fallbackAPerSec", fallbackAPerSec);
            r.positive("fallbackKPerBps", fallbackKPerBps);
            r.between("capacity", capacity, 16, MAX_CAPACITY);
            if (minTrades > 0 && capacity >= 16) {
                r.require(capacity >= minTrades,
                        "capacity must be >= minTrades " + minTrades + " (was " + capacity + ")");
            }
            r.accepts(() -> new IntensityEstimator.Config(TimeUnit.SECONDS.toNanos(windowSec), gridStepBps,
                    gridLevels, minTrades, minTradesPerLevel, minLevels, minAPerSec, maxAPerSec, minKPerBps,
                    maxKPerBps, fallbackAPerSec, fallbackKPerBps, capacity));
            r.throwIfAny();
        }

        /** min… > 0, max… > 0 and max… >= min…, e.g. {@code maxAPerSec must be >= minAPerSec 0.001 (was 0)}. */
        private static void bounds(Rules r, String symbol, String unit, double min, double max) {
            String minName = "min" + symbol + unit;
            String maxName = "max" + symbol + unit;
            r.positive(minName, min);
            r.positive(maxName, max);
            if (min > 0 && max > 0) {
                r.require(max >= min, maxName + " must be >= " + minName + " " + Rules.show(min) + " (was "
                        + Rules.show(max) + ")");
            }
        }

        private static Intensity of(IntensityEstimator.Config c) {
            return new Intensity(TimeUnit.NANOSECONDS.toSeconds(c.windowNs()), c.gridStepBps(), c.gridLevels(),
                    c.minTrades(), c.minTradesPerLevel(), c.minLevels(), c.minA(), c.maxA(), c.minKPerBps(),
                    c.maxKPerBps(), c.fallbackA(), c.fallbackKPerBps(), c.capacity());
        }

        IntensityEstimator.Config toEstimatorConfig() {
            return new IntensityEstimator.Config(TimeUnit.SECONDS.toNanos(windowSec), gridStepBps, gridLevels,
                    minTrades, minTradesPerLevel, minLevels, minAPerSec, maxAPerSec, minKPerBps, maxKPerBps,
                    fallbackAPerSec, fallbackKPerBps, capacity);
        }
    }

    /**
     * {@code estimators.liquidity}: see {@link VenueLiquidityStats}.
     *
     * @param halfLifeSec the half-life of the spread and depth averages; > 0; default 60
     * @param depthWithinBps depth is the size resting within this distance of the mid; > 0 and < 10000;
     *     default 10
     * @param maxLevels levels per side read at most; > 0; default 50
     */
    public record Liquidity(double halfLifeSec, double depthWithinBps, int maxLevels) {
        public static final Liquidity DEFAULTS = of(VenueLiquidityStats.Config.defaults());

        /** @throws IllegalArgumentException listing every field that breaks its rule */
        public Liquidity {
            Rules r = new Rules();
            r.positive("halfLifeSec", halfLifeSec);
            r.positive("depthWithinBps", depthWithinBps);
            r.below("depthWithinBps", depthWithinBps, 10_000);
            r.positive("maxLevels", maxLevels);
            r.accepts(() -> new VenueLiquidityStats.Config(halfLifeSec, depthWithinBps, maxLevels));
            r.throwIfAny();
        }

        private static Liquidity of(VenueLiquidityStats.Config c) {
            return new Liquidity(c.halfLifeSec(), c.depthWithinBps(), c.maxLevels());
        }

        VenueLiquidityStats.Config toEstimatorConfig() {
            return new VenueLiquidityStats.Config(halfLifeSec, depthWithinBps, maxLevels);
        }
    }
}
