package dev.ballast.connectors.marketdata;

import dev.ballast.connectors.codec.DecimalGrid;
import dev.ballast.connectors.codec.MalformedDecimalException;
import dev.ballast.core.Instrument;
import dev.ballast.core.Side;
import dev.ballast.core.book.SequenceRule;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.PublicTrade;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Tardis-style CSV file (plain, or gzip when the name ends in {@code .gz}) of one instrument, as a
 * {@link MarketDataSource}. The kind is read from the header:
 * <ul>
 *   <li>{@code incremental_book_L2}: {@code exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount}.
 *       A block of consecutive {@code is_snapshot=true} rows is one {@link BookSnapshot} (levels of amount 0
 *       left out); consecutive update rows with the same {@code timestamp} are one {@link BookDelta}, each
 *       row setting the size at its price ({@code amount} 0 removes the level). Tardis numbers nothing, so
 *       the source does, under {@link SequenceRule#SEQUENTIAL}: a snapshot takes the next number and each
 *       delta the one after ({@code firstUpdateId == lastUpdateId}, no {@code prevUpdateId}). Updates before
 *       the first snapshot cannot be applied to anything and are skipped (counted, one warning).</li>
 *   <li>{@code trades}: {@code exchange,symbol,timestamp,local_timestamp,id,side,price,amount}; {@code side}
 *       is the aggressor ({@code buy} or {@code sell}); trades of {@code unknown} side are skipped and counted
 *       in {@link #ignoredRows()}.</li>
 * </ul>
 * Columns are found by name, so their order and extra columns do not matter. {@code side} of a book row is
 * {@code bid} or {@code ask}. Event time is {@code timestamp} (µs since the epoch: the exchange's time where
 * it gives one), as ns; events are put in time order as {@link TimeOrderedSource} describes. Prices must lie
 * on the instrument's tick grid; sizes off its lot grid are rounded up to whole lots and counted, as for
 * Binance. Rows for other symbols are skipped and counted in {@link #ignoredRows()}. A malformed row is
 * counted, skipped and logged once (the first), never fatal. Book and trades come in separate files: see
 * {@link #bookAndTrades} to replay both on one clock.
 *
 * <p>Not thread-safe: owned by the thread that runs the replay.
 */
public final class TardisCsvSource extends TimeOrderedSource {
    /** What a Tardis file holds, told by its header. */
    public enum Kind { INCREMENTAL_BOOK_L2, TRADES }

    private static final Logger LOG = LoggerFactory.getLogger(TardisCsvSource.class);

    private final CsvLines csv;
    private final Instrument instrument;
    private final String symbol;
    private final Kind kind;
    private final String description;
    private final List<InstrumentFeed> instruments;
    private final DecimalGrid priceGrid;
    private final DecimalGrid sizeGrid;

    private final int symbolColumn;
    private final int timestampColumn;
    private final int snapshotColumn;
    private final int sideColumn;
    private final int priceColumn;
    private final int amountColumn;
    private final int columns;

    // the book rows read but not yet emitted: one snapshot block, or one delta's rows
    private final Levels bids = new Levels();
    private final Levels asks = new Levels();
    private int groupRows;
    private boolean groupIsSnapshot;
    private long groupTimeUs;

    private long nextUpdateId = 1;
    private boolean synced;
    private boolean ended;
    private long malformed;
    private long ignored;
    private long unsyncedUpdates;
    private long roundedSizes;

    /**
     * A source over {@code file}, whose rows for the instrument's symbol ({@code instrument.id().symbol()})
     * are read.
     *
     * @throws IllegalArgumentException if the file is empty or its header is neither Tardis kind
     * @throws java.io.UncheckedIOException if the file cannot be opened
     */
    public TardisCsvSource(Path file, Instrument instrument) {
        this(file, instrument, instrument.id().symbol(), DEFAULT_REORDER_WINDOW_NS);
    }

    /**
     * @param symbol          the instrument's name in the file's {@code symbol} column
     * @param reorderWindowNs how far apart in exchange time rows may be out of order and still be put back in
     *                        order (later ones are retimed)
     * @throws IllegalArgumentException if the file is empty or its header is neither Tardis kind
     * @throws java.io.UncheckedIOException if the file cannot be opened
     */
    public TardisCsvSource(Path file, Instrument instrument, String symbol, long reorderWindowNs) {
        super(reorderWindowNs);
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.priceGrid = new DecimalGrid(instrument.tickSize());
        this.sizeGrid = new DecimalGrid(instrument.lotSize());
        this.instruments = List.of(new InstrumentFeed(instrument, SequenceRule.SEQUENTIAL));
        this.csv = new CsvLines(file);
        try {
            if (!csv.next()) {
                throw new IllegalArgumentException(file + " is empty: expected a Tardis CSV header");
            }
            List<String> header = new ArrayList<>();
            for (int i = 0; i < csv.fields(); i++) {
                header.add(csv.field(i).trim());
            }
            boolean book = header.contains("is_snapshot");
            this.kind = book ? Kind.INCREMENTAL_BOOK_L2 : Kind.TRADES;
            this.symbolColumn = column(header, "symbol", file);
            this.timestampColumn = column(header, "timestamp", file);
            this.snapshotColumn = book ? column(header, "is_snapshot", file) : -1;
            this.sideColumn = column(header, "side", file);
            this.priceColumn = column(header, "price", file);
            this.amountColumn = column(header, "amount", file);
            if (!book) {
                column(header, "id", file);
            }
            this.columns = header.size();
        } catch (RuntimeException e) {
            csv.close();
            throw e;
        }
        this.description = "tardis " + (kind == Kind.TRADES ? "trades" : "incremental_book_L2") + " " + symbol
                + " from " + file.getFileName();
    }

    /**
     * A book file and a trades file of one instrument replayed on one clock (either may be null, not both).
     *
     * @throws IllegalArgumentException if both are null, or as the constructor
     */
    public static MarketDataSource bookAndTrades(Instrument instrument, Path bookFile, Path tradesFile) {
        if (bookFile == null && tradesFile == null) {
            throw new IllegalArgumentException("bookAndTrades needs a book file, a trades file, or both");
        }
        if (tradesFile == null) {
            return new TardisCsvSource(bookFile, instrument);
        }
        if (bookFile == null) {
            return new TardisCsvSource(tradesFile, instrument);
        }
        TardisCsvSource book = new TardisCsvSource(bookFile, instrument);
        try {
            return new MergedSource(List.of(book, new TardisCsvSource(tradesFile, instrument)));
        } catch (RuntimeException e) {
            book.close();
            throw e;
        }
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public List<InstrumentFeed> instruments() {
        return instruments;
    }

    @Override
    public long malformedCount() {
        return malformed;
    }

    /** Always 0: the source numbers the updates itself, so they cannot miss one. */
    @Override
    public long gapCount() {
        return 0;
    }

    @Override
    public double progress() {
        return csv.progress();
    }

    @Override
    public String describe() {
        return description;
    }

    /** Well-formed rows passed over: other symbols, and trades whose aggressor is unknown. */
    public long ignoredRows() {
        return ignored;
    }

    /** Book update rows before the first snapshot, which no book could apply. */
    public long unsyncedUpdateRows() {
        return unsyncedUpdates;
    }

    /** Sizes off the lot grid that were rounded up to whole lots. */
    public long roundedSizes() {
        return roundedSizes;
    }

    @Override
    boolean readMore() {
        if (ended) {
            return false;
        }
        if (!csv.next()) {
            ended = true;
            flushGroup();
            return true;
        }
        try {
            if (kind == Kind.TRADES) {
                readTrade();
            } else {
                readBookRow();
            }
        } catch (MalformedRowException | IllegalArgumentException e) {
            malformed++;
            if (malformed == 1) {
                LOG.warn("{} line {}: skipped a malformed row ({}): '{}' (further malformed rows are only counted)",
                        csv.file(), csv.lineNumber(), e.getMessage(), csv.line());
            }
        }
        return true;
    }

    @Override
    long holdFromNs() {
        return groupRows == 0 ? Long.MAX_VALUE : groupTimeUs * 1_000;
    }

    @Override
    void atEnd() {
        // nothing can be left out of sync: the source numbers the updates itself
    }

    @Override
    void closeInput() {
        csv.close();
    }

    private void readTrade() throws MalformedRowException {
        requireColumns();
        if (!csv.fieldIs(symbolColumn, symbol)) {
            ignored++;
            return;
        }
        long timeNs = timeUs(timestampColumn) * 1_000;
        Side aggressor;
        if (csv.fieldIs(sideColumn, "buy")) {
            aggressor = Side.BUY;
        } else if (csv.fieldIs(sideColumn, "sell")) {
            aggressor = Side.SELL;
        } else if (csv.fieldIs(sideColumn, "unknown")) {
            ignored++;
            observe(timeNs);
            return;
        } else {
            throw new MalformedRowException("side must be buy, sell or unknown");
        }
        long priceTicks = price();
        long sizeLots = size();
        emit(new PublicTrade(instrument.id(), priceTicks, sizeLots, aggressor, timeNs));
    }

    private void readBookRow() throws MalformedRowException {
        requireColumns();
        if (!csv.fieldIs(symbolColumn, symbol)) {
            ignored++;
            return;
        }
        long timeUs = timeUs(timestampColumn);
        boolean snapshot;
        if (csv.fieldIs(snapshotColumn, "true")) {
            snapshot = true;
        } else if (csv.fieldIs(snapshotColumn, "false")) {
            snapshot = false;
        } else {
            throw new MalformedRowException("is_snapshot must be true or false");
        }
        boolean bid;
        if (csv.fieldIs(sideColumn, "bid")) {
            bid = true;
        } else if (csv.fieldIs(sideColumn, "ask")) {
            bid = false;
        } else {
            throw new MalformedRowException("side must be bid or ask");
        }
        long priceTicks = price();
        long sizeLots = size();
        if (priceTicks <= 0) {
            throw new MalformedRowException("price must be > 0");
        }
        observe(timeUs * 1_000);
        if (groupRows > 0 && (snapshot != groupIsSnapshot || (!snapshot && timeUs != groupTimeUs))) {
            flushGroup();
        }
        if (groupRows == 0) {
            groupIsSnapshot = snapshot;
            groupTimeUs = timeUs;
        }
        groupRows++;
        if (!snapshot || sizeLots > 0) {
            (bid ? bids : asks).add(priceTicks, sizeLots);
        }
    }

    private void flushGroup() {
        if (groupRows == 0) {
            return;
        }
        long timeNs = groupTimeUs * 1_000;
        if (groupIsSnapshot) {
            bids.sortBest(true);
            asks.sortBest(false);
            emit(new BookSnapshot(instrument.id(), nextUpdateId++, bids.prices(), bids.sizes(), bids.count,
                    asks.prices(), asks.sizes(), asks.count, timeNs));
            synced = true;
        } else if (synced) {
            long id = nextUpdateId++;
            emit(new BookDelta(instrument.id(), id, id, -1, bids.prices(), bids.sizes(), bids.count,
                    asks.prices(), asks.sizes(), asks.count, timeNs));
        } else {
            unsyncedUpdates += groupRows;
            if (unsyncedUpdates == groupRows) {
                LOG.warn("{}: book updates before the first snapshot cannot be applied and are skipped (counted)",
                        description);
            }
        }
        groupRows = 0;
        bids.count = 0;
        asks.count = 0;
    }

    private void requireColumns() throws MalformedRowException {
        if (csv.fields() != columns) {
            throw new MalformedRowException(csv.fields() + " columns where the header has " + columns);
        }
    }

    private long timeUs(int column) throws MalformedRowException {
        char[] chars = csv.chars();
        int from = csv.fieldStart(column);
        int n = csv.fieldLength(column);
        if (n == 0 || n > 18) {
            throw new MalformedRowException("timestamp must be 1 to 18 digits (µs since the epoch)");
        }
        long value = 0;
        for (int i = from; i < from + n; i++) {
            int digit = chars[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new MalformedRowException("timestamp must be digits (µs since the epoch)");
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private long price() {
        return priceGrid.toSteps(csv.chars(), csv.fieldStart(priceColumn), csv.fieldLength(priceColumn));
    }

    private long size() {
        char[] chars = csv.chars();
        int from = csv.fieldStart(amountColumn);
        int n = csv.fieldLength(amountColumn);
        try {
            return sizeGrid.toSteps(chars, from, n);
        } catch (MalformedDecimalException e) {
            if (!e.offGrid()) {
                throw e;
            }
            roundedSizes++;
            return sizeGrid.toStepsRoundingUp(chars, from, n);
        }
    }

    private static int column(List<String> header, String name, Path file) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(file + " is not a Tardis incremental_book_L2 or trades CSV: its header "
                    + header + " has no '" + name + "' column");
        }
        return i;
    }

    /** A row that cannot be read; caught, counted and skipped. */
    private static final class MalformedRowException extends Exception {
        MalformedRowException(String message) {
            super(message, null, false, false);
        }
    }

    /** Scratch for one side's levels of a group; the event gets exact-size copies. */
    private static final class Levels {
        long[] ticks = new long[64];
        long[] lots = new long[64];
        int count;

        void add(long t, long l) {
            if (count == ticks.length) {
                ticks = Arrays.copyOf(ticks, count * 2);
                lots = Arrays.copyOf(lots, count * 2);
            }
            ticks[count] = t;
            lots[count] = l;
            count++;
        }

        /** Sorts best first (bids high to low, asks low to high); of two rows at one price the later stays. */
        void sortBest(boolean bids) {
            Integer[] order = new Integer[count];
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> {
                int byPrice = bids ? Long.compare(ticks[b], ticks[a]) : Long.compare(ticks[a], ticks[b]);
                return byPrice != 0 ? byPrice : Integer.compare(b, a); // later row first within a price
            });
            long[] sortedTicks = new long[count];
            long[] sortedLots = new long[count];
            int n = 0;
            for (int k = 0; k < count; k++) {
                int i = order[k];
                if (n > 0 && sortedTicks[n - 1] == ticks[i]) {
                    continue; // an earlier row at a price already taken from a later one
                }
                sortedTicks[n] = ticks[i];
                sortedLots[n] = lots[i];
                n++;
            }
            System.arraycopy(sortedTicks, 0, ticks, 0, n);
            System.arraycopy(sortedLots, 0, lots, 0, n);
            count = n;
        }

        long[] prices() {
            return Arrays.copyOf(ticks, count);
        }

        long[] sizes() {
            return Arrays.copyOf(lots, count);
        }
    }
}
