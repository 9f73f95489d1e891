package dev.ballast.connectors.sim;

import static dev.ballast.connectors.sim.SimFixture.BTC;
import static dev.ballast.connectors.sim.SimFixture.SIM_A;
import static dev.ballast.connectors.sim.SimFixture.SIM_B;
import static dev.ballast.connectors.sim.SimFixture.STEP_MS;
import static dev.ballast.connectors.sim.SimFixture.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ballast.connectors.testing.EventText;
import dev.ballast.connectors.testing.RecordingSink;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.event.OrderFilled;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shared market: seeded walks, venue dislocations, and deterministic time-ordered driving. */
class SimulatedMarketTest {
    private static final InstrumentId A_BTC = SimFixture.btcUsdt(SIM_A).id();
    private static final InstrumentId B_BTC = SimFixture.btcUsdt(SIM_B).id();

    /** Two venues with takers and a moving market; our orders sent every 500 ms; doWork every {@code sliceMs}. */
    private static List<String> scriptedRun(long seed, long sliceMs, boolean withSecondVenue) {
        SimFixture sim = new SimFixture(SimFixture.marketConfig(seed, 3, 4));
        RecordingSink sinkA = new RecordingSink();
        SimulatedVenue a = sim.add(SimFixture.venue().id(SIM_A).latencyMs(15).dislocationBps(2).takers(5, "0.05")
                .withEth());
        a.start(sinkA);
        if (withSecondVenue) {
            sim.add(SimFixture.venue().id(SIM_B).latencyMs(40).dislocationBps(3).takers(3, "0.05"))
                    .start(new RecordingSink());
        }
        int n = 0;
        for (long t = 0; t < 30_000; t += 500) {
            String price = n % 2 == 0 ? "59990.00" : "60010.00";
            Side side = n % 2 == 0 ? Side.BUY : Side.SELL;
            a.place(new OrderRequest(new ClientOrderId("d-" + n), A_BTC, side, OrderType.LIMIT_POST_ONLY,
                    new BigDecimal(price), new BigDecimal("0.01")));
            if (n % 7 == 3) {
                a.place(new OrderRequest(new ClientOrderId("m-" + n), A_BTC, Side.BUY, OrderType.MARKET, null,
                        new BigDecimal("0.002")));
            }
            if (n % 5 == 4) {
                a.cancel(A_BTC, new ClientOrderId("d-" + (n - 2)));
            }
            n++;
            sim.runMs(500, sliceMs);
        }
        return sinkA.events().stream().map(EventText::render).collect(Collectors.toList());
    }

