package dev.ballast.strategies.execution;

/**
 * Time-weighted: equal children at equal intervals — at slice j of N, 1/(N − j + 1) of what remains, which is
 * X/N each when every child fills. The Almgren–Chriss trajectory with no risk aversion (λ = 0).
 *
 * <p>Not thread-safe: owned by the engine thread.
 */
public final class TwapSchedule extends SlicedSchedule {
    /**
     * @param startNs      when the first slice is due, engine time in ns
     * @param horizonNs    the time over which the slices are spread (slice interval = horizonNs / slices)
     * @param slices       the number of children (>= 1)
     * @param minChildSize the smallest child worth sending, base units (>= 0), e.g. the venue's minimum order
     */
    public TwapSchedule(long startNs, long horizonNs, int slices, double minChildSize) {
        super(startNs, horizonNs, slices, minChildSize);
    }

    @Override
    double shareOfRemaining(int slice) {
        return 1.0 / (slices() - slice + 1);
    }

    @Override
    public String name() {
        return "twap";
    }

    @Override
    public String toString() {
        return "twap " + slices() + " × " + sliceNs() / 1_000_000 + " ms";
    }
}
