package dev.ballast.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.bot.inventory.InventoryAggregator;
import dev.ballast.bot.inventory.InventoryTarget;
import dev.ballast.bot.testing.RecordingVenue;
import dev.ballast.connectors.Venue;
import dev.ballast.connectors.sim.SimulatedAssetSpec;
import dev.ballast.connectors.sim.SimulatedMarket;
import dev.ballast.connectors.sim.SimulatedMarketConfig;
import dev.ballast.connectors.sim.SimulatedMarketSpec;
import dev.ballast.connectors.sim.SimulatedVenueConfig;
import dev.ballast.core.Asset;
import dev.ballast.core.ClientOrderIdGenerator;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Order;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.VenueId;
import dev.ballast.core.event.VenueStatus;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.book.SequenceRule;
import dev.ballast.core.event.Event;
import dev.ballast.core.inbox.Inbox;
import dev.ballast.core.time.ManualClock;
import dev.ballast.strategies.quoting.LinearSkewQuoteModel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rebalancing brain on simulated venues, time moved by hand: one venue's book is deep, the other's thin,
 * and the bot starts far above its BTC target, so it must hedge.
 */
class EngineHedgingTest {
    private static final Asset BTC = Asset.of("BTC");
    private static final Asset USDT = Asset.of("USDT");
    private static final long START_NS = 1_767_225_600_000_000_000L;

    /** Two simulated venues and an engine on a manual clock; everything on the test thread. */
    private static final class Rig {
        private final ManualClock clock = new ManualClock(START_NS);
        private SimulatedMarket market;
        private Engine engine;
        private RecordingVenue thin;
        private RecordingVenue deep;
        private double worstOverHedge = Double.NEGATIVE_INFINITY;
        private boolean growingSideHedge;

        static Instrument btc(String venue) {
            return new Instrument(InstrumentId.of(venue, "BTCUSDT"), BTC, USDT, new BigDecimal("0.01"),
                    new BigDecimal("0.0001"), new BigDecimal("5"));
        }

        static SimulatedVenueConfig venue(String id, Instrument i, String levelSize) {
            return new SimulatedVenueConfig(VenueId.of(id), 20, new BigDecimal("1"), new BigDecimal("5"), 1.0,
                    Map.of(BTC, new BigDecimal("0.8"), USDT, new BigDecimal("100000")),
                    List.of(new SimulatedMarketSpec(i, 10.0, 20, new BigDecimal(levelSize), 1.0, new BigDecimal("0.01"))));
        }

        private void build() {
            build("0.002");
        }

        private void build(String thinLevelSize) {
            market = new SimulatedMarket(new SimulatedMarketConfig(7, 100, USDT,
                    Map.of(BTC, new SimulatedAssetSpec(60_000, 2.0))), clock);
            Instrument thinBtc = btc("thin");
            Instrument deepBtc = btc("deep");
            thin = new RecordingVenue(market.addVenue(venue("thin", thinBtc, thinLevelSize)));
            deep = new RecordingVenue(market.addVenue(venue("deep", deepBtc, "3")));
            Map<VenueId, Venue> venues = new LinkedHashMap<>();
            venues.put(thin.id(), thin);
            venues.put(deep.id(), deep);
            // holds 1.6 BTC against a target of 1.0: drift +0.6, well past the band
            InventoryAggregator inventory = new InventoryAggregator(USDT,
                    Map.of(BTC, new InventoryTarget(new BigDecimal("1.0"), new BigDecimal("0.05"), new BigDecimal("0.8"))));
            OrderManager orders = new OrderManager(clock, new ClientOrderIdGenerator("t", 1), venues);
            engine = new Engine(clock, new Inbox<Event>(1 << 14), venues, orders, inventory, List.of(thinBtc, deepBtc),
                    Map.of(BTC, new AssetSettings(BTC, new LinearSkewQuoteModel(0.01, 6, 5), 0.8,
                            HedgeSettings.defaults(0.05, 0.01))),
                    new EngineSettings(Duration.ofMillis(100).toNanos(), 1.0, Duration.ofSeconds(60).toNanos(), 4096),
                    BrainSettings.defaults(), i -> new OrderBook(i, SequenceRule.SEQUENTIAL));
            engine.start();
        }