    @Test
    void shouldEmitIdenticalEventsForTheSameSeedCommandsAndClock() {
        List<String> first = scriptedRun(42, 10, true);
        List<String> second = scriptedRun(42, 10, true);

        assertThat(first).hasSizeGreaterThan(500);
        assertThat(first.stream().filter(s -> s.startsWith("OrderFilled"))).isNotEmpty();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldEmitTheSameEventsHoweverOftenDoWorkIsCalled() {
        assertThat(scriptedRun(42, 250)).isEqualTo(scriptedRun(42, 1));
    }

    private static List<String> scriptedRun(long seed, long sliceMs) {
        return scriptedRun(seed, sliceMs, true);
    }

    @Test
    void shouldGiveAVenueTheSameMarketWhetherOrNotAnotherVenueShares() {
        assertThat(scriptedRun(42, 10, false)).isEqualTo(scriptedRun(42, 10, true));
    }

    @Test
    void shouldMakeADifferentMarketFromADifferentSeed() {
        assertThat(scriptedRun(43, 10, true)).isNotEqualTo(scriptedRun(42, 10, true));
    }

    @Test
    void shouldMoveALogWalkWithTheConfiguredVolatility() {
        SimFixture sim = new SimFixture(SimFixture.marketConfig(11, 3, 4));
        int steps = 6_000;
        double sumSq = 0;
        double previous = sim.market.sharedPrice(BTC);
        for (int i = 0; i < steps; i++) {
            assertThat(sim.advanceMs(STEP_MS)).isEqualTo(1);
            double price = sim.market.sharedPrice(BTC);
            double r = Math.log(price / previous);
            sumSq += r * r;
            previous = price;
        }
        double bpsPerSqrtSec = Math.sqrt(sumSq / steps) / Math.sqrt(STEP_MS / 1000.0) * 10_000;

        assertThat(bpsPerSqrtSec).isCloseTo(3.0, within(0.15));
        assertThat(sim.market.sharedPrice(USDT)).isEqualTo(1.0);
    }

    @Test
    void shouldMoveAnArithmeticWalkByFixedAbsoluteSteps() {
        SimulatedMarketConfig config = new SimulatedMarketConfig(12, STEP_MS, USDT,
                Map.of(BTC, new SimulatedAssetSpec(60_000, 3, PriceWalk.ARITHMETIC)));
        SimFixture sim = new SimFixture(config);
        int steps = 6_000;
        double sumSq = 0;
        double previous = sim.market.sharedPrice(BTC);
        for (int i = 0; i < steps; i++) {
            sim.advanceMs(STEP_MS);
            double price = sim.market.sharedPrice(BTC);
            sumSq += (price - previous) * (price - previous);
            previous = price;
        }
        double expectedStep = 60_000 * 3e-4 * Math.sqrt(STEP_MS / 1000.0);

        assertThat(Math.sqrt(sumSq / steps)).isCloseTo(expectedStep, within(expectedStep * 0.05));
    }

    @Test
    void shouldMakeBtcSometimesCheaperOnOneVenueAndSometimesOnTheOther() {
        SimFixture sim = new SimFixture(SimFixture.marketConfig(13, 3, 4));
        SimulatedVenue a = sim.add(SimFixture.venue().id(SIM_A).dislocationBps(2));
        SimulatedVenue b = sim.add(SimFixture.venue().id(SIM_B).dislocationBps(3));
        int steps = 6_000; // ten simulated minutes, ~70 dislocation half-lives
        double[] da = new double[steps];
        double[] db = new double[steps];
        int cheaperOnA = 0;
        for (int i = 0; i < steps; i++) {
            sim.advanceMs(STEP_MS);
            da[i] = a.dislocationBps(BTC);
            db[i] = b.dislocationBps(BTC);
            double shared = sim.market.sharedPrice(BTC);
            if (Math.abs(a.midPrice(A_BTC) - shared * (1 + da[i] / 10_000)) > 1e-6) {
                throw new AssertionError("sim-a mid is not the shared price times its dislocation at step " + i);
            }
            if (a.midPrice(A_BTC) < b.midPrice(B_BTC)) {
                cheaperOnA++;
            }
        }

        assertThat(cheaperOnA / (double) steps).as("share of time BTC is cheaper on sim-a").isBetween(0.2, 0.8);
        assertThat(Stats.correlation(da, db, 0)).as("venues dislocate independently").isCloseTo(0, within(0.25));
        assertThat(Stats.std(da)).isCloseTo(2.0, within(0.6));
        assertThat(Stats.std(db)).isCloseTo(3.0, within(0.9));
        assertThat(Stats.maxAbs(da)).isLessThan(6 * 2.0);
        assertThat(Stats.maxAbs(db)).isLessThan(6 * 3.0);
    }

    @Test
    void shouldNotFillAnythingWhileTheClockStandsStill() {
        SimFixture sim = new SimFixture(SimFixture.marketConfig(14, 3, 4));
        RecordingSink sink = new RecordingSink();
        SimulatedVenue a = sim.add(SimFixture.venue().takers(50, "0.05"));
        a.start(sink);
        sim.advanceMs(1_000);
        int events = sink.events().size();

        assertThat(sim.market.doWork()).isZero();
        assertThat(sim.market.doWork()).isZero();

        assertThat(sink.events()).hasSize(events);
        assertThat(sink.ofType(OrderFilled.class)).isEmpty();
    }
}
