package dev.ballast.connectors.okx;

import dev.ballast.connectors.live.StreamListener.StreamSender;

/**
 * OKX's application-level keepalive for one connection: OKX closes a connection that carries nothing for 30 s and
 * expects the client to send the text {@code ping} (answered by {@code pong}) when it has nothing to say, so after
 * {@code pingAfterQuiet} without a frame this sends one. Silence itself (STREAM_STALE, reconnect) is the kit
 * stream's watchdog's business. Time comes from the caller (the venue's clock), so tests drive it by hand.
 *
 * <p>Not thread-safe: used under its stream's lock.
 */
final class OkxKeepalive {
    private final long pingAfterNs;
    private long lastTrafficNs;
    private boolean pingOutstanding;

    OkxKeepalive(long pingAfterNs, long nowNs) {
        this.pingAfterNs = pingAfterNs;
        this.lastTrafficNs = nowNs;
    }

    /** Connected, or anything arrived (a pong included): the quiet clock starts again. */
    void onTraffic(long nowNs) {
        lastTrafficNs = nowNs;
        pingOutstanding = false;
    }

    /** Sends {@code ping} once the connection has been quiet for {@code pingAfterQuiet}. @return 1 when it did */
    int poll(long nowNs, StreamSender sender) {
        if (sender == null || pingOutstanding || nowNs - lastTrafficNs < pingAfterNs) {
            return 0;
        }
        pingOutstanding = true;
        sender.send("ping");
        return 1;
    }
}
