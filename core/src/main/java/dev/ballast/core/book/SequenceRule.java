package dev.ballast.core.book;

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
    SEQUENTIAL
}
