package dev.ballast.connectors.live;

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

    /** Sends a frame on the open connection (subscriptions, pings, login). */
    @FunctionalInterface
    interface StreamSender {
        boolean send(String text);
    }
}
