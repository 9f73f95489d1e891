package dev.ballast.connectors.live;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * OKX's REST limits: each endpoint has its own, e.g. {@code "POST /api/v5/trade/order"}: 60 calls per 2 s,
 * {@code "GET /api/v5/account/balance"}: 10 per 2 s. Each limit is a sliding window over the last {@code per}:
 * a call is granted while fewer than {@code calls} were granted in it, so a burst at a window's edge cannot
 * double the rate (the venue's windows are not documented as aligned). Endpoints without a limit of their own
 * share {@code defaultLimit}'s rate each (or are free when it is null).
 *
 * <p>Thread-safe: one lock; each endpoint keeps a ring of its last {@code calls} grant times.
 */
public final class PerEndpointBudget implements RateBudget {
    /** {@code calls} per {@code per}. */
    public record Limit(int calls, Duration per) {
        public Limit {
            Objects.requireNonNull(per, "per");
            if (calls < 1) {
                throw new IllegalArgumentException("limit calls must be >= 1 (was " + calls + ")");
            }
            if (per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("limit period must be > 0 (was " + per + ")");
            }
        }
    }

    private final Map<String, Limit> limits;
    private final Limit defaultLimit;
    private final Map<String, SlidingLog> logs = new HashMap<>();
    private long blockedUntilNs;

    /** @param limits by {@link Endpoint#name()}; @param defaultLimit for the others, or null for no limit */
    public PerEndpointBudget(Map<String, Limit> limits, Limit defaultLimit) {
        this.limits = Map.copyOf(Objects.requireNonNull(limits, "limits"));
        this.defaultLimit = defaultLimit;
    }

    @Override
    public synchronized long tryAcquire(Endpoint endpoint, long nowNs) {
        SlidingLog log = log(endpoint);
        long waitNs = Math.max(blockedUntilNs - nowNs, log == null ? 0 : log.waitNs(nowNs));
        if (waitNs > 0) {
            return waitNs;
        }
        if (log != null) {
            log.add(nowNs);
        }
        return 0;
    }

    @Override
    public synchronized void refund(Endpoint endpoint, long nowNs) {
        SlidingLog log = log(endpoint);
        if (log != null) {
            log.removeLatest();
        }
    }

    @Override
    public synchronized void onThrottled(long retryAfterNs, long nowNs) {
        blockedUntilNs = Math.max(blockedUntilNs, nowNs + Math.max(0, retryAfterNs));
    }

    private SlidingLog log(Endpoint endpoint) {
        Limit limit = limits.getOrDefault(endpoint.name(), defaultLimit);
        return limit == null ? null : logs.computeIfAbsent(endpoint.name(), n -> new SlidingLog(limit));
    }

    @Override
    public String toString() {
        return "PerEndpointBudget" + limits;
    }

    /** The grant times of the last {@code calls} grants, oldest first in ring order. */
    private static final class SlidingLog {
        private final long[] grantsNs;
        private final long perNs;
        private int size;
        private int head; // index of the oldest

        SlidingLog(Limit limit) {
            this.grantsNs = new long[limit.calls()];
            this.perNs = limit.per().toNanos();
        }

        long waitNs(long nowNs) {
            if (size < grantsNs.length) {
                return 0;
            }
            long oldest = grantsNs[head];
            return Math.max(0, oldest + perNs - nowNs);
        }

        void add(long nowNs) {
            if (size < grantsNs.length) {
                grantsNs[(head + size) % grantsNs.length] = nowNs;
                size++;
            } else {
                grantsNs[head] = nowNs;
                head = (head + 1) % grantsNs.length;
            }
        }

        void removeLatest() {
            if (size > 0) {
                size--;
            }
        }
    }
}
