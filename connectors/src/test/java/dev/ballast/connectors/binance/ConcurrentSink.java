package dev.ballast.connectors.binance;

import dev.ballast.connectors.testing.RecordingSink;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.EventSink;
import java.util.ArrayList;
import java.util.List;

/** An {@link EventSink} that keeps every event in arrival order, offered from any thread; reads take a copy. */
final class ConcurrentSink implements EventSink {
    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized boolean offer(Event event) {
        events.add(event);
        return true;
    }

    synchronized List<Event> events() {
        return new ArrayList<>(events);
    }

    synchronized <T extends Event> List<T> ofType(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Event e : events) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    /** The order events of one order, in order. */
    synchronized List<Event> forOrder(ClientOrderId id) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            if (id.equals(RecordingSink.orderId(e))) {
                out.add(e);
            }
        }
        return out;
    }
}
