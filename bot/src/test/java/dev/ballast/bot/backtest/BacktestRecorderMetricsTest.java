package dev.ballast.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktestRecorderMetricsTest {
    private static final VenueId SPOT = VenueId.of("spot");
    private static final VenueId PERP = VenueId.of("perp");
    private static final long T0 = 1_000_000_000_000L;
    private static final long SEC = 1_000_000_000L;

    /** Drift 0, 2, −1, 3, 5 and PnL 0, 10, 4, 7, 7 at 0, 10, 20, 30, 40 s. */
    private static BacktestRecorder fiveSamples() {
        BacktestRecorder r = new BacktestRecorder();
        double[] q = {0, 2, -1, 3, 5};
        double[] pnl = {0, 10, 4, 7, 7};
        for (int i = 0; i < q.length; i++) {
            r.onSample(T0 + i * 10 * SEC, 100, q[i], Map.of(SPOT, q[i]), pnl[i], 99, 101, 100);
        }
        return r;
    }

    private static void threeMakerAndTwoHedgeFills(BacktestRecorder r) {
        r.onFill(T0, SPOT, Side.BUY, 99, 1.0, 0.1, false, 100);
        r.onFill(T0 + SEC, SPOT, Side.SELL, 102, 0.5, 0.05, false, 100);
        r.onFill(T0 + 2 * SEC, SPOT, Side.BUY, 101, 0.2, 0.02, false, 100); // through fair: adverse
        r.onFill(T0 + 3 * SEC, PERP, Side.SELL, 99.5, 1.0, 0.2, true, 100);
        r.onFill(T0 + 4 * SEC, PERP, Side.BUY, 100.2, 0.5, 0.1, true, 100);
    }

    @Test
    void shouldWeighEachSampleUntilTheNextForInventoryStatistics() {
        BacktestMetrics m = fiveSamples().metrics(0, 1.5, 20);

        assertThat(m.samples()).isEqualTo(5);
        assertThat(m.durationSec()).isEqualTo(40.0);
        // weights 10, 10, 10, 10, 0 s over W = 40 s
        assertThat(m.meanAbsDriftBase()).isCloseTo(1.5, within(1e-12)); // (0 + 2 + 1 + 3) / 4
        assertThat(m.stdDriftBase()).isCloseTo(Math.sqrt(2.5), within(1e-12)); // mean 1; (1 + 1 + 4 + 4) / 4
        assertThat(m.maxAbsDriftBase()).isEqualTo(5.0); // the last sample counts for the maximum
        assertThat(m.timeOutsideBandShare()).isCloseTo(0.5, within(1e-12)); // |2| and |3| > 1.5
    }

    @Test
    void shouldTakePnlFromTheLastSampleAndPenaliseTheVarianceOfItsChangesOverFixedIntervals() {
        BacktestMetrics m = fiveSamples().metrics(2, 1.5, 20);

        assertThat(m.pnlQuote()).isEqualTo(7.0);
        // P(20 s) − P(0) = 4, P(40 s) − P(20 s) = 3: mean 3.5, population variance 0.25
        assertThat(m.scoreIntervals()).isEqualTo(2);
        assertThat(m.pnlChangeVarianceQuote2()).isCloseTo(0.25, within(1e-12));
        assertThat(m.meanVarianceScore()).isCloseTo(7 - 0.5 * 2 * 0.25, within(1e-12));
    }

    @Test
    void shouldReadPnlAtAGridPointFromTheLastSampleAtOrBeforeIt() {
        BacktestMetrics m = fiveSamples().metrics(1, 1.5, 15);

        // grid 15 s → sample at 10 s (10), grid 30 s → sample at 30 s (7); 40 s is not a complete third interval
        assertThat(m.scoreIntervals()).isEqualTo(2);
        assertThat(m.pnlChangeVarianceQuote2()).isCloseTo(42.25, within(1e-12)); // changes 10 and −3
        assertThat(m.meanVarianceScore()).isCloseTo(7 - 0.5 * 42.25, within(1e-12));
    }

    @Test
    void shouldTakeTheVarianceAsZeroWhenNoIntervalIsComplete() {
        BacktestMetrics m = fiveSamples().metrics(3, 1.5, 41);

        assertThat(m.scoreIntervals()).isZero();
        assertThat(m.pnlChangeVarianceQuote2()).isZero();
        assertThat(m.meanVarianceScore()).isEqualTo(7.0);
    }

    @Test
    void shouldCountFeesSpreadCapturedAndHedgeCostFromTheFills() {
        BacktestRecorder r = fiveSamples();
        threeMakerAndTwoHedgeFills(r);

        BacktestMetrics m = r.metrics(0, 1.5, 20);

        assertThat(m.fills()).isEqualTo(5);
        assertThat(m.makerFills()).isEqualTo(3);
        assertThat(m.hedgeFills()).isEqualTo(2);
        assertThat(m.makerVolumeBase()).isCloseTo(1.7, within(1e-12));
        assertThat(m.hedgeVolumeBase()).isCloseTo(1.5, within(1e-12));
        assertThat(m.feesQuote()).isCloseTo(0.47, within(1e-12));
        // buy 1 @ 99 vs 100: +1; sell 0.5 @ 102: +1; buy 0.2 @ 101 (through fair): −0.2
        assertThat(m.spreadCapturedQuote()).isCloseTo(1.8, within(1e-12));
        // sell 1 @ 99.5 vs 100 at decision: 0.5; buy 0.5 @ 100.2: 0.1; over 150 of notional at decision
        assertThat(m.hedgeCostQuote()).isCloseTo(0.6, within(1e-12));
        assertThat(m.hedgeCostBps()).isCloseTo(40.0, within(1e-9));
    }

    @Test
    void shouldReportNoHedgeCostWithoutHedgeFills() {
        BacktestRecorder r = fiveSamples();
        r.onFill(T0, SPOT, Side.BUY, 99, 1.0, 0.1, false, 100);

        BacktestMetrics m = r.metrics(0, 1.5, 20);

        assertThat(m.hedgeCostBps()).isNaN();
        assertThat(m.hedgeCostQuote()).isZero();
        assertThat(m.fills()).isEqualTo(1);
    }

    @Test
    void shouldWeighSamplesEquallyWhenTheyShareOneInstant() {
        BacktestRecorder r = new BacktestRecorder();
        r.onSample(T0, 100, 1, Map.of(), 0, Double.NaN, Double.NaN, Double.NaN);
        r.onSample(T0, 100, -3, Map.of(), 2, Double.NaN, Double.NaN, Double.NaN);

        BacktestMetrics m = r.metrics(0, 2, 1);

        assertThat(m.meanAbsDriftBase()).isEqualTo(2.0);
        assertThat(m.stdDriftBase()).isEqualTo(2.0); // mean −1, deviations ±2
        assertThat(m.timeOutsideBandShare()).isEqualTo(0.5);
        assertThat(m.pnlQuote()).isEqualTo(2.0);
    }

    @Test
    void shouldRefuseMetricsWithoutSamplesAndSamplesGoingBackInTime() {
        BacktestRecorder r = new BacktestRecorder();
        assertThatThrownBy(() -> r.metrics(0, 1, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no samples");
        r.onSample(T0, 100, 0, Map.of(), 0, 99, 101, 100);
        assertThatThrownBy(() -> r.onSample(T0 - 1, 100, 0, Map.of(), 0, 99, 101, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("went back");
        assertThatThrownBy(() -> r.onSample(T0, 100, Double.NaN, Map.of(), 0, 99, 101, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("drift");
        assertThatThrownBy(() -> r.metrics(0, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scoreIntervalSec");
    }

    @Test
    void shouldRefuseFillsWithoutAPositiveSizePriceOrReferenceFair() {
        BacktestRecorder r = new BacktestRecorder();
        assertThatThrownBy(() -> r.onFill(T0, SPOT, Side.BUY, 100, 0, 0, false, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sizeBase");
        assertThatThrownBy(() -> r.onFill(T0, SPOT, Side.BUY, Double.NaN, 1, 0, false, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("price");
        assertThatThrownBy(() -> r.onFill(T0, SPOT, Side.BUY, 100, 1, 0, true, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("referenceFair");
    }

    @Test
    void shouldKeepEveryFillAndThePositionOfEachVenueInTheSeries() {
        BacktestRecorder r = fiveSamples();
        threeMakerAndTwoHedgeFills(r);
        r.onSample(T0 + 50 * SEC, 100, 0, Map.of(SPOT, 1.0, PERP, -1.0), 7, 99, 101, 100);

        BacktestSeries s = r.series();

        assertThat(r.fills()).hasSize(5);
        assertThat(s.hedges()).extracting(BacktestFill::venue).containsExactly(PERP, PERP);
        assertThat(s.positionBaseByVenue()).containsOnlyKeys("perp", "spot");
        assertThat(s.positionBaseByVenue().get("perp").size()).isEqualTo(1); // it first appeared in the last sample
        assertThat(s.positionBaseByVenue().get("spot").size()).isEqualTo(6);
        assertThat(s.bidVsMidBps().value(0)).isCloseTo(-100.0, within(1e-9)); // 99 vs 100
        assertThat(s.askVsMidBps().value(0)).isCloseTo(100.0, within(1e-9));
    }
}
