package dev.ballast.strategies.estimators;

import static dev.ballast.strategies.internal.ParamChecks.atLeast;
import static dev.ballast.strategies.internal.ParamChecks.positive;

import java.util.Objects;

/**
 * The volatility of an asset's fair value: an exponentially weighted estimate of the variance rate of its log
 * returns, reported as σ in price units per √second (what the quote models take) and in bps per √second.
 * Updated from events with each event's timestamp; reads no clock.
 *
 * <h2>Method</h2>
 * <ol>
 *   <li><b>Fixed-interval sampling.</b> Fair value is sampled on a grid of {@code sampleIntervalNs}
 *       (previous-tick: the value at a grid point is the last one seen at or before it). At most one return
 *       per interval is taken, so bursts of updates — many at the same timestamp, a fair value bouncing between
 *       venues' mids — do not add variance; only where the price stands at each grid point counts.</li>
 *   <li><b>Time-weighted ratio of sums.</b> Each sampled log return r, spanning m ≥ 1 intervals (m &gt; 1 after a
 *       gap with no updates), adds r² to a sum of squares and m × interval seconds to a sum of time; both
 *       sums decay by 2^(−elapsed / halfLife) of engine time. The variance rate is
 *       {@code Σ w·r² / Σ w·Δt} (per second). A gap is thus one return over a long interval, weighted by its
 *       length — not m returns of zero and not one huge one-interval return.</li>
 *   <li>σ per √s = √(variance rate); in price units it is multiplied by the latest fair value.</li>
 * </ol>
 * Until {@code minSamples} returns have been taken the estimator is not {@link #isWarm() warm} and its σ is
 * NaN (the quote models then fall back). Call {@link #update} on every fair-value change and, so quiet markets
 * are sampled too, on the engine's timer. A timestamp earlier than the latest one seen (venue clocks disagree
 * by a few ms) is taken as equal to it; a non-finite or non-positive fair value is ignored.
 *
 * <p>Not thread-safe: owned by the engine thread. Allocates nothing after construction.
 */
public final class EwmaVolatility {
    private static final double LN2 = Math.log(2);

    /**
     * @param sampleIntervalNs how often fair value is sampled, ns, > 0 (default 1 s)
     * @param halfLifeSec      half-life of a return's weight, engine seconds, > 0 (default 300)
     * @param minSamples       returns needed before σ is estimated, >= 1 (default 30)
     * @param fallbackBpsPerSqrtSec the σ reported until then, bps of fair value per √s, > 0 (default 2.0): a prior,
     *                         so the quote models and the decision are not blind for the first minutes
     */
    public record Config(long sampleIntervalNs, double halfLifeSec, int minSamples, double fallbackBpsPerSqrtSec) {
        /** The σ prior used when none is given, bps per √s: a quiet BTC or ETH minute. */
        public static final double DEFAULT_FALLBACK_BPS_PER_SQRT_SEC = 2.0;

        public Config {
            positive(sampleIntervalNs, "sampleIntervalNs");
            positive(halfLifeSec, "halfLifeSec");
            atLeast(minSamples, 1, "minSamples");
            positive(fallbackBpsPerSqrtSec, "fallbackBpsPerSqrtSec");
        }

        /** Settings with the default σ prior. */
        public Config(long sampleIntervalNs, double halfLifeSec, int minSamples) {
            this(sampleIntervalNs, halfLifeSec, minSamples, DEFAULT_FALLBACK_BPS_PER_SQRT_SEC);
        }

        /** 1 s sampling, 300 s half-life, estimated after 30 returns, 2 bps/√s until then. */
        public static Config defaults() {
            return new Config(1_000_000_000L, 300, 30);
        }
    }

    private final Config config;
    private final long intervalNs;
    private final double intervalSec;
    private final double decayRatePerSec;

    private boolean started;
    private long lastSampleNs;
    private double lastSamplePrice;
    private long latestNs;
    private double latestPrice = Double.NaN;
    private double weightedSquares;
    private double weightedSeconds;
    private long samples;

    public EwmaVolatility(Config config) {
        this.config = Objects.requireNonNull(config, "config");
        this.intervalNs = config.sampleIntervalNs();
        this.intervalSec = intervalNs / 1e9;
        this.decayRatePerSec = LN2 / config.halfLifeSec();
    }

    public Config config() {
        return config;
    }

    /**
     * Records the fair value at {@code timestampNs}.
     *
     * @return false when the value was ignored (not finite or not > 0)
     */
    public boolean update(long timestampNs, double fairValue) {
        if (!(fairValue > 0) || !Double.isFinite(fairValue)) {
            return false;
        }
        if (!started) {
            started = true;
            lastSampleNs = timestampNs;
            lastSamplePrice = fairValue;
            latestNs = timestampNs;
            latestPrice = fairValue;
            return true;
        }
        long t = Math.max(timestampNs, latestNs);
        long elapsed = t - lastSampleNs;
        if (elapsed >= intervalNs) {
            long intervals = elapsed / intervalNs;
            double r = Math.log(latestPrice / lastSamplePrice);
            double decay = Math.exp(-decayRatePerSec * intervals * intervalSec);
            weightedSquares = decay * weightedSquares + r * r;
            weightedSeconds = decay * weightedSeconds + intervals * intervalSec;
            samples++;
            lastSampleNs += intervals * intervalNs;
            lastSamplePrice = latestPrice;
        }
        latestNs = t;
        latestPrice = fairValue;
        return true;
    }

    /** True once {@code minSamples} returns have been taken. */
    public boolean isWarm() {
        return samples >= config.minSamples();
    }

    /** How many sampled returns have been taken so far. */
    public long sampleCount() {
        return samples;
    }

    /** The variance rate of log returns, per second (dimensionless² / s); NaN before the first return. */
    public double logVariancePerSec() {
        return weightedSeconds > 0 ? weightedSquares / weightedSeconds : Double.NaN;
    }

    /** σ in bps of fair value per √second: the estimate once {@link #isWarm() warm}, the configured prior before. */
    public double sigmaBpsPerSqrtSec() {
        return isWarm() ? Math.sqrt(logVariancePerSec()) * 10_000 : config.fallbackBpsPerSqrtSec();
    }

    /**
     * σ in price units per √second at the latest fair value (the estimate once warm, the prior before); NaN
     * before the first fair value.
     */
    public double sigmaPerSqrtSec() {
        return sigmaBpsPerSqrtSec() / 10_000 * latestPrice;
    }

    /** The latest fair value seen, NaN before the first. */
    public double latestFairValue() {
        return latestPrice;
    }

    /** The timestamp of the latest update, ns (0 before the first). */
    public long latestNs() {
        return latestNs;
    }

    /** Forgets everything (e.g. after a long outage of every book of the asset). */
    public void reset() {
        started = false;
        lastSampleNs = 0;
        lastSamplePrice = 0;
        latestNs = 0;
        latestPrice = Double.NaN;
        weightedSquares = 0;
        weightedSeconds = 0;
        samples = 0;
    }
}
