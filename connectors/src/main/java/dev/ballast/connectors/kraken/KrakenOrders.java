package dev.ballast.connectors.kraken;

import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Fill;
import dev.ballast.core.OpenOrder;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderType;
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.event.EventSink;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.RejectReason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Our orders on Kraken and the one place their events are made, whichever source told us: the AddOrder reply,
 * the private {@code openOrders} and {@code ownTrades} streams, an order lookup after a timeout, or a trade-history
 * catch-up. It keeps each order's events in the order the engine needs — {@link OrderAccepted} once and first,
 * then each {@link OrderFilled} once (deduplicated by Kraken trade id), then at most one {@link OrderCancelled}
 * after every fill Kraken counted ({@code vol_exec}) has been reported — or a single {@link OrderRejected}.
 *
 * <h2>Matching Kraken's messages to our orders</h2>
 * An order is known by our client order id from the moment it is sent (Kraken's {@code cl_ord_id}) and by
 * Kraken's txid once AddOrder answers. A stream message may beat that answer: an update that names a txid we do
 * not know yet, and carries no {@code cl_ord_id} we sent, is parked and replayed when the txid is bound. Parked
 * messages of orders that are not ours (placed by hand) are dropped oldest first beyond {@value #MAX_PARKED}.
 *
 * <p>Thread-safe: the order thread, both stream threads and the account thread report here; every method is
 * synchronized, and events are offered to the sink (a non-blocking queue) inside the lock so that they leave in
 * the order they were decided. Nothing here blocks or does I/O.
 */
final class KrakenOrders {
    static final int MAX_PARKED = 10_000;
    static final int MAX_TRADE_IDS = 200_000;
    static final int MAX_ORDERS = 200_000;

    /** One order of ours. */
    static final class Tracked {
        final ClientOrderId id;
        final KrakenPair pair;
        final OrderRequest request;
        final long placedNs;
        /** Kraken's order id once known; volatile so the order thread may read it without the tracker's lock. */
        volatile String txid;
        boolean accepted;
        boolean done;
        boolean cancelRequested;
        BigDecimal filled = BigDecimal.ZERO;
        /** Kraken said the order ended (cancelled, expired) having executed this much; null when not ended. */
        BigDecimal endedExecuted;
        String endReason;

        Tracked(ClientOrderId id, KrakenPair pair, OrderRequest request, long placedNs) {
            this.id = id;
            this.pair = pair;
            this.request = request;
            this.placedNs = placedNs;
        }

        boolean postOnly() {
            return request != null && request.type() == OrderType.LIMIT_POST_ONLY;
        }
    }

    private final EventSink sink;
    private final Map<ClientOrderId, Tracked> byId = new LinkedHashMap<>();
    private final Map<String, Tracked> byTxid = new HashMap<>();
    private final Set<String> seenTrades = new LinkedHashSet<>();
    private final LinkedHashMap<String, List<Consumer<Tracked>>> parked = new LinkedHashMap<>();
    private String lastTradeId;

    KrakenOrders(EventSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Starts tracking an order about to be sent. @return empty, or why it must not be sent (its client order id
     * was used before in this session)
     */
    synchronized Optional<String> register(OrderRequest request, KrakenPair pair, long nowNs) {
        if (byId.containsKey(request.clientOrderId())) {
            return Optional.of("duplicate client order id " + request.clientOrderId());
        }
        byId.put(request.clientOrderId(), new Tracked(request.clientOrderId(), pair, request, nowNs));
        prune();
        return Optional.empty();
    }

    /** Takes on an order found open on Kraken (after a restart): its later updates and fills are then ours. */
    synchronized void adopt(OpenOrder order, KrakenPair pair, long nowNs) {
        Tracked t = byId.computeIfAbsent(order.clientOrderId(), id -> new Tracked(id, pair, null, nowNs));
        t.accepted = true;
        t.filled = t.filled.max(order.filledSize());
        if (order.venueOrderId() != null) {
            bind(t, order.venueOrderId().value());
        }
    }

    synchronized Optional<Tracked> get(ClientOrderId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Our client order id of a Kraken order, or null when it is not one of ours (that we know of). */
    synchronized ClientOrderId clientIdOf(String txid) {
        Tracked t = byTxid.get(txid);
        return t == null ? null : t.id;
    }

    /** Orders sent or accepted and not yet ended, oldest first. */
    synchronized List<Tracked> live() {
        return byId.values().stream().filter(t -> !t.done).toList();
    }

    /** Orders Kraken says ended but whose fills we have not all seen: a trade-history catch-up is due. */
    synchronized List<Tracked> awaitingFills() {
        return byId.values().stream().filter(t -> !t.done && t.endedExecuted != null).toList();
    }

    /** The newest trade id seen, or null. */
    synchronized String lastTradeId() {
        return lastTradeId;
    }

    synchronized void cancelRequested(ClientOrderId id) {
        Tracked t = byId.get(id);
        if (t != null) {
            t.cancelRequested = true;
        }
    }

    /** Kraken accepted the order as {@code txid} (AddOrder answered, a stream update, or a lookup found it). */
    synchronized void accepted(ClientOrderId id, String txid, long timestampNs) {
        Tracked t = byId.get(id);
        if (t == null) {
            return;
        }
        bind(t, txid);
        accept(t, timestampNs);
    }

    /** Kraken refused the order, or it certainly was not placed. Ignored once the order was accepted. */
    synchronized void rejected(ClientOrderId id, RejectReason reason, String message, long timestampNs) {
        Tracked t = byId.get(id);
        if (t == null || t.accepted || t.done) {
            return;
        }
        t.done = true;
        sink.offer(new OrderRejected(t.pair.id(), id, reason, message, timestampNs));
    }

    /**
     * An order update from the {@code openOrders} stream (or a lookup): its status, how much it executed (null when
     * not said), and, on an end, why.
     */
    synchronized void onOrderUpdate(String txid, ClientOrderId clientOrderId, String status, BigDecimal executed,
                                    String reason, long timestampNs) {
        Tracked t = byTxid.get(txid);
        if (t == null && clientOrderId != null) {
            t = byId.get(clientOrderId);
            if (t != null) {
                bind(t, txid);
            }
        }
        if (t == null) {
            park(txid, known -> applyUpdate(known, status, executed, reason, timestampNs));
            return;
        }
        applyUpdate(t, status, executed, reason, timestampNs);
    }

    /**
     * One of our trades (stream or catch-up). @return true when it was new and reported; false when seen before,
     * or parked because its order is not known yet
     */
    synchronized boolean onTrade(KrakenTrade trade) {
        if (seenTrades.contains(trade.tradeId())) {
            return false;
        }
        Tracked t = byTxid.get(trade.orderTxid());
        if (t == null && trade.clientOrderId() != null) {
            t = byId.get(trade.clientOrderId());
            if (t != null) {
                bind(t, trade.orderTxid());
            }
        }
        if (t == null) {
            park(trade.orderTxid(), known -> applyTrade(known, trade));
            return false;
        }
        applyTrade(t, trade);
        return true;
    }

    /** True when this trade id has been reported (the engine has it). */
    synchronized boolean seen(String tradeId) {
        return seenTrades.contains(tradeId);
    }

    /** Kraken ended an order in a way only a lookup told us: report the end once the fills are in. */
    synchronized void ended(ClientOrderId id, BigDecimal executed, String reason, long timestampNs) {
        Tracked t = byId.get(id);
        if (t != null) {
            applyUpdate(t, "canceled", executed, reason, timestampNs);
        }
    }

    private void applyUpdate(Tracked t, String status, BigDecimal executed, String reason, long timestampNs) {
        if (t.done) {
            return;
        }
        switch (status) {
            case "pending", "open" -> accept(t, timestampNs);
            case "canceled", "expired", "closed" -> {
                accept(t, timestampNs);
                t.endedExecuted = executed == null ? t.filled : executed;
                t.endReason = reason == null || reason.isEmpty() ? status : reason;
                finishIfComplete(t, timestampNs);
            }
            default -> {
                // other statuses carry nothing we act on
            }
        }
    }

    private void applyTrade(Tracked t, KrakenTrade trade) {
        if (!seenTrades.add(trade.tradeId())) {
            return;
        }
        trimTrades();
        lastTradeId = trade.tradeId();
        accept(t, trade.timeNs());
        Fill fill = trade.toFill(t.id, t.postOnly());
        t.filled = t.filled.add(fill.size());
        sink.offer(new OrderFilled(fill));
        if (t.request != null && t.filled.compareTo(t.request.size()) >= 0) {
            t.done = true; // fully filled: the fills say it all
            return;
        }
        finishIfComplete(t, trade.timeNs());
    }

    /** Reports an ended order's cancellation once its fills add up to what Kraken executed. */
    private void finishIfComplete(Tracked t, long timestampNs) {
        if (t.done || t.endedExecuted == null || t.filled.compareTo(t.endedExecuted) < 0) {
            return;
        }
        t.done = true;
        boolean fullyFilled = t.request != null && t.filled.compareTo(t.request.size()) >= 0;
        if (!fullyFilled) {
            sink.offer(new OrderCancelled(t.pair.id(), t.id, t.endReason, timestampNs));
        }
    }

    private void accept(Tracked t, long timestampNs) {
        if (!t.accepted) {
            t.accepted = true;
            sink.offer(new OrderAccepted(t.pair.id(), t.id, new VenueOrderId(t.txid != null ? t.txid : "unknown"),
                    timestampNs));
        }
    }

    private void bind(Tracked t, String txid) {
        if (txid == null || txid.equals(t.txid)) {
            return;
        }
        t.txid = txid;
        byTxid.put(txid, t);
        List<Consumer<Tracked>> waiting = parked.remove(txid);
        if (waiting != null) {
            waiting.forEach(w -> w.accept(t));
        }
    }

    private void park(String txid, Consumer<Tracked> action) {
        parked.computeIfAbsent(txid, k -> new ArrayList<>()).add(action);
        while (parked.size() > MAX_PARKED) {
            parked.remove(parked.keySet().iterator().next());
        }
    }

    private void trimTrades() {
        while (seenTrades.size() > MAX_TRADE_IDS) {
            seenTrades.remove(seenTrades.iterator().next());
        }
    }

    /** Forgets the oldest ended orders beyond {@value #MAX_ORDERS}. */
    private void prune() {
        if (byId.size() <= MAX_ORDERS) {
            return;
        }
        var it = byId.values().iterator();
        while (byId.size() > MAX_ORDERS && it.hasNext()) {
            Tracked t = it.next();
            if (t.done) {
                it.remove();
                if (t.txid != null) {
                    byTxid.remove(t.txid);
                }
            }
        }
    }
}
