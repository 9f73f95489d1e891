package dev.ballast.bot.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.bot.inventory.InventoryAggregator;
import dev.ballast.bot.inventory.InventoryTarget;
import dev.ballast.core.Asset;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Order;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import dev.ballast.core.time.ManualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each pre-trade guard: it denies with its reason just past its limit and lets the order through just inside. */
class PreTradeGuardsTest {
    private static final Asset BTC = Asset.of("BTC");
    private static final Asset USDT = Asset.of("USDT");
    private static final VenueId A = VenueId.of("sim-a");
    private static final VenueId B = VenueId.of("sim-b");
    private static final Instrument BTC_A = instrument(A);
    private static final Instrument BTC_B = instrument(B);

    private final ManualClock clock = new ManualClock(1_700_000_000_000_000_000L);
    private final List<Order> live = new ArrayList<>();
    private final Map<InstrumentId, Long> dataNs = new HashMap<>();
    private double fair = 60_000;
    private InventoryAggregator inventory;
    private TradingStateMachine trading;
    private PreTradeGuards guards;
    private final List<OrderDenied> heard = new ArrayList<>();
    private int nextId;

    private static Instrument instrument(VenueId venue) {
        return new Instrument(new InstrumentId(venue, "BTCUSDT"), BTC, USDT, new BigDecimal("0.01"),
                new BigDecimal("0.001"), new BigDecimal("5"));
    }

    /** Limits with everything off but what a test turns on. */
    private static RiskLimits.Builder limits() {
        return RiskLimits.builder();
    }

    @BeforeEach
    void setUp() {
        inventory = new InventoryAggregator(USDT, Map.of(BTC, InventoryTarget.of("1.0", "0.01", "0.3")));
        inventory.setStartingBalance(A, BTC, new BigDecimal("0.5"));
        inventory.setStartingBalance(B, BTC, new BigDecimal("0.5"));
        dataNs.put(BTC_A.id(), clock.nowNs());
        dataNs.put(BTC_B.id(), clock.nowNs());
        use(limits().build());
    }

    private void use(RiskLimits limits) {
        trading = new TradingStateMachine(limits, clock.nowNs());
        guards = new PreTradeGuards(clock, limits, inventory, new RiskInputs() {
            @Override public Collection<Order> liveOrders() { return live; }
            @Override public double fairValue(Asset asset) { return fair; }
            @Override public long marketDataNs(InstrumentId instrument) { return dataNs.getOrDefault(instrument, Long.MIN_VALUE); }
        }, trading);
        guards.onDenied(heard::add);
    }

    private Optional<OrderDenied> check(Instrument i, Side side, String price, String size) {
        return guards.check(i, side, OrderType.LIMIT_POST_ONLY, i.priceToTicks(new BigDecimal(price)),
                i.sizeToLots(new BigDecimal(size)), "quote");
    }

    private void liveOrder(Instrument i, Side side, String price, String size) {
        live.add(new Order(new ClientOrderId("t" + nextId++), i, side, OrderType.LIMIT_POST_ONLY, new BigDecimal(price),
                new BigDecimal(size), clock.nowNs()));
    }

    private static DenyReason reason(Optional<OrderDenied> d) {
        return d.map(OrderDenied::reason).orElse(null);
    }

    @Test
    void shouldDenyABuyThatWouldTakeTheDriftPastMaxPositionCountingEveryLiveBuyOnEveryVenue() {
        use(limits().position(BTC, new PositionLimits(0.05, Double.POSITIVE_INFINITY)).build());
        liveOrder(BTC_A, Side.BUY, "59990", "0.02");
        liveOrder(BTC_B, Side.BUY, "59990", "0.01");
        liveOrder(BTC_A, Side.SELL, "60010", "0.04"); // the other side does not make room

        assertThat(check(BTC_A, Side.BUY, "59990", "0.021")).map(OrderDenied::reason).contains(DenyReason.MAX_POSITION);
        assertThat(check(BTC_B, Side.BUY, "59990", "0.02")).isEmpty();
    }

    @Test
    void shouldLetASellShrinkADriftAlreadyPastMaxPositionButNotCarryItPastTheLimitOnTheOtherSide() {
        use(limits().position(BTC, new PositionLimits(0.05, Double.POSITIVE_INFINITY)).build());
        inventory.setStartingBalance(A, BTC, new BigDecimal("0.6")); // drift +0.1

        assertThat(check(BTC_A, Side.BUY, "59990", "0.001")).map(OrderDenied::reason).contains(DenyReason.MAX_POSITION);
        assertThat(check(BTC_A, Side.SELL, "60010", "0.15")).isEmpty();
        assertThat(check(BTC_A, Side.SELL, "60010", "0.151")).map(OrderDenied::reason).contains(DenyReason.MAX_POSITION);
    }

