package dev.ballast.connectors.marketdata;

import dev.ballast.connectors.binance.BinanceBookTicker;
import dev.ballast.connectors.binance.BinanceMarket;
import dev.ballast.connectors.binance.BinanceMessageHandler;
import dev.ballast.connectors.binance.BinanceRecordedReader;
import dev.ballast.core.book.ApplyResult;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.PublicTrade;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recorded Binance market data (hftbacktest's format, read by {@link BinanceRecordedReader}) for one market,
 * as a {@link MarketDataSource}: its depth snapshots and diffs, already in sync, and its trades, in exchange
 * time. A day's file and its continuation are read as one stream. {@code bookTicker} lines (70% of them) are
 * recognised from their first bytes, counted and passed over unparsed: the book is the source of the touch.
 *
 * <h2>Book sync happens here</h2>
 * Diffs read while there is no snapshot are buffered (the recorder received the bridging diff before the
 * REST snapshot, as a live client does). When the snapshot comes, the buffered diffs it already holds are
 * dropped and the rest must chain on per the market's {@link dev.ballast.core.book.SequenceRule}; the source
 * then hands out the snapshot followed by exactly the diffs that chain, so a consumer's
 * {@link dev.ballast.core.book.OrderBook} applies every one. A snapshot older than the buffered diffs is
 * passed over (the source waits for the next). A later snapshot that the chain already holds is passed over
 * too; a newer one restarts the chain.
 *
 * <h2>Gaps</h2>
 * A diff that does not chain on is a gap: counted ({@link #gapCount()}), logged once as a warning, and the
 * source waits for the next snapshot, buffering diffs again (at most
 * {@value #MAX_BUFFERED_DELTAS}, oldest dropped). If the data ends first, the events before the gap are all
 * handed out and then {@link #next()} throws a {@link MarketDataException} naming the file, the line and the
 * update ids. The recorded files have no gaps.
 *
 * <h2>Time</h2>
 * Event time is the exchange's {@code E} (ms, as ns), see {@link dev.ballast.connectors.binance.BinanceMessageParser}.
 * Spot's REST snapshot carries no exchange time (the recorder's clock, ~1.27 s behind, is no substitute): it
 * is timed at its first chaining diff, or, with none buffered, at the newest exchange time read before it,
 * or, with none read yet, at the first one read after it.
 * A futures snapshot keeps its {@code E} unless that is after its first chaining diff. Either way it comes
 * out before the diffs that chain on it. Events are then put in time order (see {@link TimeOrderedSource}).
 *
 * <p>Not thread-safe: owned by the thread that runs the replay.
 */
public final class BinanceRecordedSource extends TimeOrderedSource {
    /** Diffs kept while waiting for a snapshot: minutes of spot's 100 ms diffs, tens of seconds of futures'. */
    public static final int MAX_BUFFERED_DELTAS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(BinanceRecordedSource.class);
    private static final long NO_TIME = Long.MIN_VALUE;

    private final BinanceRecordedReader reader;
    private final BinanceMarket market;
    private final String description;
    private final List<InstrumentFeed> instruments;
    private final DeltaChain chain;
    private final Handler handler = new Handler();

    private final ArrayDeque<BookDelta> buffered = new ArrayDeque<>();
    private boolean synced;
    /** Why the book is out of sync after a gap; null before the first sync. */
    private String gapDetail;
    /** The first diff seen while no snapshot had come yet, for the message when none ever comes. */
    private String firstUnsyncedDiff;
    private long gaps;
    private long staleDeltas;
    private long droppedBuffered;
    private long passedSnapshots;
    /** A snapshot read before any exchange time (spot's carries none), waiting to be timed. */
    private BookSnapshot untimedSnapshot;
    private long untimedLocalNs;

    /**
     * A source over a market's recorded files, read in the given order (a day, then its continuation).
     *
     * @throws IllegalArgumentException if {@code files} is empty
     * @throws UncheckedIOException     if a file cannot be found
     */
    public BinanceRecordedSource(BinanceMarket market, List<Path> files) {
        this(new BinanceRecordedReader(market, files), describe(market, files.stream().map(BinanceRecordedSource::fileName).toList()));
    }

    /**
     * A source over a reader that has not been read yet (for one over contents in memory, see
     * {@link BinanceRecordedReader#inMemory}); the source owns the reader and closes it.
     */
    public BinanceRecordedSource(BinanceRecordedReader reader, String description) {
        this(reader, description, DEFAULT_REORDER_WINDOW_NS);
    }

    /**
     * @param reorderWindowNs how far apart in exchange time events may be received out of order and still be
     *                        put back in order (later ones are retimed)
     */
    public BinanceRecordedSource(BinanceRecordedReader reader, String description, long reorderWindowNs) {
        super(reorderWindowNs);
        this.reader = Objects.requireNonNull(reader, "reader");
        reader.passOverBookTickers();
        this.market = reader.market();
        this.description = Objects.requireNonNull(description, "description");
        this.instruments = List.of(new InstrumentFeed(market.instrument(), market.sequenceRule()));
        this.chain = new DeltaChain(market.sequenceRule());
    }

    /**
     * One source per market found in {@code paths} (files, or directories whose recording files are taken),
     * each over its files in name order (the date in the name puts a day before its continuation), in the
     * order SPOT, USDM, COINM. Files are recognised by name: {@code binance-spot_*}, {@code binance-usdm_*},
     * {@code binance-coinm_*}.
     *
     * @throws IllegalArgumentException if a file's name names no market, or no recording is found
     * @throws UncheckedIOException     if a directory cannot be listed
     */
    public static List<BinanceRecordedSource> openAll(Collection<Path> paths) {
        Map<BinanceMarket, List<Path>> byMarket = new EnumMap<>(BinanceMarket.class);
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> listing = Files.list(path)) {
                    listing.filter(f -> marketOf(f) != null).forEach(f -> byMarket
                            .computeIfAbsent(marketOf(f), m -> new ArrayList<>()).add(f));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + path, e);
                }
            } else {
                BinanceMarket market = marketOf(path);
                if (market == null) {
                    throw new IllegalArgumentException(path + " is not a Binance recording: its name does not start"
                            + " with binance-spot_, binance-usdm_ or binance-coinm_");
                }
                byMarket.computeIfAbsent(market, m -> new ArrayList<>()).add(path);
            }
        }
        if (byMarket.isEmpty()) {
            throw new IllegalArgumentException("no Binance recordings in " + paths);
        }
        List<BinanceRecordedSource> sources = new ArrayList<>();
        byMarket.forEach((market, files) -> {
            files.sort((a, b) -> fileName(a).compareTo(fileName(b)));
            sources.add(new BinanceRecordedSource(market, files));
        });
        return sources;
    }

    /** The market a recording file is of, by its name; null when the name names none. */
    public static BinanceMarket marketOf(Path file) {
        String name = fileName(file);
        if (name.startsWith("binance-spot_")) {
            return BinanceMarket.SPOT;
        }
        if (name.startsWith("binance-usdm_")) {
            return BinanceMarket.USDM;
        }
        if (name.startsWith("binance-coinm_")) {
            return BinanceMarket.COINM;
        }
        return null;
    }

    public BinanceMarket market() {
        return market;
    }

    @Override
    public List<InstrumentFeed> instruments() {
        return instruments;
    }

    @Override
    public long malformedCount() {
        return reader.malformed();
    }

    @Override
    public long gapCount() {
        return gaps;
    }

    @Override
    public double progress() {
        return reader.progress();
    }

    @Override
    public String describe() {
        return description;
    }

    /** Non-empty lines read so far, whatever they held. */
    public long linesRead() {
        return reader.lines();
    }

    /** Diffs read so far (handed out or not). */
    public long deltasRead() {
        return reader.deltas();
    }

    /** {@code bookTicker} lines read and passed over (unparsed). */
    public long bookTickersRead() {
        return reader.bookTickers();
    }

    /** Diffs passed over because the book already held them (the ones before the snapshot's update id). */
    public long staleDeltas() {
        return staleDeltas;
    }

    /** Diffs dropped from a full buffer while waiting for a snapshot. */
    public long droppedBufferedDeltas() {
        return droppedBuffered;
    }

    /** Snapshots passed over: older than the buffered diffs, or already held by the chain. */
    public long passedSnapshots() {
        return passedSnapshots;
    }

    /** Sizes off the lot grid that were rounded up to whole lots (see the parser). */
    public long roundedSizes() {
        return reader.roundedSizes();
    }

    @Override
    long holdFromNs() {
        return buffered.isEmpty() ? Long.MAX_VALUE : buffered.peekFirst().timestampNs();
    }

    @Override
    boolean readMore() {
        try {
            if (reader.readNext(handler)) {
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(description + ": cannot read " + reader.currentFile(), e);
        }
        if (untimedSnapshot != null) {
            // nothing with an exchange time came after it: the recorder's clock is all there is
            emitUntimedSnapshot(untimedLocalNs);
            return true;
        }
        return false;
    }

    @Override
    void atEnd() {
        if (synced) {
            return;
        }
        if (gapDetail != null) {
            throw new MarketDataException(gapDetail + "; the data ends with no later snapshot to resync from"
                    + " (events up to the gap were handed out)");
        }
        if (firstUnsyncedDiff != null) {
            throw new MarketDataException(description + ": no depth snapshot the diffs chain on, so the book"
                    + " cannot be built; the first diff was " + firstUnsyncedDiff
                    + (passedSnapshots > 0 ? " (" + passedSnapshots + " snapshot(s) older than the diffs)" : "")
                    + ". Start from the recording that holds the snapshot (a day before its continuation).");
        }
    }

    @Override
    void closeInput() {
        reader.close();
        buffered.clear();
    }

    private void onDelta(BookDelta delta) {
        emitUntimedSnapshot(delta.timestampNs());
        observe(delta.timestampNs());
        if (!synced) {
            if (gapDetail == null && firstUnsyncedDiff == null) {
                firstUnsyncedDiff = position() + " (U=" + delta.firstUpdateId() + ", u=" + delta.lastUpdateId() + ")";
            }
            buffer(delta);
            return;
        }
        long before = chain.lastUpdateId();
        ApplyResult verdict = chain.offer(delta);
        if (verdict == ApplyResult.APPLIED) {
            emit(delta);
        } else if (verdict == ApplyResult.STALE) {
            staleDeltas++;
        } else {
            gaps++;
            synced = false;
            gapDetail = description + ": sequence gap at " + position() + ": the book was at update id " + before
                    + " and the next diff has U=" + delta.firstUpdateId() + ", u=" + delta.lastUpdateId()
                    + (market.isFutures() ? ", pu=" + delta.prevUpdateId() : "");
            LOG.warn("{}; resyncing from the next snapshot", gapDetail);
            buffer(delta);
        }
    }

    private void onSnapshot(BookSnapshot snapshot, long localNs) {
        long ownTimeNs = snapshot.timestampNs() == localNs ? NO_TIME : snapshot.timestampNs();
        // two snapshots with no exchange time between them (never seen): the recorder's clock must do
        emitUntimedSnapshot(ownTimeNs != NO_TIME ? ownTimeNs : untimedLocalNs);
        if (ownTimeNs != NO_TIME) {
            observe(ownTimeNs);
        }
        if (synced) {
            if (snapshot.updateId() <= chain.lastUpdateId()) {
                passedSnapshots++;
                return;
            }
            // newer than the chain: the diffs in between come after it; restart from it
            buffered.clear();
        }
        chain.reset(snapshot.updateId());
        List<BookDelta> chaining = new ArrayList<>();
        int stale = 0;
        boolean gap = false;
        for (BookDelta delta : buffered) {
            ApplyResult verdict = chain.offer(delta);
            if (verdict == ApplyResult.STALE) {
                stale++;
            } else if (verdict == ApplyResult.APPLIED) {
                chaining.add(delta);
            } else {
                gap = true;
                break;
            }
        }
        if (gap && chaining.isEmpty()) {
            // older than the buffered diffs: useless; drop what it makes stale and wait for the next one
            passedSnapshots++;
            dropFirst(stale);
            staleDeltas += stale;
            return;
        }
        staleDeltas += stale;
        dropFirst(stale + chaining.size());
        if (!chaining.isEmpty()) {
            long firstDiffNs = chaining.get(0).timestampNs();
            emitSnapshot(snapshot, ownTimeNs == NO_TIME ? firstDiffNs : Math.min(ownTimeNs, firstDiffNs));
        } else if (ownTimeNs != NO_TIME) {
            emitSnapshot(snapshot, ownTimeNs);
        } else if (newestSeenNs() != Long.MIN_VALUE) {
            emitSnapshot(snapshot, newestSeenNs());
        } else {
            untimedSnapshot = snapshot; // timed by the next exchange time read
            untimedLocalNs = localNs;
        }
        for (BookDelta delta : chaining) {
            emit(delta);
        }
        if (gap) {
            // the buffer itself breaks after the chaining diffs: still out of sync, wait for the next snapshot
            BookDelta next = buffered.peekFirst();
            gaps++;
            gapDetail = description + ": sequence gap in the diffs buffered before the snapshot at update id "
                    + snapshot.updateId() + ": after update id " + chain.lastUpdateId() + " the next diff has U="
                    + next.firstUpdateId() + ", u=" + next.lastUpdateId();
            LOG.warn("{}; resyncing from the next snapshot", gapDetail);
        } else {
            synced = true;
            gapDetail = null;
        }
    }

    /** Hands out a snapshot that came before any exchange time, timed at the first one read after it. */
    private void emitUntimedSnapshot(long timeNs) {
        if (untimedSnapshot != null) {
            BookSnapshot snapshot = untimedSnapshot;
            untimedSnapshot = null;
            emitSnapshot(snapshot, timeNs);
        }
    }

    private void emitSnapshot(BookSnapshot s, long timeNs) {
        emit(new BookSnapshot(s.instrument(), s.updateId(), s.bidTicks(), s.bidLots(), s.bidCount(),
                s.askTicks(), s.askLots(), s.askCount(), timeNs));
    }

    private void buffer(BookDelta delta) {
        if (buffered.size() == MAX_BUFFERED_DELTAS) {
            buffered.pollFirst();
            droppedBuffered++;
        }
        buffered.addLast(delta);
    }

    private void dropFirst(int n) {
        for (int i = 0; i < n; i++) {
            buffered.pollFirst();
        }
    }

    private String position() {
        return reader.currentFile() + " line " + reader.lineInFile();
    }

    private static String describe(BinanceMarket market, List<String> fileNames) {
        return "binance " + market + " " + market.instrument().id().symbol() + " from " + fileNames;
    }

    private static String fileName(Path file) {
        return file.getFileName().toString();
    }

    /** Takes the reader's values; kept private so the source's API is only the MarketDataSource one. */
    private final class Handler implements BinanceMessageHandler {
        @Override
        public void onSnapshot(BookSnapshot snapshot, long localNs) {
            BinanceRecordedSource.this.onSnapshot(snapshot, localNs);
        }

        @Override
        public void onDelta(BookDelta delta, long localNs) {
            BinanceRecordedSource.this.onDelta(delta);
        }

        @Override
        public void onTrade(PublicTrade trade, long localNs) {
            emitUntimedSnapshot(trade.timestampNs());
            emit(trade);
        }

        @Override
        public void onBookTicker(BinanceBookTicker ticker, long localNs) {
            // passed over: the book gives the touch
        }
    }
}
