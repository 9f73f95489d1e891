package dev.ballast.connectors.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.connectors.testing.RecordingSink;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.RejectReason;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The order events of one order, whatever the order in which Kraken's sources report it. */
class KrakenOrdersTest {
    private static final String TXID = "OABCDE-FGHIJ-KLMNOP";
    private final RecordingSink sink = new RecordingSink();
    private final KrakenOrders orders = new KrakenOrders(sink);
    private KrakenPair pair;
    private OrderRequest bid;

    @BeforeEach
    void register() {
        pair = KrakenCaptures.pairs().byWsName("XBT/CHF").orElseThrow();
        bid = new OrderRequest(new ClientOrderId("b1"), pair.id(), Side.BUY, OrderType.LIMIT_POST_ONLY,
                new BigDecimal("56000"), new BigDecimal("0.003"));
        assertThat(orders.register(bid, pair, 0)).isEmpty();
    }

    @Test
    void shouldReportTheFillsBeforeTheCancelEvenWhenTheCancelArrivesFirst() {
        orders.accepted(bid.clientOrderId(), TXID, 1);

        orders.onOrderUpdate(TXID, null, "canceled", new BigDecimal("0.002"), "User requested", 2);
        assertThat(events()).hasSize(1);
        orders.onTrade(trade("T1", "0.001"));
        assertThat(events()).hasSize(2);
        orders.onTrade(trade("T2", "0.001"));

        List<Event> events = events();
        assertThat(events).hasSize(4);
        assertThat(events.get(0)).isInstanceOf(OrderAccepted.class);
        assertThat(events.get(1)).isInstanceOf(OrderFilled.class);
        assertThat(events.get(2)).isInstanceOf(OrderFilled.class);
        assertThat(events.get(3)).isInstanceOfSatisfying(OrderCancelled.class,
                c -> assertThat(c.reason()).isEqualTo("User requested"));
    }

    @Test
    void shouldReportATradeOnceWhicheverSourceRepeatsIt() {
        orders.accepted(bid.clientOrderId(), TXID, 1);

        assertThat(orders.onTrade(trade("T1", "0.001"))).isTrue();
        assertThat(orders.onTrade(trade("T1", "0.001"))).isFalse();

        assertThat(sink.ofType(OrderFilled.class)).hasSize(1);
        assertThat(orders.seen("T1")).isTrue();
        assertThat(orders.lastTradeId()).isEqualTo("T1");
    }

    @Test
    void shouldHoldAStreamUpdateThatBeatsTheAddOrderReplyUntilTheTxidIsKnown() {
        orders.onOrderUpdate(TXID, null, "open", BigDecimal.ZERO, "", 1);
        orders.onTrade(trade("T1", "0.001"));
        assertThat(events()).isEmpty();

        orders.accepted(bid.clientOrderId(), TXID, 2);

        assertThat(events()).hasSize(2);
        assertThat(events().get(0)).isInstanceOf(OrderAccepted.class);
        assertThat(events().get(1)).isInstanceOf(OrderFilled.class);
    }

    @Test
    void shouldMatchAStreamUpdateByItsClientOrderIdBeforeTheTxidIsKnown() {
        orders.onOrderUpdate(TXID, bid.clientOrderId(), "open", BigDecimal.ZERO, "", 1);
        orders.accepted(bid.clientOrderId(), TXID, 2);

        assertThat(events()).singleElement().isInstanceOf(OrderAccepted.class);
        assertThat(orders.clientIdOf(TXID)).isEqualTo(bid.clientOrderId());
    }

    @Test
    void shouldEndAFullyFilledOrderWithItsLastFillAndNoCancel() {
        orders.accepted(bid.clientOrderId(), TXID, 1);
        orders.onTrade(trade("T1", "0.003"));

        orders.onOrderUpdate(TXID, null, "closed", new BigDecimal("0.003"), "", 3);

        assertThat(events()).hasSize(2).last().isInstanceOf(OrderFilled.class);
        assertThat(orders.live()).isEmpty();
    }

    @Test
    void shouldIgnoreARejectOfAnOrderAlreadyAccepted() {
        orders.accepted(bid.clientOrderId(), TXID, 1);

        orders.rejected(bid.clientOrderId(), RejectReason.VENUE_UNAVAILABLE, "late", 2);

        assertThat(events()).singleElement().isInstanceOf(OrderAccepted.class);
    }

    @Test
    void shouldRefuseAClientOrderIdUsedBefore() {
        orders.rejected(bid.clientOrderId(), RejectReason.POST_ONLY_WOULD_CROSS, "EOrder:Post only order", 1);

        assertThat(orders.register(bid, pair, 2)).hasValueSatisfying(
                why -> assertThat(why).contains("duplicate client order id"));
        assertThat(events()).singleElement().isInstanceOf(OrderRejected.class);
    }

    private List<Event> events() {
        return sink.events();
    }

    private KrakenTrade trade(String id, String volume) {
        return new KrakenTrade(id, TXID, pair, Side.BUY, "limit", new BigDecimal("56000"), new BigDecimal(volume),
                new BigDecimal("0.01"), null, 5, null);
    }
}
