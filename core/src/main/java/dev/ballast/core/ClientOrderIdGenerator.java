package dev.ballast.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Makes unique client order ids every venue accepts as they are: letters and digits only, at most 18
 * characters (Kraken's free-text {@code cl_ord_id} limit; OKX allows 32 alphanumerics, Binance 36).
 *
 * <p>Layout: {@code <prefix><session><counter>} — a prefix of 1–3 letters/digits, the session stamp in
 * base 36 zero-padded to exactly 8 characters (milliseconds since the epoch fit until the year 2059), then
 * the counter in base 36. Fixed widths make every id parse back unambiguously, two sessions with different
 * stamps never collide, and within a session the counter never repeats (36^7 ids before it would overflow
 * the 18 characters, which throws rather than wraps). Not thread-safe: owned by the engine thread.
 */
public final class ClientOrderIdGenerator {
    /** Characters of the session stamp. */
    public static final int SESSION_WIDTH = 8;
    /** The longest id made, the tightest venue limit. */
    public static final int MAX_LENGTH = 18;

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9]{1,3}");
    private static final long MAX_SESSION = pow36(SESSION_WIDTH) - 1;

    private final String stem;
    private final long maxCounter;
    private long next;

    public ClientOrderIdGenerator(String prefix, long sessionStamp) {
        Objects.requireNonNull(prefix, "prefix");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("prefix must be 1-3 letters or digits (was '" + prefix + "')");
        }
        if (sessionStamp < 0 || sessionStamp > MAX_SESSION) {
            throw new IllegalArgumentException("sessionStamp must be in [0, " + MAX_SESSION + "] (was " + sessionStamp + ")");
        }
        String session = Long.toString(sessionStamp, 36);
        this.stem = prefix + "0".repeat(SESSION_WIDTH - session.length()) + session;
        this.maxCounter = pow36(MAX_LENGTH - stem.length()) - 1;
    }

    public ClientOrderId next() {
        if (next > maxCounter) {
            throw new IllegalStateException("client order id counter exhausted for session " + stem);
        }
        return new ClientOrderId(stem + Long.toString(next++, 36));
    }

    private static long pow36(int n) {
        long r = 1;
        for (int i = 0; i < n; i++) {
            r *= 36;
        }
        return r;
    }
}
