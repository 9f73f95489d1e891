package dev.ballast.connectors.okx;

import dev.ballast.connectors.live.StreamListener.StreamSender;
import dev.ballast.core.VenueHealth;

/**
 * The keepalive and silence watchdog of one OKX connection. OKX closes a connection that carries nothing for 30 s
 * and expects the client to send the text {@code ping} (answered by {@code pong}) when it has nothing to say; a
 * connection silent beyond the configured limit is STREAM_STALE until traffic resumes. Time comes from the caller
 * (the venue's clock), so tests drive it by hand.
 *
 * <p>Not thread-safe: used under its stream's lock.
 */
final class OkxKeepalive {
    private final OkxHealth health;
    private final String part;
    private final long pingAfterNs;
    private final long staleAfterNs;
    private long lastTrafficNs;
    private boolean pingOutstanding;
    private boolean stale;

    OkxKeepalive(OkxHealth health, String part, long pingAfterNs, long staleAfterNs, long nowNs) {
        this.health = health;
        this.part = part;
        this.pingAfterNs = pingAfterNs;
        this.staleAfterNs = staleAfterNs;
        this.lastTrafficNs = nowNs;
    }

    /** Connected: the silence clock starts now. */
    void onConnected(long nowNs) {
        lastTrafficNs = nowNs;
        pingOutstanding = false;
        stale = false;
    }

    /** Anything arrived (a pong included). @return true when the stream was stale until now */
    boolean onTraffic(long nowNs) {
        lastTrafficNs = nowNs;
        pingOutstanding = false;
        if (stale) {
            stale = false;
            return true;
        }
        return false;
    }

    /**
     * Pings after {@code pingAfter} of silence, marks the stream stale after {@code streamSilence}.
     *
     * @return 1 when it pinged or marked the stream stale, else 0
     */
    int poll(long nowNs, StreamSender sender) {
        if (sender == null) {
            return 0;
        }
        long quietNs = nowNs - lastTrafficNs;
        if (quietNs >= staleAfterNs && !stale) {
            stale = true;
            health.set(part, VenueHealth.STREAM_STALE, "silent for " + quietNs / 1_000_000L + " ms");
            return 1;
        }
        if (quietNs >= pingAfterNs && !pingOutstanding) {
            pingOutstanding = true;
            sender.send("ping");
            return 1;
        }
        return 0;
    }
}
