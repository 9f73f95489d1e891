package dev.ballast.connectors.okx;

import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Fill;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.OrderReport;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderStatus;
import dev.ballast.core.OrderType;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.event.CancelRejected;
import dev.ballast.core.event.EventSink;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.RejectReason;
import dev.ballast.core.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns what OKX says about our orders — REST replies, {@code orders} channel pushes, lookups by client id — into
 * exactly one event sequence per order: at most one {@link OrderAccepted}, each fill once, at most one terminal event
 * ({@link OrderRejected}, {@link OrderCancelled}, or the fills that complete it).
 *
 * <h2>Who speaks for an order</h2>
 * While the private stream is logged in and subscribed, state changes come from the stream: a REST "cancel accepted"
 * says nothing (the stream's {@code canceled} follows), and a post-only order is acknowledged only when the stream
 * shows it {@code live} — because OKX acknowledges a post-only order that would cross and then cancels it with
 * {@code cancelSource} 31, which must reach the engine as {@code OrderRejected(POST_ONLY_WOULD_CROSS)}, not as an
 * accepted order that was cancelled. Without the stream (public-only, or disconnected) the REST replies speak.
 * Either way every path goes through here, so a late or repeated message never produces a second event.
 *
 * <h2>Fills</h2>
 * Fills come from the stream, and from REST only where the stream could not have delivered them (a lookup after an
 * unknown outcome, a backfill after the private stream reconnects); all of them pass {@link #fill}, which drops a
 * (instrument, trade id, client id) it has already emitted.
 *
 * <p>Thread-safety: the order thread and the private stream's I/O thread both report here; every method holds this
 * object's lock while it decides and offers events (the sink never blocks).
 */
final class OkxOrders {
    /** How many emitted fills and ended orders are remembered to drop repeats. */
    static final int MEMORY = 100_000;

    private static final class Tracked {
        final InstrumentId instrument;
        final OrderType type;
        VenueOrderId venueOrderId;
        boolean accepted;
        boolean awaitingStream;

        Tracked(InstrumentId instrument, OrderType type) {
            this.instrument = instrument;
            this.type = type;
        }
    }

    private final EventSink sink;
    private final Clock clock;
    private final Map<ClientOrderId, Tracked> live = new HashMap<>();
    private final Map<ClientOrderId, Boolean> ended = lru();
    private final Map<String, Boolean> fillsSeen = lru();
    private final Map<String, TradeId> lastTradeId = new HashMap<>();
    private boolean streamLive;
    private long duplicateFills;

    OkxOrders(EventSink sink, Clock clock) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---------------------------------------------------------------- order entry (order thread)

    /**
     * An order is about to be sent.
     *
     * @return false when its client order id was used before (live or ended): it must not be sent
     */
    synchronized boolean placing(OrderRequest request) {
        ClientOrderId id = request.clientOrderId();
        if (live.containsKey(id) || ended.containsKey(id)) {
            return false;
        }
        live.put(id, new Tracked(request.instrument(), request.type()));
        return true;
    }

    /** A place refused before sending because its client order id was used before; the first order is untouched. */
    synchronized void duplicate(InstrumentId instrument, ClientOrderId id) {
        sink.offer(new OrderRejected(instrument, id, RejectReason.INVALID_ORDER, "duplicate client order id",
                clock.nowNs()));
    }

    /** OKX answered {@code sCode} 0 to our place. */
    synchronized void placeAccepted(ClientOrderId id, VenueOrderId venueOrderId) {
        Tracked t = live.get(id);
        if (t == null || t.accepted) {
            return;
        }
        t.venueOrderId = venueOrderId;
        if (t.type == OrderType.LIMIT_POST_ONLY && streamLive) {
            t.awaitingStream = true; // the stream says live, or cancelled with cancelSource 31
            return;
        }
        accept(id, t, venueOrderId, clock.nowNs());
    }

    /** The order was refused (by OKX, or by our checks before sending): it never rested. */
    synchronized void placeRejected(InstrumentId instrument, ClientOrderId id, RejectReason reason, String message) {
        if (ended.containsKey(id)) {
            return;
        }
        live.remove(id);
        end(id);
        sink.offer(new OrderRejected(instrument, id, reason, message, clock.nowNs()));
    }

    /** OKX accepted our cancel ({@code sCode} 0). */
    synchronized void cancelAccepted(InstrumentId instrument, ClientOrderId id) {
        if (streamLive || ended.containsKey(id)) {
            return; // the stream's "canceled" push speaks for it
        }
        live.remove(id);
        end(id);
        sink.offer(new OrderCancelled(instrument, id, "cancelled", clock.nowNs()));
    }

    synchronized void cancelRejected(InstrumentId instrument, ClientOrderId id, RejectReason reason, String message) {
        sink.offer(new CancelRejected(instrument, id, reason, message, clock.nowNs()));
    }

    /** What a lookup by client id found, with the order's fills when it traded. */
    synchronized void onReport(OrderReport report, List<Fill> fills) {
        ClientOrderId id = report.clientOrderId();
        Tracked t = live.get(id);
        long ts = report.updatedNs();
        switch (report.status()) {
            case REJECTED -> {
                if (t != null && !t.accepted) {
                    reject(report.instrument(), id, ts);
                } else {
                    cancelled(report.instrument(), id, "post-only would take liquidity (okx cancelSource 31)", ts);
                }
                return;
            }
            case OPEN, PARTIALLY_FILLED, FILLED, CANCELLED -> {
                if (t != null && !t.accepted && report.venueOrderId() != null) {
                    accept(id, t, report.venueOrderId(), ts);
                }
            }
            default -> throw new IllegalArgumentException("a venue report is never " + report.status());
        }
        for (Fill f : fills) {
            fill(f);
        }
        if (report.status() == OrderStatus.FILLED) {
            live.remove(id);
            end(id);
        } else if (report.status() == OrderStatus.CANCELLED) {
            cancelled(report.instrument(), id, "cancelled", ts);
        }
    }

    // ---------------------------------------------------------------- the private stream (its I/O thread)

    /** One {@code orders} push about one order. */
    synchronized void onStream(OkxOrderUpdate u, OkxInstrument instrument) {
        ClientOrderId id = OkxMapper.clientOrderId(u.clOrdId());
        if (id == null) {
            return; // not placed by us
        }
        InstrumentId inst = instrument.instrument().id();
        Tracked t = live.get(id);
        long ts = u.updatedMs() * 1_000_000L;
        if (u.postOnlyWouldCross()) {
            if (t != null && !t.accepted) {
                reject(inst, id, ts);
            } else {
                cancelled(inst, id, "post-only would take liquidity (okx cancelSource 31)", ts);
            }
            return;
        }
        if (t != null && !t.accepted && !u.ordId().isEmpty()) {
            accept(id, t, new VenueOrderId(u.ordId()), ts);
        }
        Fill f = OkxMapper.fill(u, instrument);
        if (f != null) {
            fill(f);
        }
        if (u.isFilled()) {
            live.remove(id);
            end(id);
        } else if (u.isCancelled()) {
            cancelled(inst, id, cancelReason(u), ts);
        }
    }

    /**
     * The private stream is (or is no longer) logged in and subscribed.
     *
     * @return when it went down: the post-only orders that were waiting for it, to be looked up by client id
     */
    synchronized List<ClientOrderId> streamLive(boolean isLive) {
        streamLive = isLive;
        List<ClientOrderId> waiting = new ArrayList<>();
        if (!isLive) {
            for (Map.Entry<ClientOrderId, Tracked> e : live.entrySet()) {
                if (e.getValue().awaitingStream && !e.getValue().accepted) {
                    waiting.add(e.getKey());
                }
            }
        }
        return waiting;
    }

    // ---------------------------------------------------------------- fills

    /** Emits a fill unless it was emitted before. @return true when emitted */
    synchronized boolean fill(Fill f) {
        String key = f.instrument().symbol() + '/' + f.tradeId().value() + '/' + f.clientOrderId().value();
        if (fillsSeen.putIfAbsent(key, Boolean.TRUE) != null) {
            duplicateFills++;
            return false;
        }
        lastTradeId.put(f.instrument().symbol(), f.tradeId());
        sink.offer(new OrderFilled(f));
        return true;
    }

    /** The trade id of the last fill emitted for an instrument, or null. */
    synchronized TradeId lastTradeId(InstrumentId instrument) {
        return lastTradeId.get(instrument.symbol());
    }

    synchronized long duplicateFills() {
        return duplicateFills;
    }

    /** True while a post-only order OKX acknowledged waits for the stream to say it is live (or crossed). */
    synchronized boolean awaitingStream(ClientOrderId id) {
        Tracked t = live.get(id);
        return t != null && t.awaitingStream && !t.accepted;
    }

    /** The instrument of an order we track, or null. */
    synchronized InstrumentId instrumentOf(ClientOrderId id) {
        Tracked t = live.get(id);
        return t == null ? null : t.instrument;
    }

    /** Orders placed and not known to have ended. */
    synchronized List<ClientOrderId> liveOrders() {
        return new ArrayList<>(live.keySet());
    }

    // ---------------------------------------------------------------- helpers (lock held)

    private void accept(ClientOrderId id, Tracked t, VenueOrderId venueOrderId, long ts) {
        t.accepted = true;
        t.awaitingStream = false;
        t.venueOrderId = venueOrderId;
        sink.offer(new OrderAccepted(t.instrument, id, venueOrderId, ts));
    }

    private void reject(InstrumentId instrument, ClientOrderId id, long ts) {
        live.remove(id);
        end(id);
        sink.offer(new OrderRejected(instrument, id, RejectReason.POST_ONLY_WOULD_CROSS,
                "okx cancelSource 31: the post-only order would take liquidity", ts));
    }

    private void cancelled(InstrumentId instrument, ClientOrderId id, String reason, long ts) {
        live.remove(id);
        if (ended.containsKey(id)) {
            return;
        }
        end(id);
        sink.offer(new OrderCancelled(instrument, id, reason, ts));
    }

    private void end(ClientOrderId id) {
        ended.put(id, Boolean.TRUE);
    }

    private static String cancelReason(OkxOrderUpdate u) {
        return switch (u.cancelSource()) {
            case "1" -> "cancelled";
            case "14" -> "ioc expired";
            case "" -> "cancelled";
            default -> "cancelled by okx (cancelSource " + u.cancelSource() + ")";
        };
    }

    private static <K> Map<K, Boolean> lru() {
        return new LinkedHashMap<>(1024, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Boolean> eldest) {
                return size() > MEMORY;
            }
        };
    }
}
