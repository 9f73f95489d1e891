package dev.ballast.bot.risk;

/**
 * A rate budget on the engine clock: {@code ratePerSec} tokens a second, up to one second's worth banked (the
 * burst). An infinite rate never runs out. Not thread-safe: owned by the engine thread.
 */
final class TokenBucket {
    private static final double NS_PER_SEC = 1e9;

    private final double ratePerSec;
    private final double capacity;
    private double tokens;
    private long lastNs;
    private boolean started;

    TokenBucket(double ratePerSec) {
        if (!(ratePerSec > 0)) {
            throw new IllegalArgumentException("ratePerSec must be > 0 (was " + ratePerSec + ")");
        }
        this.ratePerSec = ratePerSec;
        this.capacity = Math.max(1, ratePerSec);
        this.tokens = capacity;
    }

    /** True when a token is there at {@code nowNs} (refilled for the time since the last call); takes nothing. */
    boolean available(long nowNs) {
        if (ratePerSec == Double.POSITIVE_INFINITY) {
            return true;
        }
        refill(nowNs);
        return tokens >= 1;
    }

    /** Takes one token; call only after {@link #available} said yes at the same time. */
    void take() {
        if (ratePerSec != Double.POSITIVE_INFINITY) {
            tokens -= 1;
        }
    }

    private void refill(long nowNs) {
        if (started && nowNs > lastNs) {
            tokens = Math.min(capacity, tokens + (nowNs - lastNs) / NS_PER_SEC * ratePerSec);
        }
        if (!started || nowNs > lastNs) {
            lastNs = nowNs;
            started = true;
        }
    }
}
