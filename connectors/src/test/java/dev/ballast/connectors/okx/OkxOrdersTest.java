package dev.ballast.connectors.okx;

import dev.ballast.connectors.testing.ConcurrentSink;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.ClientOrderId;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.OrderReport;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderStatus;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.RejectReason;
import dev.ballast.core.time.ManualClock;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One event sequence per order, whichever of REST replies, stream pushes and lookups speaks first. */
class OkxOrdersTest {
    private static final OkxInstrument BTC = OkxTestData.capturedInstrument("SPOT", "BTC-USDT");
    private static final InstrumentId ID = BTC.instrument().id();
    private static final ClientOrderId CID = new ClientOrderId("b1l2x0t1");

    private final ConcurrentSink sink = new ConcurrentSink();
    private final OkxOrders orders = new OkxOrders(sink, new ManualClock(1_000L));

    @Test
    void shouldAcknowledgeAPostOnlyOrderFromTheStreamWhenTheStreamIsLive() {
        orders.streamLive(true);
        orders.placing(request(OrderType.LIMIT_POST_ONLY));

        orders.placeAccepted(CID, new VenueOrderId("447131929581559999"));
        assertThat(sink.forOrder(CID)).isEmpty();
        orders.onStream(push("ws-order-live.json"), BTC);

        assertThat(sink.forOrder(CID)).singleElement().isInstanceOf(OrderAccepted.class);
    }

    @Test
    void shouldRejectAPostOnlyOrderThatOkxCancelledForTakingLiquidityWithoutAcceptingIt() {
        orders.streamLive(true);
        orders.placing(request(OrderType.LIMIT_POST_ONLY));
        orders.placeAccepted(CID, new VenueOrderId("447131929581559999"));

        orders.onStream(push("ws-order-post-only-cancelled.json"), BTC);

        assertThat(sink.forOrder(CID)).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.POST_ONLY_WOULD_CROSS));
    }

    @Test
    void shouldAcknowledgeFromRestWhenThereIsNoStreamAndIgnoreTheStreamsLaterEcho() {
        orders.placing(request(OrderType.LIMIT_POST_ONLY));

        orders.placeAccepted(CID, new VenueOrderId("447131929581559999"));
        orders.onStream(push("ws-order-live.json"), BTC);

        assertThat(sink.forOrder(CID)).singleElement().isInstanceOf(OrderAccepted.class);
    }

    @Test
    void shouldEmitEachFillOnceWhateverRepeatsIt() {
        orders.streamLive(true);
        orders.placing(request(OrderType.LIMIT_POST_ONLY));
        OkxOrderUpdate filled = push("ws-order-partially-filled.json");

        orders.onStream(filled, BTC);
        orders.onStream(filled, BTC);
        orders.fill(OkxMapper.fill(filled, BTC));

        List<Event> events = sink.forOrder(CID);
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(OrderAccepted.class);
        assertThat(events.get(1)).isInstanceOf(OrderFilled.class);
        assertThat(orders.duplicateFills()).isEqualTo(2);
    }

    @Test
    void shouldReportACancelOnceWhenRestAndTheStreamBothSayIt() {
        orders.placing(request(OrderType.LIMIT_POST_ONLY));
        orders.placeAccepted(CID, new VenueOrderId("447131929581559999"));

        orders.cancelAccepted(ID, CID);
        orders.onStream(push("ws-order-cancelled.json"), BTC);

        assertThat(sink.forOrder(CID)).hasSize(2).last().isInstanceOf(OrderCancelled.class);
    }

    @Test
    void shouldSettleAnUnknownOrderFromALookupAndNotRepeatWhatTheStreamAlreadySaid() {
        orders.streamLive(true);
        orders.placing(request(OrderType.LIMIT_IOC));
        orders.onStream(push("ws-order-live.json"), BTC);

        orders.onReport(new OrderReport(CID, new VenueOrderId("447131929581559999"), ID, Side.BUY,
                OrderStatus.CANCELLED, new BigDecimal("30100.5"), new BigDecimal("0.002"), BigDecimal.ZERO, 5L),
                List.of());

        assertThat(sink.forOrder(CID)).hasSize(2);
        assertThat(sink.forOrder(CID).get(1)).isInstanceOf(OrderCancelled.class);
    }

    @Test
    void shouldRefuseToTrackAClientOrderIdUsedBefore() {
        assertThat(orders.placing(request(OrderType.LIMIT_POST_ONLY))).isTrue();
        assertThat(orders.placing(request(OrderType.LIMIT_POST_ONLY))).isFalse();
        orders.placeRejected(ID, CID, RejectReason.INSUFFICIENT_BALANCE, "okx 51008");

        assertThat(orders.placing(request(OrderType.LIMIT_POST_ONLY))).as("ended ids stay used").isFalse();
    }

    @Test
    void shouldHandBackThePostOnlyOrdersStillWaitingWhenTheStreamDrops() {
        orders.streamLive(true);
        orders.placing(request(OrderType.LIMIT_POST_ONLY));
        orders.placeAccepted(CID, new VenueOrderId("447131929581559999"));

        assertThat(orders.streamLive(false)).containsExactly(CID);
    }

    private static OrderRequest request(OrderType type) {
        return new OrderRequest(CID, ID, Side.BUY, type, new BigDecimal("30100.5"), new BigDecimal("0.002"));
    }

    private static OkxOrderUpdate push(String fixture) {
        return OkxMapper.orders(OkxMapper.tree(OkxTestData.resource(fixture).replace("CLORDID", CID.value())))
                .get(0);
    }
}
