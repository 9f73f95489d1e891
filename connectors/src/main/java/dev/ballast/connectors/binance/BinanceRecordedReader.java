package dev.ballast.connectors.binance;

import dev.ballast.connectors.binance.BinanceMessageParser.MessageType;
import java.io.IOException;
import java.io.InputStream;
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
 * Each line goes through a {@link BinanceMessageParser}; a malformed line is counted and skipped (the first
 * few are logged as warnings), never fatal.
 *
 * <p>Not thread-safe: owned by the thread that replays the data.
 */
public final class BinanceRecordedReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceRecordedReader.class);
    private static final int LOGGED_MALFORMED_LINES = 10;
    private static final int READ_CHUNK = 1 << 16;

    private final BinanceMessageParser parser;
    private final List<Path> files;
    private int nextFile;
    private InputStream in;
    private Path currentFile;
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
    private long ignored;
    private long malformed;

    /**
     * @param files gzip files of one market, in time order
     * @throws IllegalArgumentException if {@code files} is empty
     */
    public BinanceRecordedReader(BinanceMarket market, List<Path> files) {
        this.parser = new BinanceMessageParser(market);
        this.files = List.copyOf(files);
        if (this.files.isEmpty()) {
            throw new IllegalArgumentException("no files to read for " + market);
        }
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
                    return true;
                default:
                    // ignored or malformed: counted, on to the next line
            }
        }
        return false;
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

    @Override
    public void close() {
        closeCurrent();
        nextFile = files.size();
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
            MessageType type = parser.parse(buffer, i + 1, lineEnd - i - 1, localNs, handler);
            if (type == MessageType.IGNORED) {
                ignored++;
            }
            return type;
        } catch (MalformedMessageException e) {
            malformed++;
            if (malformed <= LOGGED_MALFORMED_LINES) {
                LOG.warn("{} line {}: skipped a malformed {} message: {}{}", currentFile, lineInFile,
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

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') {
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
        if (nextFile >= files.size()) {
            return false;
        }
        currentFile = files.get(nextFile++);
        in = new GZIPInputStream(Files.newInputStream(currentFile), READ_CHUNK);
        lineInFile = 0;
        start = 0;
        end = 0;
        endOfFile = false;
        return true;
    }

    private void closeCurrent() {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                LOG.warn("could not close {}: {}", currentFile, e.toString());
            } finally {
                in = null;
            }
        }
    }
}
