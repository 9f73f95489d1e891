package dev.ballast.core.book;

import dev.ballast.core.event.BookDelta;

/**
 * How a venue's book deltas chain onto a snapshot and onto each other. With L = the snapshot's update id
 * and U/u/pu = a delta's first/last/previous-last update ids:
 */
public enum SequenceRule {
    /**
     * Binance spot: drop deltas with {@code u <= L}; the first applied has {@code U <= L+1 <= u}; each next
     * has {@code U == prev_u + 1}.
     */
    CONTIGUOUS,
    /**
     * Binance futures (USD-M, COIN-M): drop deltas with {@code u < L}; the first applied has
     * {@code U <= L <= u}; each next has {@code pu == prev_u}.
     */
    LINKED,
    /** Venues that number each message once (our simulated venue): each delta's U must be prev_u + 1. */
    SEQUENTIAL;

    /**
     * Whether {@code delta} chains on a book (or a chain) whose last update id is {@code previousUpdateId}:
     * APPLIED (apply it), STALE (older: ignore it) or GAP (it does not chain on). {@code bridged} is true once a
     * delta has been applied since the last snapshot (the bridging delta is behind us).
     */
    public ApplyResult verdict(long previousUpdateId, boolean bridged, BookDelta delta) {
        long first = delta.firstUpdateId();
        long last = delta.lastUpdateId();
        long previous = previousUpdateId;
        switch (this) {
            case CONTIGUOUS:
                if (last <= previous) {
                    return ApplyResult.STALE;
                }
                if (bridged ? first == previous + 1 : first <= previous + 1) {
                    return ApplyResult.APPLIED;
                }
                return ApplyResult.GAP;
            case LINKED:
                if (bridged) {
                    if (delta.prevUpdateId() == previous) {
                        return ApplyResult.APPLIED;
                    }
                    return last <= previous ? ApplyResult.STALE : ApplyResult.GAP;
                }
                if (last < previous) {
                    return ApplyResult.STALE;
                }
                return first <= previous ? ApplyResult.APPLIED : ApplyResult.GAP;
            case SEQUENTIAL:
                if (last <= previous) {
                    return ApplyResult.STALE;
                }
                return first == previous + 1 ? ApplyResult.APPLIED : ApplyResult.GAP;
            default:
                throw new IllegalStateException("unknown sequence rule " + this);
        }
    }
}
