package dev.ballast.bot.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.bot.inventory.InventoryAggregator;
import dev.ballast.bot.inventory.InventoryTarget;
import dev.ballast.core.Asset;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Liquidity;
import dev.ballast.core.Order;
import dev.ballast.core.OrderReport;
import dev.ballast.core.OrderStatus;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueId;
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.event.CancelRejected;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.RejectReason;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Journal} that keeps records must do, checked against each database it can live in: the
 * subclasses open a fresh journal and reopen the same one.
 */
abstract class JournalContractTest {
    static final Asset BTC = Asset.of("BTC");
    static final Asset USDT = Asset.of("USDT");
    static final VenueId SIM_A = VenueId.of("sim-a");
    static final Instrument BTC_A = new Instrument(new InstrumentId(SIM_A, "BTCUSDT"), BTC, USDT,
            new BigDecimal("0.01"), new BigDecimal("0.0001"), new BigDecimal("5"));
    static final Instrument BTC_B = new Instrument(InstrumentId.of("sim-b", "BTCUSDT"), BTC, USDT,
            new BigDecimal("0.1"), new BigDecimal("0.001"), new BigDecimal("10"));

    Journal journal;

    /** A journal with nothing in it. */
    abstract Journal openFresh();

    /** The same journal again, after {@link #journal} was closed. */
    abstract Journal reopen();

    @BeforeEach
    void open() {
        journal = openFresh();
    }

    @AfterEach
    void close() {
        journal.close();
    }

    static Order order(String id, Instrument instrument, Side side, String price, String size) {
        return new Order(new ClientOrderId(id), instrument, side, OrderType.LIMIT_POST_ONLY, new BigDecimal(price),
                new BigDecimal(size), 1_000);
    }

    static Fill fill(Instrument instrument, String orderId, String tradeId, Side side, String price, String size,
                     String fee) {
        return new Fill(instrument.id(), new ClientOrderId(orderId), new VenueOrderId("v-" + orderId),
                new TradeId(tradeId), side, new BigDecimal(price), new BigDecimal(size), new BigDecimal(fee),
                instrument.quote(), Liquidity.MAKER, 2_000);
    }

    @Test
    void shouldRecordAnOrderFromIntentThroughAcknowledgementAndFillsToCancel() {
        journal.intent(order("bl1", BTC_A, Side.BUY, "60000", "0.03"), "quote");
        journal.accepted(new OrderAccepted(BTC_A.id(), new ClientOrderId("bl1"), new VenueOrderId("v9"), 1_500));
        journal.fill(BTC_A, fill(BTC_A, "bl1", "t1", Side.BUY, "60000", "0.01", "0.06"));
        journal.cancelled(new OrderCancelled(BTC_A.id(), new ClientOrderId("bl1"), "requote", 3_000));

        JournaledOrder o = journal.order(new ClientOrderId("bl1")).orElseThrow();
        assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(o.venueOrderId()).isEqualTo(new VenueOrderId("v9"));
        assertThat(o.filledSize()).isEqualByComparingTo("0.01");
        assertThat(o.reason()).isEqualTo("requote");
        assertThat(o.price()).isEqualByComparingTo("60000");
        assertThat(o.purpose()).isEqualTo("quote");
    }

    @Test
    void shouldRefuseAClientOrderIdItHasAlreadyRecorded() {
        journal.intent(order("bl1", BTC_A, Side.BUY, "60000", "0.01"), "quote");
        journal.accepted(new OrderAccepted(BTC_A.id(), new ClientOrderId("bl1"), new VenueOrderId("v1"), 1_500));

        assertThatThrownBy(() -> journal.intent(order("bl1", BTC_A, Side.SELL, "61000", "0.02"), "quote"))
                .isInstanceOf(DuplicateClientOrderIdException.class)
                .hasMessageContaining("bl1");
        JournaledOrder kept = journal.order(new ClientOrderId("bl1")).orElseThrow();
        assertThat(kept.side()).isEqualTo(Side.BUY);
        assertThat(kept.status()).isEqualTo(OrderStatus.OPEN);
    }

