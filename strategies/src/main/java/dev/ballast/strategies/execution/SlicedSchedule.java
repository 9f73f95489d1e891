package dev.ballast.strategies.execution;

/**
 * A hedge cut into {@code slices} children at equal intervals from {@code startNs}, slice j (1-based) sent at
 * {@code startNs + (j − 1)·sliceNs}. At slice j the child is a share of what remains then — so what an earlier
 * child left unfilled, or a slice the caller missed, is re-planned over the slices left — and the last slice
 * takes all that remains. A child smaller than {@code minChildSize} is raised to it (or to all that remains);
 * a remainder below it ends the schedule.
 *
 * <p>Not thread-safe: owned by the engine thread.
 */
abstract class SlicedSchedule implements HedgeSchedule {
    private final long startNs;
    private final long sliceNs;
    private final int slices;
    private final double minChildSize;
    /** The 1-based index of the first slice not yet sent. */
    private int nextSlice = 1;

    SlicedSchedule(long startNs, long horizonNs, int slices, double minChildSize) {
        if (slices < 1) {
            throw new IllegalArgumentException("slices must be >= 1 (was " + slices + ")");
        }
        if (horizonNs < slices) {
            throw new IllegalArgumentException("horizonNs must be >= slices " + slices + " (was " + horizonNs + ")");
        }
        if (!(minChildSize >= 0) || Double.isInfinite(minChildSize)) {
            throw new IllegalArgumentException("minChildSize must be finite and >= 0 (was " + minChildSize + ")");
        }
        this.startNs = startNs;
        this.sliceNs = horizonNs / slices;
        this.slices = slices;
        this.minChildSize = minChildSize;
    }

    /**
     * The share, in (0, 1], of what remains at the start of slice {@code slice} (1-based) to send in it; 1 for
     * the last slice.
     */
    abstract double shareOfRemaining(int slice);

    @Override
    public final HedgeChild nextChild(long nowNs, double remaining) {
        HedgeSchedule.checkRemaining(remaining);
        if (remaining == 0 || remaining < minChildSize || nextSlice > slices) {
            return HedgeChild.finished();
        }
        int due = nowNs < startNs ? 0 : (int) Math.min(slices, (nowNs - startNs) / sliceNs + 1);
        if (due < nextSlice) {
            return HedgeChild.at(sendTimeNs(nextSlice), childSize(nextSlice, remaining));
        }
        nextSlice = due + 1;
        return HedgeChild.at(sendTimeNs(due), childSize(due, remaining));
    }

    private double childSize(int slice, double remaining) {
        if (slice == slices) {
            return remaining;
        }
        double size = remaining * shareOfRemaining(slice);
        return Math.min(remaining, Math.max(size, minChildSize));
    }

    /** When slice {@code slice} (1-based) is due. */
    public long sendTimeNs(int slice) {
        return startNs + (slice - 1) * sliceNs;
    }

    public int slices() {
        return slices;
    }

    /** The slices sent so far. */
    public int slicesSent() {
        return nextSlice - 1;
    }

    long sliceNs() {
        return sliceNs;
    }
}
