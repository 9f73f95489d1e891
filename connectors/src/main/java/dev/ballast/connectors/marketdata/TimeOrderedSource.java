package dev.ballast.connectors.marketdata;

import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.PublicTrade;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ordering half of a recorded source: subclasses read their input and {@link #emit} events in the
 * order the recorder received them; this puts them in exchange-time order for {@link #next()}.
 *
 * <h2>Implementation notes</h2>
 * A recorder receives several streams (depth, trades) over one connection, so its file is in receive order,
 * and exchange times step back a little where the streams interleave (up to 59 ms on the Binance USD-M
 * recording). Emitted events wait in a min-heap keyed by (exchange time, emit order) until the newest
 * exchange time read is {@code reorderWindowNs} past them, or until the input ends; then they come out in
 * time order, ties in emit order. An event that arrives later than that (past the window) would break the
 * order: it is retimed to the last time handed out, counted, and logged once. Book events of the source's
 * instrument are also kept in emit order (a later book event is never timed before an earlier one), since
 * the order of a snapshot and its deltas is the book's sequence; a subclass may hold back the release of
 * events from a given time on ({@link #holdFromNs()}) while it waits for a snapshot that will be timed
 * there. Arrays grow to the window's population and are reused: nothing is allocated per event except for
 * the rare retimed one.
 *
 * <p>Not thread-safe: owned by the thread that runs the replay.
 */
abstract class TimeOrderedSource implements MarketDataSource {
    /** Wide enough for the interleaving seen in real recordings (tens of ms) with a large margin. */
    static final long DEFAULT_REORDER_WINDOW_NS = 1_000_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(TimeOrderedSource.class);

    private final long reorderWindowNs;

    private long[] heapTimeNs = new long[256];
    private long[] heapOrder = new long[256];
    private Event[] heapEvents = new Event[256];
    private int heapSize;
    private long emitted;

    private long newestSeenNs = Long.MIN_VALUE;
    private long lastReleasedNs = Long.MIN_VALUE;
    private long lastBookNs = Long.MIN_VALUE;
    private long retimed;
    private boolean warnedLate;

    private Event lookahead;
    private boolean inputEnded;
    private boolean finished;
    private boolean closed;

    private long snapshotsEmitted;
    private long deltasEmitted;
    private long tradesEmitted;

    /** @throws IllegalArgumentException if {@code reorderWindowNs < 0} */
    TimeOrderedSource(long reorderWindowNs) {
        if (reorderWindowNs < 0) {
            throw new IllegalArgumentException("reorderWindowNs must be >= 0 (was " + reorderWindowNs + ")");
        }
        this.reorderWindowNs = reorderWindowNs;
    }

    /**
     * Reads on (a line, say), emitting what it holds, if anything.
     *
     * @return false when the input has ended (nothing was read)
     */
    abstract boolean readMore();

    /**
     * Called once when the input has ended and every event has been handed out: the place to complain about
     * a book left out of sync.
     *
     * @throws MarketDataException if the data could not be replayed to its end
     */
    abstract void atEnd();

    /** Events timed at or after this are not released yet (a snapshot that will be timed there is awaited). */
    long holdFromNs() {
        return Long.MAX_VALUE;
    }

    /** Releases the input; called once by {@link #close()}. */
    abstract void closeInput();

    @Override
    public final Event next() {
        Event event = peek();
        lookahead = null;
        return event;
    }

    @Override
    public final Event peek() {
        if (lookahead != null || finished) {
            return lookahead;
        }
        while (true) {
            if (heapSize > 0) {
                long head = heapTimeNs[0];
                if (inputEnded || (head + reorderWindowNs <= newestSeenNs && head < holdFromNs())) {
                    lookahead = poll();
                    return lookahead;
                }
            } else if (inputEnded) {
                finished = true;
                atEnd();
                return null;
            }
            if (!inputEnded && !readMore()) {
                inputEnded = true;
            }
        }
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            finished = true;
            lookahead = null;
            Arrays.fill(heapEvents, 0, heapSize, null);
            heapSize = 0;
            closeInput();
        }
    }

    /** Book snapshots handed to the ordering so far (all of them are, or will be, returned by next()). */
    public long snapshotsEmitted() {
        return snapshotsEmitted;
    }

    /** Book deltas handed to the ordering so far. */
    public long deltasEmitted() {
        return deltasEmitted;
    }

    /** Trades handed to the ordering so far. */
    public long tradesEmitted() {
        return tradesEmitted;
    }

    /**
     * Events whose time was moved forward: ones that arrived later than the reorder window allows, and book
     * events timed before the book event emitted ahead of them (a snapshot's first deltas).
     */
    public long retimedEvents() {
        return retimed;
    }

    /** Notes an exchange time read from the input, whether or not an event is emitted for it yet. */
    final void observe(long exchangeNs) {
        if (exchangeNs > newestSeenNs) {
            newestSeenNs = exchangeNs;
        }
    }

    /** The newest exchange time read so far; {@link Long#MIN_VALUE} before the first. */
    final long newestSeenNs() {
        return newestSeenNs;
    }

    /** Hands an event to the ordering, in the order it was received. */
    final void emit(Event event) {
        long timeNs = event.timestampNs();
        boolean book = event instanceof BookDelta || event instanceof BookSnapshot;
        if (book) {
            timeNs = Math.max(timeNs, lastBookNs);
        }
        if (timeNs < lastReleasedNs) {
            if (!warnedLate) {
                warnedLate = true;
                LOG.warn("{}: an event at {} ns came after events up to {} ns were handed out (more than the"
                        + " {} ns reorder window late); it and any later such events are retimed to the last time"
                        + " handed out", describe(), timeNs, lastReleasedNs, reorderWindowNs);
            }
            timeNs = lastReleasedNs;
        }
        if (timeNs != event.timestampNs()) {
            retimed++;
            event = withTimestamp(event, timeNs);
        }
        if (book) {
            lastBookNs = timeNs;
            if (event instanceof BookDelta) {
                deltasEmitted++;
            } else {
                snapshotsEmitted++;
            }
        } else {
            tradesEmitted++;
        }
        observe(timeNs);
        push(timeNs, event);
    }

    private static Event withTimestamp(Event e, long timeNs) {
        if (e instanceof BookDelta d) {
            return new BookDelta(d.instrument(), d.firstUpdateId(), d.lastUpdateId(), d.prevUpdateId(),
                    d.bidTicks(), d.bidLots(), d.bidCount(), d.askTicks(), d.askLots(), d.askCount(), timeNs);
        }
        if (e instanceof BookSnapshot s) {
            return new BookSnapshot(s.instrument(), s.updateId(), s.bidTicks(), s.bidLots(), s.bidCount(),
                    s.askTicks(), s.askLots(), s.askCount(), timeNs);
        }
        if (e instanceof PublicTrade t) {
            return new PublicTrade(t.instrument(), t.priceTicks(), t.sizeLots(), t.aggressor(), timeNs);
        }
        throw new IllegalArgumentException("a market data source emits no " + e.getClass().getSimpleName());
    }

    // ------------------------------------------------------------------ binary min-heap on (time, order)

    private void push(long timeNs, Event event) {
        if (heapSize == heapEvents.length) {
            int capacity = heapSize * 2;
            heapTimeNs = Arrays.copyOf(heapTimeNs, capacity);
            heapOrder = Arrays.copyOf(heapOrder, capacity);
            heapEvents = Arrays.copyOf(heapEvents, capacity);
        }
        long order = emitted++;
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(timeNs, order, heapTimeNs[parent], heapOrder[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, timeNs, order, event);
    }

    private Event poll() {
        Event top = heapEvents[0];
        lastReleasedNs = heapTimeNs[0];
        int last = --heapSize;
        long timeNs = heapTimeNs[last];
        long order = heapOrder[last];
        Event event = heapEvents[last];
        heapEvents[last] = null;
        if (last > 0) {
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= last) {
                    break;
                }
                if (child + 1 < last
                        && before(heapTimeNs[child + 1], heapOrder[child + 1], heapTimeNs[child], heapOrder[child])) {
                    child++;
                }
                if (!before(heapTimeNs[child], heapOrder[child], timeNs, order)) {
                    break;
                }
                move(child, i);
                i = child;
            }
            set(i, timeNs, order, event);
        }
        return top;
    }

    private static boolean before(long timeA, long orderA, long timeB, long orderB) {
        return timeA < timeB || (timeA == timeB && orderA < orderB);
    }

    private void move(int from, int to) {
        set(to, heapTimeNs[from], heapOrder[from], heapEvents[from]);
    }

    private void set(int i, long timeNs, long order, Event event) {
        heapTimeNs[i] = timeNs;
        heapOrder[i] = order;
        heapEvents[i] = event;
    }
}
