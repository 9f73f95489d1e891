package dev.ballast.bot.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.bot.config.AssetConfig;
import dev.ballast.bot.config.BallastConfig;
import dev.ballast.bot.config.ConfigLoader;
import dev.ballast.bot.engine.Engine;
import dev.ballast.bot.inventory.InventoryAggregator;
import dev.ballast.connectors.sim.SimulatedVenue;
import dev.ballast.core.Asset;
import dev.ballast.core.Balance;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.VenueId;
import dev.ballast.core.time.ManualClock;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default config.yaml, traded end to end for ten simulated minutes on the simulated venues, with time
 * moved by hand: the simulated exchange and the engine take turns on the test thread, every 10 ms of
 * simulated time.
 */
class PaperRunEndToEndTest {
    private static final long START_NS = 1_767_225_600_000_000_000L; // 2026-01-01T00:00:00Z
    private static final Duration STEP = Duration.ofMillis(10);
    private static final Duration RUN = Duration.ofMinutes(10);

    private static final ManualClock clock = new ManualClock(START_NS);
    private static BallastConfig config;
    private static PaperTrading bot;
    private static Engine engine;
    private static final Map<Asset, BigDecimal> worstDrift = new HashMap<>();
    private static long steps;
    private static long shutdownSteps;

    @BeforeAll
    static void tradeTenSimulatedMinutesThenShutDown() throws Exception {
        config = ConfigLoader.load(projectRoot().resolve("config.yaml"), Map.<String, String>of()::get);
        bot = PaperTrading.assemble(config, clock);
        engine = bot.engine();
        engine.start();
        long endNs = START_NS + RUN.toNanos();
        while (clock.nowNs() < endNs) {
            step();
            for (Asset asset : config.assets().keySet()) {
                BigDecimal drift = engine.inventory().drift(asset).abs();
                worstDrift.merge(asset, drift, BigDecimal::max);
            }
            steps++;
        }
        engine.beginShutdown("end of test");
        while (!engine.isFlat() && shutdownSteps < 1_000) {
            step();
            shutdownSteps++;
        }
        // let in-flight events land so engine and venues can be compared
        for (int i = 0; i < 20; i++) {
            step();
        }
    }

    private static void step() {
        clock.advance(STEP);
        bot.market().doWork();
        engine.doWork();
    }

    private static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.exists(p.resolve("config.yaml")) && Files.exists(p.resolve("pom.xml")))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("project root with config.yaml not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    @Test
    void shouldFillOnAtLeastTwoVenues() {
        Map<VenueId, Long> fillsByVenue = new HashMap<>();
        for (Map.Entry<InstrumentId, Long> e : engine.fillsByMarket().entrySet()) {
            fillsByVenue.merge(e.getKey().venue(), e.getValue(), Long::sum);
        }

        assertThat(fillsByVenue).hasSizeGreaterThanOrEqualTo(2);
        assertThat(fillsByVenue.values()).allSatisfy(n -> assertThat(n).isGreaterThan(10));
    }

    @Test
    void shouldKeepEveryAssetWithinMaxPositionAtEveryStep() {
        assertThat(steps).isEqualTo(RUN.toNanos() / STEP.toNanos());
        for (Map.Entry<Asset, AssetConfig> e : config.assets().entrySet()) {
            assertThat(worstDrift.get(e.getKey()))
                    .as("worst |position - target| of %s", e.getKey())
                    .isLessThanOrEqualTo(e.getValue().maxPosition());
        }
    }

    @Test
    void shouldHaveCancelledEveryOrderOnEveryVenueAtShutdown() {
        assertThat(engine.isFlat()).isTrue();
        assertThat(shutdownSteps).isLessThan(1_000);
        for (SimulatedVenue v : bot.venues().values()) {
            assertThat(v.openOrders()).as("open orders on %s", v.id()).isEmpty();
        }
    }

    @Test
    void shouldCountExactlyWhatEachVenueSaysWeHold() {
        InventoryAggregator inventory = engine.inventory();
        for (SimulatedVenue v : bot.venues().values()) {
            Map<Asset, Balance> balances = v.balances();
            for (Asset asset : config.assets().keySet()) {
                assertThat(inventory.quantity(asset, v.id()))
                        .as("%s on %s", asset, v.id())
                        .isEqualByComparingTo(balances.get(asset).total());
            }
            assertThat(inventory.cash(v.id()))
                    .as("%s cash on %s", config.quoteCurrency(), v.id())
                    .isEqualByComparingTo(balances.get(config.quoteCurrency()).total());
        }
    }

    @Test
    void shouldApplyEveryEventWithoutErrorOrLoss() {
        assertThat(engine.eventErrors()).isZero();
        assertThat(engine.inboxRejected()).isZero();
        assertThat(engine.foreignFills()).isZero();
        for (SimulatedVenue v : bot.venues().values()) {
            assertThat(v.droppedEventCount()).isZero();
        }
    }

    @Test
    void shouldSplitPnlIntoPartsThatAddUp() {
        var snap = engine.inventory().snapshot();
        BigDecimal sum = BigDecimal.ZERO;
        for (var a : snap.assets().values()) {
            sum = sum.add(a.total().totalPnl());
        }
        assertThat(snap.totalPnl()).isEqualByComparingTo(sum);
        assertThat(engine.orders().placedCount()).isGreaterThan(100);
    }

    @Test
    void shouldMeetNoRiskLimitWithTheDefaultsWhileTradingAsConfigured() {
        assertThat(engine.riskStatus().state()).isEqualTo(dev.ballast.bot.risk.TradingState.ACTIVE);
        assertThat(engine.riskStatus().deniedByReason()).isEmpty();
    }
}
