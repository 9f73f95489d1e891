package dev.ballast.connectors.backtest;

import static dev.ballast.connectors.backtest.BacktestFixture.CANCEL_LATENCY_MS;
import static dev.ballast.connectors.backtest.BacktestFixture.ORDER_LATENCY_MS;
import static dev.ballast.connectors.backtest.BacktestFixture.T0;
import static dev.ballast.connectors.backtest.BacktestFixture.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.OrderRequest;
import dev.ballast.core.Side;
import dev.ballast.core.event.CancelRejected;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.PublicTrade;
import dev.ballast.core.event.RejectReason;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Order latency (10 ms) and cancel latency (5 ms): when our commands take effect against the recording. */
class BacktestLatencyTest {
    private static final long MS = 1_000_000L;
    private BacktestFixture f;

    @BeforeEach
    void standardBook() {
        f = new BacktestFixture();
        f.standardBook();
    }

    @Test
    void shouldTakePartOnlyInTradesFromOrderLatencyAfterItWasSent() {
        f.atMs(100);
        OrderRequest bid = f.postOnly(Side.BUY, 600_000, 5);

        f.atNs(100 * MS + ORDER_LATENCY_MS * MS - 1);
        f.trade(599_999, 2, Side.SELL); // through our price, one nanosecond too early
        assertThat(f.sink.forOrder(bid.clientOrderId())).isEmpty();

        f.atNs(100 * MS + ORDER_LATENCY_MS * MS);
        f.trade(599_999, 2, Side.SELL);

        assertThat(f.fillLots(bid)).containsExactly(2L);
        assertThat(f.sink.forOrder(bid.clientOrderId()).get(0)).isInstanceOfSatisfying(OrderAccepted.class,
                a -> assertThat(a.timestampNs()).isEqualTo(T0 + (100 + ORDER_LATENCY_MS) * MS));
    }

    @Test
    void shouldJoinTheQueueAsTheBookStandsWhenTheOrderArrivesNotWhenItIsSent() {
        OrderRequest bid = f.postOnly(Side.BUY, 600_000, 5);
        f.atMs(5);
        f.level(Side.BUY, 600_000, 30); // grows before our order lands: all 30 will be ahead

        f.atMs(ORDER_LATENCY_MS);
        f.trade(600_000, 30, Side.SELL);
        assertThat(f.fills(bid)).isEmpty();
        f.trade(600_000, 1, Side.SELL);

        assertThat(f.fillLots(bid)).containsExactly(1L);
    }

    @Test
    void shouldStampCommandsWithTheirArrivalTimeWhenTheVenueIsMovedPastIt() {
        OrderRequest bid = f.postOnly(Side.BUY, 600_000, 5);

        f.atMs(1_000);

        assertThat(f.sink.forOrder(bid.clientOrderId())).singleElement().isInstanceOfSatisfying(OrderAccepted.class,
                a -> assertThat(a.timestampNs()).isEqualTo(T0 + ORDER_LATENCY_MS * MS));
        assertThat(f.venue.nextCommandArrivalNs()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shouldTellTheDriverWhenTheNextCommandArrives() {
        f.atMs(20);
        f.postOnly(Side.BUY, 600_000, 5);

        assertThat(f.venue.nextCommandArrivalNs()).isEqualTo(T0 + (20 + ORDER_LATENCY_MS) * MS);
    }

    @Test
    void shouldStillFillAnOrderWhileItsCancelIsInFlight() {
        OrderRequest bid = f.postOnly(Side.BUY, 600_000, 5);
        f.atMs(20);
        f.cancel(bid); // lands at 25 ms

        f.atMs(24);
        f.trade(599_999, 3, Side.SELL);
        f.atMs(20 + CANCEL_LATENCY_MS);

        List<Event> events = f.sink.forOrder(bid.clientOrderId());
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOf(OrderAccepted.class);
        assertThat(events.get(1)).isInstanceOf(OrderFilled.class);
        assertThat(events.get(2)).isInstanceOfSatisfying(OrderCancelled.class,
                c -> assertThat(c.timestampNs()).isEqualTo(T0 + (20 + CANCEL_LATENCY_MS) * MS));
        assertThat(f.fillLots(bid)).containsExactly(3L);
        assertThat(f.venue.openOrders()).isEmpty();
        assertThat(f.venue.balances().get(USDT).locked()).isZero();
    }

    @Test
    void shouldNotFillAnOrderOnceItsCancelHasLanded() {
        OrderRequest bid = f.postOnly(Side.BUY, 600_000, 5);
        f.atMs(20);
        f.cancel(bid);

        f.atMs(20 + CANCEL_LATENCY_MS);
        f.trade(599_999, 3, Side.SELL);

        assertThat(f.fills(bid)).isEmpty();
    }

    @Test
    void shouldRejectTheCancelOfAnOrderThatFilledWhileTheCancelWasInFlight() {
        OrderRequest bid = f.postOnly(Side.BUY, 600_000, 5);
        f.atMs(20);
        f.cancel(bid);

        f.atMs(22);
        f.trade(599_999, 5, Side.SELL);
        f.atMs(20 + CANCEL_LATENCY_MS);

        assertThat(f.sink.forOrder(bid.clientOrderId())).last().isInstanceOfSatisfying(CancelRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_ORDER));
    }

    @Test
    void shouldNotLetACancelOvertakeTheOrderSentBeforeIt() {
        OrderRequest bid = f.postOnly(Side.BUY, 600_000, 5); // lands at 10 ms
        f.atMs(1);
        f.cancel(bid); // would land at 6 ms on its own

        f.atMs(9);
        assertThat(f.sink.forOrder(bid.clientOrderId())).isEmpty();
        f.atMs(ORDER_LATENCY_MS);

        assertThat(f.sink.forOrder(bid.clientOrderId())).hasSize(2).last().isInstanceOf(OrderCancelled.class);
    }

    @Test
    void shouldRefuseToMoveBackInTime() {
        f.atMs(50);

        assertThatThrownBy(() -> f.venue.advanceTo(T0 + 49 * MS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldTakeARecordedEventStampedBeforeTheVenueTimeToHappenAtTheVenueTime() {
        OrderRequest bid = f.postOnly(Side.BUY, 600_000, 5);
        f.atMs(ORDER_LATENCY_MS);

        f.venue.onMarketEvent(new PublicTrade(BacktestFixture.BTC_USDT.id(), 599_999, 1,
                Side.SELL, T0));

        assertThat(f.fills(bid)).singleElement()
                .satisfies(fill -> assertThat(fill.timestampNs()).isEqualTo(T0 + ORDER_LATENCY_MS * MS));
    }
}
