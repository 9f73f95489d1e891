package dev.ballast.connectors.live;

/**
 * A venue's request limits for one API key, shared by everything that uses the key (REST order entry,
 * account reads, reconciliation). Models the venue's real rules: Binance request weight per minute plus order
 * counts per 10 s and per day (from {@code exchangeInfo.rateLimits}, corrected by {@code X-MBX-USED-WEIGHT-*}
 * and {@code X-MBX-ORDER-COUNT-*} headers), Kraken's decaying call counter, OKX per-endpoint limits.
 * Thread-safe: several I/O threads draw on one budget.
 */
public interface RateBudget {
    /**
     * Takes the cost of one call of {@code endpoint} at {@code nowNs} if the budget allows it.
     *
     * @return 0 when granted; otherwise how many nanoseconds until it could be (nothing is taken)
     */
    long tryAcquire(Endpoint endpoint, long nowNs);

    /**
     * Gives back what {@link #tryAcquire} took for a call that was then not sent (a later guard refused it, or a
     * {@link CompositeBudget} part refused). Never below zero.
     */
    default void refund(Endpoint endpoint, long nowNs) {
    }

    /** Learns from a reply: usage headers that say what the venue has counted. */
    default void onReply(Endpoint endpoint, RestReply reply, long nowNs) {
    }

    /** The venue said slow down: nothing more until {@code nowNs + retryAfterNs}. */
    void onThrottled(long retryAfterNs, long nowNs);

    /** A budget that never refuses (tests of other layers, venues without limits). */
    static RateBudget unlimited() {
        return new RateBudget() {
            @Override
            public long tryAcquire(Endpoint endpoint, long nowNs) {
                return 0;
            }

            @Override
            public void onThrottled(long retryAfterNs, long nowNs) {
            }
        };
    }
}
