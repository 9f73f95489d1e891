package dev.ballast.bot.run;

import dev.ballast.bot.config.AssetConfig;
import dev.ballast.bot.config.BallastConfig;
import dev.ballast.bot.config.MarketConfig;
import dev.ballast.bot.config.RemoteSimVenueConfig;
import dev.ballast.bot.config.SimAssetConfig;
import dev.ballast.bot.config.VenueConfig;
import dev.ballast.bot.engine.AssetSettings;
import dev.ballast.bot.engine.BrainSettings;
import dev.ballast.bot.engine.HedgeSettings;
import dev.ballast.bot.engine.Engine;
import dev.ballast.bot.engine.EngineSettings;
import dev.ballast.bot.engine.OrderManager;
import dev.ballast.bot.inventory.InventoryAggregator;
import dev.ballast.bot.inventory.InventoryTarget;
import dev.ballast.bot.journal.Journal;
import dev.ballast.bot.journal.JournalState;
import dev.ballast.bot.recovery.Recovery;
import dev.ballast.bot.recovery.ReconciliationSettings;
import dev.ballast.connectors.Venue;
import dev.ballast.connectors.remote.RemoteVenue;
import dev.ballast.connectors.remote.RemoteVenueConfig;
import dev.ballast.connectors.sim.SimulatedAssetSpec;
import dev.ballast.connectors.sim.SimulatedMarket;
import dev.ballast.connectors.sim.SimulatedMarketConfig;
import dev.ballast.connectors.sim.SimulatedMarketSpec;
import dev.ballast.connectors.sim.SimulatedVenue;
import dev.ballast.connectors.sim.SimulatedVenueConfig;
import dev.ballast.core.Asset;
import dev.ballast.core.ClientOrderIdGenerator;
import dev.ballast.core.Instrument;
import dev.ballast.core.VenueId;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.book.SequenceRule;
import dev.ballast.core.event.Event;
import dev.ballast.core.inbox.Inbox;
import dev.ballast.core.time.Clock;
import dev.ballast.strategies.quoting.QuoteModels;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A paper-trading bot assembled from config: the simulated market with its in-process venues, the venues of a
 * simulated exchange in another process ({@code type: remote-sim}, reached over HTTP), and the engine with its inbox,
 * order manager, inventory and quote models, journaling to a journal with its recovery. Assembly only; who drives
 * {@link SimulatedMarket#doWork()} and {@link Engine#doWork()} — two threads with the system clock, or a test loop
 * with a manual clock — is the caller's choice, and so is starting: {@code recovery().start(engine())} on the engine
 * thread (or {@code engine().start()} without a journal).
 *
 * <p>The in-process simulated venues live in this process and die with it, so in paper mode they start from the
 * journal's balances when it has any (the config's {@code balances} seed the first run only): a restarted paper bot
 * continues where the last one stopped. Orders that were open when the process died died with the old simulated
 * venues, and recovery settles them as such. A remote-sim venue's exchange outlives the bot: its balances, resting
 * orders and fills are the exchange's, and recovery reconciles with them as with a live exchange's. Its instruments
 * are read from its server here (blocking), and checked against the config.
 */
public final class PaperTrading implements AutoCloseable {
    /** Client order ids start with this; the session stamp after it keeps restarts apart. */
    public static final String CLIENT_ID_PREFIX = "bl";

    private final SimulatedMarket market;
    private final Engine engine;
    private final Map<VenueId, SimulatedVenue> venues;
    private final Map<VenueId, RemoteVenue> remoteVenues;
    private final Journal journal;
    private final Recovery recovery;
    private final ReconciliationSettings reconciliation;

    private PaperTrading(SimulatedMarket market, Engine engine, Map<VenueId, SimulatedVenue> venues,
                         Map<VenueId, RemoteVenue> remoteVenues, Journal journal, Recovery recovery,
                         ReconciliationSettings reconciliation) {
        this.market = market;
        this.engine = engine;
        this.venues = venues;
        this.remoteVenues = remoteVenues;
        this.journal = journal;
        this.recovery = recovery;
        this.reconciliation = reconciliation;
    }

