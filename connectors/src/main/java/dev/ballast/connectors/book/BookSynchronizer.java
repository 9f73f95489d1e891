package dev.ballast.connectors.book;

import dev.ballast.core.book.ApplyResult;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * Keeps an {@link OrderBook} in sync with a venue's snapshot-plus-diffs stream. While the book has no valid
 * snapshot, deltas are buffered (a live client subscribes to the diffs first, then fetches the snapshot, so
 * the diff that bridges the snapshot arrives before it); when the snapshot comes, the buffered deltas are
 * replayed on it per the book's {@link dev.ballast.core.book.SequenceRule}: the ones it already holds are
 * stale and dropped, the rest must chain on. A gap is reported to the caller, who asks the venue for a
 * fresh snapshot; meanwhile deltas are buffered again.
 *
 * <p>The buffer is bounded: past {@code maxBufferedDeltas} the oldest delta is dropped (and counted), which
 * at worst makes the next snapshot's replay report a gap.
 *
 * <p>Not thread-safe: owned by the thread that owns the book (the engine thread, or a replay thread).
 */
public final class BookSynchronizer {
    /** Enough for tens of seconds of Binance diffs while a snapshot is fetched. */
    public static final int DEFAULT_MAX_BUFFERED_DELTAS = 10_000;

    private final OrderBook book;
    private final int maxBufferedDeltas;
    private final ArrayDeque<BookDelta> buffered = new ArrayDeque<>();
    private long gaps;
    private long droppedDeltas;

    public BookSynchronizer(OrderBook book) {
        this(book, DEFAULT_MAX_BUFFERED_DELTAS);
    }

    /** @throws IllegalArgumentException if {@code maxBufferedDeltas < 1} */
    public BookSynchronizer(OrderBook book, int maxBufferedDeltas) {
        this.book = Objects.requireNonNull(book, "book");
        if (maxBufferedDeltas < 1) {
            throw new IllegalArgumentException("maxBufferedDeltas must be >= 1 (was " + maxBufferedDeltas + ")");
        }
        this.maxBufferedDeltas = maxBufferedDeltas;
    }

    /** The book this keeps in sync; read it, do not feed it directly. */
    public OrderBook book() {
        return book;
    }

    /** True when the book holds a snapshot and every delta since. */
    public boolean isSynced() {
        return book.isValid();
    }

    /**
     * Applies a snapshot, then replays the buffered deltas on it.
     *
     * @return APPLIED when the book is now in sync (buffered deltas it already held were dropped; deltas not
     *         yet bridged will chain on when they come), or GAP when a buffered delta does not chain on: the
     *         snapshot is too old, the book is invalid, and the deltas from the gap on stay buffered for the
     *         next snapshot
     */
    public ApplyResult onSnapshot(BookSnapshot snapshot) {
        book.applySnapshot(snapshot);
        while (!buffered.isEmpty()) {
            BookDelta delta = buffered.pollFirst();
            if (book.applyDelta(delta) == ApplyResult.GAP) {
                gaps++;
                buffered.addFirst(delta);
                return ApplyResult.GAP;
            }
        }
        return ApplyResult.APPLIED;
    }

    /**
     * Offers a delta: applied when it chains on, buffered while the book waits for a snapshot.
     *
     * @return the book's verdict: APPLIED, STALE (ignored), NOT_SYNCED (buffered for the next snapshot) or
     *         GAP (the book is now invalid, the delta is buffered; ask the venue for a snapshot)
     */
    public ApplyResult onDelta(BookDelta delta) {
        if (!book.isValid()) {
            buffer(delta);
            return ApplyResult.NOT_SYNCED;
        }
        ApplyResult result = book.applyDelta(delta);
        if (result == ApplyResult.GAP) {
            gaps++;
            buffer(delta);
        }
        return result;
    }

    /** The stream dropped: the book is invalid and what was buffered is useless. */
    public void reset() {
        book.invalidate();
        buffered.clear();
    }

    /** Deltas waiting for a snapshot. */
    public int bufferedDeltas() {
        return buffered.size();
    }

    /** Gaps seen so far, live or on replay. */
    public long gaps() {
        return gaps;
    }

    /** Deltas dropped because the buffer was full. */
    public long droppedDeltas() {
        return droppedDeltas;
    }

    private void buffer(BookDelta delta) {
        if (buffered.size() == maxBufferedDeltas) {
            buffered.pollFirst();
            droppedDeltas++;
        }
        buffered.addLast(delta);
    }
}