    @Test
    void shouldDenyABuyThatWouldTakeTheVenuePositionPastItsLimitCountingOnlyThatVenuesLiveBuys() {
        use(limits().position(BTC, new PositionLimits(Double.POSITIVE_INFINITY, 0.55)).build());
        liveOrder(BTC_A, Side.BUY, "59990", "0.02");
        liveOrder(BTC_B, Side.BUY, "59990", "0.04");

        assertThat(check(BTC_A, Side.BUY, "59990", "0.031")).map(OrderDenied::reason)
                .contains(DenyReason.MAX_VENUE_POSITION);
        assertThat(check(BTC_A, Side.BUY, "59990", "0.03")).isEmpty();
    }

    @Test
    void shouldDenyAnOrderWhoseNotionalIsAboveTheLimit() {
        use(limits().maxOrderNotional(600).build());

        assertThat(check(BTC_A, Side.BUY, "60000", "0.01")).isEmpty();
        assertThat(check(BTC_A, Side.BUY, "60000.01", "0.01")).map(OrderDenied::reason)
                .contains(DenyReason.MAX_ORDER_NOTIONAL);
    }

    @Test
    void shouldDenyAnOrderOnAVenueThatHasTheMostOpenOrdersAllowed() {
        use(limits().maxOpenOrdersPerVenue(2).build());
        liveOrder(BTC_A, Side.BUY, "59990", "0.01");
        liveOrder(BTC_B, Side.BUY, "59990", "0.01");
        liveOrder(BTC_B, Side.SELL, "60010", "0.01");

        assertThat(check(BTC_A, Side.SELL, "60010", "0.01")).isEmpty();
        assertThat(check(BTC_B, Side.SELL, "60010", "0.01")).map(OrderDenied::reason).contains(DenyReason.MAX_OPEN_ORDERS);
    }

    @Test
    void shouldSendAtMostTheVenuesRateInAnyOneSecondWindowOfTheEngineClock() {
        use(limits().maxOrdersPerSecondPerVenue(2).build());

        assertThat(check(BTC_A, Side.BUY, "59990", "0.01")).isEmpty();
        assertThat(check(BTC_A, Side.BUY, "59990", "0.01")).isEmpty();
        assertThat(check(BTC_A, Side.BUY, "59990", "0.01")).map(OrderDenied::reason).contains(DenyReason.VENUE_ORDER_RATE);
        assertThat(check(BTC_B, Side.BUY, "59990", "0.01")).as("another venue has its own budget").isEmpty();

        clock.advance(Duration.ofMillis(999));
        dataNs.put(BTC_A.id(), clock.nowNs());
        assertThat(check(BTC_A, Side.BUY, "59990", "0.01")).map(OrderDenied::reason).contains(DenyReason.VENUE_ORDER_RATE);
        clock.advance(Duration.ofMillis(1)); // the first two sends leave the window
        assertThat(check(BTC_A, Side.BUY, "59990", "0.01")).isEmpty();
        assertThat(check(BTC_A, Side.BUY, "59990", "0.01")).isEmpty();
        assertThat(check(BTC_A, Side.BUY, "59990", "0.01")).map(OrderDenied::reason).contains(DenyReason.VENUE_ORDER_RATE);
    }

    @Test
    void shouldCountTheTotalRateAcrossVenues() {
        use(limits().maxOrdersPerSecond(3).build());

        assertThat(check(BTC_A, Side.BUY, "59990", "0.01")).isEmpty();
        assertThat(check(BTC_B, Side.BUY, "59990", "0.01")).isEmpty();
        assertThat(check(BTC_A, Side.SELL, "60010", "0.01")).isEmpty();
        assertThat(check(BTC_B, Side.SELL, "60010", "0.01")).map(OrderDenied::reason).contains(DenyReason.TOTAL_ORDER_RATE);
    }

    @Test
    void shouldNotCountAnOrderAnotherGuardDeniedAgainstTheRate() {
        use(limits().maxOrdersPerSecondPerVenue(1).maxOrderNotional(1000).build());

        assertThat(check(BTC_A, Side.BUY, "60000", "0.1")).map(OrderDenied::reason).contains(DenyReason.MAX_ORDER_NOTIONAL);
        assertThat(check(BTC_A, Side.BUY, "60000", "0.01")).isEmpty();
    }

