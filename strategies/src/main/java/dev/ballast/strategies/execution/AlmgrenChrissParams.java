package dev.ballast.strategies.execution;

/**
 * The inputs of an Almgren–Chriss optimal execution problem (Almgren &amp; Chriss 2000, "Optimal execution of
 * portfolio transactions"), in any consistent units: "units" of the asset, one time unit (the paper uses
 * days) and one currency. Immutable.
 *
 * @param size     X, the units to trade (> 0): the trajectory goes from X to 0
 * @param horizon  T, the time to trade them in, in time units (> 0)
 * @param periods  N, the number of equal trading intervals (>= 1); τ = T/N
 * @param sigma    σ, the volatility of the price, in currency per unit per √time unit (>= 0)
 * @param eta      η, temporary impact: currency per unit per (unit per time unit) traded (> 0)
 * @param epsilon  ε, fixed cost per unit traded, e.g. half the spread plus fees, in currency per unit (>= 0)
 * @param gamma    γ, permanent impact, in currency per unit per unit traded (>= 0)
 * @param lambda   λ, risk aversion: currency of expected cost given up per currency² of variance (>= 0);
 *                 0 gives the straight-line (TWAP) trajectory
 * @throws IllegalArgumentException if a value is out of range or η̃ = η − γτ/2 is not positive (the paper's
 *                                  convexity condition)
 */
public record AlmgrenChrissParams(double size, double horizon, int periods, double sigma, double eta,
                                  double epsilon, double gamma, double lambda) {

    /**
     * The paper's Table 1 example (section 3.4): a $50M position of 10⁶ shares at S₀ = 50, sold over T = 5 days
     * in N = 5 daily trades; σ = 0.95 $/share/√day (30% a year), ε = 1/16 $ (half the 1/8 spread),
     * η = 2.5·10⁻⁶ (a spread's impact per 1% of the 5M daily volume), γ = 2.5·10⁻⁷ (a spread's permanent move per
     * 10% of the daily volume), λ = 10⁻⁶ /$.
     */
    public static final AlmgrenChrissParams PAPER_TABLE_1 =
            new AlmgrenChrissParams(1e6, 5, 5, 0.95, 2.5e-6, 0.0625, 2.5e-7, 1e-6);

    public AlmgrenChrissParams {
        requireAbove(size, 0, "size");
        requireAbove(horizon, 0, "horizon");
        if (periods < 1) {
            throw new IllegalArgumentException("periods must be >= 1 (was " + periods + ")");
        }
        requireAtLeast(sigma, "sigma");
        requireAbove(eta, 0, "eta");
        requireAtLeast(epsilon, "epsilon");
        requireAtLeast(gamma, "gamma");
        requireAtLeast(lambda, "lambda");
        double etaTilde = eta - gamma * (horizon / periods) / 2;
        if (!(etaTilde > 0)) {
            throw new IllegalArgumentException("eta - gamma*tau/2 must be > 0 (was " + etaTilde + " with eta " + eta
                    + ", gamma " + gamma + ", tau " + horizon / periods + ")");
        }
    }

    private static void requireAbove(double v, double bound, String name) {
        if (!(v > bound) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > " + (long) bound + " (was " + v + ")");
        }
    }

    private static void requireAtLeast(double v, String name) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0 (was " + v + ")");
        }
    }

    /** τ = T/N, the length of one interval. */
    public double tau() {
        return horizon / periods;
    }

    /** The same problem with another risk aversion (λ = 0: the straight line). */
    public AlmgrenChrissParams withLambda(double newLambda) {
        return new AlmgrenChrissParams(size, horizon, periods, sigma, eta, epsilon, gamma, newLambda);
    }
}
