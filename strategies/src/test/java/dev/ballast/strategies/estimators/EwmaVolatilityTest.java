package dev.ballast.strategies.estimators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EwmaVolatilityTest {
    private static final long SECOND = 1_000_000_000L;
    private static final double FAIR = 60_000;

    private final EwmaVolatility.Config config = new EwmaVolatility.Config(SECOND, 600, 30);

    /** Feeds a random walk of log price with σ bps/√s, updates at exponential gaps of {@code meanGapMs}. */
    private static long feedRandomWalk(EwmaVolatility vol, SplittableRandom rng, long startNs, long durationNs,
                                       double sigmaBps, double meanGapMs, double[] price) {
        long t = startNs;
        while (t < startNs + durationNs) {
            long gap = Math.max(1, (long) (-Math.log(1 - rng.nextDouble()) * meanGapMs * 1e6));
            t += gap;
            price[0] *= Math.exp(sigmaBps / 10_000 * Math.sqrt(gap / 1e9) * rng.nextGaussian());
            vol.update(t, price[0]);
        }
        return t;
    }

    @Test
    void shouldRecoverTheVolatilityOfARandomWalkUpdatedAtIrregularTimes() {
        for (long seed = 1; seed <= 3; seed++) {
            EwmaVolatility vol = new EwmaVolatility(config);
            double[] price = {FAIR};

            feedRandomWalk(vol, new SplittableRandom(seed), 0, 7_200 * SECOND, 2.0, 200, price);

            assertThat(vol.sigmaBpsPerSqrtSec()).as("seed " + seed).isCloseTo(2.0, within(0.2));
            assertThat(vol.sigmaPerSqrtSec()).isCloseTo(vol.sigmaBpsPerSqrtSec() / 10_000 * price[0], within(1e-9));
        }
    }

    @Test
    void shouldFollowAChangeOfVolatilityWithinAFewHalfLives() {
        EwmaVolatility vol = new EwmaVolatility(config);
        SplittableRandom rng = new SplittableRandom(7);
        double[] price = {FAIR};
        long t = feedRandomWalk(vol, rng, 0, 3_600 * SECOND, 1.0, 200, price);
        assertThat(vol.sigmaBpsPerSqrtSec()).isCloseTo(1.0, within(0.15));

        feedRandomWalk(vol, rng, t, 2_400 * SECOND, 4.0, 200, price); // four half-lives

        assertThat(vol.sigmaBpsPerSqrtSec()).isBetween(3.4, 4.4);
    }

    @Test
    void shouldNotCountBurstsOfUpdatesAtTheSameTimestamp() {
        EwmaVolatility clean = new EwmaVolatility(config);
        EwmaVolatility noisy = new EwmaVolatility(config);
        SplittableRandom rng = new SplittableRandom(3);
        double price = FAIR;
        clean.update(0, price);
        noisy.update(0, price);
        for (int i = 1; i <= 3_000; i++) {
            long t = i * 300_000_000L;
            price *= Math.exp(1e-4 * Math.sqrt(0.3) * rng.nextGaussian());
            for (int j = 0; j < 5; j++) {
                noisy.update(t, price * (j % 2 == 0 ? 1.01 : 0.99)); // venues' mids bouncing within one instant
            }
            noisy.update(t, price);
            clean.update(t, price);
        }

        assertThat(noisy.sigmaBpsPerSqrtSec()).isEqualTo(clean.sigmaBpsPerSqrtSec());
        assertThat(noisy.sampleCount()).isEqualTo(clean.sampleCount());
    }

    @Test
    void shouldTreatAGapAsOneReturnOverTheWholeGap() {
        EwmaVolatility vol = new EwmaVolatility(config);
        double[] price = {FAIR};
        long t = feedRandomWalk(vol, new SplittableRandom(11), 0, 3_600 * SECOND, 2.0, 200, price);
        double before = vol.sigmaBpsPerSqrtSec();
        long samples = vol.sampleCount();

        // ten quiet minutes, then the move a 2 bp/√s walk typically makes in that time
        long later = t + 600 * SECOND;
        double move = price[0] * Math.exp(2.0 / 10_000 * Math.sqrt(600));
        vol.update(later, move);
        vol.update(later + SECOND, move);

        assertThat(vol.sampleCount()).isEqualTo(samples + 2);
        assertThat(vol.sigmaBpsPerSqrtSec()).isCloseTo(before, within(before * 0.25));
    }

    @Test
    void shouldReportThePriorUntilWarmThenTheEstimate() {
        EwmaVolatility vol = new EwmaVolatility(config);
        assertThat(vol.sigmaPerSqrtSec()).isNaN(); // no fair value yet to scale the prior
        for (int i = 0; i <= 29; i++) {
            vol.update(i * SECOND, FAIR + (i % 2));
        }
        assertThat(vol.isWarm()).isFalse();
        assertThat(vol.sigmaBpsPerSqrtSec()).isEqualTo(config.fallbackBpsPerSqrtSec());
        assertThat(vol.sigmaPerSqrtSec()).isCloseTo(config.fallbackBpsPerSqrtSec() / 10_000 * vol.latestFairValue(),
                within(1e-12));

        vol.update(30 * SECOND, FAIR);

        assertThat(vol.isWarm()).isTrue();
        assertThat(vol.sigmaBpsPerSqrtSec()).isNotEqualTo(config.fallbackBpsPerSqrtSec());
        assertThat(vol.sigmaPerSqrtSec()).isPositive();
    }

    @Test
    void shouldIgnoreUnusableFairValuesAndTakeALateTimestampAsTheLatest() {
        EwmaVolatility vol = new EwmaVolatility(config);
        vol.update(10 * SECOND, FAIR);

        assertThat(vol.update(11 * SECOND, Double.NaN)).isFalse();
        assertThat(vol.update(11 * SECOND, 0)).isFalse();
        assertThat(vol.update(5 * SECOND, FAIR * 1.001)).isTrue();

        assertThat(vol.latestNs()).isEqualTo(10 * SECOND);
        assertThat(vol.latestFairValue()).isEqualTo(FAIR * 1.001);
        assertThat(vol.sampleCount()).isZero();
    }

    @Test
    void shouldForgetEverythingOnReset() {
        EwmaVolatility vol = new EwmaVolatility(new EwmaVolatility.Config(SECOND, 60, 1));
        vol.update(0, FAIR);
        vol.update(2 * SECOND, FAIR * 1.01);
        vol.update(3 * SECOND, FAIR * 1.01);
        assertThat(vol.isWarm()).isTrue();

        vol.reset();

        assertThat(vol.isWarm()).isFalse();
        assertThat(vol.logVariancePerSec()).isNaN();
    }

    @Test
    void shouldNameTheFieldOfAnInvalidSetting() {
        assertThatThrownBy(() -> new EwmaVolatility.Config(0, 60, 1)).hasMessage("sampleIntervalNs must be > 0 (was 0)");
        assertThatThrownBy(() -> new EwmaVolatility.Config(SECOND, -1, 1)).hasMessage("halfLifeSec must be > 0 (was -1.0)");
        assertThatThrownBy(() -> new EwmaVolatility.Config(SECOND, 60, 0)).hasMessage("minSamples must be >= 1 (was 0)");
    }
}
