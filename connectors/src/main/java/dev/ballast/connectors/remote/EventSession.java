package dev.ballast.connectors.remote;

import dev.ballast.core.InstrumentId;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One client's event stream on one venue of the {@link SimExchangeServer}: the events still to be written to it,
 * each numbered on this connection from 1.
 *
 * <p>A book's deltas are held back until the stream has carried that book's snapshot (the server asks for one per
 * instrument when the client connects), so a client always starts a book from a snapshot. A client that falls
 * {@code capacity} events behind is given up: the session closes and the client reconnects from fresh snapshots.
 *
 * <p>Threading: {@link #offer} is called by the simulation's driving thread (and by HTTP threads for an order the
 * venue refused at once); it is synchronized so that numbering, the snapshot gate and the queue agree. {@link #next}
 * is called by the one HTTP thread that writes the stream.
 */
final class EventSession {
    /** An event and its number on this connection. */
    record Numbered(long seq, Event event) {
    }

    private final long id;
    private final BlockingQueue<Numbered> queue;
    private final Set<InstrumentId> synced = new HashSet<>(); // guarded by this
    private long lastSeq; // guarded by this
    private volatile boolean closed;
    private volatile String closeReason = "";

    EventSession(long id, int capacity) {
        this.id = id;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    long id() {
        return id;
    }

    /** Queues an event for this client; false when the session is closed or has just been given up (too far behind). */
    synchronized boolean offer(Event e) {
        if (closed) {
            return false;
        }
        if (e instanceof BookDelta d && !synced.contains(d.instrument())) {
            return true; // its book has not been sent yet: the snapshot will carry this change
        }
        if (e instanceof BookSnapshot s) {
            synced.add(s.instrument());
        }
        if (!queue.offer(new Numbered(lastSeq + 1, e))) {
            close("client " + queue.size() + " events behind");
            return false;
        }
        lastSeq++;
        return true;
    }

    /** The next event to write, waiting up to {@code timeoutMs}; null when none came (time for a heartbeat). */
    Numbered next(long timeoutMs) throws InterruptedException {
        return queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** The next event if one is queued, else null. */
    Numbered poll() {
        return queue.poll();
    }

    /** The number of the last event queued. */
    synchronized long lastSequence() {
        return lastSeq;
    }

    void close(String reason) {
        if (!closed) {
            closeReason = reason;
            closed = true;
        }
    }

    boolean isClosed() {
        return closed;
    }

    String closeReason() {
        return closeReason;
    }
}
