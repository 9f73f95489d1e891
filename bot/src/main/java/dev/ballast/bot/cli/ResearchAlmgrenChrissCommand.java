package dev.ballast.bot.cli;

import dev.ballast.strategies.execution.AlmgrenChriss;
import dev.ballast.strategies.execution.AlmgrenChrissParams;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code research almgren-chriss}: the Almgren–Chriss (2000) optimal execution trajectory for the given problem —
 * holdings, trade list, expected cost E and standard deviation √V — next to the straight line (λ = 0, TWAP).
 * Defaults are the paper's Table 1 example. Deterministic: no randomness, no I/O but its output.
 */
@Command(name = "almgren-chriss", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Almgren-Chriss optimal execution: holdings trajectory, trade list, expected cost E and std "
                + "sqrt(V), against the linear (lambda = 0, TWAP) trajectory.",
                "Defaults: the paper's Table 1 example (10^6 shares over 5 days in 5 trades; units: shares, days, $)."})
public final class ResearchAlmgrenChrissCommand implements Callable<Integer> {
    private static final AlmgrenChrissParams PAPER = AlmgrenChrissParams.PAPER_TABLE_1;

    @Option(names = {"-X", "--size"}, paramLabel = "UNITS", description = "X: units to trade")
    double size = PAPER.size();

    @Option(names = {"-T", "--horizon"}, paramLabel = "TIME", description = "T: time to trade them in")
    double horizon = PAPER.horizon();

    @Option(names = {"-N", "--periods"}, paramLabel = "N", description = "N: number of trading intervals")
    int periods = PAPER.periods();

    @Option(names = "--sigma", description = "sigma: volatility, price per unit per sqrt(time)")
    double sigma = PAPER.sigma();

    @Option(names = "--eta", description = "eta: temporary impact, price per (unit per time)")
    double eta = PAPER.eta();

    @Option(names = "--epsilon", description = "epsilon: fixed cost per unit (half spread + fees)")
    double epsilon = PAPER.epsilon();

    @Option(names = "--gamma", description = "gamma: permanent impact, price per unit")
    double gamma = PAPER.gamma();

    @Option(names = "--lambda", description = "lambda: risk aversion, per unit of currency (0 = linear)")
    double lambda = PAPER.lambda();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        AlmgrenChrissParams params;
        try {
            params = new AlmgrenChrissParams(size, horizon, periods, sigma, eta, epsilon, gamma, lambda);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        AlmgrenChriss optimal = AlmgrenChriss.optimal(params);
        AlmgrenChriss linear = AlmgrenChriss.optimal(params.withLambda(0));
        print(spec.commandLine().getOut(), optimal, linear);
        return 0;
    }

    private static void print(PrintWriter out, AlmgrenChriss optimal, AlmgrenChriss linear) {
        AlmgrenChrissParams p = optimal.params();
        String units = "%," + (unitDecimals(p.size()) + 14) + "." + unitDecimals(p.size()) + "f";
        out.println("Almgren-Chriss optimal execution (Almgren & Chriss 2000, section 2.2)");
        out.printf(Locale.ROOT, "  X = %s  T = %s  N = %d  tau = T/N = %s%n", num(p.size()), num(p.horizon()),
                p.periods(), num(p.tau()));
        out.printf(Locale.ROOT, "  sigma = %s  eta = %s  epsilon = %s  gamma = %s  lambda = %s%n", num(p.sigma()),
                num(p.eta()), num(p.epsilon()), num(p.gamma()), num(p.lambda()));
        out.printf(Locale.ROOT, "  eta~ = eta - gamma*tau/2 = %s  kappa~ = %.6f  kappa = %.6f per time unit"
                        + "  kappa*T = %.4f  half-life 1/kappa = %.4f%n",
                num(optimal.etaTilde()), optimal.kappaTilde(), optimal.kappa(), optimal.kappa() * p.horizon(),
                optimal.halfLife());
        out.println();
        out.printf(Locale.ROOT, "  %4s %10s %" + width(units) + "s %" + width(units) + "s %" + width(units) + "s %"
                        + width(units) + "s%n", "j", "t_j", "optimal x_j", "optimal n_j", "linear x_j", "linear n_j");
        for (int j = 0; j <= p.periods(); j++) {
            String trade = j == 0 ? "" : String.format(Locale.ROOT, units, optimal.trade(j)).strip();
            String linearTrade = j == 0 ? "" : String.format(Locale.ROOT, units, linear.trade(j)).strip();
            String row = String.format(Locale.ROOT, "  %4d %10.4f " + units + " %" + width(units) + "s " + units
                    + " %" + width(units) + "s", j, optimal.time(j), optimal.holding(j), trade, linear.holding(j),
                    linearTrade);
            out.println(row.stripTrailing());
        }
        out.println();
        out.printf(Locale.ROOT, "  %-14s %26s %26s%n", "", "optimal (lambda=" + num(p.lambda()) + ")",
                "linear (lambda=0, TWAP)");
        out.printf(Locale.ROOT, "  %-14s %,26.2f %,26.2f%n", "E", optimal.expectedCost(), linear.expectedCost());
        out.printf(Locale.ROOT, "  %-14s %,26.2f %,26.2f%n", "sqrt(V)", optimal.standardDeviation(),
                linear.standardDeviation());
        out.printf(Locale.ROOT, "  %-14s %,26.2f %,26.2f%n", "E + lambda*V", optimal.objective(),
                linear.expectedCost() + p.lambda() * linear.variance());
        out.flush();
    }

    /** Enough decimals to show about six significant digits of a size. */
    private static int unitDecimals(double size) {
        return Math.max(1, 5 - (int) Math.floor(Math.log10(size)));
    }

    private static int width(String format) {
        return Integer.parseInt(format.substring(2, format.indexOf('.')));
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+(e|$)", "$1");
    }
}
