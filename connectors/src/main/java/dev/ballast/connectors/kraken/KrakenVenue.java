package dev.ballast.connectors.kraken;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.ballast.connectors.Venue;
import dev.ballast.connectors.live.CallResult;
import dev.ballast.connectors.live.DecayingCounterBudget;
import dev.ballast.connectors.live.GatewayConfig;
import dev.ballast.connectors.live.HealthBoard;
import dev.ballast.connectors.live.OkHttpVenueGateway;
import dev.ballast.connectors.live.OkHttpWebSocketStream;
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
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.VenueId;
import dev.ballast.core.event.CancelRejected;
import dev.ballast.core.event.EventSink;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.RejectReason;
import dev.ballast.core.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kraken spot, live: reference data and account over REST, books and trades over the public WebSocket (v1,
 * checksummed books), our orders and fills over the private WebSocket, order entry over REST. Every REST call goes
 * through the given {@link VenueGateway} (ban gate, {@link KrakenRateBudget}, breaker, timeout); see
 * {@code docs/venues/kraken.md} for the endpoints, rules and limits.
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>{@code kraken-orders} (one thread): AddOrder, CancelOrder, CancelAll, in the order the engine asked.
 *       {@link #place}, {@link #cancel} and {@link #cancelAll} only enqueue.</li>
 *   <li>{@code kraken-account} (one scheduled thread): WebSocket tokens, lookups of orders whose fate is unknown
 *       (with backoff, never by resending), trade-history catch-ups, the health watchdog, metadata refresh.</li>
 *   <li>the public and private stream threads (the {@link WebSocketStream}s'): parse, verify, emit.</li>
 *   <li>the caller's thread for the blocking calls ({@link #instruments}, {@link #balances}, {@link #orderStatus},
 *       ...): never the engine thread during trading.</li>
 * </ul>
 * Order events for one order are made in one place ({@link KrakenOrders}), so they reach the sink in order
 * whichever thread learnt of them. Fills come from the private stream, deduplicated by trade id; trade history
 * only fills the gaps (a reconnect, a sequence jump, an order that ended with fills not yet seen).
 *
 * <h2>An order whose fate is unknown</h2>
 * When AddOrder times out, the connection drops after sending, or Kraken answers with a failure that does not
 * prove the order absent, the order is looked up by its client order id ({@code cl_ord_id}: OpenOrders, then
 * ClosedOrders) until Kraken answers; found, it is accepted (and its fills and end reported); not found
 * {@code notFoundConfirmations} times in a row, it is rejected as never placed. It is never sent again.
 *
 * <p>With no credentials (paper-live) only public data flows: account calls return nothing and orders are
 * refused locally with VENUE_UNAVAILABLE.
 */
public final class KrakenVenue implements Venue {
    private static final Logger LOG = LoggerFactory.getLogger(KrakenVenue.class);
    private static final String PAIRS_KEY = "AssetPairs";
    private static final int MAX_HISTORY_PAGES = 20;

    /** Opens (without starting) one WebSocket stream: the kit's {@code OkHttpWebSocketStream} in production. */
    @FunctionalInterface
    public interface StreamFactory {
        WebSocketStream open(String name, String url, StreamListener listener);
    }

    private final KrakenVenueConfig config;
    private final OkHttpClient ownedHttp;
    private final VenueGateway gateway;
    private final StreamFactory streams;
    private final Clock clock;
    private final KrakenRestClient rest;
    private final ExecutorService orderThread;
    private final ScheduledExecutorService accountThread;
    private final LoadingCache<String, KrakenPairs> metadata;
    private final LoadingCache<InstrumentId, FeeSchedule> fees;
    private final AtomicBoolean catchUpScheduled = new AtomicBoolean();

    private volatile KrakenPairs lastPairs;
    private volatile EventSink sink;
    private volatile HealthBoard health;
    private volatile KrakenOrders orders;
    private volatile KrakenPublicStream publicListener;
    private volatile KrakenPrivateStream privateListener;
    private volatile WebSocketStream publicStream;
    private volatile WebSocketStream privateStream;

    /**
     * Kraken as it runs in production: one OkHttp client for the venue's REST calls and both streams, REST through
     * the kit's {@link OkHttpVenueGateway} (ban gate, {@link KrakenRateBudget} of the configured tier on the kit's
     * {@link DecayingCounterBudget}s, circuit breaker, {@code callTimeout}, retries for public reads),
     * {@link KrakenReplyClassifier}, and the kit's reconnecting {@link OkHttpWebSocketStream}s, stale after
     * {@code streamSilence} and reconnected after three times that.
     *
     * @param clock epoch time (the bot's system clock; tests a ManualClock)
     */
    public static KrakenVenue create(KrakenVenueConfig config, Clock clock) {
        OkHttpClient http = new OkHttpClient.Builder().build();
        KrakenRateBudget budget = new KrakenRateBudget(config.tier(), DecayingCounterBudget::new);
        GatewayConfig gatewayConfig = GatewayConfig.defaults(config.venue().name())
                .withCallTimeout(config.callTimeout());
        VenueGateway gateway = new OkHttpVenueGateway(http, budget, new KrakenReplyClassifier(), gatewayConfig,
                clock::nowNs);
        StreamFactory streams = (name, url, listener) -> new OkHttpWebSocketStream(http, url, listener,
                StreamConfig.defaults(name).withSilence(config.streamSilence(), config.streamSilence().multipliedBy(3)),
                clock::nowNs);
        return new KrakenVenue(config, gateway, streams, clock, http);
    }

    /**
     * @param gateway the guarded REST path of this venue, built with a {@link KrakenReplyClassifier} and a
     *                {@link KrakenRateBudget} for the key
     * @param streams opens the public and private WebSocket streams
     * @param clock   epoch time: nonces, event times, order ages, the metadata cache's ticker
     */
    public KrakenVenue(KrakenVenueConfig config, VenueGateway gateway, StreamFactory streams, Clock clock) {
        this(config, gateway, streams, clock, null);
    }

    private KrakenVenue(KrakenVenueConfig config, VenueGateway gateway, StreamFactory streams, Clock clock,
                        OkHttpClient ownedHttp) {
        this.config = Objects.requireNonNull(config, "config");
        this.ownedHttp = ownedHttp;
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.streams = Objects.requireNonNull(streams, "streams");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rest = new KrakenRestClient(config.restUrl(), gateway, config.credentials(), clock::nowNs,
                config.readAttempts(), config.serializePrivateCalls());
        this.orderThread = Executors.newSingleThreadExecutor(daemon(config.venue() + "-orders"));
        this.accountThread = Executors.newSingleThreadScheduledExecutor(daemon(config.venue() + "-account"));
        this.metadata = Caffeine.newBuilder()
                .ticker(clock::nowNs)
                .refreshAfterWrite(config.metadataRefresh())
                .expireAfterWrite(config.metadataTtl())
                .executor(accountThread)
                .build(key -> {
                    KrakenPairs loaded = KrakenMapper.assetPairs(rest.publicRead(KrakenEndpoints.ASSET_PAIRS, ""),
                            config.venue());
                    lastPairs = loaded;
                    return loaded;
                });
        this.fees = Caffeine.newBuilder()
                .ticker(clock::nowNs)
                .refreshAfterWrite(config.metadataRefresh())
                .expireAfterWrite(config.metadataTtl())
                .executor(accountThread)
                .build(this::loadFees);
    }

    @Override
    public VenueId id() {
        return config.venue();
    }

    public KrakenVenueConfig config() {
        return config;
    }

    // ------------------------------------------------------------------ reference data and account (blocking)

    /** @throws KrakenCallException when the pairs cannot be fetched; IllegalArgumentException for an unknown symbol */
    @Override
    public List<Instrument> instruments() {
        return pairs().require(config.symbols()).stream().map(KrakenPair::instrument).toList();
    }

    /** The pair behind one of our instruments (its minimum order size, trading status). */
    public Optional<KrakenPair> pair(InstrumentId instrument) {
        return pairs().byId(instrument);
    }

    /** The account's rates (TradeVolume), or the pair's listed first-tier rates without credentials. */
    @Override
    public FeeSchedule fees(InstrumentId instrument) {
        return fees.get(instrument);
    }

    @Override
    public Map<Asset, Balance> balances() {
        if (!rest.hasCredentials()) {
            return Map.of();
        }
        return KrakenMapper.balances(rest.privateRead(KrakenEndpoints.BALANCE, Map.of()));
    }

    /**
     * Our open orders on Kraken. An order without a {@code cl_ord_id} (placed by hand) is shown with its txid as
     * client order id, and can be cancelled by it. Every order listed is tracked from now on: its later events
     * reach the sink.
     */
    @Override
    public List<OpenOrder> openOrders() {
        if (!rest.hasCredentials()) {
            return List.of();
        }
        List<OpenOrder> out = new ArrayList<>();
        KrakenOrders tracker = orders;
        for (KrakenOrder o : KrakenMapper.orders(rest.privateRead(KrakenEndpoints.OPEN_ORDERS, Map.of()),
                pairs())) {
            OpenOrder open = o.toOpenOrder(clientIdOf(o));
            out.add(open);
            if (tracker != null) {
                tracker.adopt(open, o.pair(), clock.nowNs());
            }
        }
        return out;
    }

    /**
     * What Kraken says about one of our orders, found by client order id (by txid once known): open orders first,
     * then closed ones. Blocking and idempotent.
     *
     * @return empty when Kraken has no such order
     * @throws KrakenCallException when Kraken could not be asked
     */
    public Optional<OrderReport> orderStatus(InstrumentId instrument, ClientOrderId clientOrderId) {
        requireTrading("orderStatus");
        return lookup(clientOrderId).map(o -> o.toReport(clientOrderId));
    }

    /**
     * Our fills on {@code instrument} after the trade {@code afterExclusive} (null: Kraken's most recent page),
     * oldest first, from trade history. Blocking.
     *
     * @throws KrakenCallException when Kraken could not be asked
     */
    public List<Fill> tradesSince(InstrumentId instrument, TradeId afterExclusive) {
        requireTrading("tradesSince");
        List<Fill> out = new ArrayList<>();
        for (KrakenTrade t : history(afterExclusive == null ? null : afterExclusive.value())) {
            if (t.pair().id().equals(instrument)) {
                out.add(t.toFill(clientIdOf(t), postOnly(t)));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ streams

    @Override
    public void start(EventSink eventSink) {
        if (sink != null) {
            throw new IllegalStateException(config.venue() + " already started");
        }
        this.sink = Objects.requireNonNull(eventSink, "sink");
        this.health = new HealthBoard(config.venue(), eventSink, clock::nowNs);
        this.orders = new KrakenOrders(eventSink);
        List<KrakenPair> traded = pairs().require(config.symbols());
        health.watchGateway(gateway);
        publicListener = new KrakenPublicStream(traded, config.bookDepth(), eventSink, health);
        publicStream = streams.open(config.venue() + "-public", config.publicWsUrl(), publicListener);
        health.watchStream("public", publicStream);
        if (rest.hasCredentials()) {
            privateListener = new KrakenPrivateStream(this::knownPairs, orders, new StreamAccount(),
                    this::checkHealthQuietly, rest::redact);
            privateStream = streams.open(config.venue() + "-private", config.privateWsUrl(), privateListener);
            health.watch("stream private",
                    () -> worse(privateStream.health(), privateListener.subscriptionHealth()));
        }
        publicStream.start();
        if (privateStream != null) {
            privateStream.start();
        }
        health.refreshEvery(accountThread, Duration.ofMillis(Math.max(50, config.streamSilence().toMillis() / 4)));
    }

    @Override
    public void requestSnapshot(InstrumentId instrument) {
        KrakenPublicStream listener = publicListener;
        if (listener != null) {
            listener.requestResync(instrument.symbol(), "snapshot requested");
        }
    }

    /** Polls every part of the venue's health now (a timer does it periodically); emits a status on change. */
    public VenueHealth checkHealth() {
        HealthBoard h = health;
        return h == null ? VenueHealth.DISCONNECTED : h.refresh();
    }

    /** What the public stream has counted: checksums verified and failed, resyncs, malformed messages. */
    public KrakenStreamCounters streamCounters() {
        KrakenPublicStream listener = publicListener;
        return listener == null ? new KrakenStreamCounters(0, 0, 0, 0) : listener.counters();
    }

    // ------------------------------------------------------------------ order entry (asynchronous)

    @Override
    public void place(OrderRequest request) {
        EventSink out = requireStarted();
        long now = clock.nowNs();
        if (!rest.hasCredentials()) {
            out.offer(new OrderRejected(request.instrument(), request.clientOrderId(), RejectReason.VENUE_UNAVAILABLE,
                    "kraken: public data only (no credentials)", now));
            return;
        }
        Optional<KrakenPair> pair = knownPairs().byId(request.instrument());
        LocalReject problem = pair.isEmpty()
                ? new LocalReject(RejectReason.INVALID_ORDER, "unknown instrument " + request.instrument())
                : checkBeforeSending(request, pair.get());
        if (problem == null) {
            problem = orders.register(request, pair.get(), now)
                    .map(why -> new LocalReject(RejectReason.INVALID_ORDER, why)).orElse(null);
        }
        if (problem != null) {
            out.offer(new OrderRejected(request.instrument(), request.clientOrderId(), problem.reason(),
                    problem.message(), now));
            return;
        }
        submit(orderThread, () -> sendOrder(request, pair.get()), () -> orders.rejected(request.clientOrderId(),
                RejectReason.VENUE_UNAVAILABLE, "venue closed", clock.nowNs()));
    }

    @Override
    public void cancel(InstrumentId instrument, ClientOrderId clientOrderId) {
        EventSink out = requireStarted();
        if (!rest.hasCredentials()) {
            out.offer(new CancelRejected(instrument, clientOrderId, RejectReason.VENUE_UNAVAILABLE,
                    "kraken: public data only (no credentials)", clock.nowNs()));
            return;
        }
        orders.cancelRequested(clientOrderId);
        submit(orderThread, () -> sendCancel(instrument, clientOrderId), () -> { });
    }

    @Override
    public void cancelAll() {
        requireStarted();
        if (rest.hasCredentials()) {
            submit(orderThread, this::sendCancelAll, () -> { });
        }
    }

    @Override
    public void close() {
        orderThread.shutdownNow();
        accountThread.shutdownNow();
        if (publicStream != null) {
            publicStream.close();
        }
        if (privateStream != null) {
            privateStream.close();
        }
        if (ownedHttp != null) {
            ownedHttp.dispatcher().executorService().shutdown();
            ownedHttp.connectionPool().evictAll();
        }
    }

    // ------------------------------------------------------------------ order thread

    /** Why an order is refused before it is sent. */
    private record LocalReject(RejectReason reason, String message) {
    }

    /** Null when the order may be sent; otherwise why not. */
    private static LocalReject checkBeforeSending(OrderRequest r, KrakenPair pair) {
        Instrument i = pair.instrument();
        if (!pair.acceptsNewOrders()) {
            return new LocalReject(RejectReason.VENUE_UNAVAILABLE,
                    pair.wsName() + " accepts no new orders (status " + pair.status() + ")");
        }
        if (r.type() != OrderType.MARKET && r.price().remainder(i.tickSize()).signum() != 0) {
            return new LocalReject(RejectReason.INVALID_ORDER,
                    "price " + r.price().toPlainString() + " is not a multiple of the tick " + i.tickSize());
        }
        if (r.size().remainder(i.lotSize()).signum() != 0) {
            return new LocalReject(RejectReason.INVALID_ORDER,
                    "size " + r.size().toPlainString() + " is not a multiple of the lot " + i.lotSize());
        }
        if (r.size().compareTo(pair.orderMin()) < 0) {
            return new LocalReject(RejectReason.MIN_NOTIONAL,
                    "below Kraken's minimum order size " + pair.orderMin().toPlainString() + " " + i.base());
        }
        if (r.type() != OrderType.MARKET && !i.meetsMinNotional(r.price(), r.size())) {
            return new LocalReject(RejectReason.MIN_NOTIONAL,
                    "below the minimum notional " + i.minNotional().toPlainString() + " " + i.quote());
        }
        return null;
    }

    private void sendOrder(OrderRequest r, KrakenPair pair) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ordertype", r.type() == OrderType.MARKET ? "market" : "limit");
        params.put("type", r.side() == Side.BUY ? "buy" : "sell");
        params.put("volume", r.size().stripTrailingZeros().toPlainString());
        params.put("pair", pair.restKey());
        if (r.type() != OrderType.MARKET) {
            params.put("price", r.price().stripTrailingZeros().toPlainString());
        }
        if (r.type() == OrderType.LIMIT_POST_ONLY) {
            params.put("oflags", "post");
        } else if (r.type() == OrderType.LIMIT_IOC) {
            params.put("timeinforce", "IOC");
        }
        params.put("cl_ord_id", r.clientOrderId().value());
        CallResult result = rest.privateCall(KrakenEndpoints.addOrder(pair.wsName()), params);
        long now = clock.nowNs();
        if (result instanceof CallResult.Success s) {
            try {
                orders.accepted(r.clientOrderId(), KrakenMapper.addOrderTxid(KrakenMapper.result(s.reply().body())),
                        now);
            } catch (MalformedKrakenMessageException e) {
                resolveLater(r.clientOrderId(), Purpose.PLACE, 0, 0);
            }
        } else if (result instanceof CallResult.Rejected rej) {
            orders.rejected(r.clientOrderId(), KrakenReplyClassifier.reason(rej.code()), rest.redact(rej.code()), now);
        } else if (result instanceof CallResult.NotDone n && certainlyNotSent(n)) {
            orders.rejected(r.clientOrderId(), notDoneReason(n), "not sent: " + n.failure() + " "
                    + rest.redact(n.detail()), now);
        } else {
            LOG.warn("kraken: AddOrder {} outcome unknown ({}); looking it up by client order id", r.clientOrderId(),
                    describe(result));
            resolveLater(r.clientOrderId(), Purpose.PLACE, 0, 0);
        }
    }

    private void sendCancel(InstrumentId instrument, ClientOrderId id) {
        Optional<KrakenOrders.Tracked> tracked = orders.get(id);
        Map<String, String> params = new LinkedHashMap<>();
        String txid = tracked.map(t -> t.txid).orElse(null);
        boolean byTxid = tracked.isPresent() && tracked.get().request == null && id.value().equals(txid);
        params.put(byTxid ? "txid" : "cl_ord_id", id.value());
        long ageNs = tracked.map(t -> clock.nowNs() - t.placedNs).orElse(0L);
        CallResult result = rest.privateCall(KrakenEndpoints.cancelOrder(instrument.symbol(), ageNs), params);
        long now = clock.nowNs();
        if (result instanceof CallResult.Success) {
            resolveLater(id, Purpose.CANCEL_SENT, 0, 0, settleDelay());
        } else if (result instanceof CallResult.Rejected rej) {
            sink.offer(new CancelRejected(instrument, id, KrakenReplyClassifier.reason(rej.code()),
                    rest.redact(rej.code()), now));
        } else if (result instanceof CallResult.NotDone n && certainlyNotSent(n)) {
            sink.offer(new CancelRejected(instrument, id, notDoneReason(n), "not sent: " + n.failure(), now));
        } else {
            LOG.warn("kraken: CancelOrder {} outcome unknown ({}); looking the order up", id, describe(result));
            resolveLater(id, Purpose.CANCEL_UNKNOWN, 0, 0);
        }
    }

    private void sendCancelAll() {
        List<KrakenOrders.Tracked> live = orders.live();
        CallResult result = rest.privateCall(KrakenEndpoints.CANCEL_ALL, Map.of());
        long now = clock.nowNs();
        for (KrakenOrders.Tracked t : live) {
            if (result instanceof CallResult.Success) {
                resolveLater(t.id, Purpose.CANCEL_SENT, 0, 0, settleDelay());
            } else if (result instanceof CallResult.Unknown || result instanceof CallResult.NotDone n
                    && !certainlyNotSent(n)) {
                resolveLater(t.id, Purpose.CANCEL_UNKNOWN, 0, 0);
            } else {
                String why = result instanceof CallResult.Rejected rej ? rest.redact(rej.code()) : describe(result);
                RejectReason reason = result instanceof CallResult.NotDone n ? notDoneReason(n)
                        : RejectReason.OTHER;
                sink.offer(new CancelRejected(t.pair.id(), t.id, reason, "CancelAll failed: " + why, now));
            }
        }
    }

    // ------------------------------------------------------------------ account thread: lookups and catch-ups

    /** Why an order is being looked up: how to read the answer. */
    private enum Purpose {
        /** AddOrder's outcome is unknown: accept it if found, reject it if confirmed absent. */
        PLACE,
        /** A cancel was accepted: report the end unless the stream already did. */
        CANCEL_SENT,
        /** A cancel's outcome is unknown: report the end, or that the order is still open. */
        CANCEL_UNKNOWN,
        /** Kraken no longer lists the order as open (seen after a reconnect): report how it ended. */
        RECONCILE
    }

    private void resolveLater(ClientOrderId id, Purpose purpose, int attempt, int notFound) {
        resolveLater(id, purpose, attempt, notFound, attempt == 0 ? 0 : backoffNs(attempt));
    }

    private void resolveLater(ClientOrderId id, Purpose purpose, int attempt, int notFound, long delayNs) {
        try {
            accountThread.schedule(() -> resolve(id, purpose, attempt, notFound), delayNs, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("kraken: venue closed, order {} left unresolved", id);
        }
    }

    private void resolve(ClientOrderId id, Purpose purpose, int attempt, int notFound) {
        Optional<KrakenOrders.Tracked> tracked = orders.get(id);
        if (purpose != Purpose.PLACE && tracked.map(t -> t.done).orElse(false)) {
            return; // the stream already told the end
        }
        Optional<KrakenOrder> found;
        try {
            found = lookup(id);
        } catch (KrakenCallException e) {
            if (attempt == 0) {
                LOG.warn("kraken: cannot look up order {} yet ({}); retrying with backoff", id, e.getMessage());
            }
            resolveLater(id, purpose, attempt + 1, notFound);
            return;
        }
        long now = clock.nowNs();
        if (found.isEmpty()) {
            if (purpose == Purpose.PLACE && notFound + 1 < config.notFoundConfirmations()) {
                resolveLater(id, purpose, attempt + 1, notFound + 1);
            } else if (purpose == Purpose.PLACE) {
                orders.rejected(id, RejectReason.VENUE_UNAVAILABLE,
                        "AddOrder got no answer and Kraken has no order " + id, now);
            } else if (purpose == Purpose.CANCEL_UNKNOWN) {
                tracked.ifPresent(t -> sink.offer(new CancelRejected(t.pair.id(), id, RejectReason.UNKNOWN_ORDER,
                        "Kraken has no order " + id, now)));
            }
            return;
        }
        KrakenOrder o = found.get();
        orders.accepted(id, o.txid(), o.updatedNs() != 0 ? o.updatedNs() : now);
        if (o.isOpen()) {
            if (purpose == Purpose.CANCEL_UNKNOWN) {
                sink.offer(new CancelRejected(o.pair().id(), id, RejectReason.VENUE_UNAVAILABLE,
                        "cancel not confirmed: the order is still open", now));
            } else if (purpose == Purpose.CANCEL_SENT && attempt < 3) {
                resolveLater(id, purpose, attempt + 1, notFound, settleDelay());
            }
            return;
        }
        orders.ended(id, o.volumeExecuted(), o.status(), o.updatedNs() != 0 ? o.updatedNs() : now);
        if (o.volumeExecuted().signum() > 0) {
            catchUpFills("order " + id + " ended with fills");
        }
    }

    /** Finds an order by txid when known, else by client order id: open orders, then closed ones. */
    private Optional<KrakenOrder> lookup(ClientOrderId id) {
        KrakenPairs known = pairs();
        String txid = orders == null ? null : orders.get(id).map(t -> t.txid).orElse(null);
        if (txid != null) {
            return KrakenMapper.orders(rest.privateRead(KrakenEndpoints.QUERY_ORDERS, Map.of("txid", txid)), known)
                    .stream().findFirst();
        }
        Map<String, String> byClientId = Map.of("cl_ord_id", id.value());
        for (var endpoint : List.of(KrakenEndpoints.OPEN_ORDERS, KrakenEndpoints.CLOSED_ORDERS)) {
            Optional<KrakenOrder> match = KrakenMapper.orders(rest.privateRead(endpoint, byClientId), known).stream()
                    .filter(o -> id.equals(o.clientOrderId())).findFirst();
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    /** Schedules one trade-history catch-up (coalesced: several asks while one is pending make one call). */
    private void catchUpFills(String why) {
        if (!catchUpScheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            accountThread.execute(() -> {
                catchUpScheduled.set(false);
                runCatchUp(why);
            });
        } catch (RejectedExecutionException e) {
            catchUpScheduled.set(false);
        }
    }

    private void runCatchUp(String why) {
        String start = orders.lastTradeId();
        if (start == null) {
            long earliest = orders.live().stream().mapToLong(t -> t.placedNs).min().orElse(Long.MIN_VALUE);
            if (earliest == Long.MIN_VALUE) {
                return; // nothing of ours could have traded
            }
            start = Long.toString(TimeUnit.NANOSECONDS.toSeconds(earliest) - 1);
        }
        try {
            int reported = 0;
            for (KrakenTrade t : history(start)) {
                if (orders.onTrade(t)) {
                    reported++;
                }
            }
            LOG.info("kraken: fills caught up from trade history ({}): {} new", why, reported);
        } catch (KrakenCallException e) {
            LOG.warn("kraken: trade-history catch-up failed ({}): {}", why, e.getMessage());
        }
    }

    /** Our trades after {@code start} (a trade id, or unix seconds), oldest first, paging through Kraken's 50. */
    private List<KrakenTrade> history(String start) {
        KrakenPairs known = pairs();
        List<KrakenTrade> all = new ArrayList<>();
        int offset = 0;
        for (int page = 0; page < MAX_HISTORY_PAGES; page++) {
            Map<String, String> params = new LinkedHashMap<>();
            if (start != null) {
                params.put("start", start);
            }
            if (offset > 0) {
                params.put("ofs", Integer.toString(offset));
            }
            JsonNode result = rest.privateRead(KrakenEndpoints.TRADES_HISTORY, params);
            List<KrakenTrade> trades = KrakenMapper.tradesHistory(result, known);
            int onPage = result.path("trades").size();
            all.addAll(trades);
            offset += onPage;
            if (onPage == 0 || offset >= result.path("count").asInt(0) || start == null) {
                break;
            }
        }
        all.sort(KrakenTrade.OLDEST_FIRST);
        learnClientIds(all);
        return all;
    }

    /** Binds the orders of trades we cannot match yet, asking Kraken for their {@code cl_ord_id} in one call. */
    private void learnClientIds(List<KrakenTrade> trades) {
        KrakenOrders tracker = orders;
        Set<String> unknown = new HashSet<>();
        for (KrakenTrade t : trades) {
            if (tracker == null || tracker.clientIdOf(t.orderTxid()) == null) {
                unknown.add(t.orderTxid());
            }
        }
        if (unknown.isEmpty() || tracker == null) {
            return;
        }
        List<String> batch = unknown.stream().sorted().limit(50).toList();
        try {
            JsonNode result = rest.privateRead(KrakenEndpoints.QUERY_ORDERS, Map.of("txid", String.join(",", batch)));
            for (KrakenOrder o : KrakenMapper.orders(result, pairs())) {
                if (o.clientOrderId() != null) {
                    tracker.accepted(o.clientOrderId(), o.txid(), o.updatedNs());
                }
            }
        } catch (KrakenCallException e) {
            LOG.debug("kraken: cannot learn client ids of {} orders: {}", batch.size(), e.getMessage());
        }
    }

    private final class StreamAccount implements KrakenPrivateStream.Account {
        @Override
        public void authenticate(Consumer<String> withToken) {
            authenticate(withToken, 0);
        }

        private void authenticate(Consumer<String> withToken, int attempt) {
            try {
                accountThread.schedule(() -> {
                    try {
                        withToken.accept(KrakenMapper.webSocketToken(
                                rest.privateRead(KrakenEndpoints.WEBSOCKETS_TOKEN, Map.of())));
                    } catch (KrakenCallException | MalformedKrakenMessageException e) {
                        LOG.warn("kraken: no WebSocket token ({}); retrying", e.getMessage());
                        authenticate(withToken, attempt + 1);
                    }
                }, attempt == 0 ? 0 : backoffNs(attempt), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                LOG.debug("kraken: venue closed, private stream not authenticated");
            }
        }

        @Override
        public void catchUpFills(String why) {
            KrakenVenue.this.catchUpFills(why);
        }

        @Override
        public void reconcile(Set<String> openTxids) {
            for (KrakenOrders.Tracked t : orders.live()) {
                String txid = t.txid;
                if (txid != null && !openTxids.contains(txid)) {
                    resolveLater(t.id, Purpose.RECONCILE, 0, 0);
                }
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The pairs, loading them if they are not cached (blocking: not for the engine or a stream thread). */
    private KrakenPairs pairs() {
        return metadata.get(PAIRS_KEY);
    }

    /**
     * The pairs without blocking, for the engine and stream threads: the cached ones, else the last loaded while
     * a reload runs in the background. Loaded at {@link #start} at the latest.
     */
    private KrakenPairs knownPairs() {
        KrakenPairs cached = metadata.getIfPresent(PAIRS_KEY);
        if (cached != null) {
            return cached;
        }
        metadata.refresh(PAIRS_KEY);
        KrakenPairs last = lastPairs;
        if (last == null) {
            throw new IllegalStateException(config.venue() + ": instruments not loaded yet (start(sink) loads them)");
        }
        return last;
    }

    private FeeSchedule loadFees(InstrumentId instrument) {
        KrakenPair pair = pairs().byId(instrument).orElseThrow(() -> new IllegalArgumentException(
                "not a Kraken pair: " + instrument));
        if (!rest.hasCredentials()) {
            return pair.listedFees();
        }
        return KrakenMapper.fees(rest.privateRead(KrakenEndpoints.TRADE_VOLUME, Map.of("pair", pair.restKey())), pair);
    }

    private ClientOrderId clientIdOf(KrakenOrder o) {
        if (o.clientOrderId() != null) {
            return o.clientOrderId();
        }
        ClientOrderId known = orders == null ? null : orders.clientIdOf(o.txid());
        return known != null ? known : new ClientOrderId(o.txid());
    }

    private ClientOrderId clientIdOf(KrakenTrade t) {
        ClientOrderId known = orders == null ? null : orders.clientIdOf(t.orderTxid());
        if (known != null) {
            return known;
        }
        return t.clientOrderId() != null ? t.clientOrderId() : new ClientOrderId(t.orderTxid());
    }

    private boolean postOnly(KrakenTrade t) {
        ClientOrderId id = orders == null ? null : orders.clientIdOf(t.orderTxid());
        return id != null && orders.get(id).map(KrakenOrders.Tracked::postOnly).orElse(false);
    }

    private static boolean certainlyNotSent(CallResult.NotDone n) {
        return switch (n.failure()) {
            case CIRCUIT_OPEN, RATE_LIMITED, BANNED -> true;
            default -> false;
        };
    }

    private static RejectReason notDoneReason(CallResult.NotDone n) {
        return n.failure() == CallResult.Failure.RATE_LIMITED ? RejectReason.RATE_LIMITED
                : RejectReason.VENUE_UNAVAILABLE;
    }

    private String describe(CallResult result) {
        if (result instanceof CallResult.Unknown u) {
            return u.failure() + " " + rest.redact(u.detail());
        }
        if (result instanceof CallResult.NotDone n) {
            return n.failure() + " " + rest.redact(n.detail());
        }
        return String.valueOf(result.getClass().getSimpleName());
    }

    private long backoffNs(int attempt) {
        long min = Math.max(1, config.lookupBackoffMin().toNanos());
        long max = config.lookupBackoffMax().toNanos();
        long delay = min << Math.min(attempt - 1, 20);
        return Math.min(Math.max(delay, min), Math.max(max, min));
    }

    /** How long a confirmed cancel waits for the stream's word before it is looked up. */
    private long settleDelay() {
        return config.callTimeout().toNanos() * 2;
    }

    private void checkHealthQuietly() {
        try {
            checkHealth();
        } catch (RuntimeException e) {
            LOG.warn("kraken: health check failed: {}", e.toString());
        }
    }

    private EventSink requireStarted() {
        EventSink out = sink;
        if (out == null) {
            throw new IllegalStateException(config.venue() + ": start(sink) before order entry");
        }
        return out;
    }

    private void requireTrading(String call) {
        if (!rest.hasCredentials()) {
            throw new KrakenCallException("kraken " + call + ": public data only (no credentials)",
                    RejectReason.VENUE_UNAVAILABLE);
        }
    }

    private static void submit(ExecutorService executor, Runnable task, Runnable ifClosed) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            ifClosed.run();
        }
    }

    private static VenueHealth worse(VenueHealth a, VenueHealth b) {
        return a == VenueHealth.HEALTHY ? b : a;
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String toString() {
        return "KrakenVenue[" + config + "]";
    }
}
