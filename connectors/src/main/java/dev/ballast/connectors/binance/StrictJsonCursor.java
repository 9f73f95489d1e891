package dev.ballast.connectors.binance;

import java.nio.charset.StandardCharsets;

/**
 * A cursor over one JSON message that reads only a strict subset of JSON: the shape Binance's stream and REST
 * messages come in. Every read either succeeds or answers false (or -1) and leaves the caller to fall back to a
 * full JSON parser; nothing here throws, and nothing here decides that a message is malformed. The subset:
 * <ul>
 *   <li>no whitespace between tokens;</li>
 *   <li>strings of printable ASCII (0x20–0x7E) without escapes — their characters are then exactly their bytes;</li>
 *   <li>integers of 1 to 18 digits, no sign, no leading zero, followed by {@code ,} {@code ]} or {@code }};</li>
 *   <li>{@code true}, {@code false}, {@code null}, and objects and arrays of these, nested at most
 *       {@link #MAX_SKIP_DEPTH} deep where skipped.</li>
 * </ul>
 * Anything else (a fraction, an exponent, a sign, an escape, non-ASCII text, a space) is outside the subset,
 * not necessarily invalid JSON.
 *
 * <p>Not thread-safe: owned by its parser's thread.
 */
final class StrictJsonCursor {
    /** Nesting a skipped value may have; deeper is left to the full parser. */
    static final int MAX_SKIP_DEPTH = 16;

    private byte[] bytes;
    private int pos;
    private int end;
    /** The last string read, without its quotes: {@code bytes[textStart .. textStart + textLength)}. */
    private int textStart;
    private int textLength;
    private final AsciiView textView = new AsciiView();

    /** Starts reading {@code bytes[offset .. offset+length)}. */
    void reset(byte[] source, int offset, int length) {
        bytes = source;
        pos = offset;
        end = offset + length;
    }

    /** True when every byte has been read. */
    boolean atEnd() {
        return pos == end;
    }

    /** The next byte without reading it, -1 at the end. */
    int peek() {
        return pos < end ? bytes[pos] : -1;
    }

    /** Reads {@code c} if it is the next byte. */
    boolean consume(char c) {
        if (pos < end && bytes[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** The message's bytes; the last string read is at {@link #textStart()}. */
    byte[] bytes() {
        return bytes;
    }

    int textStart() {
        return textStart;
    }

    int textLength() {
        return textLength;
    }

    /** The last string read as characters (its bytes are ASCII); valid until the next string. */
    CharSequence text() {
        return textView;
    }

    /** True when the last string read is exactly {@code s}. */
    boolean textIs(String s) {
        if (textLength != s.length()) {
            return false;
        }
        for (int i = 0; i < textLength; i++) {
            if (bytes[textStart + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Reads a string in the subset: checks every byte, copies none. */
    boolean string() {
        byte[] b = bytes;
        int p = pos;
        if (p >= end || b[p] != '"') {
            return false;
        }
        int start = ++p;
        while (p < end) {
            int c = b[p];
            if (c == '"') {
                textStart = start;
                textLength = p - start;
                pos = p + 1;
                return true;
            }
            if (c < 0x20 || c == '\\' || c == 0x7F) { // bytes >= 0x80 are negative: non-ASCII
                return false;
            }
            p++;
        }
        return false;
    }

    /**
     * Reads a string without checking what is inside it, only where it ends: for a caller that checks every
     * character itself and accepts none that could begin an escape or be non-ASCII (a decimal: digits and a point).
     * An escaped quote then ends the span early at a backslash, which such a caller refuses.
     */
    boolean stringSpan() {
        byte[] b = bytes;
        int p = pos;
        if (p >= end || b[p] != '"') {
            return false;
        }
        int start = ++p;
        while (p < end) {
            if (b[p] == '"') {
                textStart = start;
                textLength = p - start;
                pos = p + 1;
                return true;
            }
            p++;
        }
        return false;
    }

    /** Reads an integer in the subset; -1 when the next value is not one. */
    long integer() {
        byte[] b = bytes;
        int p = pos;
        if (p >= end) {
            return -1;
        }
        int first = b[p] - '0';
        if (first < 0 || first > 9) {
            return -1;
        }
        long value = first;
        int digits = 1;
        p++;
        while (p < end) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            if (first == 0 || ++digits > 18) {
                return -1;
            }
            value = value * 10 + d;
            p++;
        }
        if (!endsValue(p)) {
            return -1;
        }
        pos = p;
        return value;
    }

    /** Reads {@code true} or {@code false}: 1 or 0; -1 when the next value is neither. */
    int bool() {
        if (literal("true")) {
            return 1;
        }
        return literal("false") ? 0 : -1;
    }

    /** Reads and drops one value in the subset, of any kind. */
    boolean skipValue() {
        return skipValue(0);
    }

    private boolean skipValue(int depth) {
        if (pos >= end || depth > MAX_SKIP_DEPTH) {
            return false;
        }
        switch (bytes[pos]) {
            case '"':
                return string();
            case '{':
                pos++;
                if (consume('}')) {
                    return true;
                }
                do {
                    if (!string() || !consume(':') || !skipValue(depth + 1)) {
                        return false;
                    }
                } while (consume(','));
                return consume('}');
            case '[':
                pos++;
                if (consume(']')) {
                    return true;
                }
                do {
                    if (!skipValue(depth + 1)) {
                        return false;
                    }
                } while (consume(','));
                return consume(']');
            case 't':
                return literal("true");
            case 'f':
                return literal("false");
            case 'n':
                return literal("null");
            default:
                return integer() >= 0;
        }
    }

    private boolean literal(String word) {
        int n = word.length();
        if (end - pos < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (bytes[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        if (!endsValue(pos + n)) {
            return false;
        }
        pos += n;
        return true;
    }

    /** A number or literal must be followed by the end of its container or the next element. */
    private boolean endsValue(int p) {
        if (p >= end) {
            return false;
        }
        byte next = bytes[p];
        return next == ',' || next == '}' || next == ']';
    }

    /** The last string's bytes as characters: each byte is one ASCII character. */
    private final class AsciiView implements CharSequence {
        @Override
        public int length() {
            return textLength;
        }

        @Override
        public char charAt(int index) {
            if (index < 0 || index >= textLength) {
                throw new IndexOutOfBoundsException(index);
            }
            return (char) bytes[textStart + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().substring(start, end);
        }

        @Override
        public String toString() {
            return new String(bytes, textStart, textLength, StandardCharsets.US_ASCII);
        }
    }
}
