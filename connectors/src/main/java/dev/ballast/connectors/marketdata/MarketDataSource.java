package dev.ballast.connectors.marketdata;

import dev.ballast.core.event.Event;
import java.util.List;

/**
 * A recorded market, replayed: a pull-based, time-ordered stream of public market events for one or more
 * instruments, which a backtest venue feeds into its books and its fill model.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Kinds.</b> {@link #next()} returns only {@link dev.ballast.core.event.BookSnapshot},
 *       {@link dev.ballast.core.event.BookDelta} and {@link dev.ballast.core.event.PublicTrade}, for the
 *       instruments in {@link #instruments()}; {@code null} at the end, and {@code null} ever after.</li>
 *   <li><b>Time.</b> {@code timestampNs} is the exchange's event time (epoch ns), never the recorder's
 *       clock, and it never decreases along the stream (across all its instruments). Events with equal
 *       exchange time keep the order the recorder received them in.</li>
 *   <li><b>Books are already in sync.</b> Per instrument, book events form a chain an
 *       {@link dev.ballast.core.book.OrderBook} built with that instrument's
 *       {@link InstrumentFeed#sequenceRule()} applies without a miss: first a {@code BookSnapshot}, then
 *       only {@code BookDelta}s that chain on it ({@code applyDelta} answers {@code APPLIED}). The source
 *       bridges the snapshot itself (diffs received before it are buffered, the stale ones dropped) and
 *       never hands out a delta the book could not apply. After a sequence gap the source resyncs: it
 *       counts the gap ({@link #gapCount()}), skips to the venue's next snapshot and hands that out
 *       before any further delta; if the data holds no later snapshot it throws
 *       {@link MarketDataException}. Trades may come before the first snapshot.</li>
 *   <li><b>Bad input.</b> A malformed line is counted ({@link #malformedCount()}), skipped and logged
 *       (one warning, or a few), never thrown. I/O failures surface as
 *       {@link java.io.UncheckedIOException}; data that cannot be replayed correctly (a gap with no
 *       snapshot after it) as {@link MarketDataException} naming the file and the update id.</li>
 *   <li><b>Ownership.</b> Events are immutable values the caller may keep; the source does not reuse
 *       them or their arrays.</li>
 * </ul>
 *
 * <p>Not thread-safe: owned by the thread that runs the replay (the backtest's engine thread).
 */
public interface MarketDataSource extends AutoCloseable {

    /**
     * The next event, consumed; {@code null} when the data is exhausted.
     *
     * @throws MarketDataException         if the data cannot be replayed on (see the class notes)
     * @throws java.io.UncheckedIOException if a file cannot be read
     */
    Event next();

    /**
     * The event {@link #next()} will return, without consuming it; {@code null} at the end. Lets a venue
     * or a merge look at the next exchange time before deciding what happens first.
     *
     * @throws MarketDataException         as {@link #next()}
     * @throws java.io.UncheckedIOException as {@link #next()}
     */
    Event peek();

    /** The instruments this source has events for, each with the sequence rule its book must use. */
    List<InstrumentFeed> instruments();

    /** Input lines (or records) skipped so far because they could not be parsed. */
    long malformedCount();

    /** Sequence gaps met so far; each was resynced from a later snapshot. */
    long gapCount();

    /**
     * How much of the input has been consumed, from 0 to 1 (by bytes of the files read, say), for a
     * progress bar; {@code NaN} when the source cannot tell.
     */
    double progress();

    /** What this source replays, for logs and reports: format, market and files. */
    String describe();

    /** Releases the files; after this, {@link #next()} returns {@code null}. Idempotent. */
    @Override
    void close();
}
