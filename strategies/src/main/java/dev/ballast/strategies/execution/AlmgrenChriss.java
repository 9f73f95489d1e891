package dev.ballast.strategies.execution;

import java.util.Arrays;
import java.util.Objects;

/**
 * The Almgren–Chriss optimal execution trajectory (Almgren &amp; Chriss 2000, section 2.2): the holdings
 * x₀ = X, …, x_N = 0 that minimise E + λV for linear permanent and temporary impact, with their expected
 * cost E and variance V. Immutable; computed once at construction.
 *
 * <pre>
 *   τ = T/N,  η̃ = η − γτ/2,  κ̃² = λσ²/η̃,  κ from (2/τ²)(cosh(κτ) − 1) = κ̃²
 *   x_j = X · sinh(κ(T − t_j)) / sinh(κT),   t_j = jτ          (eq. 17; λ = 0: x_j = X(1 − j/N), eq. 9)
 *   n_j = x_{j−1} − x_j                                        (the trade list, eq. 18)
 *   E = ½γX² + ε Σ|n_j| + (η̃/τ) Σ n_j²                         (eq. 8)
 *   V = σ² τ Σ x_j²                                            (eq. 5)
 * </pre>
 * {@link #expectedCost()} and {@link #variance()} evaluate (8) and (5) on the trajectory, which is exact and
 * stable for any κ; {@link #closedFormExpectedCost()} and {@link #closedFormVariance()} are the paper's closed
 * forms (eq. 20, or eqs. 10–11 for κ = 0), kept to check the two against each other.
 */
public final class AlmgrenChriss {
    /** Below this κT the trajectory is the straight line to within rounding (the error is O((κT)²)). */
    private static final double LINEAR_KAPPA_T = 1e-8;

    private final AlmgrenChrissParams params;
    private final double etaTilde;
    private final double kappaTildeSquared;
    private final double kappa;
    private final double[] holdings;

    private AlmgrenChriss(AlmgrenChrissParams params) {
        this.params = params;
        double tau = params.tau();
        this.etaTilde = params.eta() - params.gamma() * tau / 2;
        this.kappaTildeSquared = params.lambda() * params.sigma() * params.sigma() / etaTilde;
        this.kappa = kappa(kappaTildeSquared, tau);
        int n = params.periods();
        this.holdings = new double[n + 1];
        double horizon = params.horizon();
        for (int j = 0; j <= n; j++) {
            double remainingTime = j == n ? 0 : horizon - j * tau;
            holdings[j] = params.size() * sinhRatio(kappa, remainingTime, horizon);
        }
    }

    /** The optimal trajectory for {@code params}. */
    public static AlmgrenChriss optimal(AlmgrenChrissParams params) {
        return new AlmgrenChriss(Objects.requireNonNull(params, "params"));
    }

    /**
     * κ solving (2/τ²)(cosh(κτ) − 1) = κ̃², i.e. κ = arccosh(1 + κ̃²τ²/2)/τ, computed without cancellation for
     * small κ̃τ.
     */
    public static double kappa(double kappaTildeSquared, double tau) {
        if (!(kappaTildeSquared >= 0) || !(tau > 0)) {
            throw new IllegalArgumentException(
                    "need kappaTildeSquared >= 0 and tau > 0 (was " + kappaTildeSquared + ", " + tau + ")");
        }
        double d = kappaTildeSquared * tau * tau / 2;
        return Math.log1p(d + Math.sqrt(d * (2 + d))) / tau;
    }

    /**
     * sinh(κa)/sinh(κb) for 0 <= a <= b, b > 0: the share of a position still held with {@code a} of a horizon
     * {@code b} left; a/b for κ = 0, and computed from exponentials when κb is too large for sinh.
     */
    static double sinhRatio(double kappa, double a, double b) {
        double kb = kappa * b;
        if (a == b) {
            return 1;
        }
        if (kb < LINEAR_KAPPA_T) {
            return a / b;
        }
        if (kb < 20) {
            return Math.sinh(kappa * a) / Math.sinh(kb);
        }
        return Math.exp(-kappa * (b - a)) * (-Math.expm1(-2 * kappa * a)) / (-Math.expm1(-2 * kb));
    }

    public AlmgrenChrissParams params() {
        return params;
    }

    /** τ = T/N. */
    public double tau() {
        return params.tau();
    }

    /** η̃ = η − γτ/2. */
    public double etaTilde() {
        return etaTilde;
    }

    /** κ̃ = √(λσ²/η̃). */
    public double kappaTilde() {
        return Math.sqrt(kappaTildeSquared);
    }

    /** κ, per time unit: the trajectory decays like e^(−κt). 0 when λσ² = 0. */
    public double kappa() {
        return kappa;
    }

    /** θ = 1/κ, the trade's "half-life" (section 2.3): the time to cut the position by a factor e. ∞ for κ = 0. */
    public double halfLife() {
        return 1 / kappa;
    }

