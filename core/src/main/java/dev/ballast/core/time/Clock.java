package dev.ballast.core.time;

/**
 * The engine's notion of now, in epoch nanoseconds. Live runs use the system clock (in {@code bot});
 * tests and backtests use {@link ManualClock} and move it by hand. Core and strategies never read the
 * wall clock themselves: they are given a Clock, or a time.
 */
@FunctionalInterface
public interface Clock {
    long nowNs();

    default long nowMs() {
        return nowNs() / 1_000_000L;
    }
}
