package dev.ballast.bench;

import dev.ballast.bot.engine.AssetSettings;
import dev.ballast.bot.engine.BrainSettings;
import dev.ballast.bot.engine.HedgeSettings;
import dev.ballast.bot.engine.Engine;
import dev.ballast.bot.engine.EngineSettings;
import dev.ballast.bot.engine.OrderManager;
import dev.ballast.bot.inventory.InventoryAggregator;
import dev.ballast.bot.inventory.InventoryTarget;
import dev.ballast.connectors.Venue;
import dev.ballast.core.Asset;
import dev.ballast.core.Balance;
import dev.ballast.core.ClientOrderIdGenerator;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.book.SequenceRule;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.inbox.Inbox;
import dev.ballast.core.time.ManualClock;
import dev.ballast.strategies.quoting.LinearSkewQuoteModel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The real engine — its {@link OrderManager}, {@link InventoryAggregator} and {@link LinearSkewQuoteModel}s —
 * wired as paper mode wires it for the default {@code config.yaml} (venues sim-a and sim-b, BTCUSDT and
 * ETHUSDT on each, the same ticks, lots, balances, targets, quote models and engine settings), but on
 * {@link InstantAckVenue}s, with a {@link ManualClock} that the harness moves to each event's venue time.
 * Also replays a {@link MarketTape} into the engine.
 *
 * <p>Not thread-safe: owned by the one thread that runs the engine and the harness.
 */
final class EngineRig {
    static final Asset BTC = Asset.of("BTC");
    static final Asset ETH = Asset.of("ETH");
    static final Asset USDT = Asset.of("USDT");
    private static final long START_NS = 1_700_000_000_000_000_000L;

    final ManualClock clock = new ManualClock(START_NS);
    final Inbox<Event> inbox = new Inbox<>(65_536);
    final Engine engine;
    private final ArrayDeque<Event> replies = new ArrayDeque<>();
    private final List<Instrument> instruments = new ArrayList<>();
    private final List<InstantAckVenue> venueOfMarket = new ArrayList<>();
    private final List<InstantAckVenue> venues = new ArrayList<>();
    private final MarketTape tape;
    private final BookSnapshot[] openingSnapshots;
    private int cursor;
    private long lapStartNs = START_NS;
    private long laps;
    private long missedFills;
    /** Fills so far per market: even = the next fill is a buy, odd = a sell, so each asset's drift stays small. */
    private final long[] tapeFills;

    /**
     * @param bookDeltasPerFill a fill of one of our quotes after every this many book deltas on the tape; 0 = none
     */
    EngineRig(int tapeLength, int bookDeltasPerFill, long eventGapNs) {
        Instrument btcA = instrument("sim-a", "BTCUSDT", BTC, "0.01", "0.0001", "5");
        Instrument ethA = instrument("sim-a", "ETHUSDT", ETH, "0.01", "0.001", "5");
        Instrument btcB = instrument("sim-b", "BTCUSDT", BTC, "0.1", "0.001", "10");
        Instrument ethB = instrument("sim-b", "ETHUSDT", ETH, "0.01", "0.01", "10");
        InstantAckVenue a = venue("sim-a", List.of(btcA, ethA), "0.0001");
        InstantAckVenue b = venue("sim-b", List.of(btcB, ethB), "0");
        Map<VenueId, Venue> byId = new LinkedHashMap<>();
        byId.put(a.id(), a);
        byId.put(b.id(), b);
        instruments.addAll(List.of(btcA, ethA, btcB, ethB));
        venueOfMarket.addAll(List.of(a, a, b, b));
        venues.addAll(List.of(a, b));
        tapeFills = new long[instruments.size()];

        InventoryAggregator inventory = new InventoryAggregator(USDT, Map.of(
                BTC, InventoryTarget.of("1.0", "0.05", "0.3"),
                ETH, InventoryTarget.of("10", "0.5", "3")));
        for (Instrument i : instruments) {
            inventory.requireSupported(i);
        }
        OrderManager orders = new OrderManager(clock, new ClientOrderIdGenerator("bl", clock.nowMs()), byId);
        Map<Asset, AssetSettings> settings = new LinkedHashMap<>();
        settings.put(BTC, new AssetSettings(BTC, new LinearSkewQuoteModel(0.01, 6.0, 20.0), 0.3,
                HedgeSettings.defaults(0.05, 0.01)));
        settings.put(ETH, new AssetSettings(ETH, new LinearSkewQuoteModel(0.1, 8.0, 2.0), 3,
                HedgeSettings.defaults(0.5, 0.1)));
        engine = new Engine(clock, inbox, byId, orders, inventory, instruments, settings,
                new EngineSettings(Duration.ofMillis(250).toNanos(), 1.0, Duration.ofSeconds(5).toNanos(), 4096),
                BrainSettings.defaults(), i -> new OrderBook(i, SequenceRule.SEQUENTIAL));

        tape = new MarketTape(List.of(
                new MarketTape.MarketSpec(btcA, 60_000, 1.0, 5_000),
                new MarketTape.MarketSpec(ethA, 3_000, 0.08, 5_000),
                new MarketTape.MarketSpec(btcB, 60_000, 1.0, 800),
                new MarketTape.MarketSpec(ethB, 3_000, 0.08, 800)),
                tapeLength, 0.10, bookDeltasPerFill, eventGapNs, 42);
        openingSnapshots = tape.openingSnapshots();
    }

