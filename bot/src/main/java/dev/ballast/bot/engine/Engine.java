package dev.ballast.bot.engine;

import dev.ballast.bot.inventory.InventoryAggregator;
import dev.ballast.bot.journal.Journal;
import dev.ballast.bot.journal.JournalException;
import dev.ballast.bot.risk.OperatorCommand;
import dev.ballast.bot.risk.OperatorCommands;
import dev.ballast.bot.risk.OrderDenied;
import dev.ballast.bot.risk.PreTradeGuards;
import dev.ballast.bot.risk.RiskInputs;
import dev.ballast.bot.risk.RiskLimits;
import dev.ballast.bot.risk.RiskStatus;
import dev.ballast.bot.risk.TradingState;
import dev.ballast.bot.risk.TradingStateMachine;
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
import dev.ballast.core.event.VenueStatus;
import dev.ballast.core.inbox.Inbox;
import dev.ballast.core.time.Clock;
import dev.ballast.strategies.estimators.EwmaVolatility;
import dev.ballast.strategies.estimators.IntensityEstimator;
import dev.ballast.strategies.estimators.VenueLiquidityStats;
import dev.ballast.strategies.execution.HedgeChild;
import dev.ballast.strategies.execution.HedgeSchedule;
import dev.ballast.strategies.hedging.HedgeCostModel;
import dev.ballast.strategies.hedging.HedgeLeg;
import dev.ballast.strategies.hedging.HedgePlan;
import dev.ballast.strategies.hedging.HedgeRouter;
import dev.ballast.strategies.hedging.HedgeVenue;
import dev.ballast.core.VenueHealth;
import dev.ballast.strategies.quoting.InventoryBand;
import dev.ballast.strategies.rebalance.DecisionLog;
import dev.ballast.strategies.rebalance.RebalanceAction;
import dev.ballast.strategies.rebalance.RebalanceDecider;
import dev.ballast.strategies.rebalance.RebalanceDecision;
import dev.ballast.strategies.rebalance.RebalanceInputs;
import dev.ballast.strategies.rebalance.RebalanceState;
import dev.ballast.strategies.quoting.QuoteInputs;
import dev.ballast.strategies.quoting.TwoSidedQuote;
import dev.ballast.strategies.quoting.VenueQuoteShaper;
import java.util.ArrayList;
import java.util.Collection;
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
 *
 * <p>The rebalancing brain runs per asset on a timer ({@code decisionIntervalNs}) and after each fill:
 * estimators (volatility of fair value, order-arrival intensity) feed the quote model and the decision; the
 * decision (skew / hedge / split / wait, {@link RebalanceDecider}) prices hedging against the router's live cost
 * curve; a hedge is worked by a {@link HedgeExecution} whose schedule cuts it into IOC children routed to the
 * cheapest healthy venues. While a hedge is in flight the quote that would grow the position is not shown, and
 * the decision counts what is in flight, so a hedge is never doubled.
 *
 * <p>Risk: every order passes the pre-trade guards ({@link PreTradeGuards}, installed in the order manager) on its
 * way out. The trading state ({@link TradingStateMachine}) is ACTIVE, REDUCING (only the side that brings each
 * asset back toward target is quoted, never past it) or HALTED (no quoting, no hedging; entering it cancels every
 * order on every venue). Operator commands posted from other threads to {@link #operatorCommands()} are applied
 * first in each {@code doWork}, before any event, so a halt takes effect before the next order can leave.
 *
 * <p>Journal ({@link #journal}): the order manager writes each order's intent before it is sent and the answers as
 * they are applied; the engine writes each fill before applying it (a fill the journal already has is ignored: it
 * was counted before, by this session or by reconciliation), each rebalancing decision that is logged, with its
 * reason, and an inventory snapshot every {@code snapshotIntervalNs}. Without a journal ({@link Journal#none()}, the
 * default: backtests, benchmarks) nothing of this changes what the engine does.
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
    /** Each venue's last reported health; a venue that never reported is taken as healthy (its books still decide). */
    private final Map<VenueId, VenueHealth> venueHealth = new HashMap<>();
    private long venueStatusChanges;
    private final Map<Asset, AssetState> assets = new LinkedHashMap<>();
    private final List<AssetState> assetList = new ArrayList<>();
    private final Map<InstrumentId, Long> fillsByMarket = new LinkedHashMap<>();
    private final Consumer<Event> onEvent = this::onEvent;
    /** How long a hedge waits for its IOC children's answers before giving up on them. */
    static final long CHILD_TIMEOUT_NS = 10_000_000_000L;
    /** How often a book that cannot sync asks its venue for a snapshot. */
    static final long SNAPSHOT_RETRY_NS = 1_000_000_000L;
    private final BrainSettings brain;
    private final Asset quoteCurrency;
    private final DecisionLog decisions = new DecisionLog(20);
    private final Map<dev.ballast.core.ClientOrderId, HedgeExecution> hedgeByOrder = new HashMap<>();
    private long nextHedgeId = 1;
    private Consumer<Engine> statusSink = e -> { };
    /** How often equity is read for the drawdown and daily-loss triggers (also right after each fill). */
    static final long EQUITY_CHECK_INTERVAL_NS = 250_000_000L;
    private final OperatorCommands operatorCommands = new OperatorCommands();
    private final RiskInputs riskInputs = new EngineRiskInputs();
    private TradingStateMachine trading;
    private PreTradeGuards guards;
    private long nextEquityCheckNs;
    private Consumer<TradingStateMachine.Transition> onTransition = t -> { };
    private Journal journal = Journal.none();
    private long snapshotIntervalNs;
    private long nextSnapshotNs = Long.MAX_VALUE;
    private long duplicateFills;
    private long journalErrors;

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
     *                    {@code assetSettings} and its quote the inventory's valuation currency or one the
     *                    inventory counts at par (its lasting price difference is then part of the venue's basis);
     *                    an inverse contract's sizes are converted to base units at the price wherever the engine
     *                    counts exposure, sizes a quote or routes a hedge
     */
    public Engine(Clock clock, Inbox<Event> inbox, Map<VenueId, Venue> venues, OrderManager orders,
                  InventoryAggregator inventory, List<Instrument> instruments,
                  Map<Asset, AssetSettings> assetSettings, EngineSettings settings, BrainSettings brain,
                  java.util.function.Function<Instrument, dev.ballast.core.book.OrderBook> bookFactory) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.venues = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(venues));
        this.orders = Objects.requireNonNull(orders, "orders");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.brain = Objects.requireNonNull(brain, "brain");
        this.quoteCurrency = inventory.valuationCurrency();
        for (AssetSettings s : assetSettings.values()) {
            AssetState a = new AssetState(s, brain);
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
            m.liquidity = new VenueLiquidityStats(brain.liquidity());
            markets.put(i.id(), m);
            a.markets.add(m);
        }
        riskLimits(RiskLimits.NONE);
    }

    /**
     * Sets the risk limits the pre-trade guards and the automatic triggers enforce (the engine starts with
     * {@link RiskLimits#NONE}: no guard, no trigger; backtests keep that). Call before {@link #start}; the trading
     * state starts ACTIVE.
     */
    public void riskLimits(RiskLimits limits) {
        if (started) {
            throw new IllegalStateException("risk limits are set before the engine starts");
        }
        trading = new TradingStateMachine(limits, clock.nowNs());
        trading.onTransition(this::onTradingStateChange);
        guards = new PreTradeGuards(clock, limits, inventory, riskInputs, trading);
        orders.preTradeCheck(guards);
    }

    /** Receives every change of trading state, on the engine thread, after the engine has acted on it. */
    public void onTradingStateChange(Consumer<TradingStateMachine.Transition> listener) {
        this.onTransition = Objects.requireNonNull(listener, "listener");
    }

    /** Receives every order the guards deny, on the engine thread. */
    public void onOrderDenied(Consumer<OrderDenied> listener) {
        guards.onDenied(listener);
    }

    /** Receives the engine on the engine thread every {@code statusIntervalNs}, to read and print its state. */
    public void statusSink(Consumer<Engine> sink) {
        this.statusSink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Journals to {@code journal} from now on (wiring time, before {@link #start}): intents and answers through the
     * order manager, fills, logged decisions, and an inventory snapshot every {@code snapshotIntervalNs} (0: none but
     * those asked with {@link #journalSnapshot()}).
     */
    public void journal(Journal journal, long snapshotIntervalNs) {
        if (snapshotIntervalNs < 0) {
            throw new IllegalArgumentException("snapshotIntervalNs must be >= 0 (was " + snapshotIntervalNs + ")");
        }
        this.journal = Objects.requireNonNull(journal, "journal");
        this.snapshotIntervalNs = snapshotIntervalNs;
        orders.journal(journal);
    }

    /** Writes an inventory snapshot to the journal now (engine thread); nothing without a durable journal. */
    public void journalSnapshot() {
        if (!journal.isDurable()) {
            return;
        }
        long now = clock.nowNs();
        try {
            journal.snapshot(now, inventory.snapshot());
        } catch (JournalException e) {
            journalFailed(e);
        }
        if (snapshotIntervalNs > 0) {
            nextSnapshotNs = now + snapshotIntervalNs;
        }
    }

    /**
     * Reads every venue's balances as the starting inventory, starts every venue's streams into the inbox,
     * and starts quoting. Blocking calls to venues happen here, before trading.
     */
    public void start() {
        start(Map.of());
    }

    /**
     * As {@link #start()}, with the starting inventory of the venues in {@code startingBalances} taken from there
     * rather than read now: recovery passes the balances it read together with the fills it journaled, so that a
     * fill the venue makes after them (while the streams connect) is counted once — when the stream or
     * reconciliation applies it — and not also in the starting balance.
     */
    public void start(Map<VenueId, Map<Asset, Balance>> startingBalances) {
        claimThread();
        if (started) {
            throw new IllegalStateException("engine already started");
        }
        for (Venue v : venues.values()) {
            Map<Asset, Balance> balances = startingBalances.get(v.id());
            for (Map.Entry<Asset, Balance> b : (balances != null ? balances : v.balances()).entrySet()) {
                inventory.setStartingBalance(v.id(), b.getKey(), b.getValue().total());
            }
        }
        for (AssetState a : assetList) {
            for (Market m : a.markets) {
                double takerFee = m.venue.fees(m.instrument.id()).takerRate().doubleValue();
                a.hedgeVenues.add(new HedgeVenue(m.book, takerFee));
                if (m.instrument.isInverse()) {
                    a.hasInverse = true; // its lot in base moves with the price: see refreshCoarsestLot
                } else {
                    a.coarsestLinearLot = Math.max(a.coarsestLinearLot, m.instrument.lotSizeDouble());
                }
                a.coarsestLot = a.coarsestLinearLot;
            }
        }
        for (Venue v : venues.values()) {
            v.start(inbox::offer);
        }
        started = true;
        quoting = true;
        nextStatusNs = clock.nowNs() + settings.statusIntervalNs();
        if (journal.isDurable() && snapshotIntervalNs > 0) {
            nextSnapshotNs = clock.nowNs() + snapshotIntervalNs;
        }
        LOG.info("engine started: {} venues, {} markets, assets {}", venues.size(), markets.size(), assets.keySet());
    }

    /**
     * Applies up to one batch of inbox events, then runs what is due (re-quotes, status).
     *
     * @return how much work was done (0 = idle)
     */
    public int doWork() {
        assert onOwnerThread() : "engine used from " + Thread.currentThread().getName() + ", owned by " + owner.getName();
        int n = operatorCommands.drain(this::applyCommand);
        n += inbox.drain(onEvent, settings.drainBatch());
        long now = clock.nowNs();
        n += checkEquity(now);
        if (quoting && trading.state() != TradingState.HALTED) {
            for (int i = 0; i < assetList.size(); i++) {
                AssetState a = assetList.get(i);
                try {
                    n += assetTimers(a, now);
                } catch (RuntimeException ex) {
                    // a broken invariant in one asset's quoting or hedging must not take the engine (and every
                    // other asset's orders) down: stop that asset's quotes and hedge, count, carry on
                    eventErrors++;
                    LOG.error("{}: quoting/hedging failed; its quotes are pulled and its hedge dropped", a.settings.asset(), ex);
                    for (Market m : a.markets) {
                        pullQuotes(m, "error");
                    }
                    if (a.hedge != null) {
                        finishHedge(a, now, "error: " + ex.getMessage());
                    }
                }
            }
        }
        if (now >= nextSnapshotNs && started) {
            journalSnapshot();
        }
        if (now >= nextStatusNs) {
            nextStatusNs = now + settings.statusIntervalNs();
            try {
                statusSink.accept(this);
            } catch (RuntimeException ex) {
                LOG.error("status could not be produced", ex);
            }
        }
        return n;
    }

    private void applyCommand(OperatorCommand command) {
        trading.apply(command, clock.nowNs());
    }

    /** Feeds equity to the drawdown and daily-loss triggers when due and every held asset has a fair value. */
    private int checkEquity(long now) {
        if (now < nextEquityCheckNs || !guards.limits().watchesEquity()) {
            return 0;
        }
        nextEquityCheckNs = now + EQUITY_CHECK_INTERVAL_NS;
        if (!inventory.isFullyMarked()) {
            return 0;
        }
        trading.onEquity(inventory.equity().doubleValue(), now);
        return 1;
    }

    /**
     * Acts on a change of trading state: HALTED drops every hedge and cancels every order on every venue (once, on
     * entry); REDUCING cancels every live order on the side that would grow its asset's drift; every change
     * re-quotes every asset.
     */
    private void onTradingStateChange(TradingStateMachine.Transition t) {
        long now = clock.nowNs();
        if (t.to() == TradingState.HALTED) {
            for (AssetState a : assetList) {
                if (a.hedge != null) {
                    finishHedge(a, now, "halted");
                }
            }
            orders.cancelAll("HALTED: " + t.reason());
        } else if (t.to() == TradingState.REDUCING) {
            for (Order o : List.copyOf(orders.liveOrders())) {
                Asset asset = o.instrument().base();
                if (inventory.target(asset).isPresent()) {
                    double drift = inventory.driftDouble(asset);
                    if (o.side() == Side.BUY ? drift >= 0 : drift <= 0) {
                        orders.cancel(o, "reducing only");
                    }
                }
            }
        }
        for (AssetState a : assetList) {
            a.dirty = true;
        }
        onTransition.accept(t);
    }

    /**
     * Reconciliation with a venue found a difference it cannot explain: the engine halts (cancels everything) until
     * the operator resumes. Engine thread.
     */
    public void onReconciliationFailed(String why) {
        trading.onReconciliationFailed(why, clock.nowNs());
    }

    /** What is due for one asset: a re-quote, a decision, the hedge's next child. @return work done */
    private int assetTimers(AssetState a, long now) {
        int n = 0;
        if (a.dirty && now - a.lastQuoteNs >= settings.requoteIntervalNs()) {
            requote(a, now);
            n++;
        }
        if (a.settings.hedges()) {
            if (now >= a.nextDecisionNs) {
                a.nextDecisionNs = now + brain.decisionIntervalNs();
                a.intensity.refit(now);
                for (int j = 0; j < a.markets.size(); j++) {
                    Market m = a.markets.get(j);
                    m.liquidity.update(now, m.book); // a pass over the top levels: on the timer, not per book update
                }
                decide(a, now);
                n++;
            }
            if (a.hedge != null) {
                n += progressHedge(a, now);
            }
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
                hedgeChildDone(o);
            } else if (e instanceof OrderRejected r) {
                trading.onReject(r.reason(), r.message(), clock.nowNs());
                Order o = orders.onRejected(r);
                forgetQuote(o);
                hedgeChildDone(o);
            } else if (e instanceof CancelRejected c) {
                orders.onCancelRejected(c);
            } else if (e instanceof VenueStatus v) {
                onVenueStatus(v);
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
        m.lastDataNs = clock.nowNs();
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
            m.lastDataNs = clock.nowNs();
            markDirty(m);
        } else if (r == ApplyResult.NOT_SYNCED) {
            long now = clock.nowNs();
            if (now - m.lastSnapshotRequestNs >= SNAPSHOT_RETRY_NS) {
                m.lastSnapshotRequestNs = now;
                m.venue.requestSnapshot(m.instrument.id());
            }
        } else if (r == ApplyResult.GAP) {
            m.gaps++;
            LOG.warn("{}: book sequence gap at update {} (book at {}); quotes pulled, resyncing",
                    m.instrument.id(), d.firstUpdateId(), m.book.lastUpdateId());
            pullQuotes(m, "book gap");
            m.venue.requestSnapshot(m.instrument.id());
        }
    }

    /**
     * A venue's health changed. While it is not usable its markets give no mid (so no fair value from them, no
     * quotes there, and the router prices hedges there at infinite cost) and our quotes on it are pulled.
     */
    private void onVenueStatus(VenueStatus v) {
        VenueHealth before = venueHealth.put(v.venue(), v.health());
        if (before == v.health()) {
            return;
        }
        venueStatusChanges++;
        if (v.health().usable()) {
            LOG.info("{}: venue healthy again{}", v.venue(), v.detail().isEmpty() ? "" : " (" + v.detail() + ")");
        } else {
            LOG.warn("{}: venue {}{}; no quotes there until it recovers", v.venue(), v.health().description(),
                    v.detail().isEmpty() ? "" : " (" + v.detail() + ")");
        }
        for (Market m : markets.values()) {
            if (!m.instrument.id().venue().equals(v.venue())) {
                continue;
            }
            m.venueHealth = v.health();
            if (!v.health().usable()) {
                pullQuotes(m, "venue " + v.health().description());
            }
            markDirty(m);
        }
    }

    private void onTrade(PublicTrade t) {
        trades++;
        Market m = markets.get(t.instrument());
        if (m == null) {
            return;
        }
        AssetState a = assets.get(m.instrument.base());
        if (!Double.isNaN(a.fairValue)) {
            a.intensity.onTrade(t, m.instrument, a.fairValue);
        }
    }

    private void onFill(Fill fill) {
        Market m = markets.get(fill.instrument());
        if (m == null) {
            unknownInstrumentEvents++;
            LOG.warn("fill for an instrument we do not trade, ignored: {}", fill);
            return;
        }
        if (!journalFill(m.instrument, fill)) {
            duplicateFills++;
            LOG.info("fill {} of {} on {} is in the journal already: not counted twice", fill.tradeId(),
                    fill.clientOrderId(), fill.instrument());
            return;
        }
        Order o = orders.onFill(fill);
        if (o == null) {
            foreignFills++;
        }
        HedgeExecution h = hedgeByOrder.get(fill.clientOrderId());
        if (h != null) {
            double price = fill.price().doubleValue();
            h.onFill(m.instrument.sizeToBaseDouble(fill.size().doubleValue(), price), price,
                    feeInQuote(fill, m.instrument));
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
            hedgeChildDone(o);
        }
        nextEquityCheckNs = Math.min(nextEquityCheckNs, clock.nowNs());
        if (quoting && trading.state() != TradingState.HALTED) {
            long now = clock.nowNs();
            requote(a, now, m, fill.side());
            if (a.settings.hedges()) {
                decide(a, now);
            }
        }
    }

    /** Journals a fill. @return false when the journal had it already; true when new or when the write failed */
    private boolean journalFill(Instrument instrument, Fill fill) {
        try {
            return journal.fill(instrument, fill);
        } catch (JournalException e) {
            journalFailed(e); // the fill happened: count it; reconciliation finds it missing from the journal
            return true;
        }
    }

    private void journalFailed(JournalException e) {
        journalErrors++;
        LOG.error("journal write failed; the engine carries on and reconciliation settles it", e);
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
        requote(a, now, null, Side.BUY);
    }

    /**
     * Re-quotes one asset on every venue that trades it, starting with {@code first} (the market where a fill
     * just took our quote, its filled side first: the book where we are missing is replaced before the others
     * are adjusted), or in venue order when null.
     */
    private void requote(AssetState a, long now, Market first, Side firstSide) {
        a.dirty = false;
        a.lastQuoteNs = now;
        Asset asset = a.settings.asset();
        updateBasis(a, now);
        double fair = fairValue(a);
        a.fairValue = fair;
        if (Double.isNaN(fair)) {
            for (Market m : a.markets) {
                pullQuotes(m, "no fair value");
            }
            return;
        }
        inventory.markFairValue(asset, fair);
        a.volatility.update(now, fair);
        double drift = inventory.driftDouble(asset);
        a.in.set(fair, drift, 0, 0, now);
        a.in.sigmaPerSqrtSec = a.volatility.sigmaPerSqrtSec();
        a.in.intensityA = a.intensity.intensityA();
        a.in.intensityKPerBps = a.intensity.intensityKPerBps();
        a.settings.model().quote(a.in, a.model);
        if (trading.state() == TradingState.REDUCING) {
            // only the side that brings the position back toward target is shown
            if (drift >= 0) {
                a.model.noBid();
            }
            if (drift <= 0) {
                a.model.noAsk();
            }
        }
        if (a.hedge != null) {
            // while a hedge is in flight, the quote that would grow the position waits
            if (a.hedge.side == Side.SELL) {
                a.model.noBid();
            } else {
                a.model.noAsk();
            }
        }
        if (first != null) {
            requoteMarket(a, first, firstSide, drift);
        }
        for (int i = 0; i < a.markets.size(); i++) {
            Market m = a.markets.get(i);
            if (m != first) {
                requoteMarket(a, m, Side.BUY, drift);
            }
        }
    }

    private void requoteMarket(AssetState a, Market m, Side firstSide, double drift) {
        if (Double.isNaN(m.mid())) {
            pullQuotes(m, "book not usable");
            return;
        }
        requoteSide(a, m, firstSide, drift);
        requoteSide(a, m, firstSide.opposite(), drift);
    }

    private void requoteSide(AssetState a, Market m, Side side, double drift) {
        Asset asset = a.settings.asset();
        // one lot in base units: an inverse contract's at this venue's price (fair value plus its basis)
        double minSize = m.instrument.isInverse() ? m.instrument.lotsToBaseDouble(1, a.fairValue + m.basis)
                : m.instrument.lotSizeDouble();
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
        q.bidPrice = a.model.bidPrice + m.basis; // the model quotes fair value; this venue trades at its basis
        q.bidSize = a.model.bidSize;
        q.askPrice = a.model.askPrice + m.basis;
        q.askSize = a.model.askSize;
        a.in.openBuyExposure = orders.exposure(asset, Side.BUY, excluded);
        a.in.openSellExposure = orders.exposure(asset, Side.SELL, excluded);
        InventoryBand.apply(a.in, a.settings.maxPosition(), minSize, q);
        if (a.hedge != null || trading.state() == TradingState.REDUCING) {
            // while hedging or reducing, the reducing quotes may only take what is left: never past the target
            double room = Math.abs(drift) - (a.hedge == null ? 0 : a.hedge.unsentBase())
                    - (drift > 0 ? a.in.openSellExposure : a.in.openBuyExposure);
            double cap = room >= minSize ? room : 0;
            if (drift > 0) {
                q.askSize = Math.min(q.askSize, cap);
            } else if (drift < 0) {
                q.bidSize = Math.min(q.bidSize, cap);
            }
        }
        VenueQuoteShaper.shape(q, m.instrument, m.book.bestBidTicks(), m.book.bestAskTicks(), m.scratch);
    }

    // ---- the rebalancing brain ----

    /** Re-evaluates skew vs hedge vs wait for one asset and starts a hedge when the decision says so. */
    private void decide(AssetState a, long now) {
        double fair = fairValue(a);
        if (Double.isNaN(fair) || !quoting) {
            return;
        }
        refreshCoarsestLot(a, fair);
        a.volatility.update(now, fair);
        double drift = inventory.driftDouble(a.settings.asset());
        double inFlight = a.hedge == null ? 0 : a.hedge.inFlightSigned();
        TwoSidedQuote q = a.model;
        boolean longOrFlat = drift >= 0;
        double reduceDist = longOrFlat ? distanceBps(q.askPrice, fair, q.hasAsk(), 1) : distanceBps(q.bidPrice, fair, q.hasBid(), -1);
        double reduceSize = longOrFlat ? (q.hasAsk() ? q.askSize : 0) : (q.hasBid() ? q.bidSize : 0);
        double growDist = longOrFlat ? distanceBps(q.bidPrice, fair, q.hasBid(), -1) : distanceBps(q.askPrice, fair, q.hasAsk(), 1);
        double growSize = longOrFlat ? (q.hasBid() ? q.bidSize : 0) : (q.hasAsk() ? q.askSize : 0);
        RebalanceInputs in = new RebalanceInputs(a.settings.asset(), quoteCurrency, now, drift, inFlight, fair,
                a.volatility.sigmaPerSqrtSec(), a.intensity.intensityA(), a.intensity.intensityKPerBps(),
                reduceDist, reduceSize, growDist, growSize, a.coarsestLot);
        RebalanceDecision d;
        try {
            hideOwnOrders(a);
            updateRouter(a, now, fair);
            d = a.decider.decide(in, a.rebalanceState, a.router::costQuote);
        } finally {
            restoreOwnOrders(a);
        }
        a.rebalanceState = d.nextState();
        decisions.record(d);
        RebalanceDecision previous = a.lastDecision;
        a.lastDecision = d;
        // every decision to act is logged; a WAIT only when it differs from the last one (one a second otherwise).
        // The reason is built only when it is written somewhere: it formats a dozen numbers.
        if ((LOG.isInfoEnabled() || journal.isDurable()) && (d.action() != RebalanceAction.WAIT || previous == null
                || previous.action() != d.action() || previous.basis() != d.basis())) {
            String why = d.reason();
            LOG.info("DECIDE {}", why);
            if (journal.isDurable()) {
                try {
                    journal.hedgeDecision(now, a.settings.asset(), d.action().name(), d.side().orElse(null),
                            d.hedgeSizeBase(), why);
                } catch (JournalException e) {
                    journalFailed(e);
                }
            }
        }
        if (d.isHedge() && a.hedge == null && d.side().isPresent()) {
            startHedge(a, d, now, fair);
        }
    }

    /**
     * The most a hedge order on {@code side} may be now without any risk of taking the position past the target:
     * the drift less every live order of ours that could still reduce it (quotes, and hedge children already
     * sent). Hedges are sized by the decision on the drift net of hedges in flight; this cap also makes room for
     * the reducing quotes, so even if they all fill alongside the hedge, the hedge never exceeds the drift.
     */
    private double hedgeRoom(AssetState a, Side side) {
        double drift = inventory.driftDouble(a.settings.asset());
        double reducible = side == Side.SELL ? drift : -drift;
        return reducible - orders.exposure(a.settings.asset(), side, null);
    }

    /**
     * Distance of a quote from fair value in bps, positive away from fair on its side, NaN when not quoted. A
     * model quote skewed through fair value counts as at fair value (δ = 0): post-only shaping keeps it on its side
     * of each venue's book, and the intensity fit says nothing about negative distances.
     */
    private static double distanceBps(double price, double fair, boolean quoted, int sign) {
        return quoted ? Math.max(0, sign * (price - fair) / fair * 10_000) : Double.NaN;
    }

    private void startHedge(AssetState a, RebalanceDecision d, long now, double fair) {
        Side side = d.side().orElseThrow();
        double size = Math.min(d.hedgeSizeBase(), hedgeRoom(a, side));
        if (size < Math.max(a.coarsestLot, d.params().minHedgeSizeBase())) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("HEDGE  not started: {} {} {} decided, but our reducing orders already cover all but {}",
                        side, fmt(d.hedgeSizeBase()), a.settings.asset(), fmt(Math.max(0, size)));
            }
            return;
        }
        HedgeSchedule schedule = a.settings.hedge().schedules().create(now, size, a.coarsestLot);
        HedgeExecution h = new HedgeExecution(nextHedgeId++, a.settings.asset(), side, size, fair, now, schedule, d.reason());
        a.hedge = h;
        // the quotes that would grow the position wait while the hedge is in flight; cancelling them first also
        // keeps the hedge's IOC children from meeting our own resting orders (commands reach a venue in order)
        for (Market m : a.markets) {
            Order growing = m.quote(side.opposite());
            if (growing != null) {
                orders.cancel(growing, "hedge in flight");
            }
        }
        if (LOG.isInfoEnabled()) {
            LOG.info("HEDGE  #{} start {} {} {} via {} (fair {})", h.id, side, fmt(size), a.settings.asset(),
                    schedule.name(), fmt(fair));
        }
        progressHedge(a, now);
    }

    /** Sends the hedge's next child when it is due and the previous one has resolved. @return work done */
    private int progressHedge(AssetState a, long now) {
        HedgeExecution h = a.hedge;
        if (h.hasLiveChildren()) {
            if (now - h.childSentNs() > CHILD_TIMEOUT_NS) {
                // an IOC answers at once; one silent this long has an unknown fate: stop waiting for it (its size
                // stays counted as exposure in the order manager until the venue settles it) and re-decide
                LOG.warn("HEDGE  #{}: child orders unanswered after {} s: {}", h.id, CHILD_TIMEOUT_NS / 1_000_000_000L,
                        h.liveChildren());
                for (Order o : List.copyOf(h.liveChildren())) {
                    hedgeByOrder.remove(o.clientOrderId());
                    h.onChildDone(o);
                }
                finishHedge(a, now, "children unanswered");
                return 1;
            }
            return 0;
        }
        if (h.stalled()) {
            finishHedge(a, now, "no fills in " + HedgeExecution.MAX_EMPTY_CHILDREN + " children in a row");
            return 1;
        }
        double remaining = h.remainingBase();
        double fair = fairValue(a);
        if (!Double.isNaN(fair)) {
            refreshCoarsestLot(a, fair);
        }
        HedgeChild child = h.schedule.nextChild(now, remaining < a.coarsestLot ? 0 : remaining);
        if (child.done()) {
            finishHedge(a, now, "schedule done");
            return 1;
        }
        if (!child.dueAt(now)) {
            return 0;
        }
        if (Double.isNaN(fair)) {
            h.emptyRound();
            return 1;
        }
        HedgePlan plan;
        try {
            hideOwnOrders(a);
            updateRouter(a, now, fair);
            double size = Math.min(Math.min(child.size(), remaining), hedgeRoom(a, h.side));
            plan = size < a.coarsestLot ? null : a.router.plan(h.side, size);
        } finally {
            restoreOwnOrders(a);
        }
        if (plan == null) {
            finishHedge(a, now, "the drift is already covered by our reducing orders");
            return 1;
        }
        if (!plan.feasible() || plan.legs().isEmpty()) {
            h.emptyRound();
            if (LOG.isInfoEnabled()) {
                LOG.info("HEDGE  #{} no feasible route for {} {}: {}", h.id, h.side, fmt(child.size()), plan.reason());
            }
            return 1;
        }
        h.childrenSent(now);
        for (HedgeLeg leg : plan.legs()) {
            Order o = orders.place(leg.instrument(), h.side, OrderType.LIMIT_IOC, iocLimitTicks(leg, fair),
                    leg.sizeLots(), "hedge#" + h.id);
            if (o != null) {
                h.childSent(o);
                hedgeByOrder.put(o.clientOrderId(), h);
            }
        }
        if (!h.hasLiveChildren()) {
            h.emptyRound();
        }
        if (LOG.isInfoEnabled()) {
            LOG.info("HEDGE  #{} child {}: {}", h.id, h.children(), plan.reason());
        }
        return 1;
    }

    /** The leg's limit widened by {@code limitSlackBps} of fair value, never past the slippage cap. */
    private long iocLimitTicks(HedgeLeg leg, double fair) {
        Instrument i = leg.instrument();
        double sign = leg.side().sign();
        double capPrice = fair * (1 + sign * brain.hedgeCost().maxSlippageBps() / 10_000);
        double slackPrice = i.ticksToDouble(leg.limitPriceTicks()) + sign * fair * brain.limitSlackBps() / 10_000;
        double limit = leg.side() == Side.BUY ? Math.min(capPrice, slackPrice) : Math.max(capPrice, slackPrice);
        // round toward the level seen (a buy rounds down, a sell up), and never inside it
        long ticks = i.roundToTicks(limit, leg.side());
        return leg.side() == Side.BUY ? Math.max(ticks, leg.limitPriceTicks()) : Math.min(ticks, leg.limitPriceTicks());
    }

    private void finishHedge(AssetState a, long now, String why) {
        HedgeExecution h = a.hedge;
        a.hedge = null;
        a.hedgesDone++;
        a.hedgedBase += h.filledBase();
        a.hedgeCostQuote += h.costQuote();
        a.hedgeNotionalAtDecision += h.fairAtDecision * h.filledBase();
        if (LOG.isInfoEnabled()) {
            LOG.info("HEDGE  #{} done ({}): filled {} of {} {} in {} children, cost {} {} ({} bps vs fair at decision)",
                    h.id, why, fmt(h.filledBase()), fmt(h.targetBase), h.asset, h.children(), fmt(h.costQuote()),
                    quoteCurrency, fmt(h.costBps()));
        }
        // what is left goes back to the decision: at once after a hedge that traded, after the usual interval
        // after one that filled nothing (a reject or an empty book must not turn into a retry loop)
        a.nextDecisionNs = h.filledBase() > 0 ? now : now + brain.decisionIntervalNs();
    }

    private void hedgeChildDone(Order o) {
        if (o == null || !o.status().isTerminal()) {
            return;
        }
        HedgeExecution h = hedgeByOrder.remove(o.clientOrderId());
        if (h != null) {
            h.onChildDone(o);
        }
    }

    /** Refreshes the router's view of every venue of the asset: health, book age, what we can spend there. */
    private void updateRouter(AssetState a, long now, double fair) {
        for (int i = 0; i < a.markets.size(); i++) {
            Market m = a.markets.get(i);
            VenueId venue = m.instrument.id().venue();
            VenueHealth health = !m.venueHealth.usable() ? m.venueHealth
                    : Double.isNaN(m.mid()) ? VenueHealth.BOOK_INVALID : VenueHealth.HEALTHY;
            double base = inventory.quantity(a.settings.asset(), venue).doubleValue();
            double cash = inventory.cash(venue).doubleValue();
            for (Order o : orders.liveOrders()) {
                if (!o.instrumentId().venue().equals(venue)) {
                    continue;
                }
                if (o.side() == Side.SELL && o.instrument().base().equals(a.settings.asset())) {
                    base -= OrderManager.remainingBase(o);
                } else if (o.side() == Side.BUY && o.price() != null) {
                    Instrument in = o.instrument();
                    // what the buy would pay: its notional, an inverse contract's face value
                    cash -= in.isInverse() ? o.remainingSize().doubleValue() * in.contractSizeQuote().doubleValue()
                            : o.remainingSize().doubleValue() * o.price().doubleValue();
                }
            }
            a.hedgeVenues.get(i).update(health, Math.max(0, now - m.book.timestampNs()), Math.max(0, base), Math.max(0, cash));
        }
        a.router.update(a.hedgeVenues, fair);
    }

    private void hideOwnOrders(AssetState a) {
        for (int i = 0; i < a.markets.size(); i++) {
            a.markets.get(i).hideOwnOrders(orders.liveOrders());
        }
    }

    private void restoreOwnOrders(AssetState a) {
        for (int i = 0; i < a.markets.size(); i++) {
            a.markets.get(i).restoreOwnOrders();
        }
    }

    /**
     * Sets the asset's coarsest lot in base units — the hedge size step — at fair value {@code fair}: constant when
     * every market counts sizes in base, moving with the price when one is an inverse contract (one contract of
     * 100 USD is 100 / price BTC at that venue's price, fair value plus its basis).
     */
    private static void refreshCoarsestLot(AssetState a, double fair) {
        if (!a.hasInverse) {
            return;
        }
        double lot = a.coarsestLinearLot;
        for (int i = 0; i < a.markets.size(); i++) {
            Market m = a.markets.get(i);
            if (m.instrument.isInverse()) {
                lot = Math.max(lot, m.instrument.lotsToBaseDouble(1, fair + m.basis));
            }
        }
        a.coarsestLot = lot;
    }

    private double feeInQuote(Fill fill, Instrument instrument) {
        if (fill.feeAsset().equals(instrument.quote())) {
            return fill.fee().doubleValue();
        }
        if (fill.feeAsset().equals(instrument.base())) {
            return fill.fee().doubleValue() * fill.price().doubleValue();
        }
        return 0; // a third-asset fee (BNB) is counted by the inventory when that asset is marked
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    /** The cross-venue fair value: the mean of the mids of every usable book of the asset, NaN when none. */
    private static double fairValue(AssetState a) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < a.markets.size(); i++) {
            Market m = a.markets.get(i);
            double mid = m.mid();
            if (!Double.isNaN(mid)) {
                sum += mid - m.basis;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * Tracks each market's basis against the asset's first market (its reference): an EWMA of the difference of
     * their mids with a long half-life, so a lasting premium (a perpetual over spot) is taken out of fair value and
     * added back to that venue's quotes, while a passing dislocation — the signal a cross-venue hedge trades on —
     * is not. The first observation seeds it.
     */
    private void updateBasis(AssetState a, long now) {
        double ref = a.markets.get(0).mid();
        if (Double.isNaN(ref)) {
            return;
        }
        for (int i = 1; i < a.markets.size(); i++) {
            Market m = a.markets.get(i);
            double mid = m.mid();
            if (Double.isNaN(mid)) {
                continue;
            }
            double raw = mid - ref;
            if (m.basisUpdatedNs == Long.MIN_VALUE) {
                m.basis = raw;
            } else {
                double dtSec = Math.max(0, now - m.basisUpdatedNs) / 1e9;
                double alpha = 1 - Math.exp(-dtSec * Math.log(2) / brain.basisHalfLifeSec());
                m.basis += alpha * (raw - m.basis);
            }
            m.basisUpdatedNs = now;
        }
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
    /** Fills ignored because the journal had them already. */
    public long duplicateFills() { return duplicateFills; }
    /** Journal writes that failed, the order manager's included. */
    public long journalErrors() { return journalErrors + orders.journalErrorCount(); }
    public Journal journal() { return journal; }
    public long publicTrades() { return trades; }
    public boolean isQuoting() { return quoting; }
    public long venueStatusChanges() { return venueStatusChanges; }

    /** Where other threads post operator commands (halt, reduce, resume); thread-safe. */
    public OperatorCommands operatorCommands() { return operatorCommands; }
    public TradingState tradingState() { return trading.state(); }

    /** The trading state, why, the last operator command and the denials per reason, for the status. */
    public RiskStatus riskStatus() {
        return new RiskStatus(trading.state(), trading.reason(), trading.sinceNs(), trading.lastCommand(),
                guards.deniedByReason());
    }

    /**
     * A venue's health as the engine acts on it: its own last report, or BOOK_INVALID when every book we trade there
     * is unusable, or HEALTHY.
     */
    public VenueHealth venueHealth(VenueId venue) {
        VenueHealth reported = venueHealth.getOrDefault(venue, VenueHealth.HEALTHY);
        if (!reported.usable()) {
            return reported;
        }
        boolean any = false;
        for (Market m : markets.values()) {
            if (m.instrument.id().venue().equals(venue)) {
                if (!Double.isNaN(m.mid())) {
                    return VenueHealth.HEALTHY;
                }
                any = true;
            }
        }
        return any ? VenueHealth.BOOK_INVALID : VenueHealth.HEALTHY;
    }
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

    /** The engine's state as the pre-trade guards read it. Engine thread. */
    private final class EngineRiskInputs implements RiskInputs {
        @Override
        public Collection<Order> liveOrders() {
            return orders.liveOrders();
        }

        @Override
        public double fairValue(Asset asset) {
            AssetState a = assets.get(asset);
            return a == null ? Double.NaN : Engine.fairValue(a);
        }

        @Override
        public long marketDataNs(InstrumentId instrument) {
            Market m = markets.get(instrument);
            return m == null ? Long.MIN_VALUE : m.lastDataNs;
        }
    }

    /** Per-asset state. Not thread-safe: owned by the engine thread. */
    private static final class AssetState {
        final AssetSettings settings;
        final List<Market> markets = new ArrayList<>();
        final QuoteInputs in = new QuoteInputs();
        final TwoSidedQuote model = new TwoSidedQuote();
        final TwoSidedQuote scratch = new TwoSidedQuote();
        final EwmaVolatility volatility;
        final IntensityEstimator intensity;
        final RebalanceDecider decider;
        final HedgeRouter router;
        final List<HedgeVenue> hedgeVenues = new ArrayList<>();
        RebalanceState rebalanceState = RebalanceState.initial();
        RebalanceDecision lastDecision;
        HedgeExecution hedge;
        /** The hedge size step in base units: the coarsest lot of the asset's markets (see refreshCoarsestLot). */
        double coarsestLot;
        /** The coarsest lot among the markets whose sizes are in base units. */
        double coarsestLinearLot;
        /** Whether a market of the asset is an inverse contract, whose lot in base moves with the price. */
        boolean hasInverse;
        long nextDecisionNs = Long.MIN_VALUE / 2;
        long hedgesDone;
        double hedgedBase;
        double hedgeCostQuote;
        double hedgeNotionalAtDecision;
        boolean dirty;
        long lastQuoteNs = Long.MIN_VALUE / 2;
        double fairValue = Double.NaN;

        AssetState(AssetSettings settings, BrainSettings brain) {
            this.settings = settings;
            this.volatility = new EwmaVolatility(brain.volatility());
            this.intensity = new IntensityEstimator(brain.intensity());
            this.decider = settings.hedges() ? new RebalanceDecider(settings.hedge().rebalance()) : null;
            this.router = new HedgeRouter(new HedgeCostModel(brain.hedgeCost()), brain.router());
        }
    }

    /** What the status shows of an asset's rebalancing: the last decision, the hedge in flight, hedges done. */
    public record RebalanceStatus(RebalanceDecision lastDecision, String hedgeInFlight, long hedgesDone,
                                  double hedgedBase, double hedgeCostQuote, double hedgeCostBps,
                                  double sigmaBpsPerSqrtSec, double intensityA, double intensityKPerBps,
                                  boolean intensityFitted) {
    }

    /** The rebalancing state of one asset, for the status. */
    public RebalanceStatus rebalanceStatus(Asset asset) {
        AssetState a = assets.get(asset);
        if (a == null) {
            return null;
        }
        String inFlight = null;
        if (a.hedge != null) {
            HedgeExecution h = a.hedge;
            inFlight = String.format(java.util.Locale.ROOT, "#%d %s %s of %s %s via %s, %d children, cost so far %s bps",
                    h.id, h.side, fmt(h.filledBase()), fmt(h.targetBase), h.asset, h.schedule.name(), h.children(),
                    fmt(h.costBps()));
        }
        double bps = a.hedgeNotionalAtDecision == 0 ? Double.NaN : a.hedgeCostQuote / a.hedgeNotionalAtDecision * 10_000;
        return new RebalanceStatus(a.lastDecision, inFlight, a.hedgesDone, a.hedgedBase, a.hedgeCostQuote, bps,
                a.volatility.sigmaBpsPerSqrtSec(), a.intensity.intensityA(), a.intensity.intensityKPerBps(),
                a.intensity.isFitted());
    }

    /** A venue's averaged spread (bps) and depth near the touch (base units, bid and ask) for a market. */
    public record Liquidity(double spreadBps, double bidDepthBase, double askDepthBase) {
    }

    /** The averaged liquidity of a market, or null before the first sample. */
    public Liquidity liquidity(InstrumentId instrument) {
        Market m = markets.get(instrument);
        if (m == null || !m.liquidity.hasData()) {
            return null;
        }
        return new Liquidity(m.liquidity.spreadBps(), m.liquidity.bidDepthBase(), m.liquidity.askDepthBase());
    }

    /** The fair value at decision time of the hedge an order belongs to, or {@code fallback} when it is not a hedge child. */
    public double hedgeFairAtDecision(dev.ballast.core.ClientOrderId id, double fallback) {
        HedgeExecution h = hedgeByOrder.get(id);
        return h == null ? fallback : h.fairAtDecision;
    }

    /** The recent decisions of every asset (repeats folded). */
    public DecisionLog decisions() {
        return decisions;
    }
}
