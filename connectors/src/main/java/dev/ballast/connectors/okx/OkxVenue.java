package dev.ballast.connectors.okx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ballast.connectors.Venue;
import dev.ballast.connectors.live.CallResult;
import dev.ballast.connectors.live.GatewayConfig;
import dev.ballast.connectors.live.HealthBoard;
import dev.ballast.connectors.live.OkHttpVenueGateway;
import dev.ballast.connectors.live.OkHttpWebSocketStream;
import dev.ballast.connectors.live.RestRequest;
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
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.event.EventSink;
import dev.ballast.core.event.RejectReason;
import dev.ballast.core.time.Clock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
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
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OKX v5 as a {@link Venue}: spot and linear swaps ({@code BTC-USDT}, {@code BTC-USDT-SWAP}), REST through the kit's
 * guarded {@link VenueGateway}, streams through {@link WebSocketStream}s the {@link StreamFactory} opens.
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>the caller's (the engine's) thread only enqueues: {@link #place}, {@link #cancel}, {@link #cancelAll} and
 *   {@link #requestSnapshot} return at once;</li>
 *   <li>one order thread ({@code okx-orders}) runs order entry through the gateway in the order asked, and looks up
 *   orders whose outcome is unknown, with backoff, by client order id — an order is never sent twice;</li>
 *   <li>the public stream's and private stream's I/O threads turn pushes into events ({@link OkxPublicStream},
 *   {@link OkxPrivateStream});</li>
 *   <li>a watchdog thread ({@code okx-watchdog}) calls {@link #doWork()} every second: pings, silence, gateway
 *   health; a metadata thread ({@code okx-metadata}) refreshes instruments in the background.</li>
 * </ul>
 * Every event goes to the sink given to {@link #start}, which is safe from any thread. Blocking calls
 * ({@link #instruments}, {@link #fees}, {@link #balances}, {@link #openOrders}, {@link #orderStatus},
 * {@link #tradesSince}) run on the caller's thread and throw {@link OkxCallException} when OKX gives no answer.
 *
 * <h2>Order outcomes</h2>
 * A place answered {@code sCode} 0 is accepted; a refusal is an {@code OrderRejected} with the reason
 * {@link OkxErrorCodes} maps; a call the guard refused is {@code RATE_LIMITED} or {@code VENUE_UNAVAILABLE}; a call
 * whose outcome is unknown (timeout, reset, 5xx, OKX 50004) is looked up until OKX answers, then reported as OKX
 * sees it (accepted, filled, cancelled; or rejected when OKX twice says it has no such order). Which source speaks
 * for an order, and how duplicates are dropped, is {@link OkxOrders}'s business. Prices and sizes are checked on the
 * instrument's tick and lot grid and against OKX's {@code minSz} before anything is sent.
 *
 * <p>Without credentials ({@link OkxConfig#credentials()} null) the venue streams public data only: account calls
 * throw {@link IllegalStateException} and orders are rejected {@code VENUE_UNAVAILABLE}.
 */
public final class OkxVenue implements Venue {
    private static final Logger LOG = LoggerFactory.getLogger(OkxVenue.class);
    private static final int PAGE = 100;
    private static final int MAX_PAGES = 50;
    private static final int CANCEL_ROUNDS = 3;
    private static final int NOT_FOUND_CONFIRMATIONS = 2;

    /** Opens (without starting) one WebSocket connection for a listener; production uses the kit's OkHttp stream. */
    @FunctionalInterface
    public interface StreamFactory {
        WebSocketStream open(String url, StreamListener listener);
    }

    private final OkxConfig config;
    private final VenueGateway gateway;
    private final StreamFactory streams;
    private final Clock clock;
    private final OkxSigner signer;
    private final OkxRequests requests;
    private final OkxReferenceData referenceData;
    private final ScheduledExecutorService orderThread;
    private final ExecutorService metadataThread;
    private final ScheduledExecutorService watchdogThread;

    private volatile Map<String, OkxInstrument> traded = Map.of();
    private volatile HealthBoard health;
    private volatile OkxOrders orders;
    private volatile OkxPublicStream publicStream;
    private volatile OkxPrivateStream privateStream;
    private volatile WebSocketStream publicWs;
    private volatile WebSocketStream privateWs;
    private volatile boolean closed;

    /**
     * @param gateway the guarded REST gateway for this venue's API key, built with an {@link OkxReplyClassifier} and
     *                a budget of {@link OkxRateLimits}
     * @param streams opens the public and private connections
     * @param clock   epoch time: signatures, event times of REST answers, the watchdog and the metadata cache
     */
    public OkxVenue(OkxConfig config, VenueGateway gateway, StreamFactory streams, Clock clock) {
        this(config, gateway, streams, clock, true);
    }

    /**
     * The production wiring: the kit's {@link OkHttpVenueGateway} with {@link OkxRateLimits#budget()} and an
     * {@link OkxReplyClassifier}, and {@link OkHttpWebSocketStream}s stale after {@link OkxConfig#streamSilence()}
     * and reconnecting after twice that. Give every venue of the process the same {@code http} client. Venues
     * sharing an API key must share one budget: use the main constructor with one gateway for them.
     */
    public static OkxVenue create(OkxConfig config, Clock clock) {
        return create(config, dev.ballast.connectors.live.SharedHttp.client(), clock);
    }

    /** As {@link #create(OkxConfig, Clock)} with a given OkHttp client (tests). */
    public static OkxVenue create(OkxConfig config, OkHttpClient http, Clock clock) {
        OkHttpVenueGateway gateway = new OkHttpVenueGateway(http, OkxRateLimits.budget(), new OkxReplyClassifier(),
                GatewayConfig.defaults(config.venueId().name()).withCallTimeout(config.callTimeout()), clock::nowNs);
        StreamFactory streams = (url, listener) -> new OkHttpWebSocketStream(http, url, listener,
                streamConfig(config, url.equals(config.privateWsUrl()) ? "private" : "public"), clock::nowNs);
        return new OkxVenue(config, gateway, streams, clock);
    }

    /** How the kit stream keeps one OKX connection: stale after the configured silence, dropped after twice it. */
    static StreamConfig streamConfig(OkxConfig config, String which) {
        return StreamConfig.defaults(config.venueId() + "-" + which)
                .withSilence(config.streamSilence(), config.streamSilence().multipliedBy(2));
    }

    /** @param runWatchdog false in tests that call {@link #doWork()} by hand */
    OkxVenue(OkxConfig config, VenueGateway gateway, StreamFactory streams, Clock clock, boolean runWatchdog) {
        this.config = Objects.requireNonNull(config, "config");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.streams = Objects.requireNonNull(streams, "streams");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signer = config.credentials() == null ? null : new OkxSigner(config.credentials(), config.demoTrading());
        this.requests = new OkxRequests(config.restBaseUrl(), signer, clock);
        this.orderThread = Executors.newSingleThreadScheduledExecutor(daemon(config.venueId() + "-orders"));
        this.metadataThread = Executors.newSingleThreadExecutor(daemon(config.venueId() + "-metadata"));
        this.watchdogThread = runWatchdog
                ? Executors.newSingleThreadScheduledExecutor(daemon(config.venueId() + "-watchdog")) : null;
        this.referenceData = new OkxReferenceData(config.venueId(), gateway, requests, clock, config.metadataTtl(),
                config.metadataRefresh(), metadataThread);
    }

    @Override
    public VenueId id() {
        return config.venueId();
    }

    /**
     * The venue's health as last published (its worst part); changes arrive on the sink as {@code VenueStatus}.
     * DISCONNECTED before {@link #start}.
     */
    public VenueHealth health() {
        HealthBoard board = health;
        VenueHealth h = board == null ? null : board.current();
        return h == null ? VenueHealth.DISCONNECTED : h;
    }

    // ---------------------------------------------------------------- reference data and account (blocking)

    /**
     * The configured instruments as OKX lists them now (cached, see {@link OkxConfig#metadataTtl()}).
     *
     * @throws IllegalStateException if OKX does not list a configured symbol as a live spot instrument or linear swap
     * @throws OkxCallException      if OKX cannot be asked
     */
    @Override
    public List<Instrument> instruments() {
        List<Instrument> out = new ArrayList<>();
        for (String symbol : config.symbols()) {
            out.add(okxInstrument(symbol).instrument());
        }
        return out;
    }

    @Override
    public FeeSchedule fees(InstrumentId instrument) {
        requireTrading();
        OkxInstrument i = okxInstrument(instrument.symbol());
        return OkxMapper.fees(callOrThrow(requests.tradeFee(i)), i.type());
    }

    @Override
    public Map<Asset, Balance> balances() {
        requireTrading();
        return OkxMapper.balances(callOrThrow(requests.balance()));
    }

    /** Our open orders on the configured instruments (orders without a client order id of ours are left out). */
    @Override
    public List<OpenOrder> openOrders() {
        requireTrading();
        List<OpenOrder> out = new ArrayList<>();
        for (OkxOrderUpdate u : pendingOrders()) {
            OkxInstrument i = config.symbols().contains(u.instId()) ? okxInstrument(u.instId()) : null;
            OpenOrder o = i == null ? null : OkxMapper.openOrder(u, i);
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    /**
     * What OKX says about one of our orders, by client order id; empty when OKX has no such order. Blocking,
     * idempotent.
     *
     * @throws OkxCallException if OKX cannot be asked
     */
    public Optional<OrderReport> orderStatus(InstrumentId instrument, ClientOrderId clientOrderId) {
        requireTrading();
        OkxInstrument i = okxInstrument(instrument.symbol());
        CallResult result = gateway.call(requests.order(i.instId(), clientOrderId));
        if (result instanceof CallResult.Rejected r && OkxErrorCodes.UNKNOWN_ORDER.contains(r.code())) {
            return Optional.empty();
        }
        List<OkxOrderUpdate> found = OkxMapper.orders(bodyOrThrow(requests.order(i.instId(), clientOrderId), result));
        return found.isEmpty() ? Optional.empty() : Optional.of(OkxMapper.report(found.get(0), i));
    }

    /**
     * Our fills on one instrument after {@code afterExclusive} (null: the most recent page), oldest first, from
     * {@code GET /api/v5/trade/fills} (OKX keeps three days there). OKX pages by bill id, newest first, so this reads
     * back page by page until it meets the given trade id (or a numerically older one). Blocking.
     *
     * @throws OkxCallException if OKX cannot be asked
     */
    public List<Fill> tradesSince(InstrumentId instrument, TradeId afterExclusive) {
        requireTrading();
        OkxInstrument i = okxInstrument(instrument.symbol());
        List<Fill> newestFirst = new ArrayList<>();
        String afterBill = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            List<OkxMapper.FillRecord> records = OkxMapper.fills(callOrThrow(requests.fills(i, null, afterBill)), i);
            boolean reached = false;
            for (OkxMapper.FillRecord r : records) {
                Fill f = r.fill();
                if (f != null && afterExclusive != null && notAfter(f.tradeId(), afterExclusive)) {
                    reached = true;
                    break;
                }
                if (f != null) {
                    newestFirst.add(f);
                }
            }
            if (reached || afterExclusive == null || records.size() < PAGE) {
                break;
            }
            afterBill = records.get(records.size() - 1).billId();
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    // ---------------------------------------------------------------- streams

    /**
     * Loads the configured instruments (blocking), then opens the public stream and, with credentials, the private
     * one, and starts the watchdog.
     *
     * @throws IllegalStateException if already started or closed, or if a symbol is not listed by OKX
     */
    @Override
    public synchronized void start(EventSink sink) {
        Objects.requireNonNull(sink, "sink");
        if (orders != null || closed) {
            throw new IllegalStateException(config.venueId() + " already started" + (closed ? " and closed" : ""));
        }
        Map<String, OkxInstrument> byId = new LinkedHashMap<>();
        for (String symbol : config.symbols()) {
            byId.put(symbol, okxInstrument(symbol));
        }
        traded = Map.copyOf(byId);
        HealthBoard board = new HealthBoard(config.venueId(), sink, clock::nowNs).watchGateway(gateway);
        health = board;
        orders = new OkxOrders(sink, clock);
        long pingNs = config.pingAfterQuiet().toNanos();
        publicStream = new OkxPublicStream(byId.values(), sink, board, clock, pingNs);
        publicWs = streams.open(config.publicWsUrl(), publicStream);
        board.watchStream("public", publicWs);
        if (signer != null) {
            privateStream = new OkxPrivateStream(signer, byId, orders, board, clock, pingNs, this::backfillFills,
                    this::lookUpWaiting);
            privateWs = streams.open(config.privateWsUrl(), privateStream);
            board.watchStream("private", privateWs);
        }
        publicStream.awaitSnapshots(); // the first status: DISCONNECTED (nothing connected yet)
        publicWs.start();
        if (privateWs != null) {
            privateWs.start();
        }
        if (watchdogThread != null) {
            watchdogThread.scheduleAtFixedRate(this::watchdog, 1, 1, TimeUnit.SECONDS);
        }
        LOG.info("{} started: {} ({})", config.venueId(), config.symbols(),
                signer == null ? "public data only" : "trading");
    }

    @Override
    public void requestSnapshot(InstrumentId instrument) {
        OkxPublicStream s = publicStream;
        if (s != null) {
            s.requestSnapshot(instrument);
        }
    }

    /**
     * One round of the watchdog: pings quiet connections (OKX's keepalive) and refreshes the health board, which
     * reads the gateway's and the streams' states (a ban or a throttle running out, a stream gone stale). Run
     * every second by the watchdog thread; tests call it by hand with a hand-driven clock.
     *
     * @return pings sent
     */
    int doWork() {
        long now = clock.nowNs();
        int work = 0;
        OkxPublicStream pub = publicStream;
        if (pub != null) {
            work += pub.poll(now);
        }
        OkxPrivateStream priv = privateStream;
        if (priv != null) {
            work += priv.poll(now);
        }
        HealthBoard board = health;
        if (board != null) {
            board.refresh();
        }
        return work;
    }

    /** The public stream's listener, for its counters (status, tests); null before start. */
    OkxPublicStream publicStream() {
        return publicStream;
    }

    /** The private stream's listener; null before start or without credentials. */
    OkxPrivateStream privateStream() {
        return privateStream;
    }

    private void watchdog() {
        try {
            doWork();
        } catch (RuntimeException e) {
            LOG.error("{} watchdog round failed", config.venueId(), e);
        }
    }

    // ---------------------------------------------------------------- order entry (asynchronous)

    @Override
    public void place(OrderRequest request) {
        Objects.requireNonNull(request, "request");
        OkxOrders o = requireStarted();
        submit(() -> placeNow(request), () -> o.placeRejected(request.instrument(), request.clientOrderId(),
                RejectReason.VENUE_UNAVAILABLE, config.venueId() + " is closed"));
    }

    @Override
    public void cancel(InstrumentId instrument, ClientOrderId clientOrderId) {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        OkxOrders o = requireStarted();
        submit(() -> cancelNow(instrument, clientOrderId, 0), () -> o.cancelRejected(instrument, clientOrderId,
                RejectReason.VENUE_UNAVAILABLE, config.venueId() + " is closed"));
    }

    /**
     * Cancels every open order on the configured instruments: lists them ({@code orders-pending}) and cancels them
     * 20 at a time ({@code cancel-batch-orders}); if the listing fails, cancels each order this venue knows is live.
     */
    @Override
    public void cancelAll() {
        requireStarted();
        submit(this::cancelAllNow, () -> LOG.error("{} closed: cancel-all not sent", config.venueId()));
    }

    private void placeNow(OrderRequest r) {
        OkxOrders o = orders;
        ClientOrderId id = r.clientOrderId();
        OkxInstrument i = tradedOrNull(r.instrument().symbol());
        if (i == null || !i.instrument().id().equals(r.instrument())) {
            o.placeRejected(r.instrument(), id, RejectReason.INVALID_ORDER, r.instrument() + " is not traded here");
            return;
        }
        if (signer == null) {
            o.placeRejected(r.instrument(), id, RejectReason.VENUE_UNAVAILABLE, "public data only (no credentials)");
            return;
        }
        String problem = checkGrid(i, r);
        if (problem != null) {
            o.placeRejected(r.instrument(), id, RejectReason.INVALID_ORDER, problem);
            return;
        }
        if (r.size().compareTo(i.minSizeBase()) < 0) {
            o.placeRejected(r.instrument(), id, RejectReason.MIN_NOTIONAL, "size " + r.size().toPlainString()
                    + " below okx minSz (" + i.minSizeBase().toPlainString() + " base)");
            return;
        }
        if (r.price() != null && !i.instrument().meetsMinNotional(r.price(), r.size())) {
            o.placeRejected(r.instrument(), id, RejectReason.MIN_NOTIONAL, "notional below "
                    + i.instrument().minNotional().toPlainString());
            return;
        }
        if (!o.placing(r)) {
            o.duplicate(r.instrument(), id);
            return;
        }
        CallResult result = gateway.call(requests.place(i, r));
        if (result instanceof CallResult.Success s) {
            onPlaced(i, id, s);
        } else if (result instanceof CallResult.Rejected rj) {
            o.placeRejected(r.instrument(), id, OkxErrorCodes.reason(rj.code()),
                    OkxErrorCodes.describe(rj.code(), rj.message()));
        } else if (result instanceof CallResult.NotDone nd && !mayHaveActed(nd)) {
            o.placeRejected(r.instrument(), id, nd.failure() == CallResult.Failure.RATE_LIMITED
                    ? RejectReason.RATE_LIMITED : RejectReason.VENUE_UNAVAILABLE, redact(describe(nd)));
        } else {
            LOG.warn("{} place {}: {} - looking it up by client id", config.venueId(), id, redact(describe(result)));
            lookUp(i, id, 0, 0);
        }
    }

    /**
     * A 5xx or an unreadable answer does not say the order was refused (OKX's own 50004 says "does not indicate
     * success or failure"), so such a NotDone is looked up like an Unknown; a call the guard refused never left.
     */
    private static boolean mayHaveActed(CallResult.NotDone nd) {
        return nd.failure() == CallResult.Failure.SERVER_ERROR || nd.failure() == CallResult.Failure.MALFORMED_REPLY;
    }

    private void onPlaced(OkxInstrument i, ClientOrderId id, CallResult.Success s) {
        try {
            List<OkxMapper.ItemResult> items = OkxMapper.itemResults(OkxMapper.tree(s.reply().body()));
            OkxMapper.ItemResult item = items.isEmpty() ? null : items.get(0);
            if (item != null && item.ok() && !item.ordId().isEmpty()) {
                orders.placeAccepted(id, new VenueOrderId(item.ordId()));
                if (orders.awaitingStream(id)) {
                    checkStreamAckLater(i, id);
                }
                return;
            }
            if (item != null && !item.ok()) {
                orders.placeRejected(i.instrument().id(), id, OkxErrorCodes.reason(item.sCode()),
                        OkxErrorCodes.describe(item.sCode(), item.sMsg()));
                return;
            }
        } catch (OkxMalformedException e) {
            LOG.warn("{} place {}: unreadable reply ({}), looking it up", config.venueId(), id, e.getMessage());
        }
        lookUp(i, id, 0, 0);
    }

    /**
     * A post-only order OKX acknowledged waits for the private stream to say {@code live} or cancelled; if the stream
     * has said neither after {@code resolveBackoffMax}, the order is looked up by client id instead.
     */
    private void checkStreamAckLater(OkxInstrument i, ClientOrderId id) {
        try {
            orderThread.schedule(() -> {
                if (!closed && orders.awaitingStream(id)) {
                    LOG.info("{} {}: no word from the private stream, looking it up", config.venueId(), id);
                    lookUpNow(i, id, 0, 0);
                }
            }, config.resolveBackoffMax().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("{} closed before {} was acknowledged", config.venueId(), id);
        }
    }

    /**
     * Asks OKX about an order whose outcome we do not know, after a backoff, until it answers: then reports what OKX
     * says. "No such order" must be said twice, {@code resolveBackoffMin} or more apart, before the order counts as
     * never placed (a request can still be queued inside OKX when the first lookup arrives).
     */
    private void lookUp(OkxInstrument i, ClientOrderId id, int attempt, int notFound) {
        long delayNs = Math.min(config.resolveBackoffMax().toNanos(),
                config.resolveBackoffMin().toNanos() << Math.min(attempt, 20));
        try {
            orderThread.schedule(() -> lookUpNow(i, id, attempt, notFound), delayNs, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.warn("{} closed while order {} was unknown", config.venueId(), id);
        }
    }

    private void lookUpNow(OkxInstrument i, ClientOrderId id, int attempt, int notFound) {
        if (closed) {
            return;
        }
        CallResult result = gateway.call(requests.order(i.instId(), id));
        if (result instanceof CallResult.Rejected r && OkxErrorCodes.UNKNOWN_ORDER.contains(r.code())) {
            if (notFound + 1 >= NOT_FOUND_CONFIRMATIONS) {
                orders.placeRejected(i.instrument().id(), id, RejectReason.VENUE_UNAVAILABLE,
                        "okx has no order " + id + " after an unknown outcome: it was never placed");
            } else {
                lookUp(i, id, attempt + 1, notFound + 1);
            }
            return;
        }
        if (result instanceof CallResult.Success s) {
            try {
                List<OkxOrderUpdate> found = OkxMapper.orders(OkxMapper.tree(s.reply().body()));
                if (!found.isEmpty()) {
                    report(i, OkxMapper.report(found.get(0), i));
                    return;
                }
            } catch (OkxMalformedException | IllegalArgumentException e) {
                LOG.warn("{} lookup of {}: unreadable reply ({})", config.venueId(), id, e.getMessage());
            }
        } else {
            LOG.info("{} lookup of {} failed ({}), retrying", config.venueId(), id, redact(describe(result)));
        }
        lookUp(i, id, attempt + 1, notFound);
    }

    /** Hands a lookup's answer to the orders, with the order's fills when it traded. */
    private void report(OkxInstrument i, OrderReport report) {
        List<Fill> fills = List.of();
        if (report.filledSize().signum() > 0 && report.venueOrderId() != null) {
            try {
                List<Fill> oldestFirst = new ArrayList<>();
                for (OkxMapper.FillRecord r : OkxMapper.fills(
                        callOrThrow(requests.fills(i, report.venueOrderId().value(), null)), i)) {
                    if (r.fill() != null) {
                        oldestFirst.add(0, r.fill());
                    }
                }
                fills = oldestFirst;
            } catch (OkxCallException e) {
                LOG.warn("{}: fills of {} not fetched ({}); the private stream or a backfill will bring them",
                        config.venueId(), report.clientOrderId(), e.getMessage());
            }
        }
        orders.onReport(report, fills);
    }

    private void cancelNow(InstrumentId instrument, ClientOrderId id, int round) {
        OkxOrders o = orders;
        OkxInstrument i = tradedOrNull(instrument.symbol());
        if (i == null || !i.instrument().id().equals(instrument)) {
            o.cancelRejected(instrument, id, RejectReason.INVALID_ORDER, instrument + " is not traded here");
            return;
        }
        if (signer == null) {
            o.cancelRejected(instrument, id, RejectReason.VENUE_UNAVAILABLE, "public data only (no credentials)");
            return;
        }
        CallResult result = gateway.call(requests.cancel(i.instId(), id));
        if (result instanceof CallResult.Success s) {
            OkxMapper.ItemResult item = firstItem(s.reply().body());
            if (item == null || item.ok()) {
                o.cancelAccepted(instrument, id);
            } else {
                o.cancelRejected(instrument, id, OkxErrorCodes.reason(item.sCode()),
                        OkxErrorCodes.describe(item.sCode(), item.sMsg()));
            }
        } else if (result instanceof CallResult.Rejected rj) {
            o.cancelRejected(instrument, id, OkxErrorCodes.reason(rj.code()),
                    OkxErrorCodes.describe(rj.code(), rj.message()));
        } else if (result instanceof CallResult.NotDone nd && !mayHaveActed(nd)) {
            o.cancelRejected(instrument, id, nd.failure() == CallResult.Failure.RATE_LIMITED
                    ? RejectReason.RATE_LIMITED : RejectReason.VENUE_UNAVAILABLE, redact(describe(nd)));
        } else {
            resolveCancel(i, id, round);
        }
    }

    /**
     * A cancel whose outcome is unknown: looks the order up; gone means the lookup reports how it ended, still live
     * means the cancel is sent again (a fresh request after looking, at most {@value #CANCEL_ROUNDS} rounds).
     */
    private void resolveCancel(OkxInstrument i, ClientOrderId id, int round) {
        InstrumentId instrument = i.instrument().id();
        CallResult result = gateway.call(requests.order(i.instId(), id));
        if (result instanceof CallResult.Rejected r && OkxErrorCodes.UNKNOWN_ORDER.contains(r.code())) {
            orders.cancelRejected(instrument, id, RejectReason.UNKNOWN_ORDER, OkxErrorCodes.describe(r.code(),
                    r.message()));
            return;
        }
        if (result instanceof CallResult.Success s) {
            try {
                List<OkxOrderUpdate> found = OkxMapper.orders(OkxMapper.tree(s.reply().body()));
                if (!found.isEmpty()) {
                    OkxOrderUpdate u = found.get(0);
                    if (!u.isLive()) {
                        report(i, OkxMapper.report(u, i));
                        return;
                    }
                    if (round + 1 < CANCEL_ROUNDS) {
                        cancelNow(instrument, id, round + 1);
                        return;
                    }
                }
            } catch (OkxMalformedException | IllegalArgumentException e) {
                LOG.warn("{} lookup of {} after a cancel: unreadable reply ({})", config.venueId(), id, e.getMessage());
            }
        }
        orders.cancelRejected(instrument, id, RejectReason.VENUE_UNAVAILABLE,
                "cancel outcome unknown (" + redact(describe(result)) + ")");
    }

    private void cancelAllNow() {
        if (signer == null) {
            return;
        }
        List<OkxRequests.CancelTarget> targets = new ArrayList<>();
        try {
            for (OkxOrderUpdate u : pendingOrders()) {
                if (traded.containsKey(u.instId())) {
                    targets.add(new OkxRequests.CancelTarget(u.instId(), u.clOrdId(), u.ordId()));
                }
            }
        } catch (OkxCallException | OkxMalformedException e) {
            LOG.error("{} cancel-all: open orders not listed ({}); cancelling the orders we know one by one",
                    config.venueId(), e.getMessage());
            for (ClientOrderId id : orders.liveOrders()) {
                InstrumentId instrument = orders.instrumentOf(id);
                if (instrument != null) {
                    cancelNow(instrument, id, 0);
                }
            }
            return;
        }
        for (int from = 0; from < targets.size(); from += OkxEndpoints.CANCEL_BATCH_MAX) {
            cancelBatch(targets.subList(from, Math.min(targets.size(), from + OkxEndpoints.CANCEL_BATCH_MAX)));
        }
    }

    private void cancelBatch(List<OkxRequests.CancelTarget> batch) {
        CallResult result = gateway.call(requests.cancelBatch(batch));
        List<OkxMapper.ItemResult> items = List.of();
        if (result instanceof CallResult.Success s) {
            items = itemsOrEmpty(s.reply().body());
        } else if (result instanceof CallResult.Rejected r) {
            items = itemsOrEmpty(r.reply().body());
        }
        for (int k = 0; k < batch.size(); k++) {
            OkxRequests.CancelTarget t = batch.get(k);
            ClientOrderId id = OkxMapper.clientOrderId(t.clOrdId());
            if (id == null) {
                continue; // not ours: cancelled, but nobody to tell
            }
            InstrumentId instrument = traded.get(t.instId()).instrument().id();
            if (k < items.size()) {
                OkxMapper.ItemResult item = items.get(k);
                if (item.ok()) {
                    orders.cancelAccepted(instrument, id);
                } else {
                    orders.cancelRejected(instrument, id, OkxErrorCodes.reason(item.sCode()),
                            OkxErrorCodes.describe(item.sCode(), item.sMsg()));
                }
            } else if (result instanceof CallResult.Unknown || result instanceof CallResult.NotDone) {
                cancelNow(instrument, id, 0);
            }
        }
    }

    /** After the private stream reconnects: fills it may have missed, through the same dedupe as the stream's. */
    private void backfillFills() {
        submit(() -> {
            for (OkxInstrument i : traded.values()) {
                TradeId last = orders.lastTradeId(i.instrument().id());
                if (last == null) {
                    continue;
                }
                try {
                    for (Fill f : tradesSince(i.instrument().id(), last)) {
                        orders.fill(f);
                    }
                } catch (OkxCallException | OkxMalformedException e) {
                    LOG.warn("{} {}: fills since {} not backfilled ({})", config.venueId(), i.instId(), last,
                            e.getMessage());
                }
            }
        }, () -> { });
    }

    /** After the private stream dropped: post-only orders that waited for it are looked up by client id. */
    private void lookUpWaiting(List<ClientOrderId> waiting) {
        for (ClientOrderId id : waiting) {
            InstrumentId instrument = orders.instrumentOf(id);
            OkxInstrument i = instrument == null ? null : tradedOrNull(instrument.symbol());
            if (i != null) {
                lookUp(i, id, 0, 0);
            }
        }
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public void close() {
        closed = true;
        WebSocketStream p = publicWs;
        if (p != null) {
            p.close();
        }
        WebSocketStream q = privateWs;
        if (q != null) {
            q.close();
        }
        orderThread.shutdownNow();
        metadataThread.shutdownNow();
        if (watchdogThread != null) {
            watchdogThread.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- helpers

    private List<OkxOrderUpdate> pendingOrders() {
        Set<OkxInstrument.Type> types = EnumSet.noneOf(OkxInstrument.Type.class);
        for (String symbol : config.symbols()) {
            types.add(OkxReferenceData.typeOf(symbol));
        }
        List<OkxOrderUpdate> all = new ArrayList<>();
        for (OkxInstrument.Type type : types) {
            String after = null;
            for (int page = 0; page < MAX_PAGES; page++) {
                List<OkxOrderUpdate> orderPage = OkxMapper.orders(callOrThrow(requests.ordersPending(type, after)));
                all.addAll(orderPage);
                if (orderPage.size() < PAGE) {
                    break;
                }
                after = orderPage.get(orderPage.size() - 1).ordId();
            }
        }
        return all;
    }

    private static String checkGrid(OkxInstrument i, OrderRequest r) {
        Instrument core = i.instrument();
        if (r.price() != null && r.price().remainder(core.tickSize()).signum() != 0) {
            return "price " + r.price().toPlainString() + " is not a multiple of the tick "
                    + core.tickSize().toPlainString();
        }
        if (r.size().remainder(core.lotSize()).signum() != 0) {
            return "size " + r.size().toPlainString() + " is not a multiple of the lot " + core.lotSize().toPlainString();
        }
        return null;
    }

    private static boolean notAfter(TradeId candidate, TradeId boundary) {
        if (candidate.equals(boundary)) {
            return true;
        }
        try {
            return new BigDecimal(candidate.value()).compareTo(new BigDecimal(boundary.value())) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private OkxInstrument okxInstrument(String symbol) {
        OkxInstrument i = traded.get(symbol);
        if (i != null) {
            return i;
        }
        i = referenceData.find(symbol);
        if (i == null) {
            throw new IllegalStateException(config.venueId() + ": OKX does not list " + symbol
                    + " as a live spot instrument or linear swap");
        }
        return i;
    }

    private OkxInstrument tradedOrNull(String symbol) {
        return traded.get(symbol);
    }

    private JsonNode callOrThrow(RestRequest request) {
        return bodyOrThrow(request, gateway.call(request));
    }

    private JsonNode bodyOrThrow(RestRequest request, CallResult result) {
        if (result instanceof CallResult.Success s) {
            try {
                return OkxMapper.tree(s.reply().body());
            } catch (OkxMalformedException e) {
                throw new OkxCallException(config.venueId() + " " + request.endpoint().name() + ": " + e.getMessage());
            }
        }
        throw new OkxCallException(redact(config.venueId() + " " + request.endpoint().name() + ": "
                + describe(result)));
    }

    private static OkxMapper.ItemResult firstItem(String body) {
        List<OkxMapper.ItemResult> items = itemsOrEmpty(body);
        return items.isEmpty() ? null : items.get(0);
    }

    private static List<OkxMapper.ItemResult> itemsOrEmpty(String body) {
        try {
            return OkxMapper.itemResults(OkxMapper.tree(body));
        } catch (OkxMalformedException e) {
            return List.of();
        }
    }

    /** A call's outcome in a few words, for logs and exceptions. */
    static String describe(CallResult result) {
        if (result instanceof CallResult.Rejected r) {
            return "rejected: okx " + r.code() + " " + (r.message() == null ? "" : r.message());
        }
        if (result instanceof CallResult.NotDone n) {
            return "not done: " + n.failure() + " " + n.detail();
        }
        if (result instanceof CallResult.Unknown u) {
            return "outcome unknown: " + u.failure() + " " + u.detail();
        }
        return "ok";
    }

    private String redact(String text) {
        return signer == null ? text : signer.redact(text);
    }

    private void requireTrading() {
        if (signer == null) {
            throw new IllegalStateException(config.venueId() + ": no credentials configured (public data only)");
        }
    }

    private OkxOrders requireStarted() {
        OkxOrders o = orders;
        if (o == null) {
            throw new IllegalStateException(config.venueId() + " not started");
        }
        return o;
    }

    private void submit(Runnable task, Runnable ifClosed) {
        try {
            orderThread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("{} order task failed", config.venueId(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            ifClosed.run();
        }
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
        return "OkxVenue[" + config + "]";
    }
}
