package dev.ballast.connectors.binance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ballast.connectors.live.CallResult;
import dev.ballast.connectors.live.StreamListener;
import dev.ballast.connectors.live.VenueGateway;
import dev.ballast.connectors.live.WebSocketStream;
import dev.ballast.core.Asset;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Liquidity;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.event.RejectReason;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Binance venue's user-data stream: the one source of our fills. Gets a listen key ({@code POST
 * userDataStream} / {@code listenKey}), connects to {@code <privateWsUrl>/ws/<key>}, keeps the key alive with a
 * {@code PUT} every {@code listenKeyKeepAlive} (Binance lets it lapse after 60 minutes), and when Binance says
 * {@code listenKeyExpired} (or the keep-alive finds the key gone, -1125) gets a new key and connects again.
 *
 * <p>Maps spot {@code executionReport} and USD-M {@code ORDER_TRADE_UPDATE} into {@link BinanceOrders}: NEW is
 * accepted, TRADE a fill (deduplicated by trade id there), CANCELED / EXPIRED / EXPIRED_IN_MATCH /
 * TRADE_PREVENTION a cancel, REJECTED a reject. A USD-M GTX order that expires unfilled before it was ever accepted
 * is a post-only reject. Other events (balances, positions) are ignored; the venue reads balances over REST. A
 * message that is not JSON or lacks what its kind must hold is counted, logged once, and skipped.
 *
 * <p>The listen key is a bearer token for our order flow: it is never logged.
 *
 * <p>Thread-safe: stream callbacks come on the stream's I/O thread, key management runs on the background thread.
 */
