package dev.ballast.connectors.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A budget of fixed windows aligned to the epoch (a 1-minute window rolls over on the minute, a 1-day window at
 * UTC midnight), as Binance counts: request weight per minute, orders per 10 s, orders per day. A call is granted
 * only when every window has room for it, and then it is counted in all of them.
 *
 * <p>What a window counts is its {@link Counts}: the endpoint's weight, one per call, or one per order placed.
 * The venue's own count wins when it is higher than ours: {@link #observeUsed} (or a window's usage header, read
 * by {@link #onReply}) raises our count to what the venue reports, so another process on the same key or a call
 * we did not count still slows us down. A 429 ({@link #onThrottled}) stops every grant until its Retry-After.
 *
 * <p>Thread-safe: one lock; every method is a few arithmetic operations under it.
 */
public final class WindowBudget implements RateBudget {
    /** What a window counts per call. */
    public enum Counts {
        /** The endpoint's {@link Endpoint#weight() weight} (Binance REQUEST_WEIGHT). */
        WEIGHT,
        /** One per call, whatever it is (RAW_REQUESTS). */
        CALLS,
        /** One per order placed ({@link RequestKind#ORDER}); reads and cancels are free (Binance ORDERS). */
        ORDERS
    }

    /**
     * One window: {@code limit} units per {@code length}. {@code usageHeader} (lower or any case, may be null)
     * is the reply header where the venue says how much of this window it has counted, e.g.
     * {@code x-mbx-used-weight-1m}.
     */
    public record Window(String name, Duration length, long limit, Counts counts, String usageHeader) {
        public Window {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(length, "length");
            Objects.requireNonNull(counts, "counts");
            if (length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("window " + name + ": length must be > 0 (was " + length + ")");
            }
            if (limit <= 0) {
                throw new IllegalArgumentException("window " + name + ": limit must be > 0 (was " + limit + ")");
            }
        }

        public static Window weight(String name, Duration length, long limit, String usageHeader) {
            return new Window(name, length, limit, Counts.WEIGHT, usageHeader);
        }

        public static Window orders(String name, Duration length, long limit, String usageHeader) {
            return new Window(name, length, limit, Counts.ORDERS, usageHeader);
        }

        public static Window calls(String name, Duration length, long limit) {
            return new Window(name, length, limit, Counts.CALLS, null);
        }

        long cost(Endpoint endpoint) {
            return switch (counts) {
                case WEIGHT -> endpoint.weight();
                case CALLS -> 1;
                case ORDERS -> endpoint.kind() == RequestKind.ORDER ? 1 : 0;
            };
        }
    }

    private final List<Window> windows;
    private final FixedWindow[] counters;
    private long blockedUntilNs;

    public WindowBudget(List<Window> windows) {
        Objects.requireNonNull(windows, "windows");
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("a window budget needs at least one window");
        }
        Set<String> names = new HashSet<>();
        for (Window w : windows) {
            if (!names.add(w.name())) {
                throw new IllegalArgumentException("window name used twice: " + w.name());
            }
        }
        this.windows = List.copyOf(windows);
        this.counters = new FixedWindow[windows.size()];
        for (int i = 0; i < counters.length; i++) {
            counters[i] = new FixedWindow(windows.get(i).length().toNanos(), windows.get(i).limit());
        }
    }

    public static WindowBudget of(Window... windows) {
        return new WindowBudget(List.of(windows));
    }

    @Override
    public synchronized long tryAcquire(Endpoint endpoint, long nowNs) {
        long waitNs = blockedUntilNs - nowNs;
        for (int i = 0; i < counters.length; i++) {
            waitNs = Math.max(waitNs, counters[i].waitNs(windows.get(i).cost(endpoint), nowNs));
        }
        if (waitNs > 0) {
            return waitNs;
        }
        for (int i = 0; i < counters.length; i++) {
            counters[i].take(windows.get(i).cost(endpoint), nowNs);
        }
        return 0;
    }

    @Override
    public synchronized void refund(Endpoint endpoint, long nowNs) {
        for (int i = 0; i < counters.length; i++) {
            counters[i].refund(windows.get(i).cost(endpoint), nowNs);
        }
    }

    @Override
    public synchronized void onReply(Endpoint endpoint, RestReply reply, long nowNs) {
        for (int i = 0; i < counters.length; i++) {
            String header = windows.get(i).usageHeader();
            if (header == null) {
                continue;
            }
            String value = reply.header(header);
            if (value != null) {
                try {
                    counters[i].observe(Long.parseLong(value.trim()), nowNs);
                } catch (NumberFormatException e) {
                    // A venue header we cannot read teaches us nothing; our own count stands.
                }
            }
        }
    }

    @Override
    public synchronized void onThrottled(long retryAfterNs, long nowNs) {
        blockedUntilNs = Math.max(blockedUntilNs, nowNs + Math.max(0, retryAfterNs));
    }

    /**
     * The venue says it has counted {@code used} in window {@code windowName} (now): our count is raised to it
     * if it is higher. @throws IllegalArgumentException for a window this budget does not have
     */
    public synchronized void observeUsed(String windowName, long used, long nowNs) {
        counters[indexOf(windowName)].observe(used, nowNs);
    }

    /** What window {@code windowName} has counted in its current period (for status and tests). */
    public synchronized long used(String windowName, long nowNs) {
        return counters[indexOf(windowName)].used(nowNs);
    }

    public List<Window> windows() {
        return windows;
    }

    private int indexOf(String windowName) {
        for (int i = 0; i < windows.size(); i++) {
            if (windows.get(i).name().equals(windowName)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no window named '" + windowName + "' (have " + names() + ")");
    }

    private List<String> names() {
        List<String> out = new ArrayList<>();
        windows.forEach(w -> out.add(w.name()));
        return out;
    }

    @Override
    public String toString() {
        return "WindowBudget" + windows;
    }
}
