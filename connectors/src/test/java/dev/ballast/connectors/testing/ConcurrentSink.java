package dev.ballast.connectors.testing;

import dev.ballast.core.ClientOrderId;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.EventSink;
import dev.ballast.core.event.VenueStatus;
import java.util.ArrayList;
import java.util.List;

/** An {@link EventSink} that keeps every event, safe to fill from the venue's threads while a test reads it. */
public final class ConcurrentSink implements EventSink {
    private final List<Event> events = new ArrayList<>();

    @Override
    public synchronized boolean offer(Event event) {
        events.add(event);
        return true;
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    public synchronized <T extends Event> List<T> ofType(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Event e : events) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    /** The order events of one order, in order. */
    public synchronized List<Event> forOrder(ClientOrderId id) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            if (id.equals(RecordingSink.orderId(e))) {
                out.add(e);
            }
        }
        return out;
    }

    /** The venue health values published so far, in order. */
    public synchronized List<VenueHealth> healthChanges() {
        List<VenueHealth> out = new ArrayList<>();
        for (Event e : events) {
            if (e instanceof VenueStatus s) {
                out.add(s.health());
            }
        }
        return out;
    }

    /** The last published health, or null. */
    public synchronized VenueHealth lastHealth() {
        List<VenueHealth> all = healthChanges();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    public synchronized void clear() {
        events.clear();
    }
}
