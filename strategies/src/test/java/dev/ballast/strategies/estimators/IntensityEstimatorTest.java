package dev.ballast.strategies.estimators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Side;
import dev.ballast.core.event.PublicTrade;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntensityEstimatorTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long WINDOW = 600 * SECOND;
    private static final double A0 = 1;
    private static final double K0 = 0.5;

    private static IntensityEstimator.Config config(int capacity, double maxKPerBps) {
        return new IntensityEstimator.Config(WINDOW, 0.5, 20, 100, 10, 3, 0.001, 1000, 0.01, maxKPerBps, A0, K0, capacity);
    }

    /**
     * Prints from λ(δ) = A·e^(−kδ) per side: on each side, prints arrive as a Poisson process of rate A and each
     * lands δ ~ Exponential(k) bps from the fair value of its moment (so prints at ≥ δ arrive at A·e^(−kδ)).
     * Fair value itself wanders, and a few prints land on the wrong side of it (they must not count).
     */
    private static int feed(IntensityEstimator est, long seed, long fromNs, long toNs, double a, double kPerBps) {
        SplittableRandom rng = new SplittableRandom(seed);
        double fair = 60_000;
        int n = 0;
        long t = fromNs;
        while (true) {
            t += (long) (-Math.log(1 - rng.nextDouble()) / (2 * a) * 1e9); // both sides: rate 2A
            if (t > toNs) {
                return n;
            }
            fair *= Math.exp(1e-5 * rng.nextGaussian());
            Side aggressor = rng.nextBoolean() ? Side.BUY : Side.SELL;
            double deltaBps = -Math.log(1 - rng.nextDouble()) / kPerBps;
            double price = fair * (1 + aggressor.sign() * deltaBps / 10_000);
            est.onTrade(t, aggressor, price, fair);
            if (rng.nextDouble() < 0.05) {
                est.onTrade(t, aggressor, fair * (1 - aggressor.sign() * 1e-4), fair); // wrong side of fair
            }
            n++;
        }
    }

    @Test
    void shouldRecoverAAndKFromPrintsDrawnFromAKnownIntensity() {
        for (long seed = 1; seed <= 5; seed++) {
            IntensityEstimator est = new IntensityEstimator(config(65_536, 50));
            est.refit(0);
            feed(est, seed, 0, WINDOW, 2.0, 0.8);

            assertThat(est.refit(WINDOW)).isTrue();

            assertThat(est.isFitted()).isTrue();
            assertThat(est.intensityA()).as("A, seed " + seed).isCloseTo(2.0, within(0.2));
            assertThat(est.intensityKPerBps()).as("k, seed " + seed).isCloseTo(0.8, within(0.08));
            assertThat(est.levelsUsed()).isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void shouldMeasureTheRateOverTheTimeItKeptWhenTheBufferOverflows() {
        IntensityEstimator est = new IntensityEstimator(config(1_024, 50));
        est.refit(0);
        int prints = feed(est, 2, 0, WINDOW, 2.0, 0.8);
        assertThat(prints).isGreaterThan(2_000);

        est.refit(WINDOW);

        assertThat(est.tradesInWindow()).isEqualTo(1_024);
        assertThat(est.spanSec()).isLessThan(300);
        assertThat(est.intensityA()).isCloseTo(2.0, within(0.3));
        assertThat(est.intensityKPerBps()).isCloseTo(0.8, within(0.12));
    }

    @Test
    void shouldFallBackWhileThereAreTooFewPrints() {
        IntensityEstimator est = new IntensityEstimator(config(65_536, 50));
        est.refit(0);
        feed(est, 3, 0, 20 * SECOND, 2.0, 0.8); // about 80 prints < minTrades 100

        assertThat(est.refit(20 * SECOND)).isFalse();

        assertThat(est.intensityA()).isEqualTo(A0);
        assertThat(est.intensityKPerBps()).isEqualTo(K0);
    }

    @Test
    void shouldFallBackWhenPrintsDoNotReachEnoughDistanceLevels() {
        IntensityEstimator est = new IntensityEstimator(config(65_536, 50));
        for (int i = 0; i < 500; i++) {
            est.onTrade(i * SECOND / 10, i % 2 == 0 ? Side.BUY : Side.SELL,
                    60_000 * (1 + (i % 2 == 0 ? 1 : -1) * 0.6e-4), 60_000); // all at 0.6 bps: levels 0 and 1
        }

        assertThat(est.refit(50 * SECOND)).isFalse();
        assertThat(est.levelsUsed()).isEqualTo(2);
        assertThat(est.intensityKPerBps()).isEqualTo(K0);
    }

    @Test
    void shouldClampTheFitIntoItsBounds() {
        IntensityEstimator est = new IntensityEstimator(config(65_536, 0.5));
        est.refit(0);
        feed(est, 4, 0, WINDOW, 2.0, 0.8);

        assertThat(est.refit(WINDOW)).isTrue();
        assertThat(est.intensityKPerBps()).isEqualTo(0.5);
    }

    @Test
    void shouldForgetPrintsOlderThanTheWindow() {
        IntensityEstimator est = new IntensityEstimator(config(65_536, 50));
        est.refit(0);
        feed(est, 5, 0, WINDOW, 2.0, 0.8);
        assertThat(est.refit(WINDOW)).isTrue();

        assertThat(est.refit(2 * WINDOW)).isFalse();

        assertThat(est.tradesInWindow()).isZero();
        assertThat(est.intensityA()).isEqualTo(A0);
    }

    @Test
    void shouldPlaceAPublicTradeByItsPriceInTicks() {
        Instrument btc = new Instrument(InstrumentId.of("sim-a", "BTCUSDT"), Asset.of("BTC"), Asset.of("USDT"),
                new BigDecimal("0.01"), new BigDecimal("0.0001"), new BigDecimal("5"));
        IntensityEstimator est = new IntensityEstimator(config(65_536, 50));

        assertThat(est.onTrade(new PublicTrade(btc.id(), 6_000_600, 10, Side.BUY, 1), btc, 60_000)).isTrue();
        assertThat(est.onTrade(new PublicTrade(btc.id(), 6_000_600, 10, Side.SELL, 2), btc, 60_000)).isTrue();
        assertThat(est.onTrade(3, Side.BUY, 60_006, Double.NaN)).isFalse();

        assertThat(est.tradesInWindow()).isEqualTo(1); // the sell printed above fair: no quote of ours would fill
    }

    @Test
    void shouldNameTheFieldOfAnInvalidSetting() {
        assertThatThrownBy(() -> new IntensityEstimator.Config(WINDOW, 0.5, 20, 100, 10, 21, 0.001, 1000, 0.01, 50, 1, 0.5, 1024))
                .hasMessage("minLevels must be <= gridLevels 20 (was 21)");
        assertThatThrownBy(() -> new IntensityEstimator.Config(WINDOW, 0.5, 20, 100, 10, 3, 2, 1, 0.01, 50, 1, 0.5, 1024))
                .hasMessage("minA must be <= maxA (was 2.0 > 1.0)");
        assertThatThrownBy(() -> IntensityEstimator.Config.defaults().withFallback(-1, 0.5))
                .hasMessage("fallbackA must be > 0 (was -1.0)");
    }
}
