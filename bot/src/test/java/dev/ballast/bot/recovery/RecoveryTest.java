package dev.ballast.bot.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.bot.journal.JdbcJournal;
import dev.ballast.bot.journal.JournaledOrder;
import dev.ballast.bot.journal.Synchronous;
import dev.ballast.connectors.Venue;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Fill;
import dev.ballast.core.Liquidity;
import dev.ballast.core.OpenOrder;
import dev.ballast.core.Order;
import dev.ballast.core.OrderReport;
import dev.ballast.core.OrderStatus;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.time.ManualClock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Start = recovery, on a scripted venue: a first session journals a start and an order, stops; the venue then says
 * what happened while the bot was down, and the second start must find it out before it quotes.
 */
class RecoveryTest extends RecoveryFixture {
    private OrderReport report(Order o, OrderStatus status, String filled) {
        return new OrderReport(o.clientOrderId(), new VenueOrderId("v1"), BTC_A.id(), o.side(), status, o.price(),
                o.size(), new BigDecimal(filled), clock.nowNs());
    }

    private Fill fill(Order o, String tradeId, String size) {
        return new Fill(BTC_A.id(), o.clientOrderId(), new VenueOrderId("v1"), new TradeId(tradeId), o.side(),
                o.price(), new BigDecimal(size), BigDecimal.ZERO, USDT, Liquidity.MAKER, clock.nowNs());
    }

    private JournaledOrder journaled(Order o) {
        return journal.order(o.clientOrderId()).orElseThrow();
    }

