package dev.ballast.connectors;

import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Fill;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.OrderReport;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderStatus;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.OrderRejected;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an in-process venue (simulated, backtest, paper-live) remembers of our orders and fills, so it can answer
 * "what became of client order id X" and "our fills since trade Y" as a real exchange does — the questions a
 * connector asks after a timeout and the bot asks when it reconciles after a restart.
 *
 * <p>The venue calls {@link #onPlaced} when an order reaches it and {@link #onEvent} with every order event it
 * emits, on its own thread; the queries may come from any thread. Trade ids are the venue's own, in the order the
 * fills happened. Thread-safe.
 */
public final class OrderHistory {
    private final Map<ClientOrderId, OrderReport> reports = new ConcurrentHashMap<>();
    private final List<Fill> fills = new ArrayList<>(); // guarded by itself

    /** An order reached the venue (before it is accepted or rejected). */
    public void onPlaced(OrderRequest r, long nowNs) {
        BigDecimal size = r.size();
        reports.putIfAbsent(r.clientOrderId(), new OrderReport(r.clientOrderId(), null, r.instrument(), r.side(),
                OrderStatus.OPEN, r.price(), size, BigDecimal.ZERO, nowNs));
    }

    /** An order event the venue emitted; other events are ignored. */
    public void onEvent(Event e) {
        if (e instanceof OrderAccepted a) {
            reports.computeIfPresent(a.clientOrderId(), (id, r) -> with(r, a.venueOrderId(), r.status(), r.filledSize(),
                    a.timestampNs()));
        } else if (e instanceof OrderRejected rej) {
            reports.computeIfPresent(rej.clientOrderId(), (id, r) -> with(r, r.venueOrderId(), OrderStatus.REJECTED,
                    r.filledSize(), rej.timestampNs()));
        } else if (e instanceof OrderCancelled c) {
            reports.computeIfPresent(c.clientOrderId(), (id, r) -> with(r, r.venueOrderId(), OrderStatus.CANCELLED,
                    r.filledSize(), c.timestampNs()));
        } else if (e instanceof OrderFilled f) {
            Fill fill = f.fill();
            synchronized (fills) {
                fills.add(fill);
            }
            reports.computeIfPresent(fill.clientOrderId(), (id, r) -> {
                BigDecimal filled = r.filledSize().add(fill.size());
                OrderStatus status = filled.compareTo(r.size()) >= 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
                return with(r, fill.venueOrderId() != null ? fill.venueOrderId() : r.venueOrderId(), status,
                        filled.min(r.size()), fill.timestampNs());
            });
        }
    }

    /** The venue's view of one order, or empty when it never reached the venue. */
    public Optional<OrderReport> report(ClientOrderId clientOrderId) {
        return Optional.ofNullable(reports.get(clientOrderId));
    }

    /** Our fills on {@code instrument} after {@code afterExclusive} (every one when null), oldest first. */
    public List<Fill> fillsSince(InstrumentId instrument, TradeId afterExclusive) {
        List<Fill> out = new ArrayList<>();
        synchronized (fills) {
            int start = 0;
            if (afterExclusive != null) {
                for (int i = fills.size() - 1; i >= 0; i--) {
                    if (fills.get(i).tradeId().equals(afterExclusive)) {
                        start = i + 1;
                        break;
                    }
                }
            }
            for (int i = start; i < fills.size(); i++) {
                if (fills.get(i).instrument().equals(instrument)) {
                    out.add(fills.get(i));
                }
            }
        }
        return out;
    }

    /** A terminal status stays (a late fill still adds its size) unless the order becomes fully filled. */
    private static OrderReport with(OrderReport r, VenueOrderId venueOrderId, OrderStatus next, BigDecimal filled,
                                    long nowNs) {
        OrderStatus status = r.status().isTerminal() && next != OrderStatus.FILLED ? r.status() : next;
        return new OrderReport(r.clientOrderId(), venueOrderId, r.instrument(), r.side(), status, r.price(), r.size(),
                filled, nowNs);
    }
}
