package dev.ballast.connectors.binance;

import dev.ballast.connectors.codec.CountingInputStream;
import dev.ballast.connectors.binance.BinanceMessageParser.MessageType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads recorded Binance market data: gzip text files of lines {@code <local receive ns> <raw JSON>}, as
 * recorded by hftbacktest. Several files (a day and its continuation) are read in order as one stream.
 * A file whose name does not end in {@code .gz} is read as plain text; {@link #inMemory} reads contents
 * already decompressed into memory (to measure parsing apart from gunzip). A gzip file is decompressed
 * ahead on a thread of its own ({@link ReadAheadInputStream}), one at a time, stopped when the file ends or
 * the reader is closed.
 * Each line goes through a {@link BinanceMessageParser}; a malformed line is counted and skipped (the first
 * is logged as a warning), never fatal.
 *
 * <p>Not thread-safe: owned by the thread that replays the data.
 */
public final class BinanceRecordedReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceRecordedReader.class);
    /** One warning per reader; the rest are only counted. */
    private static final int LOGGED_MALFORMED_LINES = 1;
    private static final int READ_CHUNK = 1 << 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final BinanceMessageParser parser;
    private final List<Input> inputs;
    private final long totalBytes;
    private int nextFile;
    private InputStream in;
    private Input current;
    private CountingInputStream rawIn;
    /** Bytes (compressed, for gzip files) of the inputs read to their end. */
    private long finishedBytes;
    private long lineInFile;

    private byte[] buffer = new byte[READ_CHUNK * 4];
    /** The current line is buffer[start .. lineEnd); the one after starts at nextLineStart; data ends at end. */
    private int start;
    private int lineEnd;
    private int nextLineStart;
    private int end;
    private boolean endOfFile = true;

    private long lines;
    private long snapshots;
    private long deltas;
    private long trades;
    private long bookTickers;
    private boolean passOverBookTickers;
    /** True when the current line was a book ticker passed over unparsed. */
    private boolean tickerPassedOver;
    private long ignored;
    private long malformed;

    /**
     * @param files recordings of one market, in time order: gzip when the name ends in {@code .gz}, else
     *              plain text
     * @throws IllegalArgumentException if {@code files} is empty
     * @throws UncheckedIOException     if a file's size cannot be read (it does not exist, say)
     */
    public BinanceRecordedReader(BinanceMarket market, List<Path> files) {
        this(market, files.stream().map(BinanceRecordedReader::fileInput).toArray(Input[]::new));
    }

    private BinanceRecordedReader(BinanceMarket market, Input[] inputs) {
        this.parser = new BinanceMessageParser(market);
        this.inputs = List.of(inputs);
        if (this.inputs.isEmpty()) {
            throw new IllegalArgumentException("no files to read for " + market);
        }
        this.totalBytes = this.inputs.stream().mapToLong(Input::sizeBytes).sum();
    }

    /**
     * A reader of recordings already decompressed into memory, in time order; {@code names} label them in
     * messages. The arrays are read, not copied: do not change them while reading.
     *
     * @throws IllegalArgumentException if there are no contents or not one name per content
     */
    public static BinanceRecordedReader inMemory(BinanceMarket market, List<byte[]> contents, List<String> names) {
        if (contents.size() != names.size()) {
            throw new IllegalArgumentException(contents.size() + " contents but " + names.size() + " names");
        }
        Input[] inputs = new Input[contents.size()];
        for (int i = 0; i < inputs.length; i++) {
            byte[] content = contents.get(i);
            inputs[i] = new Input(names.get(i), content.length, () -> new ByteArrayInputStream(content), false);
        }
        return new BinanceRecordedReader(market, inputs);
    }

    private static Input fileInput(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new Input(file.toString(), size, () -> Files.newInputStream(file),
                file.getFileName().toString().endsWith(".gz"));
    }

    public BinanceMarket market() {
        return parser.market();
    }

    /**
     * Reads lines until one yields something for {@code handler} (or the data ends). Malformed and ignored
     * lines are counted and passed over.
     *
     * @return false when every file has been read
     * @throws IOException if a file cannot be opened or is not valid gzip
     */
    public boolean readNext(BinanceMessageHandler handler) throws IOException {
        Objects.requireNonNull(handler, "handler");
        while (nextLine()) {
            lines++;
            MessageType type = parseLine(handler);
            switch (type) {
                case SNAPSHOT:
                    snapshots++;
                    return true;
                case DELTA:
                    deltas++;
                    return true;
                case TRADE:
                    trades++;
                    return true;
                case BOOK_TICKER:
                    bookTickers++;
                    if (tickerPassedOver) {
                        break;
                    }
                    return true;
                default:
                    // ignored or malformed: counted, on to the next line
            }
        }
        return false;
    }

    /**
     * From now on, {@code bookTicker} messages are recognised by their first bytes (see
     * {@link BinanceMessageParser#isBookTicker}), counted in {@link #bookTickers()}, and neither parsed nor
     * handed over: for consumers that take the touch from the book. About half the recorded bytes and 70% of
     * the lines are book tickers, so this roughly doubles the replay rate. A book ticker passed over is not
     * checked, so a malformed one is not counted as malformed.
     */
    public void passOverBookTickers() {
        passOverBookTickers = true;
    }

    /** Reads everything that is left. */
    public void readAll(BinanceMessageHandler handler) throws IOException {
        while (readNext(handler)) {
            // each call hands one message to the handler
        }
    }

    /** Non-empty lines read so far, whatever became of them. */
    public long lines() {
        return lines;
    }

    public long snapshots() {
        return snapshots;
    }

    public long deltas() {
        return deltas;
    }

    public long trades() {
        return trades;
    }

    public long bookTickers() {
        return bookTickers;
    }

    /** Well-formed lines of kinds or symbols this reader does not map. */
    public long ignored() {
        return ignored;
    }

    /** Sizes off the lot grid that were rounded up to whole lots (see {@link BinanceMessageParser}). */
    public long roundedSizes() {
        return parser.roundedSizes();
    }

    /** Lines skipped because they could not be parsed. */
    public long malformed() {
        return malformed;
    }

    /** The file (or in-memory content's name) the last line came from; null before the first line. */
    public String currentFile() {
        return current == null ? null : current.name();
    }

    /** The number in its file of the last line read (1-based, counting empty lines). */
    public long lineInFile() {
        return lineInFile;
    }

    /** The share of the input's bytes consumed so far (compressed bytes for gzip files), from 0 to 1. */
    public double progress() {
        long consumed = finishedBytes + (rawIn == null ? 0 : rawIn.count());
        return totalBytes == 0 ? 1.0 : Math.min(1.0, (double) consumed / totalBytes);
    }

    @Override
    public void close() {
        closeCurrent();
        nextFile = inputs.size();
    }

    /** The type of the line in {@code buffer[start .. lineEnd)}, parsed and handed over; start moves past it. */
    private MessageType parseLine(BinanceMessageHandler handler) {
        try {
            int i = start;
            long localNs = 0;
            while (i < lineEnd && buffer[i] >= '0' && buffer[i] <= '9') {
                int digit = buffer[i] - '0';
                if (localNs > (Long.MAX_VALUE - digit) / 10) {
                    throw new MalformedMessageException("local timestamp too large");
                }
                localNs = localNs * 10 + digit;
                i++;
            }
            if (i == start || i >= lineEnd || buffer[i] != ' ') {
                throw new MalformedMessageException("line does not start with '<local ns> '");
            }
            tickerPassedOver = passOverBookTickers && parser.isBookTicker(buffer, i + 1, lineEnd - i - 1);
            if (tickerPassedOver) {
                return MessageType.BOOK_TICKER;
            }
            MessageType type = parser.parse(buffer, i + 1, lineEnd - i - 1, localNs, handler);
            if (type == MessageType.IGNORED) {
                ignored++;
            }
            return type;
        } catch (MalformedMessageException e) {
            malformed++;
            if (malformed <= LOGGED_MALFORMED_LINES) {
                LOG.warn("{} line {}: skipped a malformed {} message: {}{}", currentFile(), lineInFile,
                        parser.market(), e.getMessage(),
                        malformed == LOGGED_MALFORMED_LINES ? " (further malformed lines are only counted)" : "");
            }
            return MessageType.IGNORED;
        } finally {
            start = nextLineStart;
        }
    }

    // ------------------------------------------------------------------ line splitting over gzip files

    /** Finds the next non-empty line: sets {@code start}, {@code lineEnd} and {@code nextLineStart}. */
    private boolean nextLine() throws IOException {
        while (true) {
            int newline = indexOfNewline(start, end);
            if (newline >= 0) {
                lineInFile++;
                lineEnd = newline > start && buffer[newline - 1] == '\r' ? newline - 1 : newline;
                nextLineStart = newline + 1;
                if (lineEnd > start) {
                    return true;
                }
                start = nextLineStart;
                continue;
            }
            if (!endOfFile) {
                fill();
                continue;
            }
            if (end > start) {
                // the file's last line has no newline
                lineInFile++;
                lineEnd = end;
                nextLineStart = end;
                return true;
            }
            if (!openNextFile()) {
                return false;
            }
        }
    }

    /**
     * The index of the first '\n' in {@code buffer[from .. to)}, -1 if none: eight bytes at a time (a zero
     * byte of {@code word ^ 0x0a0a..} is a newline; the lowest flagged byte is the first), since finding line
     * ends is a tenth of the replay when book tickers are passed over unparsed.
     */
    private int indexOfNewline(int from, int to) {
        byte[] b = buffer;
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long word = (long) LONGS.get(b, i) ^ NEWLINES;
            long zeroBytes = (word - ONES) & ~word & HIGH_BITS;
            if (zeroBytes != 0) {
                return i + (Long.numberOfTrailingZeros(zeroBytes) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }


    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (buffer.length - end < READ_CHUNK) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            endOfFile = true;
            closeCurrent();
        } else {
            end += n;
        }
    }

    private boolean openNextFile() throws IOException {
        closeCurrent();
        if (nextFile >= inputs.size()) {
            return false;
        }
        current = inputs.get(nextFile++);
        rawIn = new CountingInputStream(current.opener().open());
        // gunzip is half the replay's work: run it on a thread of its own, alongside the parsing
        in = current.gzip() ? new ReadAheadInputStream(new GZIPInputStream(rawIn, READ_CHUNK), current.name()) : rawIn;
        lineInFile = 0;
        start = 0;
        end = 0;
        endOfFile = false;
        return true;
    }

    private void closeCurrent() {
        if (in != null) {
            finishedBytes += rawIn.count();
            rawIn = null;
            try {
                in.close();
            } catch (IOException e) {
                LOG.warn("could not close {}: {}", currentFile(), e.toString());
            } finally {
                in = null;
            }
        }
    }

    /** Opens one input's raw bytes. */
    @FunctionalInterface
    private interface Opener {
        InputStream open() throws IOException;
    }

    /** One file or in-memory content: its name, raw size, and whether it is gzip. */
    private record Input(String name, long sizeBytes, Opener opener, boolean gzip) {
    }
}
