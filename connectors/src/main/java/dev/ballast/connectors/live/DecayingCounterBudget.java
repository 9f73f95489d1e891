package dev.ballast.connectors.live;

import java.util.Objects;

/**
 * Kraken's REST limit: a counter per API key that each call raises by its cost ({@link Endpoint#weight()}: 1 for
 * most calls, 2 for ledger and trade history, 0 for order entry, which Kraken limits per pair elsewhere), that
 * falls by {@code decayPerSecond} continuously (never below 0), and that must never exceed {@code maxCounter}
 * (e.g. 15 and 0.33/s for a Starter account, 20 and 0.5/s for Intermediate). A call is granted only if it fits
 * under the maximum now; otherwise the wait is how long the decay takes to make room for it.
 *
 * <p>Thread-safe: one lock around a few arithmetic operations.
 */
public final class DecayingCounterBudget implements RateBudget {
    private final double maxCounter;
    private final double decayPerSecond;
    private double counter;
    private long updatedNs;
    private boolean started;
    private long blockedUntilNs;

    public DecayingCounterBudget(double maxCounter, double decayPerSecond) {
        if (!(maxCounter > 0)) {
            throw new IllegalArgumentException("kraken.maxCounter must be > 0 (was " + maxCounter + ")");
        }
        if (!(decayPerSecond > 0)) {
            throw new IllegalArgumentException("kraken.decayPerSecond must be > 0 (was " + decayPerSecond + ")");
        }
        this.maxCounter = maxCounter;
        this.decayPerSecond = decayPerSecond;
    }

    @Override
    public synchronized long tryAcquire(Endpoint endpoint, long nowNs) {
        Objects.requireNonNull(endpoint, "endpoint");
        long blockedNs = blockedUntilNs - nowNs;
        decay(nowNs);
        int cost = endpoint.weight();
        if (cost > maxCounter) {
            throw new IllegalArgumentException(endpoint.name() + " costs " + cost + ", more than the counter's max "
                    + maxCounter + ": it could never be sent");
        }
        double excess = counter + cost - maxCounter;
        long waitNs = excess > 0 ? Math.max(1, (long) Math.ceil(excess / decayPerSecond * 1e9)) : 0;
        waitNs = Math.max(waitNs, blockedNs);
        if (waitNs > 0) {
            return waitNs;
        }
        counter += cost;
        return 0;
    }

    @Override
    public synchronized void refund(Endpoint endpoint, long nowNs) {
        decay(nowNs);
        counter = Math.max(0, counter - endpoint.weight());
    }

    @Override
    public synchronized void onThrottled(long retryAfterNs, long nowNs) {
        blockedUntilNs = Math.max(blockedUntilNs, nowNs + Math.max(0, retryAfterNs));
        // Kraken said "rate limit exceeded": its counter is full, whatever ours says.
        decay(nowNs);
        counter = maxCounter;
    }

    /** The counter now, after decay (for status and tests). */
    public synchronized double counter(long nowNs) {
        decay(nowNs);
        return counter;
    }

    private void decay(long nowNs) {
        if (!started) {
            started = true;
            updatedNs = nowNs;
            return;
        }
        if (nowNs > updatedNs) {
            counter = Math.max(0, counter - (nowNs - updatedNs) / 1e9 * decayPerSecond);
            updatedNs = nowNs;
        }
    }

    @Override
    public String toString() {
        return "DecayingCounterBudget[max=" + maxCounter + ", decay=" + decayPerSecond + "/s]";
    }
}
