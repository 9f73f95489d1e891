package dev.ballast.connectors.binance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ballast.connectors.live.CallResult;
import dev.ballast.connectors.live.Credentials;
import dev.ballast.connectors.live.VenueGateway;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.OrderReport;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderStatus;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.event.RejectReason;
import dev.ballast.core.time.Clock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Order entry on one Binance venue: place, cancel, cancel-all, and the lookups that settle an order whose fate a
 * failed call left unknown. Every command runs on the venue's single order thread (so commands keep their order)
 * and goes through the {@link VenueGateway}; outcomes become events through {@link BinanceOrders}.
 *
 * <h2>Before sending</h2>
 * The client id must be new to this venue, the price and size exactly on the instrument's tick and lot grid, and
 * the notional at least the instrument's minimum (a market order is checked at the synced book's touch, when there
 * is one); otherwise the order is rejected here and nothing is sent.
 *
 * <h2>Unknown outcomes</h2>
 * A place whose reply was lost (timeout, reset mid-response) or that Binance answered with a 5xx or an
 * "execution status unknown" code is never sent again. The order is looked up by client id
 * ({@code GET order?origClientOrderId=}) with exponential backoff until the venue answers: found, it is reported
 * as the venue has it (accepted; missing fills fetched from {@code myTrades} by order id; cancelled or rejected);
 * not found, it is rejected once {@code recvWindow} (plus a second) has passed since it was sent, after which
 * Binance would refuse the request if it ever arrived. A cancel with an unknown outcome is looked up the same way.
 *
 * <p>Thread-safe: commands are handed to the order thread; {@link #orderStatus} and {@link #tradesSince} block the
 * caller.
 */
final class BinanceOrderEntry {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceOrderEntry.class);
    private static final long NOT_FOUND_GRACE_NS = 1_000_000_000L;

    private final BinanceVenueConfig config;
    private final VenueGateway gateway;
    private final BinanceRest rest;
    private final BinanceMapper mapper;
    private final BinanceOrders orders;
    private final ExecutorService orderThread;
    private final ScheduledExecutorService background;
    private final Clock clock;
    private final Function<String, Instrument> instruments;
    private final Function<InstrumentId, long[]> touch;
    private final Credentials credentials;
    /** Orders with a lookup scheduled or running: one at a time per order. */
    private final Set<ClientOrderId> pendingLookups = ConcurrentHashMap.newKeySet();

    /**
     * @param instruments the instrument of a symbol, or null when the venue has none by that name
     * @param touch       the synced book's best bid and ask in ticks for an instrument, or null when not synced
     */
    BinanceOrderEntry(BinanceVenueConfig config, VenueGateway gateway, BinanceRest rest, BinanceMapper mapper,
                      BinanceOrders orders, ExecutorService orderThread, ScheduledExecutorService background,
                      Clock clock, Function<String, Instrument> instruments, Function<InstrumentId, long[]> touch) {
        this.config = config;
        this.gateway = gateway;
        this.rest = rest;
        this.mapper = mapper;
        this.orders = orders;
        this.orderThread = orderThread;
        this.background = background;
        this.clock = clock;
        this.instruments = instruments;
        this.touch = touch;
        this.credentials = config.credentials();
    }

    void place(OrderRequest request) {
        orderThread.execute(() -> placeNow(request));
    }

    void cancel(InstrumentId instrument, ClientOrderId id) {
        orderThread.execute(() -> cancelNow(instrument, id));
    }

    void cancelAll(List<String> symbols) {
        orderThread.execute(() -> symbols.forEach(this::cancelAllNow));
    }

    // ------------------------------------------------------------------------------------------------ place

    private void placeNow(OrderRequest r) {
        InstrumentId iid = r.instrument();
        ClientOrderId id = r.clientOrderId();
        long nowNs = clock.nowNs();
        if (!orders.track(iid, id, nowNs)) {
            orders.duplicate(iid, id, nowNs);
            return;
        }
        String refusal = refusal(r);
        if (refusal != null) {
            RejectReason reason = refusal.startsWith("below") ? RejectReason.MIN_NOTIONAL
                    : refusal.startsWith("public") ? RejectReason.VENUE_UNAVAILABLE : RejectReason.INVALID_ORDER;
            orders.rejected(iid, id, reason, refusal, nowNs);
            return;
        }
        CallResult result = gateway.call(rest.newOrder(r, r.type() == OrderType.MARKET ? null : r.price(), r.size()));
        long replyNs = clock.nowNs();
        if (result instanceof CallResult.Success s) {
            onPlaced(r, s, replyNs);
        } else if (result instanceof CallResult.Rejected rj) {
            String message = redact(rj.code() + " " + rj.message());
            if (BinanceErrors.isDuplicate(rj.code(), rj.message())) {
                message = "duplicate client order id (" + message + ")";
            }
            orders.rejected(iid, id, BinanceErrors.rejectReason(rj.code(), rj.message()), message, replyNs);
        } else if (result instanceof CallResult.NotDone nd) {
            if (outcomeUnknown(nd)) {
                resolveLater(iid, id, Mode.PLACE, 0, "Binance answered " + nd.failure() + ": outcome unknown");
            } else {
                orders.rejected(iid, id, nd.failure() == CallResult.Failure.RATE_LIMITED
                        ? RejectReason.RATE_LIMITED : RejectReason.VENUE_UNAVAILABLE,
                        "not sent: " + nd.failure() + " " + redact(nd.detail()), replyNs);
            }
        } else {
            CallResult.Unknown u = (CallResult.Unknown) result;
            resolveLater(iid, id, Mode.PLACE, 0, u.failure() + " " + redact(u.detail()));
        }
    }

    /**
     * True for a failure after which Binance may have acted: a 5xx (Binance: "the execution status is UNKNOWN")
     * or a reply that could not be read.
     */
    private static boolean outcomeUnknown(CallResult.NotDone nd) {
        return nd.failure() == CallResult.Failure.SERVER_ERROR || nd.failure() == CallResult.Failure.MALFORMED_REPLY;
    }

    /** Why the order must not be sent, or null when it may. */
    private String refusal(OrderRequest r) {
        if (credentials == null) {
            return "public data only: no API key configured for " + config.venue();
        }
        if (!r.instrument().venue().equals(config.venue())) {
            return "instrument " + r.instrument() + " is not on " + config.venue();
        }
        Instrument ins = instruments.apply(r.instrument().symbol());
        if (ins == null) {
            return "unknown symbol " + r.instrument().symbol();
        }
        BigDecimal price = r.price();
        if (r.type() != OrderType.MARKET) {
            if (price.remainder(ins.tickSize()).signum() != 0) {
                return "price " + price.toPlainString() + " is not a multiple of the tick "
                        + ins.tickSize().toPlainString();
            }
        }
        if (r.size().remainder(ins.lotSize()).signum() != 0) {
            return "size " + r.size().toPlainString() + " is not a multiple of the lot " + ins.lotSize().toPlainString();
        }
        if (r.type() == OrderType.MARKET) {
            long[] bidAsk = touch.apply(r.instrument());
            long ticks = bidAsk == null ? -1 : r.side() == Side.BUY ? bidAsk[1] : bidAsk[0];
            price = ticks > 0 ? ins.ticksToPrice(ticks) : null;
        }
        if (price != null && !ins.meetsMinNotional(price, r.size())) {
            return "below the minimum notional " + ins.minNotional().toPlainString() + ": "
                    + price.multiply(r.size()).stripTrailingZeros().toPlainString();
        }
        return null;
    }

    private void onPlaced(OrderRequest r, CallResult.Success s, long nowNs) {
        JsonNode body = BinanceJson.readOrNull(s.reply().body());
        if (body == null || !body.has("orderId")) {
            resolveLater(r.instrument(), r.clientOrderId(), Mode.PLACE, 0, "unreadable reply to a place");
            return;
        }
        VenueOrderId vid = new VenueOrderId(body.path("orderId").asText());
        String status = body.path("status").asText("");
        BigDecimal executed = BinanceJson.decimalOr(body, "executedQty", BigDecimal.ZERO);
        long tsNs = body.has("transactTime") ? body.path("transactTime").asLong() * 1_000_000L
                : body.has("updateTime") ? body.path("updateTime").asLong() * 1_000_000L : nowNs;
        if (r.type() == OrderType.LIMIT_POST_ONLY && config.product().isFutures() && "EXPIRED".equals(status)
                && executed.signum() == 0) {
            // older USD-M API: a GTX order that would take is accepted and expires at once
            orders.rejected(r.instrument(), r.clientOrderId(), RejectReason.POST_ONLY_WOULD_CROSS,
                    "GTX order expired: it would have taken liquidity", tsNs);
            return;
        }
        if ("REJECTED".equals(status)) {
            orders.rejected(r.instrument(), r.clientOrderId(), RejectReason.OTHER, "rejected by the venue", tsNs);
            return;
        }
        orders.accepted(r.instrument(), r.clientOrderId(), vid, tsNs);
        if ("EXPIRED".equals(status) || "CANCELED".equals(status) || "EXPIRED_IN_MATCH".equals(status)) {
            // an IOC or market order ended at once: report it when its fills (from the stream) are in
            orders.cancelConfirmed(r.instrument(), r.clientOrderId(), vid, executed, "expired", tsNs);
        }
    }

    // ------------------------------------------------------------------------------------------------ cancel

    private void cancelNow(InstrumentId iid, ClientOrderId id) {
        if (credentials == null) {
            orders.cancelRejected(iid, id, RejectReason.VENUE_UNAVAILABLE, "public data only: no API key",
                    clock.nowNs());
            return;
        }
        CallResult result = gateway.call(rest.cancelOrder(iid.symbol(), id));
        long nowNs = clock.nowNs();
        if (result instanceof CallResult.Success s) {
            JsonNode body = BinanceJson.readOrNull(s.reply().body());
            if (body == null) {
                resolveLater(iid, id, Mode.CANCEL, 0, "unreadable reply to a cancel");
                return;
            }
            orders.cancelConfirmed(iid, id, venueOrderId(body),
                    BinanceJson.decimalOr(body, "executedQty", BigDecimal.ZERO), "cancelled", nowNs);
        } else if (result instanceof CallResult.Rejected rj) {
            orders.cancelRejected(iid, id, BinanceErrors.UNKNOWN_ORDER.equals(rj.code()) ? RejectReason.UNKNOWN_ORDER
                    : BinanceErrors.rejectReason(rj.code(), rj.message()), redact(rj.code() + " " + rj.message()), nowNs);
        } else if (result instanceof CallResult.NotDone nd) {
            if (outcomeUnknown(nd)) {
                resolveLater(iid, id, Mode.CANCEL, 0, "Binance answered " + nd.failure());
            } else {
                orders.cancelRejected(iid, id, nd.failure() == CallResult.Failure.RATE_LIMITED
                        ? RejectReason.RATE_LIMITED : RejectReason.VENUE_UNAVAILABLE,
                        "not sent: " + nd.failure() + " " + redact(nd.detail()), nowNs);
            }
        } else {
            CallResult.Unknown u = (CallResult.Unknown) result;
            resolveLater(iid, id, Mode.CANCEL, 0, u.failure() + " " + redact(u.detail()));
        }
    }

    private void cancelAllNow(String symbol) {
        if (credentials == null) {
            return;
        }
        InstrumentId iid = new InstrumentId(config.venue(), symbol);
        CallResult result = gateway.call(rest.cancelAll(symbol));
        long nowNs = clock.nowNs();
        if (result instanceof CallResult.Success s) {
            JsonNode body = BinanceJson.readOrNull(s.reply().body());
            if (body != null && body.isArray()) { // spot lists what it cancelled; USD-M only says done
                for (JsonNode o : body) {
                    ClientOrderId id = BinanceMapper.clientOrderIdOrNull(o.path("origClientOrderId").asText(""));
                    if (id != null && "CANCELED".equals(o.path("status").asText(""))) {
                        orders.cancelConfirmed(iid, id, venueOrderId(o),
                                BinanceJson.decimalOr(o, "executedQty", BigDecimal.ZERO), "cancelled", nowNs);
                    }
                }
            }
        } else if (result instanceof CallResult.Rejected rj && BinanceErrors.UNKNOWN_ORDER.equals(rj.code())) {
            LOG.debug("{}: cancel-all: no open orders", iid);
        } else {
            LOG.warn("{}: cancel-all not done: {}; open orders stay until the next cancel or reconciliation", iid,
                    describe(result, credentials));
        }
    }

    // ------------------------------------------------------------------------------------------------ lookups

    /** What a lookup settles: a place or a cancel whose outcome is unknown, or an order the user stream may have missed. */
    private enum Mode { PLACE, CANCEL, RECONCILE }

    /**
     * Looks up every order still live here: the user-data stream was down (or its listen key replaced), and what
     * happened to them meanwhile may never come on it.
     */
    void reconcile(String why) {
        List<BinanceOrders.Live> live = orders.liveOrders();
        if (!live.isEmpty()) {
            LOG.info("{}: {}; looking up {} live orders by client id", config.venue(), why, live.size());
        }
        for (BinanceOrders.Live o : live) {
            resolveLater(o.instrument(), o.clientOrderId(), Mode.RECONCILE, 0, why);
        }
    }

    private void resolveLater(InstrumentId iid, ClientOrderId id, Mode mode, int attempt, String why) {
        if (attempt == 0) {
            if (!pendingLookups.add(id)) {
                return; // a lookup of this order is already under way
            }
            if (mode != Mode.RECONCILE) {
                LOG.warn("{} {}: {} outcome unknown ({}); asking the venue by client id, never sending it again", iid,
                        id, mode == Mode.PLACE ? "order" : "cancel", why);
            }
        }
        long minNs = config.lookupBackoffMin().toNanos();
        long delayNs = Math.min(config.lookupBackoffMax().toNanos(), minNs << Math.min(attempt, 20));
        background.schedule(() -> orderThread.execute(() -> lookUp(iid, id, mode, attempt)), delayNs,
                TimeUnit.NANOSECONDS);
    }

    private void lookUp(InstrumentId iid, ClientOrderId id, Mode mode, int attempt) {
        if (settled(iid, id, mode, attempt)) {
            pendingLookups.remove(id);
        } else {
            resolveLater(iid, id, mode, attempt + 1, "");
        }
    }

    /** One lookup; true when it settled the order (or the cancel), false to ask again later. */
    private boolean settled(InstrumentId iid, ClientOrderId id, Mode mode, int attempt) {
        CallResult result = gateway.call(rest.queryOrder(iid.symbol(), id));
        long nowNs = clock.nowNs();
        if (result instanceof CallResult.Success s) {
            JsonNode body = BinanceJson.readOrNull(s.reply().body());
            OrderReport report = body == null ? null : reportOrNull(body);
            if (report != null) {
                settle(report, mode, nowNs);
                return true;
            }
        } else if (result instanceof CallResult.Rejected rj && BinanceErrors.NO_SUCH_ORDER.equals(rj.code())) {
            if (mode == Mode.CANCEL) {
                orders.cancelRejected(iid, id, RejectReason.UNKNOWN_ORDER, redact(rj.code() + " " + rj.message()),
                        nowNs);
                return true;
            }
            long sentNs = orders.sentNs(id);
            if (sentNs < 0 || nowNs - sentNs > config.recvWindow().toNanos() + NOT_FOUND_GRACE_NS) {
                // ignored by the tracker if the order was accepted meanwhile
                orders.rejected(iid, id, RejectReason.VENUE_UNAVAILABLE,
                        "not placed: the venue does not know the order after its send failed", nowNs);
                return true;
            }
        }
        return false;
    }

    /** Reports what the venue says of an order whose place or cancel had an unknown outcome. */
    private void settle(OrderReport report, Mode mode, long nowNs) {
        InstrumentId iid = report.instrument();
        ClientOrderId id = report.clientOrderId();
        if (report.status() == OrderStatus.REJECTED) {
            orders.rejected(iid, id, RejectReason.OTHER, "rejected by the venue", report.updatedNs());
            return;
        }
        orders.accepted(iid, id, report.venueOrderId(), report.updatedNs());
        if (report.filledSize().compareTo(orders.filled(id)) > 0) {
            fetchMissingFills(report);
        }
        switch (report.status()) {
            case CANCELLED -> orders.cancelConfirmed(iid, id, report.venueOrderId(), report.filledSize(),
                    "cancelled", report.updatedNs());
            case FILLED -> {
                if (mode == Mode.CANCEL) {
                    orders.cancelRejected(iid, id, RejectReason.OTHER, "the order filled before the cancel", nowNs);
                }
            }
            default -> {
                if (mode == Mode.CANCEL) {
                    orders.cancelRejected(iid, id, RejectReason.VENUE_UNAVAILABLE,
                            "cancel outcome unknown; the order is still " + report.status(), nowNs);
                }
            }
        }
    }

    /** The order's trades from {@code myTrades}, each passed on unless already reported. */
    private void fetchMissingFills(OrderReport report) {
        CallResult result = gateway.call(rest.myTrades(report.instrument().symbol(), null,
                Long.parseLong(report.venueOrderId().value())));
        if (!(result instanceof CallResult.Success s)) {
            LOG.warn("{} {}: fills not fetched ({}); the user stream or reconciliation will bring them",
                    report.instrument(), report.clientOrderId(), describe(result, credentials));
            return;
        }
        List<Fill> fills = new ArrayList<>();
        for (JsonNode t : BinanceJson.read(s.reply().body(), "myTrades")) {
            fills.add(mapper.trade(t, report.clientOrderId()));
        }
        fills.sort(Comparator.comparingLong(f -> Long.parseLong(f.tradeId().value())));
        BigDecimal total = BigDecimal.ZERO;
        for (Fill f : fills) {
            total = total.add(f.size());
        }
        for (Fill f : fills) {
            orders.fill(f, report.status() == OrderStatus.FILLED && total.compareTo(report.size()) >= 0
                    && f == fills.get(fills.size() - 1));
        }
    }

    // ------------------------------------------------------------------------------------------------ reads

    /**
     * The venue's word on one order. Blocking.
     *
     * @return empty when the venue does not know the order
     * @throws BinanceCallException when the venue gave no answer
     */
    Optional<OrderReport> orderStatus(InstrumentId instrument, ClientOrderId id) {
        CallResult result = gateway.call(rest.queryOrder(instrument.symbol(), id));
        if (result instanceof CallResult.Success s) {
            OrderReport report = reportOrNull(BinanceJson.read(s.reply().body(), "order"));
            if (report == null) {
                throw new BinanceCallException(config.venue() + ": unreadable order status of " + id);
            }
            return Optional.of(report);
        }
        if (result instanceof CallResult.Rejected rj && BinanceErrors.NO_SUCH_ORDER.equals(rj.code())) {
            return Optional.empty();
        }
        throw failure("order status of " + id, result);
    }

    /**
     * Our trades on a symbol after {@code afterExclusive} (null: the most recent, up to 1,000), oldest first. A
     * trade of an order this venue did not see placed is matched to its client id by asking for the order.
     * Blocking.
     *
     * @throws BinanceCallException when the venue gave no answer
     */
    List<Fill> tradesSince(InstrumentId instrument, TradeId afterExclusive) {
        Long fromId = afterExclusive == null ? null : parseTradeId(afterExclusive) + 1;
        CallResult result = gateway.call(rest.myTrades(instrument.symbol(), fromId, null));
        if (!(result instanceof CallResult.Success s)) {
            throw failure("trades of " + instrument, result);
        }
        Map<String, ClientOrderId> clientIds = new HashMap<>();
        List<Fill> out = new ArrayList<>();
        for (JsonNode t : BinanceJson.read(s.reply().body(), "myTrades")) {
            String orderId = t.path("orderId").asText();
            ClientOrderId id = clientIds.computeIfAbsent(orderId, o -> clientIdOf(instrument.symbol(), o));
            if (id != null) {
                out.add(mapper.trade(t, id));
            }
        }
        out.sort(Comparator.comparingLong(f -> Long.parseLong(f.tradeId().value())));
        return out;
    }

    /** The client id of an order: known here, or asked of the venue; null for an order not ours to report. */
    private ClientOrderId clientIdOf(String symbol, String orderId) {
        ClientOrderId known = orders.clientOrderId(orderId);
        if (known != null) {
            return known;
        }
        CallResult result = gateway.call(rest.queryOrder(symbol, Long.parseLong(orderId)));
        if (!(result instanceof CallResult.Success s)) {
            throw failure("order " + orderId + " of a trade", result);
        }
        JsonNode body = BinanceJson.read(s.reply().body(), "order");
        return BinanceMapper.clientOrderIdOrNull(body.path("clientOrderId").asText(""));
    }

    private static long parseTradeId(TradeId id) {
        try {
            return Long.parseLong(id.value());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a Binance trade id is a number (was '" + id.value() + "')", e);
        }
    }

    private OrderReport reportOrNull(JsonNode body) {
        try {
            return mapper.orderReport(body);
        } catch (BinanceFormatException | IllegalArgumentException e) {
            LOG.warn("{}: unreadable order report: {}", config.venue(), e.getMessage());
            return null;
        }
    }

    private static VenueOrderId venueOrderId(JsonNode body) {
        String value = body.path("orderId").asText("");
        return value.isEmpty() ? null : new VenueOrderId(value);
    }

    private BinanceCallException failure(String what, CallResult result) {
        return new BinanceCallException(config.venue() + ": " + what + ": " + describe(result, credentials));
    }

    private String redact(String text) {
        return credentials == null ? text : credentials.redact(text);
    }

    /**
     * A call's outcome in a few words for logs and exceptions: no request (so no signature), and the key and secret
     * scrubbed from whatever the venue's reply said.
     */
    static String describe(CallResult result, Credentials credentials) {
        String text = describe(result);
        return credentials == null ? text : credentials.redact(text);
    }

    private static String describe(CallResult result) {
        if (result instanceof CallResult.Success s) {
            return "HTTP " + s.reply().status();
        } else if (result instanceof CallResult.Rejected r) {
            return "rejected " + r.code() + " " + r.message();
        } else if (result instanceof CallResult.NotDone n) {
            return "not done: " + n.failure() + (n.detail().isEmpty() ? "" : " " + n.detail());
        }
        CallResult.Unknown u = (CallResult.Unknown) result;
        return "unknown: " + u.failure() + (u.detail().isEmpty() ? "" : " " + u.detail());
    }
}
