package dev.ballast.bot.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.bot.engine.Engine;
import dev.ballast.bot.status.StatusFormatter;
import dev.ballast.bot.testing.ScriptedVenue;
import dev.ballast.bot.testing.TwoVenueEngine;
import dev.ballast.core.Order;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.Side;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.RejectReason;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine with risk limits, driven by hand: two scripted venues, BTC at 60 000, each venue holding 0.5 BTC and
 * 50 000 USDT (equity 160 000), target 1 BTC, quotes of 0.01 BTC 5 bps either side (see {@link TwoVenueEngine}).
 */
class EngineRiskTest {
    private TwoVenueEngine t;
    private ScriptedVenue a;
    private ScriptedVenue b;
    private Engine engine;

    private void build(RiskLimits limits) {
        t = new TwoVenueEngine(limits);
        a = t.a;
        b = t.b;
        engine = t.engine;
    }

    private void books(double mid) {
        t.books(mid);
    }

    private void step() {
        t.step();
    }

    private void acceptAll() {
        t.acceptAll();
    }

    private void confirmCancels() {
        t.confirmCancels();
    }

    private void fill(OrderRequest r, String size) {
        t.fill(engine.orders().get(r.clientOrderId()), new BigDecimal(size));
        step();
    }

    private void post(OperatorCommand.Action action) {
        engine.operatorCommands().post(new OperatorCommand(action, "test", "test"));
    }

    private int placedCount() {
        return t.placedCount();
    }

    @Test
    void shouldHaltOnDrawdownCancelEveryOrderOnEveryVenueOnceAndSendNothingMore() {
        build(RiskLimits.builder().maxDrawdownPct(1).build());
        books(60_000);
        acceptAll();
        int placed = placedCount();

        books(58_500); // 1 BTC held: equity 158 500, 0.94 % below 160 000
        step();
        step(); // equity is read every 250 ms
        assertThat(engine.tradingState()).isEqualTo(TradingState.ACTIVE);
        books(58_300); // equity 158 300: 1.06 % below the peak
        step();
        step();

        assertThat(engine.tradingState()).isEqualTo(TradingState.HALTED);
        assertThat(engine.riskStatus().reason()).startsWith("drawdown 1.06% from peak equity 160000.00");
        assertThat(a.cancelAlls).isEqualTo(1);
        assertThat(b.cancelAlls).isEqualTo(1);
        assertThat(engine.orders().liveOrders()).allMatch(Order::cancelRequested);
        placed = placedCount();

        books(57_000);
        books(61_000);
        step();
        assertThat(placedCount()).as("nothing sent while halted").isEqualTo(placed);
        assertThat(a.cancelAlls).as("cancel-all sent once, on entering HALTED").isEqualTo(1);
        assertThat(StatusFormatter.status(engine, 0)).contains("trading HALTED since", "(drawdown 1.06% from peak");
    }

    @Test
    void shouldHaltAfterRepeatedRejectsAndCancelEverything() {
        build(RiskLimits.builder().rejectsToHalt(3, Duration.ofSeconds(10).toNanos()).build());
        books(60_000);
        List<OrderRequest> sent = List.copyOf(a.placed);

        for (OrderRequest r : sent) {
            t.inbox.offer(new OrderRejected(r.instrument(), r.clientOrderId(), RejectReason.INVALID_ORDER, "bad lot",
                    t.clock.nowNs()));
        }
        t.inbox.offer(new OrderRejected(t.btcB.id(), b.placed.get(0).clientOrderId(), RejectReason.INVALID_ORDER, "",
                t.clock.nowNs()));
        step();

        assertThat(engine.tradingState()).isEqualTo(TradingState.HALTED);
        assertThat(engine.riskStatus().reason()).startsWith("3 rejects within 10000 ms");
        assertThat(a.cancelAlls).isEqualTo(1);
        assertThat(b.cancelAlls).isEqualTo(1);
    }

    @Test
    void shouldHaltAndCancelEverythingWhenReconciliationFails() {
        build(RiskLimits.NONE);
        books(60_000);

        engine.onReconciliationFailed("sim-b BTC 0.4 on the venue, 0.5 in the journal");

        assertThat(engine.tradingState()).isEqualTo(TradingState.HALTED);
        assertThat(b.cancelAlls).isEqualTo(1);
    }

