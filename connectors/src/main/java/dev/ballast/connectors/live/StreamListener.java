package dev.ballast.connectors.live;

import dev.ballast.core.VenueHealth;

/**
 * A venue's side of one WebSocket stream: subscribes on every (re)connect, turns each text message into core
 * events, and resyncs what a disconnect may have broken. Called on the stream's own I/O thread, one message at a
 * time. Must not throw for a malformed message: count it, log it once, skip it.
 */
public interface StreamListener {
    /** Connected (first time or after a reconnect): send the subscriptions, request snapshots. */
    void onOpen(StreamSender sender);

    /** One text frame, with the local receive time (epoch ns). */
    void onMessage(String text, long receivedNs);

    /** The connection dropped; a reconnect with backoff follows. Books from this stream are now invalid. */
    void onDisconnected(String reason);

    /**
     * The stream's own health changed (connected, disconnected, stale, fresh again): a hint to refresh a
     * {@link HealthBoard}. Called on the stream's I/O or watchdog thread; read {@link WebSocketStream#health()}
     * for the truth, as hints from two threads may arrive out of order.
     */
    default void onHealthChanged(VenueHealth health) {
    }

    /** Sends a frame on the open connection (subscriptions, pings, login). */
    @FunctionalInterface
    interface StreamSender {
        boolean send(String text);
    }
}
