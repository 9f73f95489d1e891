package dev.ballast.connectors.binance;

import dev.ballast.connectors.book.BookSynchronizer;
import dev.ballast.core.Instrument;
import dev.ballast.core.Side;
import dev.ballast.core.book.ApplyResult;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.EventSink;
import dev.ballast.core.event.PublicTrade;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instrument's live book on a Binance venue: its diffs from the market stream and its REST snapshots, synced
 * by Binance's rules ({@link BinanceProduct#sequenceRule()}: spot {@code U == prev u + 1}, USD-M {@code pu ==
 * prev u}; the bridging diff is found in the buffer when the snapshot comes, see {@link BookSynchronizer}), and
 * what the engine is given of it.
 *
 * <h2>What the engine sees</h2>
 * Only a book in sync is published, renumbered so that each message chains on the previous one
 * ({@link dev.ballast.core.book.SequenceRule#SEQUENTIAL}, as every Ballast venue publishes): a {@link BookSnapshot}
 * of the whole synced book when sync is reached (and again on {@link #republish}), then every diff that chains on.
 * Diffs waiting for a snapshot, stale ones, and the bridging diffs folded into the snapshot are not published. On a
 * gap (or a book that would cross) the feed turns invalid and asks for a fresh snapshot; the engine hears of it
 * through the venue's health ({@code BOOK_INVALID}) and then gets the new snapshot.
 *
 * <h2>Malformed messages</h2>
 * A message the parser refuses is counted ({@link #malformed()}), logged once, and skipped; the book does not
 * depend on it unless it was a diff, in which case the next diff reports the gap.
 *
 * <p>Thread-safe: the market-stream thread ({@link #onStreamMessage}) and the snapshot thread
 * ({@link #onSnapshotReply}) both call in; the lock is held while parsing and applying, never during I/O.
 */
final class BinanceBookFeed implements BinanceMessageHandler {
    /** What the venue does for a feed. Called with the feed's lock held: must only hand work to another thread. */
    interface Listener {
        /** The book turned valid or invalid. */
        void onBookValidity(BinanceBookFeed feed, boolean valid, String detail);

        /** The book needs a REST snapshot (the stream started, or a gap). */
        void onSnapshotNeeded(BinanceBookFeed feed);
    }

    private static final Logger LOG = LoggerFactory.getLogger(BinanceBookFeed.class);

    private final Instrument instrument;
    private final BinanceMessageParser parser;
    private final BookSynchronizer sync;
    private final EventSink sink;
    private final Listener listener;
    private final AtomicBoolean fetching = new AtomicBoolean();

    private boolean valid;
    private long publishedId;
    /** The snapshot the parser just read (set by {@link #onSnapshot} during {@link #onSnapshotReply}). */
    private BookSnapshot parsedSnapshot;
    private long malformed;
    private long gaps;
    private long syncs;
    private long droppedEvents;

    BinanceBookFeed(Instrument instrument, BinanceProduct product, EventSink sink, Listener listener) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.parser = new BinanceMessageParser(instrument, product.isFutures());
        this.sync = new BookSynchronizer(new OrderBook(instrument, product.sequenceRule()));
        this.sink = Objects.requireNonNull(sink, "sink");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    Instrument instrument() {
        return instrument;
    }

    /** One market-stream message for this instrument (a diff, a trade, or anything else, ignored). */
    synchronized void onStreamMessage(String text, long receivedNs) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            parser.parse(bytes, 0, bytes.length, receivedNs, this);
        } catch (MalformedMessageException e) {
            malformed++;
            if (malformed == 1) {
                LOG.warn("{}: skipped a malformed market-stream message: {} (further ones only counted)",
                        instrument.id(), e.getMessage());
            }
        }
    }

    /**
     * The body of a REST depth snapshot.
     *
     * @return true when the book is now in sync; false when the snapshot does not bridge the buffered diffs
     *         (older than they are) or could not be read: ask for another
     */
    synchronized boolean onSnapshotReply(String body, long receivedNs) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        parsedSnapshot = null;
        try {
            parser.parse(bytes, 0, bytes.length, receivedNs, this);
        } catch (MalformedMessageException e) {
            malformed++;
            LOG.warn("{}: unreadable depth snapshot: {}", instrument.id(), e.getMessage());
            return false;
        }
        BookSnapshot snapshot = parsedSnapshot;
        parsedSnapshot = null;
        if (snapshot == null) {
            LOG.warn("{}: depth reply held no snapshot of this instrument", instrument.id());
            return false;
        }
        if (sync.onSnapshot(snapshot) != ApplyResult.APPLIED) {
            LOG.info("{}: snapshot at {} is older than the buffered diffs; asking again", instrument.id(),
                    snapshot.updateId());
            return false;
        }
        if (sync.book().isCrossed()) {
            invalidate("crossed after the snapshot at " + snapshot.updateId());
            return false;
        }
        syncs++;
        publish(snapshotOfBook());
        setValid(true, "synced at update " + sync.book().lastUpdateId());
        return true;
    }

    /** The market stream dropped: the book is invalid and the buffered diffs are useless. */
    synchronized void reset(String why) {
        sync.reset();
        setValid(false, why);
    }

    /** Publishes the synced book again as a snapshot (the engine asked); asks for a REST snapshot if not synced. */
    synchronized void republish() {
        if (valid) {
            publish(snapshotOfBook());
        } else {
            listener.onSnapshotNeeded(this);
        }
    }

    synchronized boolean isValid() {
        return valid;
    }

    /** Claims the one snapshot fetch this feed may have in flight; false when one already is. */
    boolean claimFetch() {
        return fetching.compareAndSet(false, true);
    }

    void releaseFetch() {
        fetching.set(false);
    }

    @Override
    public void onSnapshot(BookSnapshot snapshot, long localNs) {
        parsedSnapshot = snapshot;
    }

    @Override
    public void onDelta(BookDelta delta, long localNs) {
        ApplyResult result = sync.onDelta(delta);
        switch (result) {
            case APPLIED -> {
                if (sync.book().isCrossed()) {
                    invalidate("crossed at update " + delta.lastUpdateId());
                    return;
                }
                long id = ++publishedId;
                publish(new BookDelta(delta.instrument(), id, id, id - 1, delta.bidTicks(), delta.bidLots(),
                        delta.bidCount(), delta.askTicks(), delta.askLots(), delta.askCount(), delta.timestampNs()));
            }
            case GAP -> {
                gaps++;
                LOG.warn("{}: depth gap: update {}..{} (pu {}) does not chain on {}; resyncing", instrument.id(),
                        delta.firstUpdateId(), delta.lastUpdateId(), delta.prevUpdateId(),
                        sync.book().lastUpdateId());
                setValid(false, "sequence gap at update " + delta.firstUpdateId());
                listener.onSnapshotNeeded(this);
            }
            case NOT_SYNCED -> listener.onSnapshotNeeded(this);
            case STALE -> {
            }
        }
    }

    @Override
    public void onTrade(PublicTrade trade, long localNs) {
        publish(trade);
    }

    @Override
    public void onBookTicker(BinanceBookTicker ticker, long localNs) {
        // not subscribed; the book is the source of the touch
    }

    synchronized long malformed() {
        return malformed;
    }

    synchronized long gaps() {
        return gaps;
    }

    /** Times the book has been brought into sync from a snapshot. */
    synchronized long syncs() {
        return syncs;
    }

    /** Off-grid levels the parser skipped (old orders on a finer tick). */
    synchronized long skippedLevels() {
        return parser.skippedLevels();
    }

    synchronized long droppedEvents() {
        return droppedEvents;
    }

    /** The venue's own synced book; for tests, under the feed's lock. */
    synchronized <T> T withBook(Function<OrderBook, T> reader) {
        return reader.apply(sync.book());
    }

    private void invalidate(String why) {
        gaps++;
        LOG.warn("{}: {}; resyncing", instrument.id(), why);
        sync.reset();
        setValid(false, why);
        listener.onSnapshotNeeded(this);
    }

    private void setValid(boolean now, String detail) {
        if (valid != now) {
            valid = now;
            listener.onBookValidity(this, now, detail);
        }
    }

    /** The synced book as a snapshot with the next published id; walks it level by level (a rare message). */
    private BookSnapshot snapshotOfBook() {
        OrderBook book = sync.book();
        int bids = book.levels(Side.BUY);
        int asks = book.levels(Side.SELL);
        long[] bidTicks = new long[bids];
        long[] bidLots = new long[bids];
        long[] askTicks = new long[asks];
        long[] askLots = new long[asks];
        for (int i = 0; i < bids; i++) {
            bidTicks[i] = book.priceTicksAt(Side.BUY, i);
            bidLots[i] = book.sizeLotsAt(Side.BUY, i);
        }
        for (int i = 0; i < asks; i++) {
            askTicks[i] = book.priceTicksAt(Side.SELL, i);
            askLots[i] = book.sizeLotsAt(Side.SELL, i);
        }
        return new BookSnapshot(instrument.id(), ++publishedId, bidTicks, bidLots, bids, askTicks, askLots, asks,
                book.timestampNs());
    }

    private void publish(Event event) {
        if (!sink.offer(event)) {
            droppedEvents++;
            if (droppedEvents == 1) {
                LOG.warn("{}: event sink full: dropped a {} (further drops only counted; the engine's book will"
                        + " see the gap and ask for a snapshot)", instrument.id(), event.getClass().getSimpleName());
            }
        }
    }
}
