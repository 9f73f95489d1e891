package dev.ballast.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.bot.inventory.InventoryAggregator;
import dev.ballast.bot.inventory.InventoryTarget;
import dev.ballast.bot.testing.ScriptedVenue;
import dev.ballast.connectors.Venue;
import dev.ballast.core.Asset;
import dev.ballast.core.ClientOrderIdGenerator;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Liquidity;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.Side;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.VenueId;
import dev.ballast.core.event.VenueStatus;
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.book.SequenceRule;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.RejectReason;
import dev.ballast.core.inbox.Inbox;
import dev.ballast.core.time.ManualClock;
import dev.ballast.strategies.quoting.LinearSkewQuoteModel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EngineTest {
    private static final Asset BTC = Asset.of("BTC");
    private static final Asset USDT = Asset.of("USDT");

    private final ManualClock clock = new ManualClock(1_700_000_000_000_000_000L);
    private final Inbox<Event> inbox = new Inbox<>(1024);
    private final Instrument btcA = instrument("sim-a", "0.01");
    private final Instrument btcB = instrument("sim-b", "0.1");
    private ScriptedVenue a;
    private ScriptedVenue b;
    private Engine engine;
    private long seqA;
    private long seqB;

    private static Instrument instrument(String venue, String tick) {
        return new Instrument(InstrumentId.of(venue, "BTCUSDT"), BTC, USDT, new BigDecimal(tick),
                new BigDecimal("0.001"), new BigDecimal("5"));
    }

    private void build(double maxPosition) {
        build(maxPosition, 0.0);
    }

    private void build(double maxPosition, double toleranceBps) {
        build(maxPosition, toleranceBps, "0.5", null);
    }

    private void build(double maxPosition, double toleranceBps, String btcEach, HedgeSettings hedge) {
        a = new ScriptedVenue(VenueId.of("sim-a"), List.of(btcA)).balance("BTC", btcEach).balance("USDT", "50000");
        b = new ScriptedVenue(VenueId.of("sim-b"), List.of(btcB)).balance("BTC", btcEach).balance("USDT", "50000");
        Map<VenueId, Venue> venues = new LinkedHashMap<>();
        venues.put(a.id(), a);
        venues.put(b.id(), b);
        InventoryAggregator inventory = new InventoryAggregator(USDT,
                Map.of(BTC, new InventoryTarget(new BigDecimal("1.0"), new BigDecimal("0.005"), BigDecimal.valueOf(maxPosition))));
        OrderManager orders = new OrderManager(clock, new ClientOrderIdGenerator("t", 1), venues);
        engine = new Engine(clock, inbox, venues, orders, inventory, List.of(btcA, btcB),
                Map.of(BTC, new AssetSettings(BTC, new LinearSkewQuoteModel(0.01, 10, 100), maxPosition, hedge)),
                new EngineSettings(Duration.ofMillis(100).toNanos(), toleranceBps, Duration.ofSeconds(5).toNanos(), 1000),
                BrainSettings.defaults(), i -> new OrderBook(i, SequenceRule.SEQUENTIAL));
        engine.start();
    }

    @BeforeEach
    void setUp() {
        build(0.3);
    }

    /** Books on both venues with best bid/ask around {@code mid} (one level each side, 1 BTC). */
    private void books(double mid) {
        inbox.offer(snapshot(btcA, ++seqA, mid));
        inbox.offer(snapshot(btcB, ++seqB, mid));
        step();
    }

    private BookSnapshot snapshot(Instrument i, long seq, double mid) {
        long bid = i.roundToTicks(mid * (1 - 0.0002), Side.BUY);
        long ask = i.roundToTicks(mid * (1 + 0.0002), Side.SELL);
        return new BookSnapshot(i.id(), seq, new long[] {bid}, new long[] {1000}, 1,
                new long[] {ask}, new long[] {1000}, 1, clock.nowNs());
    }

    private void step() {
        clock.advance(Duration.ofMillis(150));
        engine.doWork();
    }

    private void accept(ScriptedVenue v, OrderRequest r) {
        inbox.offer(new OrderAccepted(r.instrument(), r.clientOrderId(), new VenueOrderId("v-" + r.clientOrderId()), clock.nowNs()));
    }

    private void acceptAll() {
        for (OrderRequest r : a.placed) {
            accept(a, r);
        }
        for (OrderRequest r : b.placed) {
            accept(b, r);
        }
        step();
    }

    private Fill fill(OrderRequest r, String size) {
        return new Fill(r.instrument(), r.clientOrderId(), new VenueOrderId("v-" + r.clientOrderId()),
                new TradeId("tr-" + r.clientOrderId() + "-" + size), r.side(), r.price(), new BigDecimal(size),
                BigDecimal.ZERO, USDT, Liquidity.MAKER, clock.nowNs());
    }

    @Test
    void shouldQuoteBothSidesOnEveryVenueAroundFairValueOnceBooksArrive() {
        books(60_000);

        assertThat(a.placed).hasSize(2);
        assertThat(b.placed).hasSize(2);
        OrderRequest bidA = a.lastPlaced(Side.BUY);
        OrderRequest askA = a.lastPlaced(Side.SELL);
        // spread 10 bps around 60 000: 59 970 / 60 030
        assertThat(bidA.price()).isEqualByComparingTo("59970");
        assertThat(askA.price()).isEqualByComparingTo("60030");
        assertThat(bidA.size()).isEqualByComparingTo("0.01");
        assertThat(bidA.type()).isEqualTo(dev.ballast.core.OrderType.LIMIT_POST_ONLY);
    }

    @Test
    void shouldNotQuoteBeforeAnyBookArrives() {
        step();
        step();

        assertThat(a.placed).isEmpty();
        assertThat(b.placed).isEmpty();
    }

    @Test
    void shouldKeepRestingQuotesWhenFairValueMovesLessThanTheTolerance() {
        build(0.3, 0.02);
        books(60_000);
        acceptAll();

        books(60_000.01);

        assertThat(a.placed).hasSize(2);
        assertThat(a.cancels).isEmpty();
    }

    @Test
    void shouldCancelAndReplaceQuotesWhenFairValueMoves() {
        books(60_000);
        acceptAll();

        books(60_100);

        assertThat(a.cancels).hasSize(2);
        assertThat(a.placed).hasSize(4);
        assertThat(a.lastPlaced(Side.BUY).price()).isEqualByComparingTo("60069.95"); // 60 100 − 5 bps
    }

    @Test
    void shouldMoveQuotesDownAfterABuyFillPushesThePositionAboveTarget() {
        books(60_000);
        acceptAll();
        OrderRequest bid = a.lastPlaced(Side.BUY);

        inbox.offer(new OrderFilled(fill(bid, "0.01")));
        step();

        assertThat(engine.inventory().driftDouble(BTC)).isEqualTo(0.01);
        // 100 bps per BTC × 0.01 BTC = 1 bp of 60 000 = 6 USDT lower
        assertThat(a.lastPlaced(Side.BUY).price()).isEqualByComparingTo("59964");
        assertThat(a.lastPlaced(Side.SELL).price()).isEqualByComparingTo("60024");
        assertThat(engine.fillsByMarket()).containsEntry(btcA.id(), 1L);
    }

    @Test
    void shouldNotLetBidsOnAllVenuesTogetherExceedTheRoomToMaxPosition() {
        build(0.015);
        books(60_000);

        // room 0.015: venue a's bid takes 0.01, venue b's gets the 0.005 left
        assertThat(a.lastPlaced(Side.BUY).size()).isEqualByComparingTo("0.01");
        assertThat(b.lastPlaced(Side.BUY).size()).isEqualByComparingTo("0.005");
    }

    @Test
    void shouldStopQuotingTheBidOnEveryVenueOncePastMaxPosition() {
        build(0.01);
        books(60_000);
        acceptAll();
        OrderRequest bid = a.lastPlaced(Side.BUY);
        int bidsBefore = (int) b.placed.stream().filter(r -> r.side() == Side.BUY).count();

        inbox.offer(new OrderFilled(fill(bid, "0.01")));
        step();
        books(60_000);

        assertThat(engine.inventory().driftDouble(BTC)).isEqualTo(0.01);
        assertThat(a.placed.stream().filter(r -> r.side() == Side.BUY)).hasSize(1);
        assertThat(b.placed.stream().filter(r -> r.side() == Side.BUY)).hasSize(bidsBefore);
        assertThat(engine.quote(btcA.id(), Side.SELL)).isNotNull();
    }

    @Test
    void shouldPullQuotesAndAskForASnapshotOnASequenceGap() {
        books(60_000);
        acceptAll();

        inbox.offer(new BookDelta(btcA.id(), seqA + 5, seqA + 5, -1, new long[0], new long[0], 0,
                new long[0], new long[0], 0, clock.nowNs()));
        step();

        assertThat(a.snapshotRequests).containsExactly(btcA.id());
        assertThat(a.cancels).hasSize(2);
        assertThat(engine.book(btcA.id()).isValid()).isFalse();
    }

    @Test
    void shouldTreatAPostOnlyRejectAsAnEventAndQuoteAgain() {
        books(60_000);
        OrderRequest bid = a.lastPlaced(Side.BUY);

        inbox.offer(new OrderRejected(bid.instrument(), bid.clientOrderId(), RejectReason.POST_ONLY_WOULD_CROSS,
                "Order would immediately match and take.", clock.nowNs()));
        step();
        books(60_000);

        assertThat(engine.orders().rejectsByReason()).containsEntry(RejectReason.POST_ONLY_WOULD_CROSS, 1L);
        assertThat(engine.eventErrors()).isZero();
        assertThat(a.placed.stream().filter(r -> r.side() == Side.BUY)).hasSize(2);
    }

    @Test
    void shouldSurviveAVenueMessageThatBreaksAnInvariant() {
        books(60_000);
        acceptAll();
        OrderRequest bid = a.lastPlaced(Side.BUY);

        inbox.offer(new OrderFilled(fill(bid, "0.02"))); // more than the order's size
        step();

        assertThat(engine.eventErrors()).isEqualTo(1);
        books(60_100);
        assertThat(a.placed.size()).isGreaterThan(2);
    }

    @Test
    void shouldCancelEveryOrderOnShutdownAndBeFlatOnceVenuesConfirm() {
        books(60_000);
        acceptAll();

        engine.beginShutdown("test");
        assertThat(a.cancelAlls).isEqualTo(1);
        assertThat(b.cancelAlls).isEqualTo(1);
        assertThat(engine.isFlat()).isFalse();
        for (OrderRequest r : a.placed) {
            inbox.offer(new OrderCancelled(r.instrument(), r.clientOrderId(), "cancel-all", clock.nowNs()));
        }
        for (OrderRequest r : b.placed) {
            inbox.offer(new OrderCancelled(r.instrument(), r.clientOrderId(), "cancel-all", clock.nowNs()));
        }
        step();
        books(61_000);

        assertThat(engine.isFlat()).isTrue();
        assertThat(a.placed).hasSize(2);
    }

    @Test
    void shouldDropAnOrderWhoseSendFailsInsteadOfLeavingItAsExposure() {
        a.failPlace = new IllegalStateException("adapter down");
        books(60_000);

        assertThat(engine.orders().liveOrders(a.id())).isEmpty();
        assertThat(engine.orders().deniedCount()).isEqualTo(2);
        assertThat(b.placed).hasSize(2);
        assertThat(engine.eventErrors()).isZero();
    }

    @Test
    void shouldAskForASnapshotWhenDeltasArriveBeforeAnyBook() {
        inbox.offer(new BookDelta(btcA.id(), 7, 7, -1, new long[0], new long[0], 0, new long[0], new long[0], 0,
                clock.nowNs()));
        step();

        assertThat(a.snapshotRequests).containsExactly(btcA.id());
    }

    @Test
    void shouldGiveUpOnHedgeChildrenTheVenueNeverAnswersAndResumeQuoting() {
        // 0.8 BTC on each venue against a target of 1.0: drift +0.6, far past the band
        build(0.8, 0.0, "0.8", HedgeSettings.defaults(0.05, 0.01));
        books(60_000);
        for (int i = 0; i < 20 && engine.rebalanceStatus(BTC).hedgeInFlight() == null; i++) {
            books(60_000);
        }
        assertThat(engine.rebalanceStatus(BTC).hedgeInFlight()).as("a hedge started: %s",
                engine.rebalanceStatus(BTC).lastDecision() == null ? "no decision" : engine.rebalanceStatus(BTC).lastDecision().reason()).isNotNull();
        long iocs = a.placed.stream().filter(r -> r.type() == dev.ballast.core.OrderType.LIMIT_IOC).count()
                + b.placed.stream().filter(r -> r.type() == dev.ballast.core.OrderType.LIMIT_IOC).count();
        assertThat(iocs).isPositive();

        for (int i = 0; i < 80; i++) { // 12 s: the venue never answers the IOC
            step();
        }

        assertThat(engine.rebalanceStatus(BTC).hedgeInFlight()).isNull();
        assertThat(engine.rebalanceStatus(BTC).hedgesDone()).isGreaterThanOrEqualTo(1);
        // the unanswered child still counts as exposure until the venue settles it
        assertThat(engine.orders().liveOrders()).anyMatch(o -> o.type() == dev.ballast.core.OrderType.LIMIT_IOC);
    }

    @Test
    void shouldTakeALastingPremiumOutOfFairValueAndQuoteEachVenueAtItsOwnLevel() {
        // venue b trades 57 USDT above venue a, like a perpetual over spot
        inbox.offer(snapshot(btcA, ++seqA, 60_000));
        inbox.offer(snapshot(btcB, ++seqB, 60_057));
        step();

        assertThat(engine.fairValue(BTC)).isCloseTo(60_000, org.assertj.core.api.Assertions.within(0.5));
        assertThat(a.lastPlaced(Side.BUY).price()).isEqualByComparingTo("59970");
        // venue b's quotes sit around its own mid, not around venue a's
        assertThat(b.lastPlaced(Side.BUY).price().doubleValue())
                .isCloseTo(60_057 - 30, org.assertj.core.api.Assertions.within(0.6));
        assertThat(b.lastPlaced(Side.SELL).price().doubleValue())
                .isCloseTo(60_057 + 30, org.assertj.core.api.Assertions.within(0.6));
    }

    @Test
    void shouldPullQuotesFromAVenueWhoseStreamGoesStaleAndQuoteThereAgainWhenItRecovers() {
        books(60_000);
        acceptAll();
        OrderRequest bidB = b.lastPlaced(Side.BUY);
        OrderRequest askB = b.lastPlaced(Side.SELL);
        int placedOnA = a.placed.size();

        inbox.offer(new VenueStatus(b.id(), VenueHealth.STREAM_STALE, "silent for 10 s", clock.nowNs()));
        step();
        assertThat(b.cancels).contains(bidB.clientOrderId(), askB.clientOrderId());
        assertThat(engine.venueHealth(b.id())).isEqualTo(VenueHealth.STREAM_STALE);
        assertThat(dev.ballast.bot.status.StatusFormatter.status(engine, 0)).contains("sim-b stream stale");

        int placedOnB = b.placed.size();
        books(60_300); // the market moves; the stale venue's book is not trusted
        assertThat(b.placed).as("nothing placed on the stale venue").hasSize(placedOnB);
        assertThat(a.placed.size()).as("the healthy venue requotes").isGreaterThan(placedOnA);

        inbox.offer(new VenueStatus(b.id(), VenueHealth.HEALTHY, "", clock.nowNs()));
        step();
        assertThat(b.placed.size()).as("quoting again after recovery").isGreaterThan(placedOnB);
        assertThat(engine.venueHealth(b.id())).isEqualTo(VenueHealth.HEALTHY);
    }
}