    /** Builds everything from a validated config, with no journal (tests, demos); nothing runs yet. */
    public static PaperTrading assemble(BallastConfig config, Clock clock) {
        return assemble(config, clock, Journal.none());
    }

    /**
     * Builds everything from a validated config, journaling to {@code journal} (open; closed by whoever runs the
     * bot); nothing runs yet. Reads the journal's balances for the in-process simulated venues and begins a session.
     *
     * @throws java.io.UncheckedIOException when a remote-sim venue's server cannot be reached
     * @throws IllegalStateException        when a remote-sim server does not list a configured market, or lists it
     *                                      with other assets; the remote venues made so far are closed
     */
    public static PaperTrading assemble(BallastConfig config, Clock clock, Journal journal) {
        JournalState recovered = journal.state();
        SimulatedMarket market = config.venues().isEmpty() ? null
                : new SimulatedMarket(simulatedMarketConfig(config), clock);
        Map<VenueId, SimulatedVenue> simVenues = new LinkedHashMap<>();
        Map<VenueId, RemoteVenue> remoteVenues = new LinkedHashMap<>();
        Map<VenueId, Venue> venues = new LinkedHashMap<>();
        List<Instrument> instruments = new ArrayList<>();
        for (VenueConfig vc : config.venues().values()) {
            Map<Asset, BigDecimal> balances = recovered.knowsPositionsOf(vc.id())
                    ? recovered.positions().get(vc.id()) : vc.balances();
            SimulatedVenue v = market.addVenue(simulatedVenueConfig(vc, balances));
            instruments.addAll(vc.instruments());
            simVenues.put(vc.id(), v);
            venues.put(vc.id(), v);
        }
        try {
            for (RemoteSimVenueConfig rc : config.remoteVenues().values()) {
                RemoteVenue v = new RemoteVenue(RemoteVenueConfig.of(rc.id(), rc.url()), clock);
                remoteVenues.put(rc.id(), v);
                venues.put(rc.id(), v);
                instruments.addAll(LiveTrading.configured(rc.id(), rc.type(), rc.markets().values(),
                        v.instruments()));
            }
        } catch (RuntimeException e) {
            remoteVenues.values().forEach(RemoteVenue::close);
            throw e;
        }

        Engine engine = engine(config, clock, venues, instruments, journal);
        ReconciliationSettings reconciliation = reconciliation(config);
        return new PaperTrading(market, engine, simVenues, remoteVenues, journal,
                new Recovery(journal, venues, reconciliation, clock), reconciliation);
    }

    /** The shared simulated market of the config's {@code simulation} section. */
    public static SimulatedMarketConfig simulatedMarketConfig(BallastConfig config) {
        if (config.simulation() == null) {
            throw new IllegalArgumentException("the config has no simulation section");
        }
        Map<Asset, SimulatedAssetSpec> simAssets = new LinkedHashMap<>();
        for (Map.Entry<Asset, SimAssetConfig> e : config.simulation().assets().entrySet()) {
            simAssets.put(e.getKey(), new SimulatedAssetSpec(e.getValue().startPrice().doubleValue(),
                    e.getValue().volatilityBpsPerSqrtSec()));
        }
        return new SimulatedMarketConfig(config.simulation().seed(), config.simulation().stepMs(),
                config.quoteCurrency(), simAssets);
    }

    /**
     * One simulated venue of the config, with its markets' simulated books and takers, holding {@code balances} at
     * the start (the config's own, or what a journal recorded).
     */
    public static SimulatedVenueConfig simulatedVenueConfig(VenueConfig vc, Map<Asset, BigDecimal> balances) {
        List<SimulatedMarketSpec> specs = new ArrayList<>();
        for (MarketConfig mc : vc.markets().values()) {
            specs.add(new SimulatedMarketSpec(mc.instrument(vc.id()), mc.bookSpreadBps(), mc.bookLevels(),
                    mc.levelSize(), mc.takerRatePerSec(), mc.takerMeanSize()));
        }
        return new SimulatedVenueConfig(vc.id(), vc.latencyMs(), vc.makerFeeBps(), vc.takerFeeBps(),
                vc.dislocationBps(), balances, specs);
    }

