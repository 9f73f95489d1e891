package dev.ballast.bot.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.Fill;
import dev.ballast.core.Liquidity;
import dev.ballast.core.Order;
import dev.ballast.core.OrderReport;
import dev.ballast.core.OrderStatus;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderFilled;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reconciliation while trading: the same checks, applied through the engine, failures told to the listener. */
class PeriodicReconcilerTest extends RecoveryFixture {
    private final List<ReconciliationFailure> failures = new ArrayList<>();

    private PeriodicReconciler startedWithOneOpenOrder() throws Exception {
        venue.reports.put(leftOpen.clientOrderId(), new OrderReport(leftOpen.clientOrderId(), new VenueOrderId("v1"),
                BTC_A.id(), Side.BUY, OrderStatus.CANCELLED, leftOpen.price(), leftOpen.size(), BigDecimal.ZERO,
                clock.nowNs()));
        session("0.001", false);
        recovery.start(engine);
        return new PeriodicReconciler(engine, new ReconciliationSettings(Duration.ofSeconds(30).toNanos(),
                BalanceTolerance.relative("0.001"), false, "bl"), failures::add, clock);
    }

    @Test
    void shouldApplyAFillTheStreamMissedAndIgnoreTheStreamsLateCopy() throws Exception {
        PeriodicReconciler reconciler = startedWithOneOpenOrder();
        Order o = engine.orders().place(BTC_A, Side.SELL, OrderType.LIMIT_POST_ONLY, 6_100_000, 20, "quote");
        engine.onEvent(new OrderAccepted(BTC_A.id(), o.clientOrderId(), new VenueOrderId("v2"), clock.nowNs()));
        Fill missed = new Fill(BTC_A.id(), o.clientOrderId(), new VenueOrderId("v2"), new TradeId("t9"), Side.SELL,
                o.price(), new BigDecimal("0.02"), BigDecimal.ZERO, USDT, Liquidity.MAKER, clock.nowNs());
        venue.venueFills.add(missed);
        venue.balance("BTC", "0.48").balance("USDT", "51220");

        assertThat(reconciler.doWork()).as("not due yet").isZero();
        clock.advance(Duration.ofSeconds(30));
        assertThat(reconciler.doWork()).isEqualTo(1);
        engine.onEvent(new OrderFilled(missed)); // the stream's copy arrives after all

        assertThat(reconciler.fillsApplied()).isEqualTo(1);
        assertThat(engine.duplicateFills()).isEqualTo(1);
        assertThat(engine.inventory().quantity(BTC, SIM_A)).isEqualByComparingTo("0.48");
        assertThat(engine.orders().get(o.clientOrderId())).as("filled, no longer live").isNull();
        assertThat(failures).isEmpty();
    }

    @Test
    void shouldSettleALiveOrderTheVenueCancelledWithoutTellingUs() throws Exception {
        PeriodicReconciler reconciler = startedWithOneOpenOrder();
        Order o = engine.orders().place(BTC_A, Side.SELL, OrderType.LIMIT_POST_ONLY, 6_100_000, 20, "quote");
        engine.onEvent(new OrderAccepted(BTC_A.id(), o.clientOrderId(), new VenueOrderId("v2"), clock.nowNs()));
        venue.reports.put(o.clientOrderId(), new OrderReport(o.clientOrderId(), new VenueOrderId("v2"), BTC_A.id(),
                Side.SELL, OrderStatus.CANCELLED, o.price(), o.size(), BigDecimal.ZERO, clock.nowNs()));
        clock.advance(Duration.ofSeconds(30));

        reconciler.reconcileNow();

        assertThat(engine.orders().get(o.clientOrderId())).isNull();
        assertThat(journal.order(o.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(reconciler.ordersSettled()).isEqualTo(1);
    }

    @Test
    void shouldReportABalanceOffBeyondToleranceOnlyWhenTheNextCheckConfirmsIt() throws Exception {
        PeriodicReconciler reconciler = startedWithOneOpenOrder();
        venue.balance("BTC", "0.4"); // 0.1 BTC gone, no fill explains it

        assertThat(reconciler.reconcileNow()).as("first sighting: could be a fill in flight").isEmpty();
        List<ReconciliationFailure> second = reconciler.reconcileNow();

        assertThat(second).singleElement().satisfies(f -> assertThat(f.message())
                .contains("sim-a BTC: inventory 0.5, venue 0.4 (venue - inventory = -0.1"));
        assertThat(failures).isEqualTo(second);
    }

    @Test
    void shouldNotReportADifferenceThatWentAway() throws Exception {
        PeriodicReconciler reconciler = startedWithOneOpenOrder();
        venue.balance("BTC", "0.4");
        reconciler.reconcileNow();
        venue.balance("BTC", "0.5");

        assertThat(reconciler.reconcileNow()).isEmpty();
        assertThat(failures).isEmpty();
    }
}