    @Test
    void shouldQuoteOnlyTheReducingSideNeverPastTheTargetWhenTheOperatorReduces() {
        build(RiskLimits.NONE);
        books(60_000);
        acceptAll();
        OrderRequest bidA = a.lastPlaced(Side.BUY);
        OrderRequest bidB = b.lastPlaced(Side.BUY);
        fill(bidA, "0.01"); // drift +0.01: selling reduces it
        acceptAll();
        int buysBefore = (int) (a.placed.stream().filter(r -> r.side() == Side.BUY).count()
                + b.placed.stream().filter(r -> r.side() == Side.BUY).count());

        post(OperatorCommand.Action.REDUCE);
        step();
        assertThat(engine.tradingState()).isEqualTo(TradingState.REDUCING);
        assertThat(b.cancels).contains(bidB.clientOrderId());
        assertThat(engine.orders().liveOrders()).filteredOn(o -> o.side() == Side.BUY).allMatch(Order::cancelRequested);
        for (int i = 0; i < 5; i++) {
            confirmCancels();
            acceptAll();
            books(60_000 + i);
        }

        assertThat(a.placed.stream().filter(r -> r.side() == Side.BUY).count()
                + b.placed.stream().filter(r -> r.side() == Side.BUY).count()).as("no buy after reduce").isEqualTo(buysBefore);
        List<Order> sells = engine.orders().liveOrders().stream().filter(o -> o.side() == Side.SELL).toList();
        assertThat(sells).isNotEmpty();
        assertThat(sells.stream().map(Order::remainingSize).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("live sells never take the position past the target").isLessThanOrEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void shouldStayHaltedUntilTheOperatorResumesThenQuoteBothSidesAgain() {
        build(RiskLimits.NONE);
        books(60_000);
        acceptAll();
        post(OperatorCommand.Action.HALT);
        step();
        confirmCancels();
        int placed = placedCount();

        post(OperatorCommand.Action.REDUCE); // refused: HALTED is left only by resume
        books(60_100);
        books(60_200);
        assertThat(engine.tradingState()).isEqualTo(TradingState.HALTED);
        assertThat(placedCount()).isEqualTo(placed);

        post(OperatorCommand.Action.RESUME);
        step();

        assertThat(engine.tradingState()).isEqualTo(TradingState.ACTIVE);
        assertThat(a.placed.subList(placed / 2, a.placed.size())).extracting(OrderRequest::side)
                .contains(Side.BUY, Side.SELL);
        assertThat(engine.riskStatus().lastCommand().action()).isEqualTo(OperatorCommand.Action.RESUME);
    }

    @Test
    void shouldStartHaltedWhenTheControlFileSaysHaltBeforeAnyOrderLeaves(@TempDir Path dir) throws Exception {
        build(RiskLimits.NONE);
        Path file = Files.writeString(dir.resolve("ballast.control"), "halt exchange maintenance\n");
        ControlFileWatcher watcher = new ControlFileWatcher(file, engine.operatorCommands());

        assertThat(watcher.poll()).isEqualTo(1);
        books(60_000);
        books(60_000);

        assertThat(engine.tradingState()).isEqualTo(TradingState.HALTED);
        assertThat(engine.riskStatus().reason()).isEqualTo("operator halt: exchange maintenance");
        assertThat(placedCount()).isZero();
    }

    @Test
    void shouldSendNothingToAVenueWhoseBookHasGoneQuietLongerThanAllowed() {
        build(RiskLimits.builder().staleDataNs(Duration.ofSeconds(1).toNanos()).build());
        books(60_000);
        acceptAll();
        for (int i = 1; i <= 7; i++) { // only venue a's book moves: venue b's is 1.05 s old after this
            t.book(t.btcA, 60_000 + 10 * i);
            step();
        }
        int placedOnB = b.placed.size();

        for (int i = 8; i <= 12; i++) {
            t.book(t.btcA, 60_000 + 10 * i);
            step();
        }

        assertThat(b.placed).as("nothing sent to venue b once its book is older than 1 s").hasSize(placedOnB);
        assertThat(engine.riskStatus().deniedByReason()).containsKey(DenyReason.STALE_DATA);
        assertThat(a.placed.size()).isGreaterThan(2);
    }

    @Test
    void shouldCountDenialsPerReasonInTheStatus() {
        build(RiskLimits.builder().priceBandBps(4).build()); // the quotes sit 5 bps from fair value

        books(60_000);

        assertThat(placedCount()).isZero();
        assertThat(engine.orders().deniedCount()).isEqualTo(4);
        assertThat(StatusFormatter.status(engine, 0)).contains("trading ACTIVE\n", "denied 4 (PRICE_BAND 4)");
    }
}
