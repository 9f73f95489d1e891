package dev.ballast.connectors.live;

import dev.ballast.core.VenueHealth;

/**
 * One venue WebSocket connection kept alive: connects, hands frames to its {@link StreamListener}, reconnects
 * with exponential backoff and jitter after any close or failure, and marks itself stale after a configurable
 * silence (a watchdog; a venue's own pings count as traffic). Thread-safe to start and close from any thread.
 */
public interface WebSocketStream extends AutoCloseable {
    void start();

    /** HEALTHY, STREAM_STALE (silent beyond the limit) or DISCONNECTED. */
    VenueHealth health();

    /** Reconnects made since start (for the status and tests). */
    long reconnects();

    @Override
    void close();
}
