package dev.ballast.connectors.binance;

import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Fill;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.event.CancelRejected;
import dev.ballast.core.event.Event;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine has been told about each of our orders on one venue, so that it is told each thing once and in
 * an order it can follow, whichever source speaks first: the REST reply to a place or cancel, the user-data stream,
 * or a lookup by client id after a timeout.
 * <ul>
 *   <li>{@link OrderAccepted} once, before anything else about the order: a fill or a cancel that arrives first
 *       brings it along (an order that trades has been accepted).</li>
 *   <li>{@link OrderFilled} once per trade id (the stream and a reconciling {@code myTrades} may both report it).</li>
 *   <li>one terminal event ({@link OrderCancelled} or {@link OrderRejected}), after every fill: a REST cancel reply
 *       that reports more filled than the fills seen waits for the stream, which sends the missing trades before
 *       its CANCELED update.</li>
 * </ul>
 * Remembers the last {@value #MAX_ORDERS} orders and {@value #MAX_TRADES} trade ids.
 *
 * <p>Thread-safe: the order thread, the user-stream thread and the background thread call in; each call holds the
 * lock while it offers its events, so events about one order reach the sink in the order decided here.
 */
final class BinanceOrders {
    static final int MAX_ORDERS = 100_000;
    static final int MAX_TRADES = 200_000;

    private static final Logger LOG = LoggerFactory.getLogger(BinanceOrders.class);

    private final EventSink sink;
    private final Map<ClientOrderId, OrderState> orders = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ClientOrderId, OrderState> eldest) {
            return size() > MAX_ORDERS;
        }
    };
    private final Map<String, ClientOrderId> byVenueOrderId = new HashMap<>();
    private final Map<String, Boolean> seenTrades = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_TRADES;
        }
    };
    private long droppedEvents;

    BinanceOrders(EventSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Starts tracking an order about to be sent.
     *
     * @return false when the client id was used before (the order must not be sent)
     */
    synchronized boolean track(InstrumentId instrument, ClientOrderId id, long sentNs) {
        if (orders.containsKey(id)) {
            return false;
        }
        orders.put(id, new OrderState(instrument, sentNs));
        return true;
    }

    /** When the order was sent (epoch ns), or -1 if it is not tracked. */
    synchronized long sentNs(ClientOrderId id) {
        OrderState s = orders.get(id);
        return s == null ? -1 : s.sentNs;
    }

    synchronized boolean isTerminal(ClientOrderId id) {
        OrderState s = orders.get(id);
        return s != null && s.terminal;
    }

    /** The client id of the order Binance numbers {@code orderId}, if this venue has seen it. */
    synchronized ClientOrderId clientOrderId(String venueOrderId) {
        return byVenueOrderId.get(venueOrderId);
    }

    /** What has been reported filled of the order so far. */
    synchronized BigDecimal filled(ClientOrderId id) {
        OrderState s = orders.get(id);
        return s == null ? BigDecimal.ZERO : s.filled;
    }

    /** The venue has the order (a REST reply, the stream's NEW, or a lookup). */
    synchronized void accepted(InstrumentId instrument, ClientOrderId id, VenueOrderId venueOrderId, long timestampNs) {
        OrderState s = state(instrument, id);
        rememberVenueId(s, id, venueOrderId);
        acceptOnce(s, id, timestampNs);
    }

    /** The venue refused the order, or it never reached it. Ignored once the order has had an outcome. */
    synchronized void rejected(InstrumentId instrument, ClientOrderId id, RejectReason reason, String message,
                               long timestampNs) {
        OrderState s = state(instrument, id);
        if (s.terminal || s.accepted) {
            LOG.debug("{} {}: reject ({}) after the order was {}; ignored", instrument, id, reason,
                    s.terminal ? "done" : "accepted");
            return;
        }
        s.terminal = true;
        offer(new OrderRejected(instrument, id, reason, message, timestampNs));
    }

    /**
     * One trade of the order.
     *
     * @param orderFilled true when this trade filled the order completely (its status is FILLED)
     * @return false when the trade had been reported already
     */
    synchronized boolean fill(Fill fill, boolean orderFilled) {
        String key = fill.instrument().symbol() + ":" + fill.tradeId().value();
        if (seenTrades.containsKey(key)) {
            return false;
        }
        seenTrades.put(key, Boolean.TRUE);
        OrderState s = state(fill.instrument(), fill.clientOrderId());
        if (fill.venueOrderId() != null) {
            rememberVenueId(s, fill.clientOrderId(), fill.venueOrderId());
        }
        acceptOnce(s, fill.clientOrderId(), fill.timestampNs());
        if (s.terminal && !s.filledOut) {
            LOG.warn("{} {}: trade {} reported after the order ended; passed on", fill.instrument(),
                    fill.clientOrderId(), fill.tradeId());
        }
        s.filled = s.filled.add(fill.size());
        offer(new OrderFilled(fill));
        if (orderFilled) {
            s.terminal = true;
            s.filledOut = true;
        }
        if (s.pendingCancel != null && s.filled.compareTo(s.pendingCancel) >= 0 && !s.terminal) {
            finishCancel(s, fill.clientOrderId(), s.pendingCancelReason, fill.timestampNs());
        }
        return true;
    }

    /** True when the trade {@code tradeId} of {@code symbol} has been reported. */
    synchronized boolean seen(String symbol, TradeId tradeId) {
        return seenTrades.containsKey(symbol + ":" + tradeId.value());
    }

    /** The order left the book without filling completely (cancelled, IOC expired, post-only expired). */
    synchronized void cancelled(InstrumentId instrument, ClientOrderId id, VenueOrderId venueOrderId, String reason,
                                long timestampNs) {
        OrderState s = state(instrument, id);
        if (venueOrderId != null) {
            rememberVenueId(s, id, venueOrderId);
        }
        if (s.terminal) {
            return;
        }
        finishCancel(s, id, reason, timestampNs);
    }

    /**
     * A REST reply confirmed the cancel with {@code executedQty} filled in all. Reported at once when every fill is
     * in; otherwise the stream, which sends the missing trades first, will finish it.
     */
    synchronized void cancelConfirmed(InstrumentId instrument, ClientOrderId id, VenueOrderId venueOrderId,
                                      BigDecimal executedQty, String reason, long timestampNs) {
        OrderState s = state(instrument, id);
        if (venueOrderId != null) {
            rememberVenueId(s, id, venueOrderId);
        }
        if (s.terminal) {
            return;
        }
        if (s.filled.compareTo(executedQty) >= 0) {
            finishCancel(s, id, reason, timestampNs);
        } else {
            s.pendingCancel = executedQty;
            s.pendingCancelReason = reason;
        }
    }

    /** A place with a client id used before: refused without touching the first order's state. */
    synchronized void duplicate(InstrumentId instrument, ClientOrderId id, long timestampNs) {
        offer(new OrderRejected(instrument, id, RejectReason.INVALID_ORDER,
                "duplicate client order id: already used on this venue", timestampNs));
    }

    /**
     * A post-only (GTX) order expired unfilled: a reject (it would have taken) when it was never accepted, else a
     * cancel.
     */
    synchronized void expiredPostOnly(InstrumentId instrument, ClientOrderId id, VenueOrderId venueOrderId,
                                      long timestampNs) {
        OrderState s = state(instrument, id);
        if (s.terminal) {
            return;
        }
        if (!s.accepted) {
            s.terminal = true;
            offer(new OrderRejected(instrument, id, RejectReason.POST_ONLY_WOULD_CROSS,
                    "GTX order expired: it would have taken liquidity", timestampNs));
            return;
        }
        cancelled(instrument, id, venueOrderId, "expired", timestampNs);
    }

    /** The venue refused a cancel (unknown order, or it could not be sent). */
    synchronized void cancelRejected(InstrumentId instrument, ClientOrderId id, RejectReason reason, String message,
                                     long timestampNs) {
        offer(new CancelRejected(instrument, id, reason, message, timestampNs));
    }

    /** One order not yet ended, as {@link #liveOrders()} lists it. */
    record Live(InstrumentId instrument, ClientOrderId clientOrderId) {
    }

    /** The orders not yet ended (sent, accepted or partly filled), oldest first. */
    synchronized List<Live> liveOrders() {
        List<Live> out = new ArrayList<>();
        orders.forEach((id, s) -> {
            if (!s.terminal) {
                out.add(new Live(s.instrument, id));
            }
        });
        return out;
    }

    /** Events the sink refused (its queue was full). */
    synchronized long droppedEvents() {
        return droppedEvents;
    }

    private void finishCancel(OrderState s, ClientOrderId id, String reason, long timestampNs) {
        acceptOnce(s, id, timestampNs);
        s.terminal = true;
        s.pendingCancel = null;
        offer(new OrderCancelled(s.instrument, id, reason, timestampNs));
    }

    private void acceptOnce(OrderState s, ClientOrderId id, long timestampNs) {
        if (s.accepted || s.terminal) {
            return;
        }
        s.accepted = true;
        VenueOrderId venueId = s.venueOrderId != null ? s.venueOrderId : new VenueOrderId("unknown");
        offer(new OrderAccepted(s.instrument, id, venueId, timestampNs));
    }

    private void rememberVenueId(OrderState s, ClientOrderId id, VenueOrderId venueOrderId) {
        if (s.venueOrderId == null) {
            s.venueOrderId = venueOrderId;
            byVenueOrderId.put(venueOrderId.value(), id);
            if (byVenueOrderId.size() > MAX_ORDERS) {
                byVenueOrderId.keySet().removeIf(k -> !orders.containsKey(byVenueOrderId.get(k)));
            }
        }
    }

    /** The order's state; one the venue reports but we never sent (placed before a restart) is tracked from here. */
    private OrderState state(InstrumentId instrument, ClientOrderId id) {
        return orders.computeIfAbsent(id, k -> new OrderState(instrument, -1));
    }

    private void offer(Event event) {
        if (!sink.offer(event)) {
            droppedEvents++;
            LOG.warn("event sink full: dropped {}", event.getClass().getSimpleName());
        }
    }

    /** One order's reporting state. Guarded by the tracker's lock. */
    private static final class OrderState {
        final InstrumentId instrument;
        final long sentNs;
        VenueOrderId venueOrderId;
        boolean accepted;
        boolean terminal;
        boolean filledOut;
        BigDecimal filled = BigDecimal.ZERO;
        /** A REST cancel reply said this much was filled; waiting for those fills before reporting the cancel. */
        BigDecimal pendingCancel;
        String pendingCancelReason;

        OrderState(InstrumentId instrument, long sentNs) {
            this.instrument = instrument;
            this.sentNs = sentNs;
        }
    }
}
