package dev.ballast.bot.risk;

/**
 * An order-rate limit on the engine clock: at most {@code maxPerSecond} sends in any one-second window (the sliding
 * window (now − 1 s, now]), kept as the times of the last {@code maxPerSecond} sends. {@link Integer#MAX_VALUE}
 * turns it off. Not thread-safe: owned by the engine thread.
 */
final class RateWindow {
    private static final long WINDOW_NS = 1_000_000_000L;

    private final int maxPerSecond;
    private final long[] sentNs;
    private int next;
    private int count;

    RateWindow(int maxPerSecond) {
        if (maxPerSecond <= 0) {
            throw new IllegalArgumentException("maxPerSecond must be > 0 (was " + maxPerSecond + ")");
        }
        this.maxPerSecond = maxPerSecond;
        this.sentNs = maxPerSecond == Integer.MAX_VALUE ? new long[0] : new long[maxPerSecond];
    }

    /** True when one more send at {@code nowNs} keeps the window within the limit. */
    boolean available(long nowNs) {
        return maxPerSecond == Integer.MAX_VALUE || count < maxPerSecond || nowNs - sentNs[next] >= WINDOW_NS;
    }

    /** Records a send at {@code nowNs}; call only after {@link #available} said yes at the same time. */
    void record(long nowNs) {
        if (maxPerSecond == Integer.MAX_VALUE) {
            return;
        }
        sentNs[next] = nowNs;
        next = next + 1 == sentNs.length ? 0 : next + 1;
        count = Math.min(count + 1, maxPerSecond);
    }
}