    @Test
    void shouldApplyTheFillsOfAnOrderFilledWhileTheBotWasDown() throws Exception {
        venue.reports.put(leftOpen.clientOrderId(), report(leftOpen, OrderStatus.FILLED, "0.01"));
        venue.venueFills.add(fill(leftOpen, "t1", "0.004"));
        venue.venueFills.add(fill(leftOpen, "t2", "0.006"));
        venue.balance("BTC", "0.51").balance("USDT", "49400");
        session("0.001", false);

        RecoveryReport report = recovery.start(engine);

        assertThat(report.fillsWhileDown()).extracting(Fill::tradeId).containsExactly(new TradeId("t1"), new TradeId("t2"));
        assertThat(report.settled()).extracting(RecoveryReport.Settled::status).containsExactly(OrderStatus.FILLED);
        assertThat(report.differences()).as("the journal + the fills found = the venue").isEmpty();
        assertThat(journaled(leftOpen).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(journaled(leftOpen).filledSize()).isEqualByComparingTo("0.01");
        assertThat(journal.lastTradeId(BTC_A.id())).contains(new TradeId("t2"));
        assertThat(engine.inventory().quantity(BTC, SIM_A)).isEqualByComparingTo("0.51");
        assertThat(engine.orders().liveCount()).isZero();
        assertThat(engine.isQuoting()).isTrue();
    }

    @Test
    void shouldNotCountAFillTwiceWhenTheVenueReportsItAgainAfterTheRestart() throws Exception {
        venue.reports.put(leftOpen.clientOrderId(), report(leftOpen, OrderStatus.FILLED, "0.01"));
        venue.venueFills.add(fill(leftOpen, "t1", "0.01"));
        venue.balance("BTC", "0.51").balance("USDT", "49400");
        session("0.001", false);
        recovery.start(engine);

        engine.onEvent(new dev.ballast.core.event.OrderFilled(fill(leftOpen, "t1", "0.01"))); // the stream's copy

        assertThat(engine.duplicateFills()).isEqualTo(1);
        assertThat(engine.inventory().quantity(BTC, SIM_A)).isEqualByComparingTo("0.51");
    }

    @Test
    void shouldMarkAnOrderTheVenueCancelledWhileTheBotWasDownAsCancelled() throws Exception {
        venue.reports.put(leftOpen.clientOrderId(), report(leftOpen, OrderStatus.CANCELLED, "0"));
        session("0.001", false);

        RecoveryReport report = recovery.start(engine);

        assertThat(journaled(leftOpen).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(journaled(leftOpen).reason()).isEqualTo("cancelled by the venue while we were down");
        assertThat(report.adopted()).isEmpty();
        assertThat(engine.orders().liveCount()).isZero();
        assertThat(venue.cancels).isEmpty();
    }

    @Test
    void shouldMarkAnOrderThatNeverReachedTheVenueAsRejectedNeverArrived() throws Exception {
        journal = JdbcJournal.open(dir.resolve("journal.db").toString(), Synchronous.NORMAL);
        Order unsent = new Order(new ClientOrderId("bl0000zzzz1"), BTC_A, Side.SELL, OrderType.LIMIT_POST_ONLY,
                new BigDecimal("61000"), new BigDecimal("0.01"), clock.nowNs());
        journal.intent(unsent, "quote"); // journaled, then the process died before Venue.place
        journal.close();
        venue.reports.put(leftOpen.clientOrderId(), report(leftOpen, OrderStatus.OPEN, "0"));
        venue.open.add(new OpenOrder(leftOpen.clientOrderId(), new VenueOrderId("v1"), BTC_A.id(), Side.BUY,
                leftOpen.price(), leftOpen.size(), BigDecimal.ZERO));
        session("0.001", false);

        RecoveryReport report = recovery.start(engine);

        assertThat(journaled(unsent).status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(journaled(unsent).reason()).isEqualTo("never arrived");
        assertThat(report.adopted()).extracting(Order::clientOrderId).containsExactly(leftOpen.clientOrderId());
    }

    @Test
    void shouldAdoptOurOpenOrdersAndCancelThemBeforeQuotingButLeaveSomeoneElsesAlone() throws Exception {
        ClientOrderId oursNotJournaled = new ClientOrderId("bl00000000zz");
        ClientOrderId someoneElses = new ClientOrderId("manual42");
        venue.reports.put(leftOpen.clientOrderId(), report(leftOpen, OrderStatus.OPEN, "0"));
        venue.open.add(new OpenOrder(leftOpen.clientOrderId(), new VenueOrderId("v1"), BTC_A.id(), Side.BUY,
                leftOpen.price(), leftOpen.size(), BigDecimal.ZERO));
        venue.open.add(new OpenOrder(oursNotJournaled, new VenueOrderId("v7"), BTC_A.id(), Side.SELL,
                new BigDecimal("62000"), new BigDecimal("0.02"), new BigDecimal("0.005")));
        venue.open.add(new OpenOrder(someoneElses, new VenueOrderId("v8"), BTC_A.id(), Side.SELL,
                new BigDecimal("65000"), new BigDecimal("0.1"), BigDecimal.ZERO));
        session("0.001", false);

        RecoveryReport report = recovery.start(engine);

        assertThat(report.adopted()).extracting(Order::clientOrderId)
                .containsExactly(leftOpen.clientOrderId(), oursNotJournaled);
        assertThat(report.unknownOrders()).extracting(OpenOrder::clientOrderId).containsExactly(someoneElses);
        assertThat(venue.cancels).containsExactly(leftOpen.clientOrderId(), oursNotJournaled);
        assertThat(engine.orders().get(oursNotJournaled).filledSize()).isEqualByComparingTo("0.005");
        assertThat(journaled(engine.orders().get(oursNotJournaled)).purpose()).isEqualTo("adopted");
        assertThat(engine.orders().get(someoneElses)).isNull();
    }

    @Test
    void shouldCancelSomeoneElsesOpenOrderOnlyWhenTheConfigSaysSo() throws Exception {
        ClientOrderId someoneElses = new ClientOrderId("manual42");
        venue.reports.put(leftOpen.clientOrderId(), report(leftOpen, OrderStatus.CANCELLED, "0"));
        venue.open.add(new OpenOrder(someoneElses, new VenueOrderId("v8"), BTC_A.id(), Side.SELL,
                new BigDecimal("65000"), new BigDecimal("0.1"), BigDecimal.ZERO));
        session("0.001", true);

        recovery.start(engine);

        assertThat(venue.cancels).containsExactly(someoneElses);
        assertThat(engine.orders().get(someoneElses)).isNull();
    }

    @Test
    void shouldRefuseToStartWhenABalanceIsOffBeyondToleranceNamingVenueAssetAndAmounts() {
        venue.reports.put(leftOpen.clientOrderId(), report(leftOpen, OrderStatus.CANCELLED, "0"));
        venue.balance("BTC", "0.6");
        session("0.001", false);

        assertThatThrownBy(() -> recovery.start(engine))
                .isInstanceOf(StartRefusedException.class)
                .hasMessageContaining("refusing to start trading")
                .hasMessageContaining("sim-a BTC: journal 0.5, venue 0.6 (venue - journal = +0.1, tolerance 0.0006)")
                .hasMessageNotContaining("USDT");
        assertThat(engine.isQuoting()).isFalse();
        assertThat(venue.sink).as("streams never started").isNull();
        assertThat(venue.placed).isEmpty();
    }

    @Test
    void shouldTakeTheVenuesBalanceWhenTheDifferenceIsWithinTolerance() throws Exception {
        venue.reports.put(leftOpen.clientOrderId(), report(leftOpen, OrderStatus.CANCELLED, "0"));
        venue.balance("BTC", "0.5004");
        session("0.001", false);

        RecoveryReport report = recovery.start(engine);

        assertThat(report.differences()).singleElement().satisfies(d -> {
            assertThat(d.asset()).isEqualTo(BTC);
            assertThat(d.difference()).isEqualByComparingTo("0.0004");
            assertThat(d.beyondTolerance()).isFalse();
        });
        assertThat(engine.inventory().quantity(BTC, SIM_A)).isEqualByComparingTo("0.5004");
        assertThat(journal.state().positions().get(SIM_A).get(BTC)).as("the start's snapshot").isEqualByComparingTo("0.5004");
    }

    @Test
    void shouldRefuseToStartWhenAVenueCannotBeAsked() {
        venue.failOpenOrders = new IllegalStateException("HTTP 503");
        session("0.001", false);

        assertThatThrownBy(() -> recovery.start(engine))
                .isInstanceOf(StartRefusedException.class)
                .hasMessageContaining("sim-a: cannot reconcile")
                .hasMessageContaining("HTTP 503");
    }

    @Test
    void shouldNeverReuseAClientOrderIdOfTheSessionBefore() throws Exception {
        venue.reports.put(leftOpen.clientOrderId(), report(leftOpen, OrderStatus.CANCELLED, "0"));
        clock = new ManualClock(START_NS); // the clock is back at the first session's start: the same stamp
        session("0.001", false);
        recovery.start(engine);

        Order next = engine.orders().place(BTC_A, Side.BUY, OrderType.LIMIT_POST_ONLY, 6_000_000, 10, "quote");

        assertThat(next).isNotNull();
        assertThat(next.clientOrderId()).isNotEqualTo(leftOpen.clientOrderId());
        assertThat(venue.placed).extracting(r -> r.clientOrderId()).containsExactly(next.clientOrderId());
        List<ClientOrderId> ids = new ArrayList<>(List.of(leftOpen.clientOrderId(), next.clientOrderId()));
        assertThat(ids).doesNotHaveDuplicates();
    }
}
