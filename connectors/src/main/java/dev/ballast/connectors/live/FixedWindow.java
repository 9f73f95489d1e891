package dev.ballast.connectors.live;

/**
 * One fixed counting window aligned to the epoch: period {@code floor(now / length)}, {@code used} units in it.
 * Not thread-safe: its owner ({@link WindowBudget}) holds the lock.
 */
final class FixedWindow {
    private final long lengthNs;
    private final long limit;
    private long period = Long.MIN_VALUE;
    private long used;

    FixedWindow(long lengthNs, long limit) {
        this.lengthNs = lengthNs;
        this.limit = limit;
    }

    /** 0 if {@code cost} fits now; otherwise nanoseconds until the window rolls over. */
    long waitNs(long cost, long nowNs) {
        if (cost <= 0) {
            return 0;
        }
        if (cost > limit) {
            throw new IllegalArgumentException("a call costing " + cost + " can never fit a window of " + limit);
        }
        roll(nowNs);
        if (used + cost <= limit) {
            return 0;
        }
        return (period + 1) * lengthNs - nowNs;
    }

    void take(long cost, long nowNs) {
        if (cost > 0) {
            roll(nowNs);
            used += cost;
        }
    }

    void refund(long cost, long nowNs) {
        if (cost > 0) {
            roll(nowNs);
            used = Math.max(0, used - cost);
        }
    }

    void observe(long venueUsed, long nowNs) {
        roll(nowNs);
        used = Math.max(used, venueUsed);
    }

    long used(long nowNs) {
        roll(nowNs);
        return used;
    }

    private void roll(long nowNs) {
        long p = Math.floorDiv(nowNs, lengthNs);
        if (p != period) {
            period = p;
            used = 0;
        }
    }
}
