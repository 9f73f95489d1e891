package dev.ballast.strategies.estimators;

/**
 * An exponentially weighted average over time of a quantity observed at irregular moments: each observation
 * is taken to hold until the next one, and weighs by how long it held (a value that lasted 0 ns weighs
 * nothing, so repeated timestamps are harmless). With an observation x that held for Δt,
 * {@code avg += (1 − 2^(−Δt / halfLife)) × (x − avg)}. The first observation seeds the average.
 * {@link #gap()} marks that the quantity was unobservable: the observation held until then is closed and
 * the time until the next one weighs nothing.
 *
 * <p>Not thread-safe: owned by the engine thread.
 */
final class TimeWeightedEwma {
    private final double decayRatePerNs;
    private double average = Double.NaN;
    private double held = Double.NaN;
    private long heldSinceNs;

    TimeWeightedEwma(double halfLifeSec) {
        this.decayRatePerNs = Math.log(2) / (halfLifeSec * 1e9);
    }

    void observe(long timestampNs, double value) {
        close(timestampNs);
        if (Double.isNaN(average)) {
            average = value;
        }
        held = value;
        heldSinceNs = timestampNs;
    }

    void gap(long timestampNs) {
        close(timestampNs);
        held = Double.NaN;
    }

    private void close(long timestampNs) {
        if (!Double.isNaN(held)) {
            long dt = Math.max(0, timestampNs - heldSinceNs);
            double alpha = -Math.expm1(-decayRatePerNs * dt);
            average += alpha * (held - average);
        }
    }

    /** The average up to the last observation; NaN before the first. */
    double average() {
        return average;
    }

    /** The last value observed; NaN before the first or after a gap. */
    double last() {
        return held;
    }
}
