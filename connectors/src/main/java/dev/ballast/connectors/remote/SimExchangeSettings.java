package dev.ballast.connectors.remote;

import java.util.Objects;

/**
 * How a {@link SimExchangeServer} listens and streams.
 *
 * @param host the address to bind; default {@value #DEFAULT_HOST} (loopback: the simulated exchange is for paper
 *     runs on one machine)
 * @param port the TCP port; 0 picks a free one (see {@link SimExchangeServer#port()}); 0 to 65535
 * @param heartbeatIntervalMs how long an event stream may stay silent before the server writes a heartbeat line, so
 *     that a client notices a dead connection and the server notices a dead client; > 0; default
 *     {@value #DEFAULT_HEARTBEAT_INTERVAL_MS}
 * @param sessionQueueCapacity events queued per connected client before the server gives up on it (the client
 *     reconnects and starts again from fresh snapshots); >= 16; default {@value #DEFAULT_SESSION_QUEUE_CAPACITY}
 */
public record SimExchangeSettings(String host, int port, long heartbeatIntervalMs, int sessionQueueCapacity) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final long DEFAULT_HEARTBEAT_INTERVAL_MS = 500;
    public static final int DEFAULT_SESSION_QUEUE_CAPACITY = 1 << 16;

    public SimExchangeSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [0, 65535] (was " + port + ")");
        }
        if (heartbeatIntervalMs <= 0) {
            throw new IllegalArgumentException("heartbeatIntervalMs must be > 0 (was " + heartbeatIntervalMs + ")");
        }
        if (sessionQueueCapacity < 16) {
            throw new IllegalArgumentException("sessionQueueCapacity must be >= 16 (was " + sessionQueueCapacity + ")");
        }
    }

    /** Loopback on {@code port} (0: any free port), with the default heartbeat and queue. */
    public static SimExchangeSettings onPort(int port) {
        return new SimExchangeSettings(DEFAULT_HOST, port, DEFAULT_HEARTBEAT_INTERVAL_MS,
                DEFAULT_SESSION_QUEUE_CAPACITY);
    }
}
