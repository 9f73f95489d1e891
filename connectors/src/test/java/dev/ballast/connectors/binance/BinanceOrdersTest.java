package dev.ballast.connectors.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.connectors.testing.RecordingSink;
import dev.ballast.core.Asset;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Fill;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Liquidity;
import dev.ballast.core.Side;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.RejectReason;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What the engine is told about an order when the REST reply, the user stream and lookups race. */
class BinanceOrdersTest {
    private static final InstrumentId BTC = InstrumentId.of("binance", "BTCUSDT");
    private static final ClientOrderId ID = new ClientOrderId("q1");
    private static final VenueOrderId VID = new VenueOrderId("28");

    private final RecordingSink sink = new RecordingSink();
    private final BinanceOrders orders = new BinanceOrders(sink);

    private static Fill fill(String tradeId, String size) {
        return new Fill(BTC, ID, VID, new TradeId(tradeId), Side.BUY, new BigDecimal("60000"), new BigDecimal(size),
                BigDecimal.ZERO, Asset.of("USDT"), Liquidity.MAKER, 5);
    }

    private String kinds() {
        StringBuilder out = new StringBuilder();
        for (Event e : sink.forOrder(ID)) {
            out.append(e.getClass().getSimpleName().replace("Order", "")).append(' ');
        }
        return out.toString().trim();
    }

    @Test
    void shouldReportAcceptedOnceWhetherTheStreamOrTheReplySpeaksFirst() {
        orders.track(BTC, ID, 1);

        orders.accepted(BTC, ID, VID, 2);
        orders.accepted(BTC, ID, VID, 3);

        assertThat(kinds()).isEqualTo("Accepted");
    }

    @Test
    void shouldReportAcceptedBeforeAFillThatOutranTheReplyAndNotAfter() {
        orders.track(BTC, ID, 1);

        orders.fill(fill("7", "0.5"), false);
        orders.accepted(BTC, ID, VID, 9);

        assertThat(kinds()).isEqualTo("Accepted Filled");
    }

    @Test
    void shouldPassEachTradeOnceAndEndTheOrderOnItsLastFill() {
        orders.track(BTC, ID, 1);

        assertThat(orders.fill(fill("7", "0.5"), false)).isTrue();
        assertThat(orders.fill(fill("7", "0.5"), false)).isFalse();
        assertThat(orders.fill(fill("8", "0.5"), true)).isTrue();
        orders.cancelled(BTC, ID, VID, "late", 10);

        assertThat(kinds()).isEqualTo("Accepted Filled Filled");
        assertThat(orders.isTerminal(ID)).isTrue();
    }

    @Test
    void shouldHoldACancelReplyThatCountsFillsNotYetSeenUntilTheyArrive() {
        orders.track(BTC, ID, 1);
        orders.accepted(BTC, ID, VID, 2);

        orders.cancelConfirmed(BTC, ID, VID, new BigDecimal("0.3"), "cancelled", 3);
        assertThat(kinds()).isEqualTo("Accepted");
        orders.fill(fill("9", "0.3"), false);

        assertThat(kinds()).isEqualTo("Accepted Filled Cancelled");
        assertThat(sink.forOrder(ID).get(2)).isInstanceOfSatisfying(OrderCancelled.class,
                c -> assertThat(c.reason()).isEqualTo("cancelled"));
    }

    @Test
    void shouldIgnoreARejectAfterTheOrderWasAccepted() {
        orders.track(BTC, ID, 1);
        orders.accepted(BTC, ID, VID, 2);

        orders.rejected(BTC, ID, RejectReason.OTHER, "late", 3);

        assertThat(kinds()).isEqualTo("Accepted");
    }

    @Test
    void shouldRefuseToTrackAClientIdTwice() {
        assertThat(orders.track(BTC, ID, 1)).isTrue();
        assertThat(orders.track(BTC, ID, 2)).isFalse();
        assertThat(orders.sentNs(ID)).isEqualTo(1);
    }

    @Test
    void shouldCallAGtxExpiryBeforeAcceptanceAPostOnlyReject() {
        orders.track(BTC, ID, 1);

        orders.expiredPostOnly(BTC, ID, VID, 2);

        assertThat(kinds()).isEqualTo("Rejected");
    }
}