    private InstantAckVenue venue(String id, List<Instrument> markets, String makerFeeRate) {
        Map<Asset, Balance> balances = new LinkedHashMap<>();
        balances.put(BTC, Balance.ofFree(BTC, new BigDecimal("0.5")));
        balances.put(ETH, Balance.ofFree(ETH, new BigDecimal("5")));
        balances.put(USDT, Balance.ofFree(USDT, new BigDecimal("50000")));
        return new InstantAckVenue(VenueId.of(id), markets, balances, clock, replies, new BigDecimal(makerFeeRate));
    }

    private static Instrument instrument(String venue, String symbol, Asset base, String tick, String lot,
                                         String minNotional) {
        return new Instrument(InstrumentId.of(venue, symbol), base, USDT, new BigDecimal(tick), new BigDecimal(lot),
                new BigDecimal(minNotional));
    }

    /**
     * Fails unless every logger the engine writes to on its hot paths is off at INFO: the benchmarks measure
     * the engine, not console output (bench's logback.xml sets WARN).
     */
    static void requireQuietLogging() {
        for (String name : List.of("ballast.fills", "ballast.orders", Engine.class.getName())) {
            if (LoggerFactory.getLogger(name).isInfoEnabled()) {
                throw new IllegalStateException("logger " + name + " is at INFO: run with bench's logback.xml (WARN)");
            }
        }
    }

    /** Starts the engine, loads every book and lets the first quotes be placed and accepted. */
    void start() {
        engine.start();
        for (BookSnapshot s : openingSnapshots) {
            engine.onEvent(s);
        }
        engine.doWork();
        deliverReplies();
        if (engine.orders().liveCount() != 2 * instruments.size()) {
            throw new IllegalStateException("expected a bid and an ask on every market after start, have "
                    + engine.orders().liveCount());
        }
    }

    MarketTape tape() {
        return tape;
    }

    /** Hands the venues' answers (accepts, cancel confirmations) to the engine directly, in order. */
    int deliverReplies() {
        int n = 0;
        Event e;
        while ((e = replies.poll()) != null) {
            engine.onEvent(e);
            n++;
        }
        return n;
    }

    /** Offers the venues' answers to the engine's inbox, as a venue's I/O thread would. */
    int offerReplies() {
        int n = 0;
        Event e;
        while ((e = replies.poll()) != null) {
            if (!inbox.offer(e)) {
                throw new IllegalStateException("inbox full");
            }
            n++;
        }
        return n;
    }

    /**
     * Applies the next {@code count} tape events with {@link Engine#onEvent}, then {@link Engine#doWork()} once
     * (which finds the inbox empty and runs the re-quotes that are due). The venues' answers are applied as soon
     * as they exist: after each fill and after the {@code doWork}.
     */
    void applyDirect(int count) {
        Engine e = engine;
        MarketTape t = tape;
        int k = cursor;
        for (int i = 0; i < count; i++) {
            byte kind = t.kind(k);
            if (kind == MarketTape.FILL) {
                clock.set(lapStartNs + t.offsetNs(k));
                OrderFilled fill = fillFor(t, k);
                if (fill != null) {
                    e.onEvent(fill);
                    deliverReplies();
                }
            } else {
                e.onEvent(t.event(k));
            }
            if (++k == t.length()) {
                k = 0;
                nextLap();
                for (BookSnapshot s : openingSnapshots) {
                    e.onEvent(s);
                }
            }
        }
        cursor = k;
        clock.set(lapStartNs + t.offsetNs(k == 0 ? 0 : k - 1));
        e.doWork();
        deliverReplies();
    }

