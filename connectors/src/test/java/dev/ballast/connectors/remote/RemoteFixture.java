package dev.ballast.connectors.remote;

import static org.awaitility.Awaitility.await;

import dev.ballast.connectors.sim.SimulatedAssetSpec;
import dev.ballast.connectors.sim.SimulatedMarketConfig;
import dev.ballast.connectors.sim.SimulatedMarketSpec;
import dev.ballast.connectors.sim.SimulatedVenueConfig;
import dev.ballast.connectors.testing.RecordingSink;
import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.VenueId;
import dev.ballast.core.event.Event;
import dev.ballast.core.inbox.Inbox;
import dev.ballast.core.time.ManualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionFactory;

/**
 * A {@link SimExchangeServer} on loopback driven by the test thread on a {@link ManualClock}, and {@link RemoteVenue}
 * clients of it whose events are queued in an {@link Inbox} (as in the bot) and handed to a {@link RecordingSink}
 * on the test thread. {@link #advanceMs} is the one way time moves: it waits until every command the clients sent has
 * reached the server, moves the clock, runs the simulation, and waits until every event the server queued has been
 * received — so a test reads a settled world, without sleeping.
 */
final class RemoteFixture implements AutoCloseable {
    static final Asset BTC = Asset.of("BTC");
    static final Asset USDT = Asset.of("USDT");
    static final VenueId SIM_A = VenueId.of("sim-a");
    static final long START_NS = 1_700_000_000_000_000_000L;
    static final Duration AWAIT = Duration.ofSeconds(10);

    final ManualClock clock = new ManualClock(START_NS);
    final SimExchangeServer server;
    private final List<Client> clients = new ArrayList<>();

    /** One connected client: the venue, its queue, and what the test thread has taken from it. */
    final class Client {
        final RemoteVenue venue;
        final Inbox<Event> inbox = new Inbox<>(1 << 16);
        final RecordingSink sink;

        Client(RemoteVenue venue, RecordingSink sink) {
            this.venue = venue;
            this.sink = sink;
        }

        void drain() {
            inbox.drain(sink::offer, Integer.MAX_VALUE);
        }
    }

    /** A still market (prices never move) with one venue, sim-a, trading BTCUSDT, with or without other traders. */
    RemoteFixture(double takerRatePerSec) {
        this(config(), List.of(venue(SIM_A, takerRatePerSec)));
    }

    RemoteFixture(SimulatedMarketConfig market, List<SimulatedVenueConfig> venues) {
        server = SimExchangeServer.startDrivenByCaller(market, venues, clock, new SimExchangeSettings(
                SimExchangeSettings.DEFAULT_HOST, 0, 100, SimExchangeSettings.DEFAULT_SESSION_QUEUE_CAPACITY));
    }

    static SimulatedMarketConfig config() {
        return new SimulatedMarketConfig(7, 100, USDT, Map.of(BTC, new SimulatedAssetSpec(60_000, 0)));
    }

    static Instrument btcUsdt(VenueId venue) {
        return new Instrument(new InstrumentId(venue, "BTCUSDT"), BTC, USDT, new BigDecimal("0.01"),
                new BigDecimal("0.0001"), new BigDecimal("10"));
    }

    static SimulatedVenueConfig venue(VenueId id, double takerRatePerSec) {
        return new SimulatedVenueConfig(id, 15, new BigDecimal("1"), new BigDecimal("5"), 0,
                Map.of(BTC, new BigDecimal("10"), USDT, new BigDecimal("1000000")),
                List.of(new SimulatedMarketSpec(btcUsdt(id), 2, 20, new BigDecimal("0.5"), takerRatePerSec,
                        new BigDecimal("0.02"))));
    }

    /** A client of {@code venue}, not started. */
    RemoteVenue newVenue(VenueId venue) {
        return new RemoteVenue(new RemoteVenueConfig(venue, server.url(), 5_000, 2_000, 50), clock);
    }

    /** Starts {@code venue} into a queue that {@link #advanceMs} empties into {@code sink}. */
    Client start(RemoteVenue venue, RecordingSink sink) {
        Client c = new Client(venue, sink);
        venue.start(c.inbox::offer);
        clients.add(c);
        return c;
    }

    /** Lets every client's commands reach the server, moves time, runs the market, delivers what it emitted. */
    void advanceMs(long ms) {
        for (Client c : clients) {
            if (!c.venue.isClosed()) {
                settled().until(() -> c.venue.isConnected() && c.venue.pendingCommands() == 0);
            }
        }
        clock.advanceNs(ms * 1_000_000L);
        server.doWork();
        for (Client c : clients) {
            if (!c.venue.isClosed()) {
                VenueId id = c.venue.id();
                settled().until(() -> c.venue.lastSequence()
                        >= server.lastSequence(id, c.venue.streamId()));
            }
            c.drain();
        }
    }

    /** Polls at once and then every millisecond: the loopback answers in well under one. */
    static ConditionFactory settled() {
        return await().atMost(AWAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1));
    }

    @Override
    public void close() {
        clients.forEach(c -> c.venue.close());
        server.close();
    }
}
