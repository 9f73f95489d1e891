package dev.ballast.connectors.binance;

import dev.ballast.connectors.live.Endpoint;
import dev.ballast.connectors.live.RateBudget;
import dev.ballast.connectors.live.RequestKind;
import dev.ballast.connectors.live.RestReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Binance's request limits for one API key, as {@code exchangeInfo.rateLimits} states them: request weight per
 * minute (every call costs its endpoint's weight), new orders per 10 s and per day (spot) or per minute (USD-M),
 * and raw requests per 5 minutes (spot, one per call). Each limit is a fixed window aligned to the clock, as
 * Binance counts, and a call is granted only when every window it draws on has room within {@code headroom} of
 * its limit (the rest is left for what this process does not see: other processes on the same IP, calls in flight).
 *
 * <p>Binance reports its own count on every reply ({@code X-MBX-USED-WEIGHT-1M}, {@code X-MBX-ORDER-COUNT-10S},
 * {@code -1D}, {@code -1M}); a window takes that count when it is higher than its own, so the budget never trusts
 * itself over the venue. A 429 or 418 stops every call until its {@code Retry-After} has passed (to the end of the
 * current minute when Binance did not say).
 *
 * <p>Starts from {@link BinanceProduct#defaultLimits()} until {@link #apply(List)} is given the limits read from
 * {@code exchangeInfo}. Times are epoch nanoseconds (windows are aligned to them). Thread-safe: every thread that
 * uses the key draws on one budget.
 */
public final class BinanceRateBudget implements RateBudget {
    private static final long MINUTE_NS = 60_000_000_000L;

    private final double headroom;
    private List<Window> windows = new ArrayList<>();
    private long blockedUntilNs = Long.MIN_VALUE;

    /**
     * @param headroom the share of each limit this process may use, in (0, 1]
     * @throws IllegalArgumentException if {@code headroom} is outside (0, 1] or a limit is duplicated
     */
    public BinanceRateBudget(List<BinanceRateLimit> limits, double headroom) {
        if (!(headroom > 0 && headroom <= 1)) {
            throw new IllegalArgumentException("headroom must be in (0, 1] (was " + headroom + ")");
        }
        this.headroom = headroom;
        apply(limits);
    }

    /** Replaces the limits (as read from {@code exchangeInfo}); a window that stays keeps its count. */
    public synchronized void apply(List<BinanceRateLimit> limits) {
        Objects.requireNonNull(limits, "limits");
        List<Window> next = new ArrayList<>();
        for (BinanceRateLimit limit : limits) {
            for (Window w : next) {
                if (w.limit.type() == limit.type() && w.limit.intervalMs() == limit.intervalMs()) {
                    throw new IllegalArgumentException("rate limit " + limit + " given twice");
                }
            }
            Window w = new Window(limit, Math.max(1, (long) Math.floor(limit.limit() * headroom)));
            for (Window old : windows) {
                if (old.limit.type() == limit.type() && old.limit.intervalMs() == limit.intervalMs()) {
                    w.startNs = old.startNs;
                    w.used = old.used;
                }
            }
            next.add(w);
        }
        windows = next;
    }

    /** The limits in force. */
    public synchronized List<BinanceRateLimit> limits() {
        List<BinanceRateLimit> out = new ArrayList<>();
        for (Window w : windows) {
            out.add(w.limit);
        }
        return out;
    }

    @Override
    public synchronized long tryAcquire(Endpoint endpoint, long nowNs) {
        if (nowNs < blockedUntilNs) {
            return blockedUntilNs - nowNs;
        }
        long waitNs = 0;
        for (Window w : windows) {
            w.roll(nowNs);
            long cost = w.cost(endpoint);
            if (cost > 0 && w.used + cost > w.allowed) {
                waitNs = Math.max(waitNs, Math.max(1, w.startNs + w.limit.intervalNs() - nowNs));
            }
        }
        if (waitNs > 0) {
            return waitNs;
        }
        for (Window w : windows) {
            w.used += w.cost(endpoint);
        }
        return 0;
    }

    @Override
    public synchronized void onReply(Endpoint endpoint, RestReply reply, long nowNs) {
        for (Window w : windows) {
            String header = w.limit.usageHeader();
            String value = header == null ? null : reply.header(header);
            if (value == null) {
                continue;
            }
            long reported;
            try {
                reported = Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                continue; // a header we cannot read tells us nothing
            }
            w.roll(nowNs);
            w.used = Math.max(w.used, reported);
        }
    }

    @Override
    public synchronized void onThrottled(long retryAfterNs, long nowNs) {
        long until = retryAfterNs > 0 ? nowNs + retryAfterNs : nowNs - Math.floorMod(nowNs, MINUTE_NS) + MINUTE_NS;
        blockedUntilNs = Math.max(blockedUntilNs, until);
    }

    /** What this budget has counted in the window of {@code type} and {@code intervalMs} at {@code nowNs}; -1 if none. */
    public synchronized long used(BinanceRateLimit.Type type, long intervalMs, long nowNs) {
        for (Window w : windows) {
            if (w.limit.type() == type && w.limit.intervalMs() == intervalMs) {
                w.roll(nowNs);
                return w.used;
            }
        }
        return -1;
    }

    /** One fixed window of one limit. Guarded by the budget's lock. */
    private static final class Window {
        final BinanceRateLimit limit;
        final long allowed;
        long startNs = Long.MIN_VALUE;
        long used;

        Window(BinanceRateLimit limit, long allowed) {
            this.limit = limit;
            this.allowed = allowed;
        }

        void roll(long nowNs) {
            long start = nowNs - Math.floorMod(nowNs, limit.intervalNs());
            if (start != startNs) {
                startNs = start;
                used = 0;
            }
        }

        long cost(Endpoint endpoint) {
            return switch (limit.type()) {
                case REQUEST_WEIGHT -> endpoint.weight();
                case ORDERS -> endpoint.kind() == RequestKind.ORDER ? 1 : 0;
                case RAW_REQUESTS -> 1;
            };
        }
    }
}
