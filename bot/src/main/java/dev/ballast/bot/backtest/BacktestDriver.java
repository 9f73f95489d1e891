package dev.ballast.bot.backtest;

import dev.ballast.bot.engine.AssetSettings;
import dev.ballast.bot.engine.BrainSettings;
import dev.ballast.bot.engine.Engine;
import dev.ballast.bot.engine.EngineSettings;
import dev.ballast.bot.engine.OrderManager;
import dev.ballast.bot.inventory.InventoryAggregator;
import dev.ballast.bot.inventory.InventoryTarget;
import dev.ballast.connectors.Venue;
import dev.ballast.connectors.backtest.BacktestVenue;
import dev.ballast.connectors.backtest.BacktestVenueConfig;
import dev.ballast.connectors.marketdata.MarketDataSource;
import dev.ballast.core.Asset;
import dev.ballast.core.ClientOrderIdGenerator;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Order;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.book.SequenceRule;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.EventSink;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.inbox.Inbox;
import dev.ballast.core.time.ManualClock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Replays recorded markets through the same engine that trades live: only the venues ({@link BacktestVenue}s fed
 * from a {@link MarketDataSource}) and the clock (a {@link ManualClock} set to each event's exchange time) differ.
 * One call runs one strategy over the whole recording and returns what a {@link BacktestRecorder} saw.
 *
 * <p>Single-threaded and deterministic: the caller's thread is the engine thread and the venues' thread; no wall
 * clock, no randomness — the same data, settings and strategy give the same fills.
 */
public final class BacktestDriver {
    /** How often the recorder samples inventory, PnL and quotes, in simulated time. */
    public static final long SAMPLE_INTERVAL_NS = 1_000_000_000L;

    /** One strategy to replay: its name for the report and how it quotes and hedges each asset. */
    public record Strategy(String name, String description, Map<Asset, AssetSettings> assets) {
        public Strategy {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            assets = Map.copyOf(assets);
        }
    }

    private final Asset quoteCurrency;
    private final Set<Asset> atPar;
    private final Map<Asset, InventoryTarget> targets;
    private final EngineSettings engineSettings;
    private final BrainSettings brain;

    public BacktestDriver(Asset quoteCurrency, Map<Asset, InventoryTarget> targets, EngineSettings engineSettings,
                          BrainSettings brain) {
        this(quoteCurrency, Set.of(), targets, engineSettings, brain);
    }

    /**
     * @param atPar currencies the inventory counts one for one as {@code quoteCurrency} (USD for Binance COIN-M next to
     *              USDT): venues quoted in them are traded, their price difference left to each venue's basis
     */
    public BacktestDriver(Asset quoteCurrency, Set<Asset> atPar, Map<Asset, InventoryTarget> targets,
                          EngineSettings engineSettings, BrainSettings brain) {
        this.quoteCurrency = Objects.requireNonNull(quoteCurrency, "quoteCurrency");
        this.atPar = Set.copyOf(atPar);
        this.targets = Map.copyOf(targets);
        this.engineSettings = Objects.requireNonNull(engineSettings, "engineSettings");
        this.brain = Objects.requireNonNull(brain, "brain");
    }

    /**
     * Replays {@code source} through a fresh engine trading {@code strategy} on venues built from {@code venues}
     * (one per recorded instrument), and records it.
     *
     * @param progress told the number of events replayed so far, every few thousand (for a progress bar)
     */
    public BacktestRecorder run(Strategy strategy, MarketDataSource source, List<BacktestVenueConfig> venues,
                                LongConsumer progress) {
        Event first = source.peek();
        if (first == null) {
            throw new IllegalArgumentException("no market data in " + source.describe());
        }
        ManualClock clock = new ManualClock(first.timestampNs());
        BacktestRecorder recorder = new BacktestRecorder();
        Inbox<Event> inbox = new Inbox<>(1 << 16);
        Map<InstrumentId, BacktestVenue> byInstrument = new LinkedHashMap<>();
        Map<VenueId, Venue> byId = new LinkedHashMap<>();
        List<Instrument> instruments = new ArrayList<>();
        for (BacktestVenueConfig vc : venues) {
            BacktestVenue v = new BacktestVenue(vc, clock);
            byInstrument.put(vc.instrument().id(), v);
            byId.put(vc.id(), v);
            instruments.add(vc.instrument());
        }
        InventoryAggregator inventory = new InventoryAggregator(quoteCurrency, atPar, targets);
        for (Instrument i : instruments) {
            inventory.requireSupported(i);
        }
        // every venue event passes through the tap on its way to the inbox: the recorder sees each fill once
        FillTap tap = new FillTap(inbox, recorder, instruments);
        Map<VenueId, Venue> tapped = new LinkedHashMap<>();
        for (Map.Entry<VenueId, Venue> v : byId.entrySet()) {
            tapped.put(v.getKey(), new TappedVenue(v.getValue(), tap));
        }
        OrderManager orders = new OrderManager(clock, new ClientOrderIdGenerator("bt", 0), tapped);
        Engine engine = new Engine(clock, inbox, tapped, orders, inventory, instruments, strategy.assets(),
                engineSettings, brain, i -> new OrderBook(i, SequenceRule.SEQUENTIAL));
        tap.engine = engine;
        tap.orders = orders;
        engine.start();

        Asset asset = instruments.get(0).base();
        // the venues and their instruments as arrays: the loop below runs once per recorded event
        BacktestVenue[] venueArray = byInstrument.values().toArray(new BacktestVenue[0]);
        InstrumentId[] venueInstruments = byInstrument.keySet().toArray(new InstrumentId[0]);
        long nextSampleNs = first.timestampNs();
        long events = 0;
        Event e;
        while ((e = source.next()) != null) {
            long t = Math.max(clock.nowNs(), e.timestampNs());
            clock.set(t);
            for (BacktestVenue v : venueArray) {
                v.advanceTo(t);
            }
            BacktestVenue venue = venueOf(instrumentOf(e), venueInstruments, venueArray);
            if (venue != null) {
                venue.onMarketEvent(e);
            }
            while (engine.doWork() > 0) {
                // apply everything the event caused, and what that caused, before time moves on
            }
            if (t >= nextSampleNs) {
                sample(recorder, engine, asset, instruments, t);
                nextSampleNs = t + SAMPLE_INTERVAL_NS;
            }
            if ((++events & 0x3FFF) == 0) {
                progress.accept(events);
            }
        }
        engine.beginShutdown("end of data");
        long t = clock.nowNs();
        for (int i = 0; i < 1_000 && !engine.isFlat(); i++) {
            t += 1_000_000L;
            clock.set(t);
            for (BacktestVenue v : venueArray) {
                v.advanceTo(t);
            }
            engine.doWork();
        }
        sample(recorder, engine, asset, instruments, clock.nowNs());
        progress.accept(events);
        return recorder;
    }

    /** The venue of {@code id} (null: none, or a null id): the map lookup, by identity first (no hashing). */
    private static BacktestVenue venueOf(InstrumentId id, InstrumentId[] ids, BacktestVenue[] venues) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return venues[i];
            }
        }
        if (id != null) {
            for (int i = 0; i < ids.length; i++) {
                if (ids[i].equals(id)) {
                    return venues[i];
                }
            }
        }
        return null;
    }

    private static InstrumentId instrumentOf(Event e) {
        if (e instanceof dev.ballast.core.event.BookDelta d) {
            return d.instrument();
        }
        if (e instanceof dev.ballast.core.event.PublicTrade p) {
            return p.instrument();
        }
        if (e instanceof dev.ballast.core.event.BookSnapshot s) {
            return s.instrument();
        }
        return null;
    }

    private void sample(BacktestRecorder recorder, Engine engine, Asset asset, List<Instrument> instruments, long t) {
        double fair = engine.fairValue(asset);
        if (Double.isNaN(fair)) {
            return;
        }
        Map<VenueId, Double> positions = new LinkedHashMap<>();
        for (Instrument i : instruments) {
            positions.put(i.id().venue(), engine.inventory().quantity(asset, i.id().venue()).doubleValue());
        }
        // what snapshot().totalPnl() says, without copying the whole inventory once a simulated second
        BigDecimal pnl = engine.inventory().isFullyMarked() ? engine.inventory().totalPnl() : null;
        Instrument quoted = instruments.get(0);
        Order bid = engine.quote(quoted.id(), Side.BUY);
        Order ask = engine.quote(quoted.id(), Side.SELL);
        OrderBook book = engine.book(quoted.id());
        double mid = book == null || !book.isValid() ? Double.NaN : book.midTicks() * quoted.tickSizeDouble();
        recorder.onSample(t, fair, engine.inventory().driftDouble(asset), positions,
                pnl == null ? Double.NaN : pnl.doubleValue(),
                bid == null || bid.price() == null ? Double.NaN : bid.price().doubleValue(),
                ask == null || ask.price() == null ? Double.NaN : ask.price().doubleValue(), mid);
    }

    /**
     * Hands the venues' events to the engine's inbox, and shows every fill to the recorder first, with the fair
     * value it is measured against: the hedge's fair value at decision for a hedge child, the fair value of the
     * moment for a quote. The recorder gets sizes in base units (an inverse contract's contracts as the venue
     * settles them, {@link Instrument#sizeToBase}) and fees in the quote currency (a fee in base at the fill price).
     */
    private static final class FillTap implements EventSink {
        private final Inbox<Event> inbox;
        private final BacktestRecorder recorder;
        private final Map<InstrumentId, Instrument> instruments = new LinkedHashMap<>();
        Engine engine;
        OrderManager orders;

        FillTap(Inbox<Event> inbox, BacktestRecorder recorder, List<Instrument> instruments) {
            this.inbox = inbox;
            this.recorder = recorder;
            instruments.forEach(i -> this.instruments.put(i.id(), i));
        }

        @Override
        public boolean offer(Event event) {
            if (event instanceof OrderFilled f) {
                record(f.fill());
            }
            if (!inbox.offer(event)) {
                throw new IllegalStateException("backtest inbox full: the replay would lose events");
            }
            return true;
        }

        private void record(Fill fill) {
            Order o = orders.get(fill.clientOrderId());
            boolean hedge = o != null && o.type() != OrderType.LIMIT_POST_ONLY;
            Instrument instrument = instruments.get(fill.instrument());
            double fair = o == null ? Double.NaN : engine.fairValue(instrument.base());
            double reference = hedge ? engine.hedgeFairAtDecision(fill.clientOrderId(), fair) : fair;
            double fee = fill.fee().doubleValue()
                    * (fill.feeAsset().equals(instrument.base()) ? fill.price().doubleValue() : 1);
            recorder.onFill(fill.timestampNs(), fill.instrument().venue(), fill.side(), fill.price().doubleValue(),
                    instrument.sizeToBase(fill.size(), fill.price()).doubleValue(), fee, hedge, reference);
        }
    }

    /** A venue whose events go through the tap; {@link #start} is a no-op because the tap is already its sink. */
    private static final class TappedVenue implements Venue {
        private final Venue venue;

        TappedVenue(Venue venue, FillTap tap) {
            this.venue = venue;
            venue.start(tap);
        }

        @Override public VenueId id() { return venue.id(); }
        @Override public List<Instrument> instruments() { return venue.instruments(); }
        @Override public dev.ballast.core.FeeSchedule fees(InstrumentId i) { return venue.fees(i); }
        @Override public Map<Asset, dev.ballast.core.Balance> balances() { return venue.balances(); }
        @Override public List<dev.ballast.core.OpenOrder> openOrders() { return venue.openOrders(); }
        @Override public void start(EventSink sink) { }
        @Override public void requestSnapshot(InstrumentId i) { venue.requestSnapshot(i); }
        @Override public void place(dev.ballast.core.OrderRequest r) { venue.place(r); }
        @Override public void cancel(InstrumentId i, dev.ballast.core.ClientOrderId id) { venue.cancel(i, id); }
        @Override public void cancelAll() { venue.cancelAll(); }
        @Override public java.util.Optional<dev.ballast.core.OrderReport> orderStatus(InstrumentId i, dev.ballast.core.ClientOrderId id) { return venue.orderStatus(i, id); }
        @Override public List<dev.ballast.core.Fill> tradesSince(InstrumentId i, dev.ballast.core.TradeId after) { return venue.tradesSince(i, after); }
        @Override public void close() { venue.close(); }
    }
}
