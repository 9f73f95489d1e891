package dev.ballast.connectors.live;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link OkHttpVenueGateway} guards one venue.
 *
 * @param name                  the venue's name in logs and the breaker's name, e.g. {@code "binance"}
 * @param callTimeout           the whole call: connect, write, wait, read the body (default 5 s)
 * @param breakerFailureRatePct failures (transport, timeout, 5xx, unreadable reply) in the window that open the
 *                              breaker, in percent (default 50)
 * @param breakerWindowCalls    the last N calls the rate is measured over (default 20)
 * @param breakerMinimumCalls   no opening before this many calls were seen (default 10)
 * @param breakerOpenDuration   how long it stays open before letting probes through (default 30 s)
 * @param breakerHalfOpenCalls  probes let through when half open (default 3)
 * @param retryMaxAttempts      attempts of an idempotent call, the first included; 1 = no retry (default 3)
 * @param retryInitialBackoff   wait before the first retry, doubled for each next one (default 200 ms)
 * @param defaultThrottle       slow-down after a 429 that has no Retry-After (default 5 s)
 * @param defaultBan            ban length after a 418 that has no Retry-After (default 2 min)
 */
public record GatewayConfig(String name, Duration callTimeout, float breakerFailureRatePct, int breakerWindowCalls,
                            int breakerMinimumCalls, Duration breakerOpenDuration, int breakerHalfOpenCalls,
                            int retryMaxAttempts, Duration retryInitialBackoff, Duration defaultThrottle,
                            Duration defaultBan) {
    public GatewayConfig {
        Objects.requireNonNull(name, "name");
        positive(callTimeout, "callTimeout");
        positive(breakerOpenDuration, "breakerOpenDuration");
        positive(retryInitialBackoff, "retryInitialBackoff");
        positive(defaultThrottle, "defaultThrottle");
        positive(defaultBan, "defaultBan");
        if (!(breakerFailureRatePct > 0 && breakerFailureRatePct <= 100)) {
            throw new IllegalArgumentException(
                    "gateway.breakerFailureRatePct must be in (0, 100] (was " + breakerFailureRatePct + ")");
        }
        atLeastOne(breakerWindowCalls, "breakerWindowCalls");
        atLeastOne(breakerMinimumCalls, "breakerMinimumCalls");
        atLeastOne(breakerHalfOpenCalls, "breakerHalfOpenCalls");
        atLeastOne(retryMaxAttempts, "retryMaxAttempts");
    }

    /** The defaults listed above. */
    public static GatewayConfig defaults(String name) {
        return new GatewayConfig(name, Duration.ofSeconds(5), 50f, 20, 10, Duration.ofSeconds(30), 3, 3,
                Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofMinutes(2));
    }

    public GatewayConfig withCallTimeout(Duration timeout) {
        return new GatewayConfig(name, timeout, breakerFailureRatePct, breakerWindowCalls, breakerMinimumCalls,
                breakerOpenDuration, breakerHalfOpenCalls, retryMaxAttempts, retryInitialBackoff, defaultThrottle,
                defaultBan);
    }

    /** Opens at {@code failureRatePct} over the last {@code windowCalls} calls (all must be seen), for {@code open}. */
    public GatewayConfig withBreaker(float failureRatePct, int windowCalls, Duration open) {
        return new GatewayConfig(name, callTimeout, failureRatePct, windowCalls, windowCalls, open,
                breakerHalfOpenCalls, retryMaxAttempts, retryInitialBackoff, defaultThrottle, defaultBan);
    }

    public GatewayConfig withRetry(int maxAttempts, Duration initialBackoff) {
        return new GatewayConfig(name, callTimeout, breakerFailureRatePct, breakerWindowCalls, breakerMinimumCalls,
                breakerOpenDuration, breakerHalfOpenCalls, maxAttempts, initialBackoff, defaultThrottle, defaultBan);
    }

    private static void positive(Duration d, String field) {
        Objects.requireNonNull(d, field);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("gateway." + field + " must be > 0 (was " + d + ")");
        }
    }

    private static void atLeastOne(int value, String field) {
        if (value < 1) {
            throw new IllegalArgumentException("gateway." + field + " must be >= 1 (was " + value + ")");
        }
    }
}
