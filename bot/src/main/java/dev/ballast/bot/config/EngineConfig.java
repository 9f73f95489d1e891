package dev.ballast.bot.config;

/**
 * The engine loop's settings ({@code engine} in the config). Every field is optional in the file; the
 * defaults are {@link #DEFAULTS}. Immutable.
 *
 * @param statusIntervalMs how often the status block is printed; > 0; default 5000
 * @param requoteIntervalMs at most one quote refresh per market in this time; >= 0 (0: refresh on every
 *     change); default 250
 * @param requoteToleranceBps a resting quote within this many bps of fair value from the new price is kept
 *     rather than replaced (converted to each venue's whole ticks, rounded down); >= 0; default 1.0
 * @param inboxCapacity the number of events queued between venues and the engine; a power of two from 2 to
 *     2^30 (not rounded: the operator sees the number in force); default 65536
 * @param shutdownTimeoutMs the longest a shutdown (SIGTERM, Ctrl-C, end of the duration) takes from the request to
 *     the exit: cancels are awaited within it and the bot exits even when a venue never confirms them; > 0; default
 *     {@value #DEFAULT_SHUTDOWN_TIMEOUT_MS} (inside Docker's default 10 s between SIGTERM and SIGKILL)
 */
public record EngineConfig(
        long statusIntervalMs, long requoteIntervalMs, double requoteToleranceBps, int inboxCapacity,
        long shutdownTimeoutMs) {
    public static final long DEFAULT_STATUS_INTERVAL_MS = 5000;
    public static final long DEFAULT_REQUOTE_INTERVAL_MS = 250;
    public static final double DEFAULT_REQUOTE_TOLERANCE_BPS = 1.0;
    public static final int DEFAULT_INBOX_CAPACITY = 65536;
    public static final int MAX_INBOX_CAPACITY = 1 << 30;
    public static final long DEFAULT_SHUTDOWN_TIMEOUT_MS = 8_000;

    /** The settings used when the config has no {@code engine} section. */
    public static final EngineConfig DEFAULTS = new EngineConfig(DEFAULT_STATUS_INTERVAL_MS,
            DEFAULT_REQUOTE_INTERVAL_MS, DEFAULT_REQUOTE_TOLERANCE_BPS, DEFAULT_INBOX_CAPACITY,
            DEFAULT_SHUTDOWN_TIMEOUT_MS);

    /** @throws IllegalArgumentException listing every field that breaks its rule */
    public EngineConfig {
        Rules r = new Rules();
        r.positive("statusIntervalMs", statusIntervalMs);
        r.nonNegative("requoteIntervalMs", requoteIntervalMs);
        r.nonNegative("requoteToleranceBps", requoteToleranceBps);
        r.require(inboxCapacity >= 2 && inboxCapacity <= MAX_INBOX_CAPACITY && Integer.bitCount(inboxCapacity) == 1,
                "inboxCapacity must be a power of two from 2 to " + MAX_INBOX_CAPACITY + " (was " + inboxCapacity
                        + nearestPowersOfTwo(inboxCapacity) + ")");
        r.positive("shutdownTimeoutMs", shutdownTimeoutMs);
        r.throwIfAny();
    }

    /** The settings with the default {@code shutdownTimeoutMs}. */
    public EngineConfig(long statusIntervalMs, long requoteIntervalMs, double requoteToleranceBps, int inboxCapacity) {
        this(statusIntervalMs, requoteIntervalMs, requoteToleranceBps, inboxCapacity, DEFAULT_SHUTDOWN_TIMEOUT_MS);
    }

    private static String nearestPowersOfTwo(int value) {
        if (value <= 2 || value >= MAX_INBOX_CAPACITY) {
            return "";
        }
        int below = Integer.highestOneBit(value);
        return "; nearest: " + below + " or " + (below << 1);
    }
}
