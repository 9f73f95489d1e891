package dev.ballast.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MinMaxDecimatorTest {
    @Test
    void shouldKeepEveryPointWhileUnderTheCap() {
        MinMaxDecimator d = new MinMaxDecimator(60);
        for (int i = 0; i < 20; i++) {
            d.add(i, i * 1.5);
        }
        TimeSeries s = d.result();

        assertThat(s.size()).isEqualTo(20);
        assertThat(s.values()).containsExactly(IntStream.range(0, 20).mapToDouble(i -> i * 1.5).toArray());
        assertThat(s.timesNs()).containsExactly(LongStream.range(0, 20).toArray());
    }

    @Test
    void shouldStayUnderTheCapAndKeepSpikesOfALongSeries() {
        MinMaxDecimator d = new MinMaxDecimator(300);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            double v = i == 31_337 ? 1_000 : i == 77_777 ? -1_000 : random.nextDouble();
            d.add(1_000L * i, v);
        }
        TimeSeries s = d.result();

        assertThat(s.size()).isBetween(150, 300);
        assertThat(s.values()).contains(1_000.0, -1_000.0);
        assertThat(s.timesNs()).contains(31_337_000L, 77_777_000L);
        assertThat(s.timesNs()).isSorted();
        assertThat(s.timeNs(0)).isZero();
        assertThat(s.timeNs(s.size() - 1)).isEqualTo(99_999_000L);
    }

    @Test
    void shouldKeepAGapWherePointsWereNaN() {
        MinMaxDecimator d = new MinMaxDecimator(30);
        for (int i = 0; i < 1_000; i++) {
            d.add(i, i >= 400 && i < 600 ? Double.NaN : 1.0);
        }
        TimeSeries s = d.result();

        assertThat(s.size()).isLessThanOrEqualTo(30);
        int nan = 0;
        for (int i = 0; i < s.size(); i++) {
            if (Double.isNaN(s.value(i))) {
                nan++;
                assertThat(s.timeNs(i)).isBetween(400L, 599L);
            }
        }
        assertThat(nan).isPositive();
    }

    @Test
    void shouldGiveTheSamePointsForTheSameInput() {
        MinMaxDecimator a = new MinMaxDecimator(100);
        MinMaxDecimator b = new MinMaxDecimator(100);
        for (int i = 0; i < 12_345; i++) {
            double v = Math.sin(i / 100.0) + (i % 17) * 0.01;
            a.add(i, v);
            b.add(i, v);
        }
        assertThat(a.result()).isEqualTo(b.result());
    }
}