        private void run(Duration d) {
            long end = clock.nowNs() + d.toNanos();
            while (clock.nowNs() < end) {
                clock.advance(Duration.ofMillis(10));
                market.doWork();
                engine.doWork();
                checkNeverOverHedged();
            }
        }

        /**
         * While a hedge order is live, our live orders on the reducing side — hedge children and quotes together —
         * never exceed the drift (nothing can take the position past the target); no hedge on the growing side.
         */
        private void checkNeverOverHedged() {
            double drift = engine.inventory().driftDouble(BTC);
            double reducing = 0;
            boolean hedgeLive = false;
            for (Order o : engine.orders().liveOrders()) {
                boolean reduces = (drift > 0 && o.side() == Side.SELL) || (drift < 0 && o.side() == Side.BUY);
                if (o.type() == OrderType.LIMIT_IOC) {
                    hedgeLive = true;
                    if (!reduces) {
                        growingSideHedge = true;
                    }
                }
                if (reduces) {
                    reducing += o.remainingSize().doubleValue();
                }
            }
            if (hedgeLive) {
                worstOverHedge = Math.max(worstOverHedge, reducing - Math.abs(drift));
            }
        }

        static double hedged(RecordingVenue v) {
            double sum = 0;
            for (OrderRequest r : v.placed) {
                if (r.type() == OrderType.LIMIT_IOC) {
                    sum += r.size().doubleValue();
                }
            }
            return sum;
        }
    }

