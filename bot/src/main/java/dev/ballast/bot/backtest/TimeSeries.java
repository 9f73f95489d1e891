package dev.ballast.bot.backtest;

import java.util.Arrays;
import java.util.Objects;

/**
 * A series of points for a plot: times in ns of simulated time (non-decreasing) and values; a NaN value is a gap
 * (nothing to draw there, e.g. no quote). Immutable: the arrays are copied in and out.
 */
public final class TimeSeries {
    private static final TimeSeries EMPTY = new TimeSeries(new long[0], new double[0]);

    private final long[] timesNs;
    private final double[] values;

    public TimeSeries(long[] timesNs, double[] values) {
        Objects.requireNonNull(timesNs, "timesNs");
        Objects.requireNonNull(values, "values");
        if (timesNs.length != values.length) {
            throw new IllegalArgumentException("timesNs and values differ in length (" + timesNs.length + " vs "
                    + values.length + ")");
        }
        for (int i = 1; i < timesNs.length; i++) {
            if (timesNs[i] < timesNs[i - 1]) {
                throw new IllegalArgumentException("timesNs must not decrease (index " + i + ": " + timesNs[i]
                        + " after " + timesNs[i - 1] + ")");
            }
        }
        this.timesNs = timesNs.clone();
        this.values = values.clone();
    }

    public static TimeSeries empty() {
        return EMPTY;
    }

    public int size() {
        return timesNs.length;
    }

    public long timeNs(int i) {
        return timesNs[i];
    }

    public double value(int i) {
        return values[i];
    }

    public long[] timesNs() {
        return timesNs.clone();
    }

    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeSeries other && Arrays.equals(timesNs, other.timesNs)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(timesNs) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TimeSeries[" + timesNs.length + " points]";
    }
}