    /** t_j = jτ. */
    public double time(int j) {
        checkIndex(j, 0);
        return j == params.periods() ? params.horizon() : j * params.tau();
    }

    /** x_j, the units still held at t_j: x₀ = X, x_N = 0. */
    public double holding(int j) {
        checkIndex(j, 0);
        return holdings[j];
    }

    /** n_j = x_{j−1} − x_j, the units traded in the j-th interval, j = 1..N. */
    public double trade(int j) {
        checkIndex(j, 1);
        return holdings[j - 1] - holdings[j];
    }

    /** x₀..x_N, a copy. */
    public double[] holdings() {
        return holdings.clone();
    }

    /** n₁..n_N, a new array. */
    public double[] trades() {
        double[] n = new double[params.periods()];
        for (int j = 1; j <= n.length; j++) {
            n[j - 1] = trade(j);
        }
        return n;
    }

    /** E, the expected implementation shortfall of the trajectory, eq. (8). */
    public double expectedCost() {
        return expectedCostOf(params, holdings);
    }

    /** V, the variance of the implementation shortfall, eq. (5). */
    public double variance() {
        return varianceOf(params, holdings);
    }

    /** √V. */
    public double standardDeviation() {
        return Math.sqrt(variance());
    }

    /** E + λV, what the trajectory minimises. */
    public double objective() {
        return expectedCost() + params.lambda() * variance();
    }

    /**
     * E by the paper's closed form: eq. (20) for κ > 0, eq. (10) for κ = 0. Overflows (sinh) for κT beyond ~350;
     * prefer {@link #expectedCost()}.
     */
    public double closedFormExpectedCost() {
        double x = params.size();
        double big = params.gamma() * x * x / 2 + params.epsilon() * x;
        double horizon = params.horizon();
        if (kappa * horizon < LINEAR_KAPPA_T) {
            return big + etaTilde * x * x / horizon;
        }
        double tau = params.tau();
        double sinhKT = Math.sinh(kappa * horizon);
        return big + etaTilde * x * x * Math.tanh(kappa * tau / 2)
                * (tau * Math.sinh(2 * kappa * horizon) + 2 * horizon * Math.sinh(kappa * tau))
                / (2 * tau * tau * sinhKT * sinhKT);
    }

    /**
     * V by the paper's closed form: eq. (20) for κ > 0, eq. (11) for κ = 0. Loses precision for very small κT
     * (a difference of nearly equal terms) and overflows beyond κT ~350; prefer {@link #variance()}.
     */
    public double closedFormVariance() {
        double x = params.size();
        double sigma = params.sigma();
        double horizon = params.horizon();
        int n = params.periods();
        if (kappa * horizon < LINEAR_KAPPA_T) {
            return sigma * sigma * x * x * horizon * (1 - 1.0 / n) * (1 - 1.0 / (2 * n)) / 3;
        }
        double tau = params.tau();
        double sinhKT = Math.sinh(kappa * horizon);
        double sinhKTau = Math.sinh(kappa * tau);
        return sigma * sigma * x * x / 2
                * (tau * sinhKT * Math.cosh(kappa * (horizon - tau)) - horizon * sinhKTau)
                / (sinhKT * sinhKT * sinhKTau);
    }

    /** Eq. (8) for any trajectory {@code x₀..x_N} of {@code params}' problem. */
    public static double expectedCostOf(AlmgrenChrissParams params, double[] holdings) {
        checkTrajectory(params, holdings);
        double x = params.size();
        double absTraded = 0;
        double squares = 0;
        for (int j = 1; j < holdings.length; j++) {
            double n = holdings[j - 1] - holdings[j];
            absTraded += Math.abs(n);
            squares += n * n;
        }
        double etaTilde = params.eta() - params.gamma() * params.tau() / 2;
        return params.gamma() * x * x / 2 + params.epsilon() * absTraded + etaTilde / params.tau() * squares;
    }

    /** Eq. (5) for any trajectory {@code x₀..x_N} of {@code params}' problem. */
    public static double varianceOf(AlmgrenChrissParams params, double[] holdings) {
        checkTrajectory(params, holdings);
        double squares = 0;
        for (int j = 1; j < holdings.length; j++) {
            squares += holdings[j] * holdings[j];
        }
        return params.sigma() * params.sigma() * params.tau() * squares;
    }

    private static void checkTrajectory(AlmgrenChrissParams params, double[] holdings) {
        if (holdings.length != params.periods() + 1) {
            throw new IllegalArgumentException("a trajectory of " + params.periods() + " periods has "
                    + (params.periods() + 1) + " holdings (was " + holdings.length + ")");
        }
    }

    private void checkIndex(int j, int from) {
        if (j < from || j > params.periods()) {
            throw new IllegalArgumentException("index must be in " + from + ".." + params.periods() + " (was " + j + ")");
        }
    }

    @Override
    public String toString() {
        return "AlmgrenChriss[κ=" + kappa + ", E=" + expectedCost() + ", √V=" + standardDeviation() + ", x="
                + Arrays.toString(holdings) + "]";
    }
}