    @Test
    void shouldCountTheSameFillOnlyOnceAndTellTheCallerItIsADuplicate() {
        journal.intent(order("bl1", BTC_A, Side.BUY, "60000", "0.02"), "quote");
        Fill f = fill(BTC_A, "bl1", "t1", Side.BUY, "60000", "0.01", "0");

        assertThat(journal.fill(BTC_A, f)).isTrue();
        assertThat(journal.fill(BTC_A, f)).isFalse();

        assertThat(journal.order(new ClientOrderId("bl1")).orElseThrow().filledSize()).isEqualByComparingTo("0.01");
        assertThat(journal.order(new ClientOrderId("bl1")).orElseThrow().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(journal.hasFill(BTC_A.id(), new TradeId("t1"))).isTrue();
    }

    @Test
    void shouldKeepTradeIdsOfDifferentInstrumentsApart() {
        assertThat(journal.fill(BTC_A, fill(BTC_A, "bl1", "t1", Side.BUY, "60000", "0.01", "0"))).isTrue();
        assertThat(journal.fill(BTC_B, fill(BTC_B, "bl2", "t1", Side.BUY, "60000", "0.001", "0"))).isTrue();

        assertThat(journal.lastTradeId(BTC_A.id())).contains(new TradeId("t1"));
        assertThat(journal.hasFill(BTC_B.id(), new TradeId("t1"))).isTrue();
        assertThat(journal.hasFill(BTC_B.id(), new TradeId("t2"))).isFalse();
    }

    @Test
    void shouldMarkAnOrderFilledWhenItsFillsReachItsSize() {
        journal.intent(order("bl1", BTC_A, Side.SELL, "60000", "0.02"), "quote");
        journal.fill(BTC_A, fill(BTC_A, "bl1", "t1", Side.SELL, "60000", "0.01", "0"));
        journal.fill(BTC_A, fill(BTC_A, "bl1", "t2", Side.SELL, "60000", "0.01", "0"));

        assertThat(journal.order(new ClientOrderId("bl1")).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(journal.state().liveOrders()).isEmpty();
    }

    @Test
    void shouldListOnlyTheOrdersNotKnownToBeFinished() {
        journal.intent(order("bl1", BTC_A, Side.BUY, "60000", "0.01"), "quote");    // sent, no answer
        journal.intent(order("bl2", BTC_A, Side.SELL, "61000", "0.01"), "quote");   // acknowledged
        journal.accepted(new OrderAccepted(BTC_A.id(), new ClientOrderId("bl2"), new VenueOrderId("v2"), 1_100));
        journal.intent(order("bl3", BTC_A, Side.BUY, "59000", "0.01"), "quote");    // rejected
        journal.rejected(new OrderRejected(BTC_A.id(), new ClientOrderId("bl3"), RejectReason.POST_ONLY_WOULD_CROSS,
                "would cross", 1_200));
        journal.intent(order("bl4", BTC_A, Side.BUY, "59000", "0.01"), "quote");    // cancel refused: fate unknown
        journal.accepted(new OrderAccepted(BTC_A.id(), new ClientOrderId("bl4"), new VenueOrderId("v4"), 1_300));
        journal.cancelRejected(new CancelRejected(BTC_A.id(), new ClientOrderId("bl4"), RejectReason.UNKNOWN_ORDER,
                "", 1_400));

        assertThat(journal.state().liveOrders()).extracting(o -> o.clientOrderId().value(), JournaledOrder::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bl1", OrderStatus.PENDING_NEW),
                        org.assertj.core.groups.Tuple.tuple("bl2", OrderStatus.OPEN),
                        org.assertj.core.groups.Tuple.tuple("bl4", OrderStatus.UNKNOWN));
        assertThat(journal.order(new ClientOrderId("bl3")).orElseThrow().reason()).contains("POST_ONLY_WOULD_CROSS");
    }

    @Test
    void shouldSettleAnOrderWithTheVenuesWord() {
        journal.intent(order("bl1", BTC_A, Side.BUY, "60000", "0.01"), "quote");

        journal.settled(new OrderReport(new ClientOrderId("bl1"), new VenueOrderId("v1"), BTC_A.id(), Side.BUY,
                OrderStatus.CANCELLED, new BigDecimal("60000"), new BigDecimal("0.01"), BigDecimal.ZERO, 5_000),
                "cancelled by the venue while we were down");

        JournaledOrder o = journal.order(new ClientOrderId("bl1")).orElseThrow();
        assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(o.venueOrderId()).isEqualTo(new VenueOrderId("v1"));
        assertThat(o.reason()).isEqualTo("cancelled by the venue while we were down");
    }

    @Test
    void shouldRebuildPositionsFromTheLastSnapshotAndTheFillsAfterIt() {
        InventoryAggregator inventory = new InventoryAggregator(USDT, Map.of(BTC, new InventoryTarget(
                BigDecimal.ONE, new BigDecimal("0.02"), new BigDecimal("0.3"))));
        inventory.setStartingBalance(SIM_A, BTC, new BigDecimal("0.5"));
        inventory.setStartingBalance(SIM_A, USDT, new BigDecimal("50000"));
        Fill before = fill(BTC_A, "bl1", "t1", Side.BUY, "60000", "0.1", "0.6");
        journal.fill(BTC_A, before);
        inventory.onFill(BTC_A, before);
        journal.snapshot(3_000, inventory.snapshot());
        journal.fill(BTC_A, fill(BTC_A, "bl2", "t2", Side.SELL, "61000", "0.05", "0.305"));

        JournalState state = journal.state();

        // 0.5 + 0.1 - 0.05 BTC; 50000 - 6000 - 0.6 + 3050 - 0.305 USDT
        assertThat(state.positions().get(SIM_A).get(BTC)).isEqualByComparingTo("0.55");
        assertThat(state.positions().get(SIM_A).get(USDT)).isEqualByComparingTo("47049.095");
        assertThat(state.averageCosts().get(BTC)).isEqualByComparingTo("60000");
        assertThat(state.lastTradeIds()).containsEntry(BTC_A.id(), new TradeId("t2"));
        assertThat(state.knowsPositionsOf(VenueId.of("sim-b"))).isFalse();
    }

    @Test
    void shouldKnowNoPositionsBeforeTheFirstSnapshot() {
        journal.fill(BTC_A, fill(BTC_A, "bl1", "t1", Side.BUY, "60000", "0.1", "0"));

        assertThat(journal.state().positions()).isEmpty();
    }

    @Test
    void shouldRememberEverythingAfterBeingClosedAndOpenedAgain() {
        journal.beginSession(100, 1);
        journal.intent(order("bl1", BTC_A, Side.BUY, "60000", "0.02"), "quote");
        journal.fill(BTC_A, fill(BTC_A, "bl1", "t1", Side.BUY, "60000", "0.01", "0"));
        journal.close();

        journal = reopen();

        assertThat(journal.state().liveOrders()).extracting(JournaledOrder::clientOrderId)
                .containsExactly(new ClientOrderId("bl1"));
        assertThat(journal.lastTradeId(BTC_A.id())).contains(new TradeId("t1"));
        assertThat(journal.state().lastSession()).isEqualTo(100);
        assertThat(journal.state().lastSessionEndedCleanly()).isTrue();
        assertThatThrownBy(() -> journal.intent(order("bl1", BTC_A, Side.BUY, "60000", "0.02"), "quote"))
                .isInstanceOf(DuplicateClientOrderIdException.class);
        assertThat(journal.fill(BTC_A, fill(BTC_A, "bl1", "t1", Side.BUY, "60000", "0.01", "0"))).isFalse();
    }

    @Test
    void shouldNeverGiveASessionStampThatIsNotAfterTheLastOne() {
        assertThat(journal.beginSession(500, 1)).isEqualTo(500);
        journal.close();
        journal = reopen();

        assertThat(journal.beginSession(500, 2)).as("same clock ms again").isEqualTo(501);
        journal.close();
        journal = reopen();
        assertThat(journal.beginSession(400, 3)).as("clock set back").isEqualTo(502);
        assertThat(journal.beginSession(9_000, 4)).isEqualTo(9_000);
    }
}
