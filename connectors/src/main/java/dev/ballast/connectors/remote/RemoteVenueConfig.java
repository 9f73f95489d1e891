package dev.ballast.connectors.remote;

import dev.ballast.core.VenueId;
import java.net.URI;
import java.util.Objects;

/**
 * One venue of a {@link SimExchangeServer}, as a bot reaches it.
 *
 * @param id the venue's id on the server (and in the bot)
 * @param serverUrl the server's base URL, e.g. {@code http://127.0.0.1:7070}; http or https
 * @param requestTimeoutMs how long a command or query may take, connect to last byte; > 0; default
 *     {@value #DEFAULT_REQUEST_TIMEOUT_MS}
 * @param streamSilenceTimeoutMs how long the event stream may stay silent (the server sends a heartbeat every
 *     {@link SimExchangeSettings#heartbeatIntervalMs()}) before it counts as lost and is reconnected; > 0; default
 *     {@value #DEFAULT_STREAM_SILENCE_TIMEOUT_MS}
 * @param reconnectDelayMs the pause between two attempts to open the event stream; > 0; default
 *     {@value #DEFAULT_RECONNECT_DELAY_MS}
 */
public record RemoteVenueConfig(VenueId id, URI serverUrl, long requestTimeoutMs, long streamSilenceTimeoutMs,
                                long reconnectDelayMs) {
    public static final long DEFAULT_REQUEST_TIMEOUT_MS = 5_000;
    public static final long DEFAULT_STREAM_SILENCE_TIMEOUT_MS = 3_000;
    public static final long DEFAULT_RECONNECT_DELAY_MS = 200;

    public RemoteVenueConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(serverUrl, "serverUrl");
        String scheme = serverUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || serverUrl.getHost() == null) {
            throw new IllegalArgumentException(id + ": serverUrl must be an http(s) URL with a host (was " + serverUrl
                    + ")");
        }
        if (requestTimeoutMs <= 0) {
            throw new IllegalArgumentException(id + ": requestTimeoutMs must be > 0 (was " + requestTimeoutMs + ")");
        }
        if (streamSilenceTimeoutMs <= 0) {
            throw new IllegalArgumentException(id + ": streamSilenceTimeoutMs must be > 0 (was "
                    + streamSilenceTimeoutMs + ")");
        }
        if (reconnectDelayMs <= 0) {
            throw new IllegalArgumentException(id + ": reconnectDelayMs must be > 0 (was " + reconnectDelayMs + ")");
        }
    }

    /** The venue {@code id} on the server at {@code serverUrl}, with the default timings. */
    public static RemoteVenueConfig of(VenueId id, URI serverUrl) {
        return new RemoteVenueConfig(id, serverUrl, DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_STREAM_SILENCE_TIMEOUT_MS,
                DEFAULT_RECONNECT_DELAY_MS);
    }
}
