package dev.ballast.core;

/**
 * Whether a venue can take a hedge right now, as the engine sees it. Only {@link #HEALTHY} is usable: every
 * other state makes the venue's hedge cost infinite, however good its book looks.
 */
public enum VenueHealth {
    /** Connected, book synced and fresh, orders going through. */
    HEALTHY("healthy"),
    /** The book lost sync (a sequence gap, a checksum mismatch) and awaits a new snapshot. */
    BOOK_INVALID("book not synced"),
    /** The market-data stream has gone quiet for longer than the venue's heartbeat allows. */
    STREAM_STALE("stream stale"),
    /** No connection to the venue. */
    DISCONNECTED("disconnected"),
    /** The venue's circuit breaker is open after repeated order failures. */
    CIRCUIT_OPEN("circuit breaker open"),
    /** The venue's request budget is spent until its window rolls over. */
    RATE_LIMITED("rate limited"),
    /** The venue refuses us (an IP or account ban, a 418). */
    BANNED("banned");

    private final String description;

    VenueHealth(String description) {
        this.description = description;
    }

    /** True only for {@link #HEALTHY}. */
    public boolean usable() {
        return this == HEALTHY;
    }

    /** A few words for reasons and status lines, e.g. "circuit breaker open". */
    public String description() {
        return description;
    }
}
