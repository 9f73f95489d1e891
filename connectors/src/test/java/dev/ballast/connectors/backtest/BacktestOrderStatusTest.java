package dev.ballast.connectors.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Fill;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderStatus;
import dev.ballast.core.Side;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The questions a connector asks after a timeout and the bot asks when it reconciles: what became of order X, and
 * which fills came after trade Y. The backtest venue answers them as a real exchange would.
 */
class BacktestOrderStatusTest {
    private BacktestFixture f;

    @BeforeEach
    void standardBook() {
        f = new BacktestFixture();
        f.standardBook();
    }

    @Test
    void shouldNotKnowAnOrderThatHasNotReachedItYet() {
        OrderRequest bid = f.postOnly(Side.BUY, 600_000, 5);

        assertThat(f.venue.orderStatus(f.instrument.id(), bid.clientOrderId())).isEmpty();
        f.atMs(BacktestFixture.ORDER_LATENCY_MS);
        assertThat(f.venue.orderStatus(f.instrument.id(), bid.clientOrderId())).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(OrderStatus.OPEN);
            assertThat(r.venueOrderId()).isNotNull();
            assertThat(r.filledSize()).isEqualByComparingTo("0");
        });
    }

    @Test
    void shouldReportAPartialFillThenTheCancelWithTheFilledSizeKept() {
        OrderRequest bid = f.postOnly(Side.BUY, 600_000, 5);
        f.atMs(BacktestFixture.ORDER_LATENCY_MS);
        f.trade(600_000, 13, Side.SELL); // 10 ahead of us: 3 lots ours

        assertThat(f.venue.orderStatus(f.instrument.id(), bid.clientOrderId()))
                .hasValueSatisfying(r -> {
                    assertThat(r.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
                    assertThat(r.filledSize()).isEqualByComparingTo("0.003");
                });

        f.cancel(bid);
        f.atMs(BacktestFixture.ORDER_LATENCY_MS + BacktestFixture.CANCEL_LATENCY_MS + 1);
        assertThat(f.venue.orderStatus(f.instrument.id(), bid.clientOrderId()))
                .hasValueSatisfying(r -> {
                    assertThat(r.status()).isEqualTo(OrderStatus.CANCELLED);
                    assertThat(r.filledSize()).isEqualByComparingTo("0.003");
                });
    }

    @Test
    void shouldListOnlyTheFillsAfterTheLastTradeWeKnow() {
        OrderRequest bid = f.postOnly(Side.BUY, 600_000, 5);
        f.atMs(BacktestFixture.ORDER_LATENCY_MS);
        f.trade(600_000, 11, Side.SELL); // 10 ahead of us: 1 lot ours
        f.trade(600_000, 2, Side.SELL);
        f.trade(600_000, 2, Side.SELL); // 5 of 5

        List<Fill> all = f.venue.tradesSince(f.instrument.id(), null);
        assertThat(all).hasSize(3);
        assertThat(f.venue.tradesSince(f.instrument.id(), all.get(0).tradeId()))
                .containsExactly(all.get(1), all.get(2));
        assertThat(f.venue.tradesSince(f.instrument.id(), all.get(2).tradeId())).isEmpty();
        assertThat(f.venue.orderStatus(f.instrument.id(), bid.clientOrderId()))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(OrderStatus.FILLED));
    }

    @Test
    void shouldReportARejectedOrderAsRejected() {
        OrderRequest crossing = f.postOnly(Side.BUY, 600_001, 5); // would take the best ask
        f.atMs(BacktestFixture.ORDER_LATENCY_MS);

        assertThat(f.venue.orderStatus(f.instrument.id(), crossing.clientOrderId()))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(OrderStatus.REJECTED));
        assertThat(f.venue.orderStatus(f.instrument.id(), new ClientOrderId("never-sent"))).isEmpty();
    }
}
