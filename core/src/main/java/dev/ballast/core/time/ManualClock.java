package dev.ballast.core.time;

import java.time.Duration;

/**
 * A clock that only moves when told: tests and backtests drive time by hand. Moving it backwards is a
 * broken invariant and throws. Reads are safe from any thread; moves should come from one thread.
 */
public final class ManualClock implements Clock {
    private volatile long nowNs;

    public ManualClock(long startNs) {
        this.nowNs = startNs;
    }

    @Override
    public long nowNs() {
        return nowNs;
    }

    public void advance(Duration d) {
        advanceNs(d.toNanos());
    }

    public void advanceNs(long ns) {
        if (ns < 0) {
            throw new IllegalArgumentException("cannot move a clock backwards (by " + ns + " ns)");
        }
        nowNs += ns;
    }

    /** Sets the time; it must not go backwards. */
    public void set(long ns) {
        if (ns < nowNs) {
            throw new IllegalArgumentException("cannot move a clock backwards (" + ns + " < " + nowNs + ")");
        }
        nowNs = ns;
    }
}