    @Test
    void shouldSendTheHedgeToTheVenueWithTheDeeperBook() {
        Rig rig = new Rig();
        rig.build();
        rig.run(Duration.ofSeconds(30));

        assertThat(Rig.hedged(rig.deep)).as("hedged on the deep venue").isGreaterThan(0.3);
        assertThat(Rig.hedged(rig.thin)).as("hedged on the thin venue").isLessThan(Rig.hedged(rig.deep) / 10);
        assertThat(rig.engine.rebalanceStatus(BTC).hedgesDone()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldBringTheDriftBackInsideTheBandWithoutEverHedgingMoreThanTheDrift() {
        Rig rig = new Rig();
        rig.build();
        rig.run(Duration.ofSeconds(60));

        assertThat(Math.abs(rig.engine.inventory().driftDouble(BTC))).isLessThan(0.055 + 0.01);
        assertThat(rig.worstOverHedge).isLessThanOrEqualTo(1e-9);
        assertThat(rig.growingSideHedge).isFalse();
        assertThat(rig.engine.eventErrors()).isZero();
    }

    @Test
    void shouldExplainEachHedgeWithTheNumbersItCompared() {
        Rig rig = new Rig();
        rig.build();
        rig.run(Duration.ofSeconds(10));

        assertThat(rig.engine.rebalanceStatus(BTC).lastDecision()).isNotNull();
        assertThat(rig.engine.decisions().recent(BTC))
                .anySatisfy(e -> assertThat(e.decision().reason())
                        .containsAnyOf("HEDGE", "SPLIT")
                        .contains("USDT"));
    }

    @Test
    void shouldMakeTheSameDecisionsForTheSameInputs() {
        Rig first = new Rig();
        first.build();
        first.run(Duration.ofSeconds(20));
        Rig second = new Rig();
        second.build();
        second.run(Duration.ofSeconds(20));

        assertThat(reasons(second)).isNotEmpty().isEqualTo(reasons(first));
        assertThat(second.engine.inventory().driftDouble(BTC)).isEqualTo(first.engine.inventory().driftDouble(BTC));
    }

    @Test
    void shouldNotHedgeOnAVenueWhoseCircuitBreakerIsOpenAndUseItAgainOnceItCloses() {
        Rig rig = new Rig();
        rig.build("3"); // two equally deep venues
        rig.engine.onEvent(new VenueStatus(VenueId.of("deep"), VenueHealth.CIRCUIT_OPEN, "5 failures in 10 calls", START_NS));
        rig.run(Duration.ofSeconds(20));

        assertThat(Rig.hedged(rig.deep)).as("hedged on the venue whose breaker is open").isZero();
        assertThat(Rig.hedged(rig.thin)).as("hedged on the healthy venue").isGreaterThan(0.3);
        assertThat(rig.deep.placed).as("no quotes either on the unhealthy venue").isEmpty();
        assertThat(rig.engine.venueHealth(VenueId.of("deep"))).isEqualTo(VenueHealth.CIRCUIT_OPEN);

        rig.engine.onEvent(new VenueStatus(VenueId.of("deep"), VenueHealth.HEALTHY, "breaker closed", rig.clock.nowNs()));
        rig.run(Duration.ofSeconds(5));
        assertThat(rig.deep.placed).as("quoting there again").isNotEmpty();
    }

    @Test
    void shouldSettleAHedgeLostInADisconnectByItsClientIdThenSendTheRestToAHealthyVenueNeverTwice() {
        Rig rig = new Rig();
        rig.build("3");
        rig.deep.holdNextIoc = true;
        rig.thin.holdNextIoc = true;
        long deadline = rig.clock.nowNs() + Duration.ofSeconds(10).toNanos();
        while (rig.deep.held.isEmpty() && rig.thin.held.isEmpty() && rig.clock.nowNs() < deadline) {
            rig.run(Duration.ofMillis(10));
        }
        RecordingVenue lost = rig.deep.held.isEmpty() ? rig.thin : rig.deep;
        RecordingVenue healthy = lost == rig.deep ? rig.thin : rig.deep;
        healthy.holdNextIoc = false;
        assertThat(lost.held).as("a hedge child in flight when the connection dropped").hasSize(1);
        OrderRequest lostChild = lost.held.get(0);
        rig.engine.onEvent(new VenueStatus(lost.id(), VenueHealth.DISCONNECTED, "connection reset", rig.clock.nowNs()));

        rig.run(Duration.ofSeconds(2));
        assertThat(rig.engine.orders().liveOrders()).as("its fate unknown, the child still counts as exposure")
                .anySatisfy(o -> assertThat(o.clientOrderId()).isEqualTo(lostChild.clientOrderId()));
        int iocsBefore = iocs(healthy);

        lost.release(); // the venue, asked by client id, says it had the order: it executes and reports
        rig.run(Duration.ofSeconds(30));

        assertThat(iocs(lost)).as("nothing more sent to the disconnected venue").isEqualTo(1);
        assertThat(iocs(healthy)).as("the rest re-routed to the healthy venue").isGreaterThan(iocsBefore);
        List<ClientOrderId> ids = new java.util.ArrayList<>();
        rig.deep.placed.forEach(r -> ids.add(r.clientOrderId()));
        rig.thin.placed.forEach(r -> ids.add(r.clientOrderId()));
        assertThat(ids).as("no client order id sent twice").doesNotHaveDuplicates();
        assertThat(rig.worstOverHedge).as("never hedged past the target").isLessThanOrEqualTo(1e-9);
        assertThat(Math.abs(rig.engine.inventory().driftDouble(BTC))).isLessThan(0.055 + 0.01);
    }

    private static int iocs(RecordingVenue v) {
        return (int) v.placed.stream().filter(r -> r.type() == OrderType.LIMIT_IOC).count();
    }

    private static List<String> reasons(Rig rig) {
        return rig.engine.decisions().recent(BTC).stream().map(e -> e.decision().reason()).toList();
    }
}
