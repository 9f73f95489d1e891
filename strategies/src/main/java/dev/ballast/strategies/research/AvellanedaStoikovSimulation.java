package dev.ballast.strategies.research;

import static dev.ballast.strategies.internal.ParamChecks.atLeast;
import static dev.ballast.strategies.internal.ParamChecks.positive;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The Monte Carlo of Avellaneda &amp; Stoikov (2008), "High-frequency trading in a limit order book", Quant.
 * Finance 8(3), section 4: an "inventory" market maker quoting around the reservation price against a
 * "symmetric" one quoting the same average spread around the mid.
 *
 * <h2>The experiment</h2>
 * Over the paper's finite horizon (T − t shrinks to 0, unlike the rolling horizon of the live model), on a
 * grid t_j = j·dt, j = 0 … N − 1, N = T/dt:
 * <ol>
 *   <li>the inventory strategy quotes r ± spread/2 with r = s − qγσ²(T − t_j) and
 *       spread = γσ²(T − t_j) + (2/γ)ln(1 + γ/k) (the paper's eqs. 29–30, one share per trade); the
 *       symmetric strategy quotes s ± S̄/2, S̄ = the inventory strategy's spread averaged over the grid;</li>
 *   <li>each strategy's bid and ask fill independently with probability min(1, A·e^(−kδ)·dt), δ the quote's
 *       distance from the mid (a fill buys or sells one share at the quote);</li>
 *   <li>then the mid moves +σ√dt or −σ√dt with probability ½ each.</li>
 * </ol>
 * Profit = final cash + q_T·S_T. Both strategies see the same mid path (common random numbers); their fill
 * draws are their own. Each γ is run from {@code new SplittableRandom(seed)}, so a γ's row is the same
 * whether it runs alone or with others. Pure and deterministic: the same parameters and seed give the
 * same numbers.
 */
public final class AvellanedaStoikovSimulation {
    /**
     * @param s0    initial mid, > 0 (paper 100)
     * @param t     horizon T, > 0 (paper 1)
     * @param sigma volatility of the mid per √time, > 0 (paper 2)
     * @param dt    time step, > 0 and <= T (paper 0.005)
     * @param a     A of λ(δ) = A·e^(−kδ), > 0 (paper 140)
     * @param k     k of λ(δ), per price unit, > 0 (paper 1.5)
     * @param paths simulated paths, >= 1 (paper 1000)
     */
    public record Params(double s0, double t, double sigma, double dt, double a, double k, int paths) {
        public Params {
            positive(s0, "s0");
            positive(t, "t");
            positive(sigma, "sigma");
            positive(dt, "dt");
            if (dt > t) {
                throw new IllegalArgumentException("dt must be <= t " + t + " (was " + dt + ")");
            }
            positive(a, "a");
            positive(k, "k");
            atLeast(paths, 1, "paths");
        }

        /** The paper's setting with {@code paths} paths: s0 = 100, T = 1, σ = 2, dt = 0.005, A = 140, k = 1.5. */
        public static Params paper(int paths) {
            return new Params(100, 1, 2, 0.005, 140, 1.5, paths);
        }
    }

    /** The risk aversions of the paper's three tables, in its order. */
    public static final List<Double> PAPER_GAMMAS = List.of(0.1, 0.01, 1.0);

    /**
     * The outcome of one strategy over every path.
     *
     * @param meanSpread   mean quoted spread (ask − bid) over the time grid
     * @param meanProfit   mean of final cash + q_T·S_T
     * @param stdProfit    sample standard deviation of the profit
     * @param meanFinalQ   mean final inventory, shares
     * @param stdFinalQ    sample standard deviation of the final inventory
     */
    public record StrategyStats(double meanSpread, double meanProfit, double stdProfit, double meanFinalQ,
                                double stdFinalQ) {
    }

    /** One γ: the inventory strategy and its symmetric benchmark. */
    public record Result(double gamma, StrategyStats inventory, StrategyStats symmetric) {
    }

    /**
     * The numbers the paper publishes for one of its γ (Tables 1–3, 1000 paths), for comparison; empty for
     * another γ. Its spread column is 1.29 / 1.33 / 1.15, which for γ = 0.1 and 0.01 is (2/γ)ln(1 + γ/k)
     * alone: the time average of its own spread formula is 1.49 / 1.35 / 3.03 (see docs/research.md).
     */
    public static Optional<Result> published(double gamma) {
        if (gamma == 0.1) {
            return Optional.of(new Result(0.1, new StrategyStats(1.29, 62.94, 5.89, 0.10, 2.80),
                    new StrategyStats(1.29, 67.21, 13.43, -0.018, 8.66)));
        }
        if (gamma == 0.01) {
            return Optional.of(new Result(0.01, new StrategyStats(1.33, 66.78, 8.76, -0.02, 4.70),
                    new StrategyStats(1.33, 67.36, 13.40, -0.31, 8.65)));
        }
        if (gamma == 1.0) {
            return Optional.of(new Result(1.0, new StrategyStats(1.15, 33.92, 4.72, -0.02, 1.88),
                    new StrategyStats(1.15, 66.20, 14.53, 0.25, 9.06)));
        }
        return Optional.empty();
    }

    private final Params params;
    private final int steps;

    public AvellanedaStoikovSimulation(Params params) {
        this.params = Objects.requireNonNull(params, "params");
        this.steps = (int) Math.round(params.t() / params.dt());
    }

    public Params params() {
        return params;
    }

    /** Runs every γ in {@code gammas}, in order, each from the same seed, with the paper's symmetric benchmark. */
    public List<Result> run(List<Double> gammas, long seed) {
        List<Result> results = new ArrayList<>(gammas.size());
        for (double gamma : gammas) {
            results.add(run(gamma, seed));
        }
        return results;
    }

    /**
     * Runs one γ over {@code paths} paths.
     *
     * @throws IllegalArgumentException if γ is not finite and > 0
     */
    public Result run(double gamma, long seed) {
        return run(gamma, Double.NaN, seed);
    }

    /**
     * Runs one γ with the symmetric strategy at a given spread instead of the inventory strategy's average
     * (to compare with a published benchmark whose spread is known).
     *
     * @param symmetricSpread the symmetric strategy's full spread, > 0, or NaN for the inventory strategy's
     *                        average spread (the paper's rule)
     * @throws IllegalArgumentException if γ is not finite and > 0, or the spread is neither NaN nor > 0
     */
    public Result run(double gamma, double symmetricSpread, long seed) {
        positive(gamma, "gamma");
        if (!Double.isNaN(symmetricSpread)) {
            positive(symmetricSpread, "symmetricSpread");
        }
        double sigma = params.sigma();
        double dt = params.dt();
        double step = sigma * Math.sqrt(dt);
        double intensityTerm = 2 / gamma * Math.log1p(gamma / params.k());
        double meanSpread = 0;
        for (int j = 0; j < steps; j++) {
            meanSpread += spread(gamma, j, intensityTerm);
        }
        meanSpread /= steps;
        double symmetricFull = Double.isNaN(symmetricSpread) ? meanSpread : symmetricSpread;
        double symmetricHalf = symmetricFull / 2;

        int n = params.paths();
        double[] invProfit = new double[n];
        double[] invQ = new double[n];
        double[] symProfit = new double[n];
        double[] symQ = new double[n];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int path = 0; path < n; path++) {
            double s = params.s0();
            double invCash = 0;
            double inv = 0;
            double symCash = 0;
            double sym = 0;
            for (int j = 0; j < steps; j++) {
                double tau = params.t() - j * dt;
                double r = s - inv * gamma * sigma * sigma * tau;
                double half = spread(gamma, j, intensityTerm) / 2;
                double bid = r - half;
                double ask = r + half;
                if (rng.nextDouble() < fillProbability(s - bid)) {
                    inv++;
                    invCash -= bid;
                }
                if (rng.nextDouble() < fillProbability(ask - s)) {
                    inv--;
                    invCash += ask;
                }
                double symBid = s - symmetricHalf;
                double symAsk = s + symmetricHalf;
                if (rng.nextDouble() < fillProbability(symmetricHalf)) {
                    sym++;
                    symCash -= symBid;
                }
                if (rng.nextDouble() < fillProbability(symmetricHalf)) {
                    sym--;
                    symCash += symAsk;
                }
                s += rng.nextBoolean() ? step : -step;
            }
            invProfit[path] = invCash + inv * s;
            invQ[path] = inv;
            symProfit[path] = symCash + sym * s;
            symQ[path] = sym;
        }
        return new Result(gamma,
                new StrategyStats(meanSpread, mean(invProfit), std(invProfit), mean(invQ), std(invQ)),
                new StrategyStats(symmetricFull, mean(symProfit), std(symProfit), mean(symQ), std(symQ)));
    }

    /** γσ²(T − t_j) + (2/γ)ln(1 + γ/k). */
    private double spread(double gamma, int j, double intensityTerm) {
        double tau = params.t() - j * params.dt();
        return gamma * params.sigma() * params.sigma() * tau + intensityTerm;
    }

    private double fillProbability(double delta) {
        return Math.min(1, params.a() * Math.exp(-params.k() * delta) * params.dt());
    }

    private static double mean(double[] xs) {
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        return sum / xs.length;
    }

    private static double std(double[] xs) {
        if (xs.length < 2) {
            return 0;
        }
        double m = mean(xs);
        double ss = 0;
        for (double x : xs) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (xs.length - 1));
    }
}
