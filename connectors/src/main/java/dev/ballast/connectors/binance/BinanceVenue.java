package dev.ballast.connectors.binance;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.ballast.connectors.Venue;
import dev.ballast.connectors.live.CallResult;
import dev.ballast.connectors.live.GatewayConfig;
import dev.ballast.connectors.live.HealthBoard;
import dev.ballast.connectors.live.OkHttpVenueGateway;
import dev.ballast.connectors.live.OkHttpWebSocketStream;
import dev.ballast.connectors.live.SharedHttp;
import dev.ballast.connectors.live.StreamConfig;
import dev.ballast.connectors.live.StreamListener;
import dev.ballast.connectors.live.VenueGateway;
import dev.ballast.connectors.live.WebSocketStream;
import dev.ballast.core.Asset;
import dev.ballast.core.Balance;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.FeeSchedule;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.OpenOrder;
import dev.ballast.core.OrderReport;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.VenueId;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.book.SequenceRule;
import dev.ballast.core.event.EventSink;
import dev.ballast.core.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live Binance venue, spot or USD-M futures ({@link BinanceVenueConfig#product()}): reference data and account
 * over signed REST, books and public trades from the combined market stream synced with REST snapshots, our order
 * updates and fills from the user-data stream, and order entry through the guarded {@link VenueGateway}.
 *
 * <h2>Parts</h2>
 * <ul>
 *   <li>Reference data: {@code exchangeInfo} read into instruments and rate limits (the limits go to the
 *       {@link BinanceRateBudget} shared with the gateway), fee rates per symbol; both cached in Caffeine for
 *       {@code metadataTtl}, refreshed in the background when that has passed (the old value serves meanwhile and
 *       stays if the refresh fails).</li>
 *   <li>Market data ({@link BinanceMarketData}, {@link BinanceBookFeed}): published in
 *       {@link SequenceRule#SEQUENTIAL} numbering, so the engine's book for this venue uses that rule.</li>
 *   <li>Order entry ({@link BinanceOrderEntry}) and the user-data stream ({@link BinanceUserData}), which meet in
 *       {@link BinanceOrders} so the engine hears each thing once: accepted, each fill by trade id, one end.</li>
 * </ul>
 *
 * <h2>Health</h2>
 * A kit {@link HealthBoard} watches the REST gateway, the market stream, the user-data stream (with keys) and each
 * book, and emits one {@link dev.ballast.core.event.VenueStatus} whenever the venue's health changes (worst part
 * first: banned, breaker open, disconnected, stale, book invalid, rate limited); refreshed on every change seen
 * and every {@code healthCheck}.
 *
 * <h2>Threads</h2>
 * The caller's thread (the engine) only hands work over, except the blocking reads. One order thread per venue runs
 * place, cancel and lookups in order; one background thread runs snapshots, listen-key upkeep, metadata refresh and
 * health checks; each stream has its own I/O thread. Events reach the sink from all of them; events about one
 * order or one book are ordered. Thread-safe.
 */
public final class BinanceVenue implements Venue {
    /** Opens (without starting) one venue WebSocket: the kit's {@link OkHttpWebSocketStream} in production. */
    @FunctionalInterface
    public interface StreamFactory {
        /** @param name the stream's name in logs and thread names ({@code binance-market}, {@code binance-user}) */
        WebSocketStream open(String name, String url, StreamListener listener);
    }

    /** How this venue numbers the book messages it publishes: the engine's book for it must use this rule. */
    public static final SequenceRule PUBLISHED_SEQUENCE_RULE = SequenceRule.SEQUENTIAL;

    private static final Logger LOG = LoggerFactory.getLogger(BinanceVenue.class);
    private static final String EXCHANGE_INFO = "exchangeInfo";

    private final BinanceVenueConfig config;
    private final VenueGateway gateway;
    private final BinanceRateBudget budget;
    private final StreamFactory streams;
    private final Clock clock;
    private final BinanceRest rest;
    private final BinanceMapper mapper;
    private final ExecutorService orderThread;
    private final ScheduledExecutorService background;
    private final LoadingCache<String, BinanceExchangeInfo> metadata;
    private final LoadingCache<String, FeeSchedule> fees;

    private volatile EventSink sink;
    private volatile BinanceMarketData marketData;
    private volatile BinanceUserData userData;
    private volatile BinanceOrderEntry orderEntry;
    private volatile HealthBoard health;
    private volatile boolean closed;

    /**
     * @param gateway the guarded REST client for this venue's API key, built with {@code budget} and a
     *                {@link BinanceReplyClassifier}
     * @param budget  the key's rate budget; learns the real limits when {@code exchangeInfo} is read
     * @param streams opens the market and user-data WebSockets
     * @param clock   epoch time for request timestamps, cache ages and the unknown-order deadline
     */
    public BinanceVenue(BinanceVenueConfig config, VenueGateway gateway, BinanceRateBudget budget,
                        StreamFactory streams, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.streams = Objects.requireNonNull(streams, "streams");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rest = new BinanceRest(config, clock);
        this.mapper = new BinanceMapper(config.venue(), config.product());
        String name = config.venue().name();
        this.orderThread = Executors.newSingleThreadExecutor(daemon(name + "-orders"));
        this.background = Executors.newSingleThreadScheduledExecutor(daemon(name + "-background"));
        long ttlNs = config.metadataTtl().toNanos();
        this.metadata = Caffeine.newBuilder()
                .refreshAfterWrite(ttlNs, TimeUnit.NANOSECONDS)
                .ticker(clock::nowNs)
                .executor(background)
                .build(key -> loadExchangeInfo());
        this.fees = Caffeine.newBuilder()
                .refreshAfterWrite(ttlNs, TimeUnit.NANOSECONDS)
                .ticker(clock::nowNs)
                .executor(background)
                .build(this::loadFees);
    }

    /**
     * Binance as it runs in production, on the process's one OkHttp client ({@link SharedHttp}); REST through
     * the kit's {@link OkHttpVenueGateway} (ban gate, a {@link BinanceRateBudget} at Binance's default limits until
     * {@code exchangeInfo} gives the real ones, circuit breaker, {@code callTimeout}, retries for reads only) with the
     * {@link BinanceReplyClassifier}; the market stream on the kit's reconnecting {@link OkHttpWebSocketStream},
     * stale after {@code streamSilence} and reconnected after three times that; the user-data stream likewise but
     * watched with WebSocket pings every {@code streamSilence} (it is quiet while nothing trades).
     *
     * @param clock epoch time (the bot's system clock; tests a ManualClock)
     */
    public static BinanceVenue create(BinanceVenueConfig config, Clock clock) {
        OkHttpClient http = SharedHttp.client();
        BinanceRateBudget budget = defaultBudget(config.product(), config.budgetHeadroom());
        GatewayConfig gatewayConfig = GatewayConfig.defaults(config.venue().name())
                .withCallTimeout(config.callTimeout());
        VenueGateway gateway = new OkHttpVenueGateway(http, budget, new BinanceReplyClassifier(), gatewayConfig,
                clock::nowNs);
        return new BinanceVenue(config, gateway, budget, streamFactory(http, config, clock), clock);
    }

    /** The kit's streams for this venue: see {@link #create}. */
    static StreamFactory streamFactory(OkHttpClient http, BinanceVenueConfig config, Clock clock) {
        Duration silence = config.streamSilence();
        return (name, url, listener) -> {
            StreamConfig market = StreamConfig.defaults(name).withSilence(silence, silence.multipliedBy(3));
            StreamConfig user = new StreamConfig(name, Duration.ofDays(365), Duration.ZERO, market.backoffMin(),
                    market.backoffMax(), market.watchdogInterval(), silence);
            return new OkHttpWebSocketStream(http, url, listener, name.endsWith("-user") ? user : market,
                    clock::nowNs);
        };
    }

    /** A budget for {@code product} at Binance's default limits until {@code exchangeInfo} is read. */
    public static BinanceRateBudget defaultBudget(BinanceProduct product, double headroom) {
        return new BinanceRateBudget(product.defaultLimits(), headroom);
    }

    @Override
    public VenueId id() {
        return config.venue();
    }

    public BinanceVenueConfig config() {
        return config;
    }

    /**
     * The configured symbols' instruments from {@code exchangeInfo} (cached). Blocking on first use.
     *
     * @throws BinanceCallException if exchangeInfo cannot be had, or lacks a configured symbol
     */
    @Override
    public List<Instrument> instruments() {
        BinanceExchangeInfo info = exchangeInfo();
        List<Instrument> out = new ArrayList<>();
        for (String symbol : config.symbols()) {
            Instrument i = info.instruments().get(symbol);
            if (i == null) {
                throw new BinanceCallException(config.venue() + ": exchangeInfo lists no symbol " + symbol);
            }
            out.add(i);
        }
        return out;
    }

    /**
     * Fee rates of the instrument: the account's (cached); Binance's base tier without keys. Blocking.
     *
     * @throws BinanceCallException if the account cannot be read
     */
    @Override
    public FeeSchedule fees(InstrumentId instrument) {
        if (!config.trading()) {
            return config.product().publicFees();
        }
        return unwrap(() -> fees.get(instrument.symbol()));
    }

    /**
     * Balances: spot free and locked per asset; USD-M the wallet per margin asset (free = available) and, per
     * traded symbol's base asset, the signed position. Empty without keys. Blocking.
     *
     * @throws BinanceCallException if the account cannot be read
     */
    @Override
    public Map<Asset, Balance> balances() {
        if (!config.trading()) {
            return Map.of();
        }
        CallResult result = gateway.call(rest.account());
        if (!(result instanceof CallResult.Success s)) {
            throw failure("account", result);
        }
        return mapper.balances(s.reply().body(), instruments());
    }

    /**
     * Our open orders on the configured symbols. Empty without keys. Blocking.
     *
     * @throws BinanceCallException if they cannot be read
     */
    @Override
    public List<OpenOrder> openOrders() {
        if (!config.trading()) {
            return List.of();
        }
        List<OpenOrder> out = new ArrayList<>();
        for (String symbol : config.symbols()) {
            CallResult result = gateway.call(rest.openOrders(symbol));
            if (!(result instanceof CallResult.Success s)) {
                throw failure("open orders of " + symbol, result);
            }
            out.addAll(mapper.openOrders(s.reply().body()));
        }
        return out;
    }

    /**
     * What the venue says about one order, asked by client id. Blocking, idempotent.
     *
     * @return empty when the venue does not know the order
     * @throws BinanceCallException when the venue gave no answer
     */
    @Override
    public Optional<OrderReport> orderStatus(InstrumentId instrument, ClientOrderId clientOrderId) {
        return requireStarted().orderStatus(instrument, clientOrderId);
    }

    /**
     * Our fills on the instrument after trade {@code afterExclusive} (null: the most recent window), oldest first.
     * Blocking.
     *
     * @throws BinanceCallException when the venue gave no answer
     */
    @Override
    public List<Fill> tradesSince(InstrumentId instrument, TradeId afterExclusive) {
        return requireStarted().tradesSince(instrument, afterExclusive);
    }

    /**
     * Starts the market stream for every configured symbol and, with keys, the user-data stream. Reads
     * {@code exchangeInfo} first if {@link #instruments()} has not (blocking).
     *
     * @throws IllegalStateException if already started or closed
     */
    @Override
    public synchronized void start(EventSink sink) {
        Objects.requireNonNull(sink, "sink");
        if (this.sink != null || closed) {
            throw new IllegalStateException(config.venue() + " was already started" + (closed ? " and closed" : ""));
        }
        List<Instrument> instruments = instruments();
        this.sink = sink;
        HealthBoard board = new HealthBoard(config.venue(), sink, clock::nowNs);
        board.watchGateway(gateway);
        this.health = board;
        BinanceOrders tracker = new BinanceOrders(sink);
        BinanceMarketData md = new BinanceMarketData(config, instruments, gateway, rest, sink, background, clock,
                board);
        this.marketData = md;
        this.orderEntry = new BinanceOrderEntry(config, gateway, rest, mapper, tracker, orderThread, background,
                clock, this::instrumentOrNull, this::touch);
        md.start(streams);
        if (config.trading()) {
            BinanceOrderEntry entry = orderEntry;
            BinanceUserData ud = new BinanceUserData(config, gateway, rest, mapper, tracker, background, streams,
                    this::instrumentOrNull, board::refresh, entry::reconcile);
            this.userData = ud;
            board.watch("stream user-data", ud::health);
            ud.start();
        }
        board.refreshEvery(background, config.healthCheck());
        long ttlNs = config.metadataTtl().toNanos();
        background.scheduleWithFixedDelay(() -> metadata.refresh(EXCHANGE_INFO), ttlNs, ttlNs, TimeUnit.NANOSECONDS);
        board.refresh();
        LOG.info("{}: started ({} {}, {})", config.venue(), config.product(), config.symbols(),
                config.trading() ? "trading" : "public data only");
    }

    @Override
    public void requestSnapshot(InstrumentId instrument) {
        BinanceMarketData md = marketData;
        if (md != null && instrument.venue().equals(config.venue())) {
            md.republish(instrument.symbol());
        }
    }

    @Override
    public void place(OrderRequest request) {
        Objects.requireNonNull(request, "request");
        requireStarted().place(request);
    }

    @Override
    public void cancel(InstrumentId instrument, ClientOrderId clientOrderId) {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        requireStarted().cancel(instrument, clientOrderId);
    }

    /** Cancels every open order on each configured symbol ({@code DELETE openOrders} / {@code allOpenOrders}). */
    @Override
    public void cancelAll() {
        requireStarted().cancelAll(config.symbols());
    }

    /**
     * Polls every part of the venue's health now (a timer does it every {@code healthCheck}) and emits a status on
     * change: the worst of the REST gateway, the market stream, the user-data stream and the books, in
     * {@link HealthBoard#SEVERITY} order. DISCONNECTED before {@link #start}.
     */
    public VenueHealth checkHealth() {
        HealthBoard h = health;
        return h == null ? VenueHealth.DISCONNECTED : h.refresh();
    }

    /** Malformed messages skipped so far, market and user-data streams together. */
    public long malformedMessages() {
        BinanceMarketData md = marketData;
        BinanceUserData ud = userData;
        return (md == null ? 0 : md.malformed()) + (ud == null ? 0 : ud.malformed());
    }

    @Override
    public void close() {
        closed = true;
        BinanceMarketData md = marketData;
        if (md != null) {
            md.close();
        }
        BinanceUserData ud = userData;
        if (ud != null) {
            ud.close();
        }
        orderThread.shutdownNow();
        background.shutdownNow();
    }

    // ------------------------------------------------------------------------------------------------ for tests

    /** The venue's own synced book of a symbol, read under its feed's lock. */
    <T> T withBook(String symbol, Function<OrderBook, T> reader) {
        return marketData.feed(symbol).withBook(reader);
    }

    BinanceBookFeed feed(String symbol) {
        return marketData.feed(symbol);
    }

    long listenKeysObtained() {
        BinanceUserData ud = userData;
        return ud == null ? 0 : ud.keysObtained();
    }

    BinanceRateBudget budget() {
        return budget;
    }

    // ------------------------------------------------------------------------------------------------ internals

    private BinanceExchangeInfo exchangeInfo() {
        return unwrap(() -> metadata.get(EXCHANGE_INFO));
    }

    private BinanceExchangeInfo loadExchangeInfo() {
        CallResult result = gateway.call(rest.exchangeInfo());
        if (!(result instanceof CallResult.Success s)) {
            throw failure("exchangeInfo", result);
        }
        BinanceExchangeInfo info = mapper.exchangeInfo(s.reply().body());
        if (!info.rateLimits().isEmpty()) {
            budget.apply(info.rateLimits(), clock.nowNs());
        }
        for (String symbol : config.symbols()) {
            String status = info.status().get(symbol);
            if (status != null && !"TRADING".equals(status)) {
                LOG.warn("{}: {} is {} on Binance, not TRADING", config.venue(), symbol, status);
            }
        }
        LOG.info("{}: exchangeInfo read: {} symbols, limits {}", config.venue(), info.instruments().size(),
                info.rateLimits());
        return info;
    }

    private FeeSchedule loadFees(String symbol) {
        CallResult result = gateway.call(rest.commission(symbol));
        if (!(result instanceof CallResult.Success s)) {
            throw failure("fee rates of " + symbol, result);
        }
        return mapper.fees(s.reply().body());
    }

    private Instrument instrumentOrNull(String symbol) {
        BinanceExchangeInfo info = metadata.getIfPresent(EXCHANGE_INFO);
        if (info == null) {
            try {
                info = exchangeInfo();
            } catch (BinanceCallException e) {
                return null;
            }
        }
        return info.instruments().get(symbol);
    }

    /** Best bid and ask ticks of a synced book, or null. */
    private long[] touch(InstrumentId instrument) {
        BinanceMarketData md = marketData;
        BinanceBookFeed feed = md == null ? null : md.feed(instrument.symbol());
        if (feed == null || !feed.isValid()) {
            return null;
        }
        return feed.withBook(b -> b.bestBidTicks() == OrderBook.NO_PRICE || b.bestAskTicks() == OrderBook.NO_PRICE
                ? null : new long[] {b.bestBidTicks(), b.bestAskTicks()});
    }

    private BinanceOrderEntry requireStarted() {
        BinanceOrderEntry e = orderEntry;
        if (e == null) {
            throw new IllegalStateException(config.venue() + " is not started");
        }
        return e;
    }

    private BinanceCallException failure(String what, CallResult result) {
        return new BinanceCallException(config.venue() + ": " + what + ": "
                + BinanceOrderEntry.describe(result, config.credentials()));
    }

    /** A cache read, with the loader's own exception rather than Caffeine's wrapper. */
    private static <T> T unwrap(Supplier<T> read) {
        try {
            return read.get();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
