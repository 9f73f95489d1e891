package dev.ballast.bot.run;

import dev.ballast.core.time.Clock;

/**
 * The wall clock for live and paper runs: epoch nanoseconds anchored once to {@link System#currentTimeMillis()}
 * and advanced by {@link System#nanoTime()}, so it never goes backwards when the system time is adjusted.
 * Thread-safe.
 */
public final class SystemClock implements Clock {
    private final long offsetNs;

    public SystemClock() {
        this.offsetNs = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
    }

    @Override
    public long nowNs() {
        return offsetNs + System.nanoTime();
    }
}
