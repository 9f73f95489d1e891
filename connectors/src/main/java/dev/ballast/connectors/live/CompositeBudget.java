package dev.ballast.connectors.live;

import java.util.List;
import java.util.Objects;

/**
 * Several budgets that must all grant a call, e.g. an OKX key's per-endpoint limits plus a sub-account-wide order
 * rate. A call refused by one part takes nothing from the others (what earlier parts granted is refunded);
 * replies and throttles reach every part.
 *
 * <p>Thread-safe: grants through this composite are atomic with respect to each other (one lock); a part shared
 * with other users may see a grant that is refunded a moment later, which only errs on the cautious side.
 */
public final class CompositeBudget implements RateBudget {
    private final List<RateBudget> parts;

    public CompositeBudget(List<RateBudget> parts) {
        Objects.requireNonNull(parts, "parts");
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a composite budget needs at least one part");
        }
        this.parts = List.copyOf(parts);
    }

    public static CompositeBudget of(RateBudget... parts) {
        return new CompositeBudget(List.of(parts));
    }

    @Override
    public synchronized long tryAcquire(Endpoint endpoint, long nowNs) {
        for (int i = 0; i < parts.size(); i++) {
            long waitNs = parts.get(i).tryAcquire(endpoint, nowNs);
            if (waitNs > 0) {
                for (int j = i - 1; j >= 0; j--) {
                    parts.get(j).refund(endpoint, nowNs);
                }
                return waitNs;
            }
        }
        return 0;
    }

    @Override
    public synchronized void refund(Endpoint endpoint, long nowNs) {
        parts.forEach(p -> p.refund(endpoint, nowNs));
    }

    @Override
    public void onReply(Endpoint endpoint, RestReply reply, long nowNs) {
        parts.forEach(p -> p.onReply(endpoint, reply, nowNs));
    }

    @Override
    public void onThrottled(long retryAfterNs, long nowNs) {
        parts.forEach(p -> p.onThrottled(retryAfterNs, nowNs));
    }

    @Override
    public String toString() {
        return "CompositeBudget" + parts;
    }
}
