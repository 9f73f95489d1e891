package dev.ballast.connectors.testing;

import dev.ballast.core.ClientOrderId;
import dev.ballast.core.event.CancelRejected;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.EventSink;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.OrderRejected;
import java.util.ArrayList;
import java.util.List;

/** An {@link EventSink} that keeps every event, in order, for tests to inspect. Single-threaded tests only. */
public final class RecordingSink implements EventSink {
    private final List<Event> events = new ArrayList<>();

    @Override
    public boolean offer(Event event) {
        events.add(event);
        return true;
    }

    public List<Event> events() {
        return events;
    }

    public <T extends Event> List<T> ofType(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Event e : events) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    /** The order events (accepted, rejected, filled, cancelled, cancel rejected) of one order, in order. */
    public List<Event> forOrder(ClientOrderId id) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            if (id.equals(orderId(e))) {
                out.add(e);
            }
        }
        return out;
    }

    /** The client order id an order event is about, or null for market data. */
    public static ClientOrderId orderId(Event e) {
        if (e instanceof OrderAccepted a) {
            return a.clientOrderId();
        } else if (e instanceof OrderRejected r) {
            return r.clientOrderId();
        } else if (e instanceof OrderFilled f) {
            return f.fill().clientOrderId();
        } else if (e instanceof OrderCancelled c) {
            return c.clientOrderId();
        } else if (e instanceof CancelRejected c) {
            return c.clientOrderId();
        }
        return null;
    }

    public void clear() {
        events.clear();
    }
}
