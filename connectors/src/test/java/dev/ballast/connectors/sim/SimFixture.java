package dev.ballast.connectors.sim;

import dev.ballast.connectors.testing.RecordingSink;
import dev.ballast.connectors.testing.SequencedTestBook;
import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.VenueId;
import dev.ballast.core.event.Event;
import dev.ballast.core.time.ManualClock;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A simulated market on a {@link ManualClock} for tests: builders for configs close to the default config.yaml,
 * and helpers that move time and call {@code doWork()}. Single-threaded, like the tests.
 */
final class SimFixture {
    static final Asset BTC = Asset.of("BTC");
    static final Asset ETH = Asset.of("ETH");
    static final Asset USDT = Asset.of("USDT");
    static final VenueId SIM_A = VenueId.of("sim-a");
    static final VenueId SIM_B = VenueId.of("sim-b");
    static final long START_NS = 1_700_000_000_000_000_000L;
    static final long STEP_MS = 100;

    final ManualClock clock = new ManualClock(START_NS);
    final SimulatedMarket market;

    SimFixture(SimulatedMarketConfig config) {
        this.market = new SimulatedMarket(config, clock);
    }

    /** A market with BTC at 60 000 and ETH at 3 000 USDT, log walks of the given volatilities. */
    static SimulatedMarketConfig marketConfig(long seed, double btcVolBps, double ethVolBps) {
        return new SimulatedMarketConfig(seed, STEP_MS, USDT, Map.of(
                BTC, new SimulatedAssetSpec(60_000, btcVolBps),
                ETH, new SimulatedAssetSpec(3_000, ethVolBps)));
    }

    /** A market whose prices never move. */
    static SimulatedMarketConfig stillMarket(long seed) {
        return marketConfig(seed, 0, 0);
    }

    static Instrument btcUsdt(VenueId venue) {
        return new Instrument(new InstrumentId(venue, "BTCUSDT"), BTC, USDT, new BigDecimal("0.01"),
                new BigDecimal("0.0001"), new BigDecimal("10"));
    }

    static Instrument ethUsdt(VenueId venue) {
        return new Instrument(new InstrumentId(venue, "ETHUSDT"), ETH, USDT, new BigDecimal("0.01"),
                new BigDecimal("0.001"), new BigDecimal("10"));
    }

    /** A venue config builder; defaults: sim-a, 15 ms latency, 1/5 bps fees, no dislocation, BTCUSDT with no takers. */
    static VenueBuilder venue() {
        return new VenueBuilder();
    }

    static final class VenueBuilder {
        VenueId id = SIM_A;
        long latencyMs = 15;
        String makerFeeBps = "1";
        String takerFeeBps = "5";
        double dislocationBps;
        Map<Asset, BigDecimal> balances = Map.of(BTC, new BigDecimal("10"), ETH, new BigDecimal("100"),
                USDT, new BigDecimal("1000000"));
        double spreadBps = 2;
        double takerRatePerSec;
        String takerMeanSize = "0.02";
        boolean withEth;

        VenueBuilder id(VenueId v) { id = v; return this; }
        VenueBuilder latencyMs(long v) { latencyMs = v; return this; }
        VenueBuilder fees(String maker, String taker) { makerFeeBps = maker; takerFeeBps = taker; return this; }
        VenueBuilder dislocationBps(double v) { dislocationBps = v; return this; }
        VenueBuilder balances(Map<Asset, BigDecimal> v) { balances = v; return this; }
        VenueBuilder spreadBps(double v) { spreadBps = v; return this; }
        VenueBuilder takers(double ratePerSec, String meanSize) {
            takerRatePerSec = ratePerSec;
            takerMeanSize = meanSize;
            return this;
        }
        VenueBuilder withEth() { withEth = true; return this; }

        SimulatedVenueConfig build() {
            SimulatedMarketSpec btc = new SimulatedMarketSpec(btcUsdt(id), spreadBps, 20, new BigDecimal("0.5"),
                    takerRatePerSec, new BigDecimal(takerMeanSize));
            List<SimulatedMarketSpec> markets = withEth
                    ? List.of(btc, new SimulatedMarketSpec(ethUsdt(id), spreadBps, 20, new BigDecimal("5"),
                            takerRatePerSec, new BigDecimal("0.3")))
                    : List.of(btc);
            return new SimulatedVenueConfig(id, latencyMs, new BigDecimal(makerFeeBps), new BigDecimal(takerFeeBps),
                    dislocationBps, balances, markets);
        }
    }

    SimulatedVenue add(VenueBuilder builder) {
        return market.addVenue(builder.build());
    }

    /** Moves the clock by {@code ms} and lets the market catch up. */
    int advanceMs(long ms) {
        clock.advanceNs(ms * 1_000_000L);
        return market.doWork();
    }

    /** Runs {@code totalMs} in slices of {@code sliceMs}, calling {@code doWork()} after each. */
    void runMs(long totalMs, long sliceMs) {
        for (long t = 0; t < totalMs; t += sliceMs) {
            advanceMs(Math.min(sliceMs, totalMs - t));
        }
    }

    /** Applies every event recorded from index {@code from} on to {@code book}; returns the new index. */
    static int applyFrom(RecordingSink sink, int from, SequencedTestBook book) {
        List<Event> events = sink.events();
        for (int i = from; i < events.size(); i++) {
            book.apply(events.get(i));
        }
        return events.size();
    }
}