final class BinanceUserData implements StreamListener {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceUserData.class);

    private final BinanceVenueConfig config;
    private final VenueGateway gateway;
    private final BinanceRest rest;
    private final BinanceMapper mapper;
    private final BinanceOrders orders;
    private final ScheduledExecutorService background;
    private final BinanceVenue.StreamFactory streams;
    private final Function<String, Instrument> instruments;
    private final Runnable healthChanged;
    private final Consumer<String> reconcile;
    /** Connections opened so far with any key: every one after the first may have missed events. */
    private final AtomicLong opens = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong keysObtained = new AtomicLong();
    private volatile String listenKey;
    private volatile WebSocketStream stream;
    private volatile ScheduledFuture<?> keepAlive;
    private volatile boolean closed;

    BinanceUserData(BinanceVenueConfig config, VenueGateway gateway, BinanceRest rest, BinanceMapper mapper,
                    BinanceOrders orders, ScheduledExecutorService background, BinanceVenue.StreamFactory streams,
                    Function<String, Instrument> instruments, Runnable healthChanged,
                    Consumer<String> reconcile) {
        this.config = config;
        this.gateway = gateway;
        this.rest = rest;
        this.mapper = mapper;
        this.orders = orders;
        this.background = background;
        this.streams = streams;
        this.instruments = instruments;
        this.healthChanged = healthChanged;
        this.reconcile = reconcile;
    }

    /** Gets a key and connects, on the background thread; keeps the key alive from then on. */
    void start() {
        background.execute(this::connectWithNewKey);
        long periodNs = config.listenKeyKeepAlive().toNanos();
        keepAlive = background.scheduleWithFixedDelay(this::keepAlive, periodNs, periodNs, TimeUnit.NANOSECONDS);
    }

    void close() {
        closed = true;
        ScheduledFuture<?> k = keepAlive;
        if (k != null) {
            k.cancel(false);
        }
        WebSocketStream s = stream;
        if (s != null) {
            s.close();
        }
    }

    /** DISCONNECTED until a key is had and the stream is up; then the stream's own health. */
    VenueHealth health() {
        WebSocketStream s = stream;
        return s == null ? VenueHealth.DISCONNECTED : s.health();
    }

    long malformed() {
        return malformed.get();
    }

    /** Listen keys obtained so far (1 after start; one more per expiry). */
    long keysObtained() {
        return keysObtained.get();
    }

    @Override
    public void onOpen(StreamSender sender) {
        LOG.info("{}: user-data stream connected", config.venue());
        healthChanged.run();
        if (opens.incrementAndGet() > 1) {
            reconcile.accept("user-data stream reconnected");
        }
    }

    @Override
    public void onMessage(String text, long receivedNs) {
        JsonNode event = BinanceJson.readOrNull(text);
        if (event == null || !event.isObject()) {
            countMalformed("not a JSON object");
            return;
        }
        String type = event.path("e").asText("");
        if ("listenKeyExpired".equals(type)) {
            LOG.warn("{}: listen key expired; getting a new one", config.venue());
            background.execute(this::connectWithNewKey);
            return;
        }
        BinanceExecution x;
        try {
            x = mapper.execution(event);
        } catch (BinanceFormatException | IllegalArgumentException e) {
            countMalformed(e.getMessage());
            return;
        }
        if (x != null) {
            onExecution(x);
        }
    }

    @Override
    public void onDisconnected(String reason) {
        LOG.warn("{}: user-data stream disconnected: {}", config.venue(), reason);
        healthChanged.run();
    }

    @Override
    public void onHealthChanged(VenueHealth now) {
        healthChanged.run();
    }

    private void onExecution(BinanceExecution x) {
        ClientOrderId id = BinanceMapper.clientOrderIdOrNull(x.clientOrderId());
        if (id == null) {
            LOG.debug("{}: update of an order with a client id we never make; ignored", config.venue());
            return;
        }
        InstrumentId iid = new InstrumentId(config.venue(), x.symbol());
        VenueOrderId vid = new VenueOrderId(Long.toString(x.orderId()));
        long tsNs = x.eventTimeMs() * 1_000_000L;
        switch (x.executionType()) {
            case "NEW" -> orders.accepted(iid, id, vid, tsNs);
            case "TRADE", "CALCULATED" -> {
                if (x.isTrade()) {
                    orders.fill(fill(iid, id, vid, x, tsNs), "FILLED".equals(x.orderStatus()));
                }
            }
            case "EXPIRED" -> {
                if (config.product().isFutures() && "GTX".equals(x.timeInForce())
                        && x.cumulativeQty().signum() == 0) {
                    orders.expiredPostOnly(iid, id, vid, tsNs);
                } else {
                    orders.cancelled(iid, id, vid, "expired", tsNs);
                }
            }
            case "CANCELED", "EXPIRED_IN_MATCH", "TRADE_PREVENTION" ->
                    orders.cancelled(iid, id, vid, x.executionType().toLowerCase(Locale.ROOT), tsNs);
            case "REJECTED" -> orders.rejected(iid, id, RejectReason.OTHER, x.rejectReason(), tsNs);
            default -> {
                // REPLACED, AMENDMENT: nothing the engine acts on
            }
        }
    }

    private Fill fill(InstrumentId iid, ClientOrderId id, VenueOrderId vid, BinanceExecution x, long tsNs) {
        Asset feeAsset;
        if (x.commissionAsset().isEmpty()) {
            Instrument ins = instruments.apply(x.symbol());
            feeAsset = ins != null ? ins.quote() : Asset.of("USDT");
        } else {
            feeAsset = Asset.of(x.commissionAsset());
        }
        return new Fill(iid, id, vid, new TradeId(Long.toString(x.tradeId())), x.side(), x.lastPrice(), x.lastQty(),
                x.commission(), feeAsset, x.maker() ? Liquidity.MAKER : Liquidity.TAKER, tsNs);
    }

    /** Gets a listen key and (re)connects with it; tries again later while Binance does not give one. */
    private void connectWithNewKey() {
        if (closed) {
            return;
        }
        CallResult result = gateway.call(rest.newListenKey());
        String key = null;
        if (result instanceof CallResult.Success s) {
            JsonNode body = BinanceJson.readOrNull(s.reply().body());
            key = body == null ? null : body.path("listenKey").asText(null);
        }
        if (key == null || key.isEmpty()) {
            LOG.warn("{}: no listen key ({}); trying again", config.venue(),
                    BinanceOrderEntry.describe(result, config.credentials()));
            background.schedule(this::connectWithNewKey, config.snapshotRetry().toNanos(), TimeUnit.NANOSECONDS);
            return;
        }
        keysObtained.incrementAndGet();
        listenKey = key;
        WebSocketStream old = stream;
        if (old != null) {
            old.close();
        }
        WebSocketStream next = streams.open(config.venue() + "-user", config.privateWsUrl() + "/ws/" + key, this);
        stream = next;
        next.start();
        healthChanged.run();
    }

    private void keepAlive() {
        String key = listenKey;
        if (closed || key == null) {
            return;
        }
        CallResult result = gateway.call(rest.keepAliveListenKey(key));
        if (result instanceof CallResult.Rejected rj && BinanceErrors.NO_SUCH_LISTEN_KEY.equals(rj.code())) {
            LOG.warn("{}: listen key gone at keep-alive; getting a new one", config.venue());
            connectWithNewKey();
        } else if (!(result instanceof CallResult.Success)) {
            LOG.warn("{}: listen key keep-alive failed: {}", config.venue(),
                    BinanceOrderEntry.describe(result, config.credentials()));
        }
    }

    private void countMalformed(String why) {
        if (malformed.incrementAndGet() == 1) {
            LOG.warn("{}: skipped a malformed user-data message: {} (further ones only counted)", config.venue(),
                    why);
        }
    }
}
