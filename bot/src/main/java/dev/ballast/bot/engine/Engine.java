package dev.ballast.bot.engine;

import dev.ballast.bot.inventory.InventoryAggregator;
import dev.ballast.connectors.Venue;
import dev.ballast.core.Asset;
import dev.ballast.core.Balance;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Order;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import dev.ballast.core.book.ApplyResult;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.CancelRejected;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.PublicTrade;
import dev.ballast.core.inbox.Inbox;
import dev.ballast.core.time.Clock;
import dev.ballast.strategies.quoting.InventoryBand;
import dev.ballast.strategies.quoting.QuoteInputs;
import dev.ballast.strategies.quoting.TwoSidedQuote;
import dev.ballast.strategies.quoting.VenueQuoteShaper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trading engine: drains the inbox, applies book updates, own order events and fills, keeps inventory,
 * asks each asset's quote model for quotes and sends the resulting order commands to the venues.
 *
 * <p>Concurrency: not thread-safe. One thread — the engine thread — calls {@link #start}, {@link #doWork},
 * {@link #beginShutdown} and reads state; venues reach the engine only through the {@link Inbox}. In tests
 * and backtests the caller's thread is the engine thread and time moves with a manual clock.
 *
 * <p>Implementation notes: quoting is per asset. Book changes mark the asset dirty and it is re-quoted at
 * most once per {@code requoteIntervalNs}; a fill re-quotes its asset at once. A re-quote computes one model
 * quote from the cross-venue fair value and the drift, then for each venue: applies the hard band counting
 * every live order on every venue (so all venues together can never push |drift| past the limit, whatever
 * fills), shapes the quote to that venue's tick, lot and post-only rules, keeps a resting quote within the
 * tolerance and otherwise cancels it and places the new one.
 */
public final class Engine {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final Logger FILLS = LoggerFactory.getLogger("ballast.fills");

    private final Clock clock;
    private final Inbox<Event> inbox;
    private final Map<VenueId, Venue> venues;
    private final OrderManager orders;
    private final InventoryAggregator inventory;
    private final EngineSettings settings;
    private final Map<InstrumentId, Market> markets = new HashMap<>();
    private final Map<Asset, AssetState> assets = new LinkedHashMap<>();
    private final List<AssetState> assetList = new ArrayList<>();
    private final Map<InstrumentId, Long> fillsByMarket = new LinkedHashMap<>();
    private final Consumer<Event> onEvent = this::onEvent;
    private Consumer<Engine> statusSink = e -> { };

    private Thread owner;
    private boolean started;
    private boolean quoting;
    private long nextStatusNs;
    private long eventsApplied;
    private long eventErrors;
    private long unknownInstrumentEvents;
    private long foreignFills;
    private long trades;

    /**
     * @param instruments every instrument to trade, each on a venue in {@code venues}, its base an asset in
     *                    {@code assetSettings} and its quote the inventory's valuation currency
     */
    public Engine(Clock clock, Inbox<Event> inbox, Map<VenueId, Venue> venues, OrderManager orders,
                  InventoryAggregator inventory, List<Instrument> instruments,
                  Map<Asset, AssetSettings> assetSettings, EngineSettings settings,
                  java.util.function.Function<Instrument, dev.ballast.core.book.OrderBook> bookFactory) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.venues = Map.copyOf(venues);
        this.orders = Objects.requireNonNull(orders, "orders");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.settings = Objects.requireNonNull(settings, "settings");
        for (AssetSettings s : assetSettings.values()) {
            AssetState a = new AssetState(s);
            assets.put(s.asset(), a);
            assetList.add(a);
        }
        for (Instrument i : instruments) {
            Venue v = venues.get(i.id().venue());
            if (v == null) {
                throw new IllegalArgumentException("instrument " + i.id() + " has no venue");
            }
            AssetState a = assets.get(i.base());
            if (a == null) {
                throw new IllegalArgumentException("instrument " + i.id() + " trades " + i.base() + " which has no settings");
            }
            Market m = new Market(i, v, bookFactory.apply(i), assetList.indexOf(a));
            markets.put(i.id(), m);
            a.markets.add(m);
        }
    }

    /** Receives the engine on the engine thread every {@code statusIntervalNs}, to read and print its state. */
    public void statusSink(Consumer<Engine> sink) {
        this.statusSink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Reads every venue's balances as the starting inventory, starts every venue's streams into the inbox,
     * and starts quoting. Blocking calls to venues happen here, before trading.
     */
    public void start() {
        claimThread();
        if (started) {
            throw new IllegalStateException("engine already started");
        }
        for (Venue v : venues.values()) {
            for (Map.Entry<Asset, Balance> b : v.balances().entrySet()) {
                inventory.setStartingBalance(v.id(), b.getKey(), b.getValue().total());
            }
        }
        for (Venue v : venues.values()) {
            v.start(inbox::offer);
        }
        started = true;
        quoting = true;
        nextStatusNs = clock.nowNs() + settings.statusIntervalNs();
        LOG.info("engine started: {} venues, {} markets, assets {}", venues.size(), markets.size(), assets.keySet());
    }

    /**
     * Applies up to one batch of inbox events, then runs what is due (re-quotes, status).
     *
     * @return how much work was done (0 = idle)
     */
    public int doWork() {
        assert onOwnerThread() : "engine used from " + Thread.currentThread().getName() + ", owned by " + owner.getName();
        int n = inbox.drain(onEvent, settings.drainBatch());
        long now = clock.nowNs();
        if (quoting) {
            for (int i = 0; i < assetList.size(); i++) {
                AssetState a = assetList.get(i);
                if (a.dirty && now - a.lastQuoteNs >= settings.requoteIntervalNs()) {
                    requote(a, now);
                    n++;
                }
            }
        }
        if (now >= nextStatusNs) {
            nextStatusNs = now + settings.statusIntervalNs();
            statusSink.accept(this);
        }
        return n;
    }

    /** Stops quoting and asks every venue to cancel all our orders; keep calling {@link #doWork} until {@link #isFlat()}. */
    public void beginShutdown(String why) {
        claimThread();
        if (!quoting && !started) {
            return;
        }
        quoting = false;
        LOG.info("shutting down ({}): cancelling every open order on every venue", why);
        orders.cancelAll(why);
    }

    /** True when no order of ours is live on any venue. */
    public boolean isFlat() {
        return orders.liveCount() == 0;
    }

    /** Applies one event. Public for tests and benchmarks that feed events directly. */
    public void onEvent(Event e) {
        eventsApplied++;
        try {
            if (e instanceof BookDelta d) {
                onBookDelta(d);
            } else if (e instanceof OrderFilled f) {
                onFill(f.fill());
            } else if (e instanceof PublicTrade t) {
                onTrade(t);
            } else if (e instanceof BookSnapshot s) {
                onBookSnapshot(s);
            } else if (e instanceof OrderAccepted a) {
                orders.onAccepted(a);
            } else if (e instanceof OrderCancelled c) {
                Order o = orders.onCancelled(c);
                forgetQuote(o);
            } else if (e instanceof OrderRejected r) {
                Order o = orders.onRejected(r);
                forgetQuote(o);
            } else if (e instanceof CancelRejected c) {
                orders.onCancelRejected(c);
            }
        } catch (RuntimeException ex) {
            // A venue message that breaks an invariant must not take the engine (and its open orders) down.
            eventErrors++;
            LOG.error("event could not be applied, skipped: {}", e, ex);
        }
    }

    private void onBookSnapshot(BookSnapshot s) {
        Market m = markets.get(s.instrument());
        if (m == null) {
            unknownInstrumentEvents++;
            return;
        }
        m.book.applySnapshot(s);
        markDirty(m);
    }

    private void onBookDelta(BookDelta d) {
        Market m = markets.get(d.instrument());
        if (m == null) {
            unknownInstrumentEvents++;
            return;
        }
        ApplyResult r = m.book.applyDelta(d);
        if (r == ApplyResult.APPLIED) {
            markDirty(m);
        } else if (r == ApplyResult.GAP) {
            m.gaps++;
            LOG.warn("{}: book sequence gap at update {} (book at {}); quotes pulled, resyncing",
                    m.instrument.id(), d.firstUpdateId(), m.book.lastUpdateId());
            pullQuotes(m, "book gap");
            m.venue.requestSnapshot(m.instrument.id());
        }
    }

    private void onTrade(PublicTrade t) {
        trades++;
    }

    private void onFill(Fill fill) {
        Market m = markets.get(fill.instrument());
        if (m == null) {
            unknownInstrumentEvents++;
            LOG.warn("fill for an instrument we do not trade, ignored: {}", fill);
            return;
        }
        Order o = orders.onFill(fill);
        if (o == null) {
            foreignFills++;
        }
        inventory.onFill(m.instrument, fill);
        fillsByMarket.merge(m.instrument.id(), 1L, Long::sum);
        AssetState a = assets.get(m.instrument.base());
        if (FILLS.isInfoEnabled()) { // the arguments cost microseconds (String.format, toPlainString): only when logged
            FILLS.info("FILL   {} {} {} @ {} fee {} {} {} id={} position {} {} (drift {})",
                    m.instrument.id(), fill.side(), fill.size().toPlainString(), fill.price().toPlainString(),
                    fill.fee().toPlainString(), fill.feeAsset(), fill.liquidity(), fill.clientOrderId(),
                    inventory.quantity(a.settings.asset()).toPlainString(), a.settings.asset(),
                    String.format("%+.6f", inventory.driftDouble(a.settings.asset())));
        }
        if (o != null && o.status().isTerminal()) {
            forgetQuote(o);
        }
        if (quoting) {
            requote(a, clock.nowNs());
        }
    }

    private void markDirty(Market m) {
        assetList.get(m.assetIndex).dirty = true;
    }

    private void forgetQuote(Order o) {
        if (o == null) {
            return;
        }
        Market m = markets.get(o.instrumentId());
        if (m != null && m.quote(o.side()) == o) {
            m.clearQuote(o.side());
        }
    }

    private void pullQuotes(Market m, String why) {
        if (m.bid != null) {
            orders.cancel(m.bid, why);
        }
        if (m.ask != null) {
            orders.cancel(m.ask, why);
        }
    }

    /** Re-quotes one asset on every venue that trades it. */
    private void requote(AssetState a, long now) {
        a.dirty = false;
        a.lastQuoteNs = now;
        Asset asset = a.settings.asset();
        double fair = fairValue(a);
        a.fairValue = fair;
        if (Double.isNaN(fair)) {
            for (Market m : a.markets) {
                pullQuotes(m, "no fair value");
            }
            return;
        }
        inventory.markFairValue(asset, fair);
        double drift = inventory.driftDouble(asset);
        a.in.set(fair, drift, 0, 0, now);
        a.settings.model().quote(a.in, a.model);
        for (int i = 0; i < a.markets.size(); i++) {
            Market m = a.markets.get(i);
            if (Double.isNaN(m.mid())) {
                pullQuotes(m, "book not usable");
                continue;
            }
            requoteSide(a, m, Side.BUY, drift);
            requoteSide(a, m, Side.SELL, drift);
        }
    }

    private void requoteSide(AssetState a, Market m, Side side, double drift) {
        Asset asset = a.settings.asset();
        double minSize = m.instrument.lotSizeDouble();
        Order current = m.quote(side);
        if (current != null && current.cancelRequested()) {
            current = null; // on its way out; still counted as exposure below
        }
        // What this venue should show, as if our current quote here were replaced.
        desired(a, m, drift, current, minSize);
        long wantTicks = side == Side.BUY ? m.scratch.bidTicks : m.scratch.askTicks;
        long wantLots = side == Side.BUY ? m.scratch.bidLots : m.scratch.askLots;
        if (current != null) {
            long curTicks = m.quoteTicks(side); // = priceToTicks(current.price()), kept from placement
            long curLots = m.quoteLots(side);   // = sizeToLots(current.size())
            boolean keep = wantLots > 0 && curLots == wantLots
                    && Math.abs(curTicks - wantTicks) <= toleranceTicks(a, m);
            if (keep) {
                return;
            }
            orders.cancel(current, wantLots == 0 ? "side not quoted" : "requote");
        }
        if (wantLots == 0) {
            return;
        }
        // Place only what fits with every live order counted, including the one just asked to cancel.
        desired(a, m, drift, null, minSize);
        wantTicks = side == Side.BUY ? m.scratch.bidTicks : m.scratch.askTicks;
        wantLots = side == Side.BUY ? m.scratch.bidLots : m.scratch.askLots;
        if (wantLots == 0) {
            return;
        }
        Order placed = orders.place(m.instrument, side, OrderType.LIMIT_POST_ONLY, wantTicks, wantLots, "quote");
        m.quote(side, placed, wantTicks, wantLots);
    }

    /** The requote tolerance in this market's ticks: requoteToleranceBps of fair value, rounded down. */
    private long toleranceTicks(AssetState a, Market m) {
        return (long) (a.fairValue * settings.requoteToleranceBps() / 10_000 / m.instrument.tickSizeDouble());
    }

    /** Shapes the asset's model quote for one venue into {@code m.scratch}, counting live exposure except {@code excluded}. */
    private void desired(AssetState a, Market m, double drift, Order excluded, double minSize) {
        Asset asset = a.settings.asset();
        TwoSidedQuote q = a.scratch;
        q.bidPrice = a.model.bidPrice;
        q.bidSize = a.model.bidSize;
        q.askPrice = a.model.askPrice;
        q.askSize = a.model.askSize;
        a.in.openBuyExposure = orders.exposure(asset, Side.BUY, excluded);
        a.in.openSellExposure = orders.exposure(asset, Side.SELL, excluded);
        InventoryBand.apply(a.in, a.settings.maxPosition(), minSize, q);
        VenueQuoteShaper.shape(q, m.instrument, m.book.bestBidTicks(), m.book.bestAskTicks(), m.scratch);
    }

    /** The cross-venue fair value: the mean of the mids of every usable book of the asset, NaN when none. */
    private static double fairValue(AssetState a) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < a.markets.size(); i++) {
            double mid = a.markets.get(i).mid();
            if (!Double.isNaN(mid)) {
                sum += mid;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private void claimThread() {
        if (owner == null) {
            owner = Thread.currentThread();
        }
    }

    private boolean onOwnerThread() {
        claimThread();
        return owner == Thread.currentThread();
    }

    // ---- read-only views for status, tests and reports (engine thread) ----

    public InventoryAggregator inventory() { return inventory; }
    public OrderManager orders() { return orders; }
    public long nowNs() { return clock.nowNs(); }
    public long eventsApplied() { return eventsApplied; }
    public long eventErrors() { return eventErrors; }
    public long unknownInstrumentEvents() { return unknownInstrumentEvents; }
    public long foreignFills() { return foreignFills; }
    public long publicTrades() { return trades; }
    public boolean isQuoting() { return quoting; }
    public long inboxRejected() { return inbox.rejectedCount(); }

    /** Fills so far per instrument. */
    public Map<InstrumentId, Long> fillsByMarket() {
        return Collections.unmodifiableMap(fillsByMarket);
    }

    /** The last fair value computed for an asset (NaN before the first). */
    public double fairValue(Asset asset) {
        AssetState a = assets.get(asset);
        return a == null ? Double.NaN : a.fairValue;
    }

    public List<Asset> assets() {
        return List.copyOf(assets.keySet());
    }

    /** The instruments trading {@code asset}. */
    public List<Instrument> instruments(Asset asset) {
        AssetState a = assets.get(asset);
        List<Instrument> out = new ArrayList<>();
        if (a != null) {
            for (Market m : a.markets) {
                out.add(m.instrument);
            }
        }
        return out;
    }

    /** Our current quote on one side of one market, or null. */
    public Order quote(InstrumentId instrument, Side side) {
        Market m = markets.get(instrument);
        return m == null ? null : m.quote(side);
    }

    /** The live book of a market (engine thread only). */
    public dev.ballast.core.book.OrderBook book(InstrumentId instrument) {
        Market m = markets.get(instrument);
        return m == null ? null : m.book;
    }

    public Map<VenueId, Venue> venues() {
        return venues;
    }

    /** Per-asset state. Not thread-safe: owned by the engine thread. */
    private static final class AssetState {
        final AssetSettings settings;
        final List<Market> markets = new ArrayList<>();
        final QuoteInputs in = new QuoteInputs();
        final TwoSidedQuote model = new TwoSidedQuote();
        final TwoSidedQuote scratch = new TwoSidedQuote();
        boolean dirty;
        long lastQuoteNs = Long.MIN_VALUE / 2;
        double fairValue = Double.NaN;

        AssetState(AssetSettings settings) {
            this.settings = settings;
        }
    }
}