    @Test
    void shouldDenyAPriceFurtherFromFairValueThanTheBand() {
        use(limits().priceBandBps(10).build());

        assertThat(check(BTC_A, Side.BUY, "59940", "0.01")).isEmpty(); // exactly 10 bps
        assertThat(check(BTC_A, Side.BUY, "59939.99", "0.01")).map(OrderDenied::reason).contains(DenyReason.PRICE_BAND);
        assertThat(check(BTC_A, Side.SELL, "60060.01", "0.01")).map(OrderDenied::reason).contains(DenyReason.PRICE_BAND);
        fair = Double.NaN;
        assertThat(check(BTC_A, Side.SELL, "60000", "0.01")).hasValueSatisfying(d -> {
            assertThat(d.reason()).isEqualTo(DenyReason.PRICE_BAND);
            assertThat(d.detail()).isEqualTo("no fair value");
        });
    }

    @Test
    void shouldDenyAnOrderWhenTheInstrumentsMarketDataIsOlderThanAllowedOnTheEngineClock() {
        use(limits().staleDataNs(Duration.ofMillis(500).toNanos()).build());

        clock.advance(Duration.ofMillis(500));
        assertThat(check(BTC_A, Side.BUY, "59990", "0.01")).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(check(BTC_A, Side.BUY, "59990", "0.01")).map(OrderDenied::reason).contains(DenyReason.STALE_DATA);
        dataNs.remove(BTC_B.id());
        assertThat(check(BTC_B, Side.BUY, "59990", "0.01")).hasValueSatisfying(d ->
                assertThat(d.detail()).isEqualTo("no market data yet"));
    }

    @Test
    void shouldLetAnyOrderThroughWithoutLimitsAsBacktestsRun() {
        fair = Double.NaN;
        dataNs.clear();
        for (int i = 0; i < 1000; i++) {
            assertThat(check(BTC_A, Side.BUY, "1", "1000")).isEmpty();
        }
        assertThat(guards.deniedCount()).isZero();
    }

    @Test
    void shouldLetNothingLeaveWhileHalted() {
        trading.apply(new OperatorCommand(OperatorCommand.Action.HALT, "test", "test"), clock.nowNs());

        assertThat(reason(check(BTC_A, Side.BUY, "59990", "0.01"))).isEqualTo(DenyReason.HALTED);
        assertThat(reason(check(BTC_A, Side.SELL, "60010", "0.01"))).isEqualTo(DenyReason.HALTED);
    }

    @Test
    void shouldLetOnlyOrdersThatShrinkTheDriftWithoutCrossingTheTargetLeaveWhileReducing() {
        inventory.setStartingBalance(A, BTC, new BigDecimal("0.52")); // drift +0.02
        trading.apply(new OperatorCommand(OperatorCommand.Action.REDUCE, "", "test"), clock.nowNs());
        liveOrder(BTC_B, Side.SELL, "60010", "0.005");

        assertThat(reason(check(BTC_A, Side.BUY, "59990", "0.001"))).isEqualTo(DenyReason.REDUCING_ONLY);
        assertThat(reason(check(BTC_A, Side.SELL, "60010", "0.016"))).isEqualTo(DenyReason.REDUCING_ONLY);
        assertThat(check(BTC_A, Side.SELL, "60010", "0.015")).isEmpty();
    }

    @Test
    void shouldCountDenialsPerReasonAndHandEachToTheListener() {
        use(limits().maxOrderNotional(600).priceBandBps(10).build());

        check(BTC_A, Side.BUY, "60000", "0.02");
        check(BTC_A, Side.BUY, "60000", "0.03");
        check(BTC_A, Side.BUY, "50000", "0.01");

        assertThat(guards.deniedByReason()).containsExactly(Map.entry(DenyReason.MAX_ORDER_NOTIONAL, 2L),
                Map.entry(DenyReason.PRICE_BAND, 1L));
        assertThat(guards.deniedCount()).isEqualTo(3);
        assertThat(heard).extracting(OrderDenied::size).map(BigDecimal::toPlainString)
                .containsExactly("0.02", "0.03", "0.01");
        assertThat(heard.get(0).detail()).isEqualTo("notional 1200.00 > 600");
    }
}
