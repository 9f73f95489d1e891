package dev.ballast.connectors.live;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * How an {@link OkHttpWebSocketStream} keeps its connection.
 *
 * @param name                   the stream's name in logs and thread names, e.g. {@code "binance-public"}
 * @param silenceBeforeStale     no frame for this long: {@code STREAM_STALE} (default 10 s)
 * @param silenceBeforeReconnect no frame for this long: drop the connection and reconnect; zero = never
 *                               (default 30 s); must not be shorter than {@code silenceBeforeStale}
 * @param backoffMin             the first reconnect waits exactly this long (default 250 ms)
 * @param backoffMax             no reconnect waits longer (default 30 s)
 * @param watchdogInterval       how often the silence watchdog looks (default 1 s)
 * @param pingInterval           WebSocket pings sent by OkHttp, which fails the connection when pongs stop;
 *                               zero = none (default none: the venue's own heartbeats are the traffic)
 */
public record StreamConfig(String name, Duration silenceBeforeStale, Duration silenceBeforeReconnect,
                           Duration backoffMin, Duration backoffMax, Duration watchdogInterval,
                           Duration pingInterval) {
    public StreamConfig {
        Objects.requireNonNull(name, "name");
        positive(silenceBeforeStale, "silenceBeforeStale");
        notNegative(silenceBeforeReconnect, "silenceBeforeReconnect");
        positive(backoffMin, "backoffMin");
        positive(backoffMax, "backoffMax");
        positive(watchdogInterval, "watchdogInterval");
        notNegative(pingInterval, "pingInterval");
        if (backoffMax.compareTo(backoffMin) < 0) {
            throw new IllegalArgumentException("stream.backoffMax must be >= backoffMin (was " + backoffMax
                    + " < " + backoffMin + ")");
        }
        if (!silenceBeforeReconnect.isZero() && silenceBeforeReconnect.compareTo(silenceBeforeStale) < 0) {
            throw new IllegalArgumentException("stream.silenceBeforeReconnect must be >= silenceBeforeStale (was "
                    + silenceBeforeReconnect + " < " + silenceBeforeStale + ")");
        }
    }

    /** The defaults listed above. */
    public static StreamConfig defaults(String name) {
        return new StreamConfig(name, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMillis(250),
                Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ZERO);
    }

    public StreamConfig withSilence(Duration beforeStale, Duration beforeReconnect) {
        return new StreamConfig(name, beforeStale, beforeReconnect, backoffMin, backoffMax, watchdogInterval,
                pingInterval);
    }

    public StreamConfig withBackoff(Duration min, Duration max) {
        return new StreamConfig(name, silenceBeforeStale, silenceBeforeReconnect, min, max, watchdogInterval,
                pingInterval);
    }

    public StreamConfig withWatchdogInterval(Duration interval) {
        return new StreamConfig(name, silenceBeforeStale, silenceBeforeReconnect, backoffMin, backoffMax, interval,
                pingInterval);
    }

    /**
     * The wait before reconnect attempt number {@code failures} (0 = the first after a drop): exponential with
     * full jitter above a floor — uniform in {@code [backoffMin, min(backoffMax, backoffMin * 2^failures)]}.
     * The jitter spreads the reconnects of many clients dropped at once; the floor keeps a refusing venue from
     * being hammered.
     */
    public long backoffNs(int failures, Random random) {
        if (failures < 0) {
            throw new IllegalArgumentException("failures must be >= 0 (was " + failures + ")");
        }
        long minNs = backoffMin.toNanos();
        long maxNs = backoffMax.toNanos();
        int shift = Math.min(failures, 62 - (63 - Long.numberOfLeadingZeros(minNs)));
        long capNs = shift <= 0 ? minNs : Math.min(maxNs, minNs << shift);
        capNs = Math.max(minNs, Math.min(maxNs, capNs));
        return minNs + (long) (random.nextDouble() * (capNs - minNs));
    }

    private static void positive(Duration d, String field) {
        Objects.requireNonNull(d, field);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("stream." + field + " must be > 0 (was " + d + ")");
        }
    }

    private static void notNegative(Duration d, String field) {
        Objects.requireNonNull(d, field);
        if (d.isNegative()) {
            throw new IllegalArgumentException("stream." + field + " must be >= 0 (was " + d + ")");
        }
    }
}