    /**
     * Offers the next {@code count} tape events to the inbox, then calls {@link Engine#doWork()} once to drain
     * them and run the re-quotes that are due, then offers the venues' answers (drained by the next call).
     */
    void applyViaInbox(int count) {
        MarketTape t = tape;
        Inbox<Event> in = inbox;
        int k = cursor;
        for (int i = 0; i < count; i++) {
            byte kind = t.kind(k);
            Event ev;
            if (kind == MarketTape.FILL) {
                clock.set(lapStartNs + t.offsetNs(k));
                ev = fillFor(t, k);
            } else {
                ev = t.event(k);
            }
            if (ev != null && !in.offer(ev)) {
                throw new IllegalStateException("inbox full");
            }
            if (++k == t.length()) {
                k = 0;
                nextLap();
                for (BookSnapshot s : openingSnapshots) {
                    in.offer(s);
                }
            }
        }
        cursor = k;
        clock.set(lapStartNs + t.offsetNs(k == 0 ? 0 : k - 1));
        engine.doWork();
        offerReplies();
    }

    private void nextLap() {
        lapStartNs += tape.spanNs();
        laps++;
    }

    private OrderFilled fillFor(MarketTape t, int k) {
        int m = t.fillMarket(k);
        Side side = tapeFills[m]++ % 2 == 0 ? Side.BUY : Side.SELL;
        OrderFilled fill = venueOfMarket.get(m).fillResting(instruments.get(m).id(), side);
        if (fill == null) {
            missedFills++;
        }
        return fill;
    }

    /**
     * Fills our whole quote on one side of market {@code m} (index in {@link #instruments()}).
     *
     * @return the fill event, or null when no quote of ours rests there
     */
    OrderFilled fillQuote(int m, Side side) {
        return venueOfMarket.get(m).fillResting(instruments.get(m).id(), side);
    }

    /** Stamps the next placement on one side of market {@code m} (see {@link InstantAckVenue#watch}). */
    InstantAckVenue watch(int m, Side side) {
        InstantAckVenue v = venueOfMarket.get(m);
        v.watch(instruments.get(m).id(), side);
        return v;
    }

    /**
     * Where the engine re-quotes side {@code side} of market {@code m} when its asset is re-quoted: 0 = first,
     * 3 = fourth (markets of the asset in the order given to the engine, bid before ask).
     */
    int requotePosition(int m, Side side) {
        int before = 0;
        for (int i = 0; i < m; i++) {
            if (instruments.get(i).base().equals(instruments.get(m).base())) {
                before++;
            }
        }
        return 2 * before + (side == Side.BUY ? 0 : 1);
    }

    List<Instrument> instruments() {
        return List.copyOf(instruments);
    }

    /**
     * Fails when the run did not exercise what it claims: every fill must have found a quote of ours, the
     * engine must know every order filled (no "foreign" fills) and apply every event, and no book may have seen
     * a sequence gap.
     */
    void requireHealthy() {
        StringBuilder problems = new StringBuilder();
        if (engine.eventErrors() > 0) {
            problems.append(" eventErrors=").append(engine.eventErrors());
        }
        if (engine.foreignFills() > 0) {
            problems.append(" foreignFills=").append(engine.foreignFills());
        }
        if (engine.unknownInstrumentEvents() > 0) {
            problems.append(" unknownInstrumentEvents=").append(engine.unknownInstrumentEvents());
        }
        if (missedFills > 0) {
            problems.append(" missedFills=").append(missedFills);
        }
        for (InstantAckVenue v : venues) {
            if (v.snapshotRequests() > 0) {
                problems.append(' ').append(v.id()).append(" snapshotRequests=").append(v.snapshotRequests());
            }
        }
        if (problems.length() > 0) {
            throw new IllegalStateException("benchmark run is not valid:" + problems);
        }
    }

    /** What the engine did, for the report. */
    String summary() {
        long placed = 0;
        long cancelled = 0;
        for (InstantAckVenue v : venues) {
            placed += v.placedCount();
            cancelled += v.cancelledCount();
        }
        long fills = 0;
        for (long f : engine.fillsByMarket().values()) {
            fills += f;
        }
        long events = engine.eventsApplied();
        return String.format("engine applied %,d events (%,d laps of the tape): %,d fills, %,d orders placed, %,d cancelled "
                        + "(%.2f placements per 1,000 events); live orders %d; BTC drift %+.4f, ETH drift %+.4f",
                events, laps, fills, placed, cancelled, 1000.0 * placed / Math.max(1, events),
                engine.orders().liveCount(), engine.inventory().driftDouble(BTC), engine.inventory().driftDouble(ETH));
    }
}
