package dev.ballast.connectors.marketdata;

import dev.ballast.connectors.codec.CountingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads a text file (gzip when its name ends in {@code .gz}) line by line and splits each line at commas
 * into ASCII fields, without allocating per line: a field is a range of {@link #chars()}. No quoting (the
 * Tardis files quote nothing).
 *
 * <p>Not thread-safe: owned by its source.
 */
final class CsvLines implements AutoCloseable {
    private static final int READ_CHUNK = 1 << 16;

    private final Path file;
    private final long sizeBytes;
    private final CountingInputStream raw;
    private final InputStream in;

    private byte[] buffer = new byte[READ_CHUNK * 2];
    private int start;
    private int end;
    private boolean endOfFile;
    private long lineNumber;

    private char[] chars = new char[256];
    private int length;
    private int[] fieldStart = new int[16];
    private int[] fieldEnd = new int[16];
    private int fields;

    /** @throws UncheckedIOException if the file cannot be opened */
    CsvLines(Path file) {
        this.file = file;
        try {
            this.sizeBytes = Files.size(file);
            this.raw = new CountingInputStream(Files.newInputStream(file));
            this.in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, READ_CHUNK) : raw;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    /**
     * Reads the next non-empty line and splits it.
     *
     * @return false at the end of the file
     * @throws UncheckedIOException if the file cannot be read
     */
    boolean next() {
        try {
            while (true) {
                int newline = -1;
                for (int i = start; i < end; i++) {
                    if (buffer[i] == '\n') {
                        newline = i;
                        break;
                    }
                }
                int lineEnd;
                int nextStart;
                if (newline >= 0) {
                    lineEnd = newline;
                    nextStart = newline + 1;
                } else if (!endOfFile) {
                    fill();
                    continue;
                } else if (end > start) {
                    lineEnd = end;
                    nextStart = end;
                } else {
                    return false;
                }
                lineNumber++;
                if (lineEnd > start && buffer[lineEnd - 1] == '\r') {
                    lineEnd--;
                }
                boolean empty = lineEnd == start;
                if (!empty) {
                    split(start, lineEnd);
                }
                start = nextStart;
                if (!empty) {
                    return true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The current line's characters; fields are ranges of it. */
    char[] chars() {
        return chars;
    }

    int fields() {
        return fields;
    }

    int fieldStart(int i) {
        return fieldStart[i];
    }

    int fieldLength(int i) {
        return fieldEnd[i] - fieldStart[i];
    }

    /** True when field {@code i} is exactly {@code text}. */
    boolean fieldIs(int i, String text) {
        int from = fieldStart[i];
        int n = fieldEnd[i] - from;
        if (n != text.length()) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (chars[from + k] != text.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    String field(int i) {
        return new String(chars, fieldStart[i], fieldLength(i));
    }

    /** The current line as text, for messages. */
    String line() {
        return new String(chars, 0, length);
    }

    /** The current line's number in the file (1-based, counting empty lines). */
    long lineNumber() {
        return lineNumber;
    }

    Path file() {
        return file;
    }

    /** Share of the file's bytes (compressed, for gzip) consumed, 0 to 1. */
    double progress() {
        return sizeBytes == 0 ? 1.0 : Math.min(1.0, (double) raw.count() / sizeBytes);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }

    private void split(int from, int to) {
        length = to - from;
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        fields = 0;
        int begin = 0;
        for (int i = 0; i < length; i++) {
            byte b = buffer[from + i];
            chars[i] = (char) (b & 0xff);
            if (b == ',') {
                addField(begin, i);
                begin = i + 1;
            }
        }
        addField(begin, length);
    }

    private void addField(int from, int to) {
        if (fields == fieldStart.length) {
            fieldStart = Arrays.copyOf(fieldStart, fields * 2);
            fieldEnd = Arrays.copyOf(fieldEnd, fields * 2);
        }
        fieldStart[fields] = from;
        fieldEnd[fields] = to;
        fields++;
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
        } else {
            end += n;
        }
    }
}
