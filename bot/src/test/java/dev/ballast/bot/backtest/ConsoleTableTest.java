package dev.ballast.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleTableTest {
    private static StrategyRun run(String name, double pnl, boolean hedge) {
        BacktestRecorder r = new BacktestRecorder();
        r.onSample(0, 100, 0.25, Map.of(), 0, 99, 101, 100);
        r.onSample(10_000_000_000L, 100, -0.5, Map.of(), pnl, 99, 101, 100);
        r.onFill(1, VenueId.of("spot"), Side.BUY, 99, 1, 0.5, false, 100);
        if (hedge) {
            r.onFill(2, VenueId.of("perp"), Side.SELL, 99.9, 1, 0.25, true, 100);
        }
        return r.run(name, name, 0.1, 0.3, 5);
    }

    @Test
    void shouldShowEveryStrategyAsAColumnAndEveryMetricAsARow() {
        BacktestRun backtest = new BacktestRun(new BacktestInputs("c", List.of(), 1, "BTC", "USDT"),
                List.of(run("configured", 12.5, true), run("no-hedge", -3, false)));

        String[] lines = ConsoleTable.render(backtest).split("\n");

        assertThat(lines[0]).matches("metric +configured +no-hedge");
        assertThat(lines[1]).matches("-+");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("PnL \\(USDT\\) +12\\.50 +-3\\.00"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("fees \\(USDT\\) +0\\.75 +0\\.50"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("hedge cost \\(bps vs fair at decision\\) +10\\.00 +–"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("fills \\(maker \\+ hedge\\) +2 \\(1 \\+ 1\\) +1 \\(1 \\+ 0\\)"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("mean \\|q\\| \\(BTC\\) +0\\.2500 +0\\.2500"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("max \\|q\\| \\(BTC\\) +0\\.5000 +0\\.5000"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("time outside band +0\\.0% +0\\.0%"));
        // two 5 s intervals, PnL changes 0 and 12.5: variance 39.0625, score 12.5 − 0.05 × 39.0625 = 10.547;
        // changes 0 and −3: variance 2.25, score −3 − 0.05 × 2.25 = −3.1125
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("mean-variance score \\(USDT\\) +10\\.55 +-3\\.11"));
        assertThat(lines[lines.length - 1]).contains("gamma 0.1", "band ±0.3 BTC");
    }
}