    /**
     * The engine with its inbox, order manager, inventory and quote models, over {@code venues} trading
     * {@code instruments}, journaling to {@code journal} (its session stamp makes the client order ids): the same
     * in paper, paper-live and live mode.
     */
    public static Engine engine(BallastConfig config, Clock clock, Map<VenueId, Venue> venues,
                                List<Instrument> instruments, Journal journal) {
        Map<Asset, InventoryTarget> targets = new LinkedHashMap<>();
        Map<Asset, AssetSettings> settings = new LinkedHashMap<>();
        for (Map.Entry<Asset, AssetConfig> e : config.assets().entrySet()) {
            AssetConfig ac = e.getValue();
            targets.put(e.getKey(), new InventoryTarget(ac.target(), ac.band(), ac.maxPosition()));
            HedgeSettings hedge = ac.hedge().enabled()
                    ? new HedgeSettings(ac.rebalanceParams(), ac.hedge().execution()::schedule)
                    : null;
            settings.put(e.getKey(), new AssetSettings(e.getKey(),
                    QuoteModels.create(ac.model().configName(), ac.quoteModelParams()),
                    ac.maxPosition().doubleValue(), hedge));
        }
        InventoryAggregator inventory = new InventoryAggregator(config.quoteCurrency(), targets);
        for (Instrument i : instruments) {
            inventory.requireSupported(i);
        }
        long session = journal.beginSession(clock.nowMs(), clock.nowNs());
        OrderManager orders = new OrderManager(clock, new ClientOrderIdGenerator(CLIENT_ID_PREFIX, session), venues);
        var ec = config.engine();
        EngineSettings engineSettings = new EngineSettings(Duration.ofMillis(ec.requoteIntervalMs()).toNanos(),
                ec.requoteToleranceBps(), Duration.ofMillis(ec.statusIntervalMs()).toNanos(), 4096);
        Inbox<Event> inbox = new Inbox<>(ec.inboxCapacity());
        Engine engine = new Engine(clock, inbox, venues, orders, inventory, instruments, settings, engineSettings,
                brain(config), i -> new OrderBook(i, SequenceRule.SEQUENTIAL));
        engine.riskLimits(config.risk().limits());
        engine.journal(journal, Duration.ofSeconds(config.journal().snapshotIntervalSec()).toNanos());
        return engine;
    }

    /** Reconciliation's settings from the config's {@code reconciliation}, for our client order ids. */
    public static ReconciliationSettings reconciliation(BallastConfig config) {
        var rc = config.reconciliation();
        return new ReconciliationSettings(Duration.ofSeconds(rc.intervalSec()).toNanos(), rc.tolerance(),
                rc.cancelUnknownOrders(), CLIENT_ID_PREFIX);
    }

    /** The estimators', cost model's and router's settings from the config's {@code estimators} and {@code hedging}. */
    public static BrainSettings brain(BallastConfig config) {
        var hedging = config.hedging();
        return new BrainSettings(config.estimators().ewmaVolatility(), config.estimators().intensityEstimator(),
                config.estimators().venueLiquidityStats(), hedging.costParams(), hedging.routerParams(), hedging.decisionIntervalNs(), hedging.limitSlackBps(),
                hedging.basisHalfLifeSec());
    }

    /** The in-process simulated market; null when every venue is remote. */
    public SimulatedMarket market() {
        return market;
    }

    public Engine engine() {
        return engine;
    }

    public Map<VenueId, SimulatedVenue> venues() {
        return venues;
    }

    /** The venues of simulated exchanges in other processes. */
    public Map<VenueId, RemoteVenue> remoteVenues() {
        return remoteVenues;
    }

    public Journal journal() {
        return journal;
    }

    /** The start: recovery from the journal and reconciliation with the venues, then the engine's start. */
    public Recovery recovery() {
        return recovery;
    }

    public ReconciliationSettings reconciliationSettings() {
        return reconciliation;
    }

    /** Stops the remote venues' streams and threads (after the engine has cancelled our orders). */
    @Override
    public void close() {
        remoteVenues.values().forEach(RemoteVenue::close);
    }
}
