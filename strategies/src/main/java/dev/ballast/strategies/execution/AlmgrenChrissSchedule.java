package dev.ballast.strategies.execution;

import java.util.Objects;

/**
 * Children along the Almgren–Chriss optimal trajectory x_j = X·sinh(κ(T − t_j))/sinh(κT): front-loaded,
 * the more so the larger κ (risk aversion × variance over impact). Slice j of N sends
 * {@code remaining × (1 − sinh(κ(T − t_j))/sinh(κ(T − t_{j−1})))}: exactly n_j when every child filled, and the
 * paper's re-optimised trajectory from t_{j−1} (section 3.1: the optimal plan from any point is the rest of the
 * original one) when something was left unfilled — what is left is re-planned, not forgotten.
 *
 * <p>Not thread-safe: owned by the engine thread.
 */
public final class AlmgrenChrissSchedule extends SlicedSchedule {
    private final double kappaPerSec;

    /**
     * @param startNs      when the first slice is due, engine time in ns
     * @param horizonNs    T in ns (slice interval τ = horizonNs / slices)
     * @param slices       N (>= 1)
     * @param kappaPerSec  κ per second (>= 0; 0 is TWAP), e.g. {@link AlmgrenChriss#kappa()} in per-second units
     * @param minChildSize the smallest child worth sending, base units (>= 0)
     */
    public AlmgrenChrissSchedule(long startNs, long horizonNs, int slices, double kappaPerSec, double minChildSize) {
        super(startNs, horizonNs, slices, minChildSize);
        if (!(kappaPerSec >= 0) || Double.isInfinite(kappaPerSec)) {
            throw new IllegalArgumentException("kappaPerSec must be finite and >= 0 (was " + kappaPerSec + ")");
        }
        this.kappaPerSec = kappaPerSec;
    }

    /**
     * The schedule of a computed trajectory: its N slices over its T, with one of its time units lasting
     * {@code nsPerTimeUnit} ns (1e9 when the model's parameters are per second).
     */
    public static AlmgrenChrissSchedule of(AlmgrenChriss trajectory, long startNs, long nsPerTimeUnit,
                                           double minChildSize) {
        Objects.requireNonNull(trajectory, "trajectory");
        if (nsPerTimeUnit <= 0) {
            throw new IllegalArgumentException("nsPerTimeUnit must be > 0 (was " + nsPerTimeUnit + ")");
        }
        AlmgrenChrissParams p = trajectory.params();
        long horizonNs = Math.round(p.horizon() * nsPerTimeUnit);
        double kappaPerSec = trajectory.kappa() / (nsPerTimeUnit / 1e9);
        return new AlmgrenChrissSchedule(startNs, horizonNs, p.periods(), kappaPerSec, minChildSize);
    }

    @Override
    double shareOfRemaining(int slice) {
        double tau = sliceNs() / 1e9;
        int left = slices() - slice;
        return 1 - AlmgrenChriss.sinhRatio(kappaPerSec, left * tau, (left + 1) * tau);
    }

    public double kappaPerSec() {
        return kappaPerSec;
    }

    @Override
    public String name() {
        return "almgren-chriss";
    }

    @Override
    public String toString() {
        return "almgren-chriss " + slices() + " × " + sliceNs() / 1_000_000 + " ms, κ " + kappaPerSec + "/s";
    }
}
