package dev.ballast.connectors.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.connectors.testing.EventText;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same recording, same clock moves, same commands: the same events, byte for byte. */
class BacktestDeterminismTest {

    @Test
    void shouldProduceTheSameEventsForTheSameInputs() {
        List<String> first = run();
        List<String> second = run();

        assertThat(first).hasSizeGreaterThan(20);
        assertThat(second).isEqualTo(first);
    }

    /** A session touching every path: queue fills, through fills, cancels in flight, IOCs, rejects, a gap. */
    private static List<String> run() {
        BacktestFixture f = new BacktestFixture();
        f.standardBook();
        OrderRequest bid = f.postOnly(Side.BUY, 600_000, 5);
        OrderRequest ask = f.postOnly(Side.SELL, 600_002, 5);
        f.postOnly(Side.BUY, 600_005, 5); // crosses: rejected
        f.atMs(10);
        f.level(Side.BUY, 600_000, 25);
        f.trade(600_000, 12, Side.SELL);
        f.level(Side.BUY, 600_000, 9);
        f.atMs(20);
        f.cancel(bid);
        f.ioc(Side.BUY, 600_003, 35);
        f.atMs(23);
        f.trade(600_003, 4, Side.BUY);
        f.atMs(40);
        f.market(Side.SELL, 15);
        f.loseOneUpdate();
        f.level(Side.SELL, 600_002, 1);
        f.atMs(60);
        f.standardBook();
        f.trade(599_999, 20, Side.SELL);
        f.cancel(ask);
        f.atMs(100);
        return f.sink.events().stream().map(EventText::render).toList();
    }
}
