package dev.ballast.connectors.binance;

import dev.ballast.connectors.live.Endpoint;
import dev.ballast.connectors.live.RateBudget;
import dev.ballast.connectors.live.RestReply;
import dev.ballast.connectors.live.WindowBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Binance's request limits for one API key, as {@code exchangeInfo.rateLimits} states them, counted by the kit's
 * {@link WindowBudget}: request weight per minute (every call costs its endpoint's weight), new orders per 10 s and
 * per day (spot) or per minute (USD-M), raw requests per 5 minutes (spot, one per call). Windows are fixed and
 * aligned to the clock, as Binance counts; each may be used up to {@code headroom} of its limit (the rest is left
 * for what this process does not see: other processes on the same IP, calls in flight). Binance's own counts
 * ({@code X-MBX-USED-WEIGHT-1M}, {@code X-MBX-ORDER-COUNT-10S}, {@code -1D}, {@code -1M}) raise ours when higher.
 *
 * <p>Starts from {@link BinanceProduct#defaultLimits()}; {@link #apply} replaces the limits with those read from
 * {@code exchangeInfo} and carries over what each window that stays has counted. A throttle (429, 418) holds across
 * such a replacement. Times are epoch nanoseconds. Thread-safe: every thread that uses the key draws on one budget.
 */
public final class BinanceRateBudget implements RateBudget {
    private final double headroom;
    private WindowBudget windows;
    private List<BinanceRateLimit> limits;
    private long blockedUntilNs = Long.MIN_VALUE;

    /**
     * @param headroom the share of each limit this process may use, in (0, 1]
     * @throws IllegalArgumentException if {@code headroom} is outside (0, 1], or a limit is given twice
     */
    public BinanceRateBudget(List<BinanceRateLimit> limits, double headroom) {
        if (!(headroom > 0 && headroom <= 1)) {
            throw new IllegalArgumentException("headroom must be in (0, 1] (was " + headroom + ")");
        }
        this.headroom = headroom;
        this.limits = List.copyOf(limits);
        this.windows = windowsOf(this.limits);
    }

    /** Replaces the limits (as read from {@code exchangeInfo}); a window that stays keeps its count. */
    public synchronized void apply(List<BinanceRateLimit> next, long nowNs) {
        WindowBudget replacement = windowsOf(next);
        for (WindowBudget.Window w : replacement.windows()) {
            for (WindowBudget.Window old : windows.windows()) {
                if (old.name().equals(w.name())) {
                    replacement.observeUsed(w.name(), windows.used(old.name(), nowNs), nowNs);
                }
            }
        }
        windows = replacement;
        limits = List.copyOf(next);
    }

    /** The limits in force. */
    public synchronized List<BinanceRateLimit> limits() {
        return limits;
    }

    @Override
    public synchronized long tryAcquire(Endpoint endpoint, long nowNs) {
        if (nowNs < blockedUntilNs) {
            return blockedUntilNs - nowNs;
        }
        return windows.tryAcquire(endpoint, nowNs);
    }

    @Override
    public synchronized void refund(Endpoint endpoint, long nowNs) {
        windows.refund(endpoint, nowNs);
    }

    @Override
    public synchronized void onReply(Endpoint endpoint, RestReply reply, long nowNs) {
        windows.onReply(endpoint, reply, nowNs);
    }

    @Override
    public synchronized void onThrottled(long retryAfterNs, long nowNs) {
        blockedUntilNs = Math.max(blockedUntilNs, nowNs + Math.max(0, retryAfterNs));
    }

    /** What the window of {@code type} and {@code intervalMs} has counted at {@code nowNs}; -1 if there is none. */
    public synchronized long used(BinanceRateLimit.Type type, long intervalMs, long nowNs) {
        String name = windowName(new BinanceRateLimit(type, intervalMs, 1));
        for (WindowBudget.Window w : windows.windows()) {
            if (w.name().equals(name)) {
                return windows.used(name, nowNs);
            }
        }
        return -1;
    }

    private WindowBudget windowsOf(List<BinanceRateLimit> limits) {
        Objects.requireNonNull(limits, "limits");
        List<WindowBudget.Window> out = new ArrayList<>();
        for (BinanceRateLimit l : limits) {
            String name = windowName(l);
            Duration length = Duration.ofMillis(l.intervalMs());
            long allowed = Math.max(1, (long) Math.floor(l.limit() * headroom));
            out.add(switch (l.type()) {
                case REQUEST_WEIGHT -> WindowBudget.Window.weight(name, length, allowed, l.usageHeader());
                case ORDERS -> WindowBudget.Window.orders(name, length, allowed, l.usageHeader());
                case RAW_REQUESTS -> WindowBudget.Window.calls(name, length, allowed);
            });
        }
        try {
            return new WindowBudget(out);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rate limits " + limits + ": " + e.getMessage(), e);
        }
    }

    /** {@code orders 10s}: the window's name, the same whatever its limit. */
    private static String windowName(BinanceRateLimit l) {
        return l.type().name().toLowerCase(Locale.ROOT) + " " + l.intervalLabel();
    }
}
