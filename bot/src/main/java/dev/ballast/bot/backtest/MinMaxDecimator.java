package dev.ballast.bot.backtest;

import java.util.Arrays;

/**
 * Downsamples a stream of (time, value) points to at most {@code maxPoints} by keeping, per bucket of consecutive
 * points, the minimum, the maximum and the first NaN (a gap) — so spikes survive in a plot — plus the very first and
 * the very last point, so that every series spans the whole run. Memory is bounded and
 * the result depends only on the points given, in order: buckets hold {@code width} points each; when all buckets
 * are full, neighbours are merged pairwise and the width doubles.
 *
 * <p>Not thread-safe: owned by its recorder's thread.
 */
final class MinMaxDecimator {
    private final int buckets;
    private final long[] minT;
    private final double[] minV;
    private final long[] maxT;
    private final double[] maxV;
    private final long[] nanT;
    private final boolean[] hasValue;
    private final boolean[] hasNan;
    private long width = 1;
    private int current;
    private long inCurrent;
    private long count;
    private long firstT;
    private double firstV;
    private long lastT;
    private double lastV;

    /** @param maxPoints at most this many points come out; at least 6 */
    MinMaxDecimator(int maxPoints) {
        if (maxPoints < 6) {
            throw new IllegalArgumentException("maxPoints must be >= 6 (was " + maxPoints + ")");
        }
        int b = (maxPoints - 2) / 3;
        this.buckets = b - (b & 1);
        this.minT = new long[buckets];
        this.minV = new double[buckets];
        this.maxT = new long[buckets];
        this.maxV = new double[buckets];
        this.nanT = new long[buckets];
        this.hasValue = new boolean[buckets];
        this.hasNan = new boolean[buckets];
    }

    void add(long timeNs, double value) {
        if (count++ == 0) {
            firstT = timeNs;
            firstV = value;
        }
        lastT = timeNs;
        lastV = value;
        if (inCurrent == width) {
            current++;
            inCurrent = 0;
            if (current == buckets) {
                halve();
            }
        }
        int i = current;
        if (Double.isNaN(value)) {
            if (!hasNan[i]) {
                hasNan[i] = true;
                nanT[i] = timeNs;
            }
        } else if (!hasValue[i]) {
            hasValue[i] = true;
            minT[i] = maxT[i] = timeNs;
            minV[i] = maxV[i] = value;
        } else {
            if (value < minV[i]) {
                minV[i] = value;
                minT[i] = timeNs;
            }
            if (value > maxV[i]) {
                maxV[i] = value;
                maxT[i] = timeNs;
            }
        }
        inCurrent++;
    }

    private void halve() {
        int half = buckets / 2;
        for (int i = 0; i < half; i++) {
            int a = 2 * i;
            int b = a + 1;
            boolean av = hasValue[a];
            boolean bv = hasValue[b];
            long mnT = av ? minT[a] : minT[b];
            double mnV = av ? minV[a] : minV[b];
            long mxT = av ? maxT[a] : maxT[b];
            double mxV = av ? maxV[a] : maxV[b];
            if (av && bv) {
                if (minV[b] < mnV) {
                    mnV = minV[b];
                    mnT = minT[b];
                }
                if (maxV[b] > mxV) {
                    mxV = maxV[b];
                    mxT = maxT[b];
                }
            }
            long nT = hasNan[a] ? nanT[a] : nanT[b];
            minT[i] = mnT;
            minV[i] = mnV;
            maxT[i] = mxT;
            maxV[i] = mxV;
            nanT[i] = nT;
            hasValue[i] = av || bv;
            hasNan[i] = hasNan[a] || hasNan[b];
        }
        Arrays.fill(hasValue, half, buckets, false);
        Arrays.fill(hasNan, half, buckets, false);
        width *= 2;
        current = half;
    }

    /** The kept points in time order: the first, per bucket at most three (min, max, a NaN gap), the last. */
    TimeSeries result() {
        if (count == 0) {
            return TimeSeries.empty();
        }
        int used = inCurrent == 0 ? current : current + 1;
        long[] t = new long[3 * used + 2];
        double[] v = new double[3 * used + 2];
        t[0] = firstT;
        v[0] = firstV;
        int n = 1;
        long[] bt = new long[3];
        double[] bv = new double[3];
        for (int i = 0; i < used; i++) {
            int k = 0;
            if (hasValue[i]) {
                bt[k] = minT[i];
                bv[k++] = minV[i];
                if (maxT[i] != minT[i] || maxV[i] != minV[i]) {
                    bt[k] = maxT[i];
                    bv[k++] = maxV[i];
                }
            }
            if (hasNan[i]) {
                bt[k] = nanT[i];
                bv[k++] = Double.NaN;
            }
            sortByTime(bt, bv, k);
            for (int j = 0; j < k; j++) {
                if (!samePoint(t[n - 1], v[n - 1], bt[j], bv[j])) {
                    t[n] = bt[j];
                    v[n++] = bv[j];
                }
            }
        }
        if (!samePoint(t[n - 1], v[n - 1], lastT, lastV)) {
            t[n] = lastT;
            v[n++] = lastV;
        }
        return new TimeSeries(Arrays.copyOf(t, n), Arrays.copyOf(v, n));
    }

    private static boolean samePoint(long t1, double v1, long t2, double v2) {
        return t1 == t2 && Double.compare(v1, v2) == 0;
    }

    private static void sortByTime(long[] t, double[] v, int k) {
        for (int i = 1; i < k; i++) {
            for (int j = i; j > 0 && t[j] < t[j - 1]; j--) {
                long tt = t[j];
                t[j] = t[j - 1];
                t[j - 1] = tt;
                double vv = v[j];
                v[j] = v[j - 1];
                v[j - 1] = vv;
            }
        }
    }
}
