package dev.ballast.bot.cli;

import dev.ballast.strategies.research.AvellanedaStoikovSimulation;
import dev.ballast.strategies.research.AvellanedaStoikovSimulation.Params;
import dev.ballast.strategies.research.AvellanedaStoikovSimulation.Result;
import dev.ballast.strategies.research.AvellanedaStoikovSimulation.StrategyStats;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code research avellaneda-stoikov}: runs the Monte Carlo of Avellaneda &amp; Stoikov (2008) and prints, per γ,
 * the inventory strategy, its symmetric benchmark and the paper's published rows. Deterministic for a seed.
 */
@Command(name = "avellaneda-stoikov", mixinStandardHelpOptions = true,
        description = {"The Monte Carlo of Avellaneda & Stoikov (2008): s0 = 100, T = 1, sigma = 2, dt = 0.005, "
                + "A = 140, k = 1.5; inventory strategy vs a symmetric one at the same average spread.",
                "Prints mean spread, mean and std of profit, mean and std of final inventory per gamma and strategy, "
                        + "next to the paper's Tables 1-3."})
public final class ResearchAvellanedaStoikovCommand implements Callable<Integer> {
    @Option(names = "--paths", defaultValue = "1000", paramLabel = "N", description = "simulated paths (default ${DEFAULT-VALUE})")
    int paths;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--gamma", split = ",", paramLabel = "GAMMA",
            description = "risk aversions, comma-separated (default: the paper's 0.1,0.01,1)")
    List<Double> gammas;

    @Option(names = "--symmetric-spread", paramLabel = "SPREAD",
            description = "quote the symmetric benchmark at this full spread instead of the inventory strategy's average")
    Double symmetricSpread;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (paths < 1) {
            throw new CommandLine.ParameterException(cl, "--paths must be >= 1 (was " + paths + ")");
        }
        List<Double> runGammas = gammas == null || gammas.isEmpty() ? AvellanedaStoikovSimulation.PAPER_GAMMAS : gammas;
        for (double g : runGammas) {
            if (!(g > 0) || Double.isInfinite(g)) {
                throw new CommandLine.ParameterException(cl, "--gamma must be > 0 (was " + g + ")");
            }
        }
        if (symmetricSpread != null && (!(symmetricSpread > 0) || symmetricSpread.isInfinite())) {
            throw new CommandLine.ParameterException(cl, "--symmetric-spread must be > 0 (was " + symmetricSpread + ")");
        }
        Params params = Params.paper(paths);
        AvellanedaStoikovSimulation sim = new AvellanedaStoikovSimulation(params);
        PrintWriter out = cl.getOut();
        out.printf(Locale.ROOT, "Avellaneda & Stoikov (2008) Monte Carlo: s0 = %s, T = %s, sigma = %s, dt = %s, A = %s, k = %s;"
                        + " %d paths, seed %d%s%n",
                num(params.s0()), num(params.t()), num(params.sigma()), num(params.dt()), num(params.a()), num(params.k()),
                paths, seed, symmetricSpread == null ? "" : ", symmetric spread " + num(symmetricSpread));
        out.printf(Locale.ROOT, "%-6s  %-16s  %7s  %8s  %11s  %8s  %12s%n",
                "gamma", "strategy", "spread", "profit", "std(profit)", "final q", "std(final q)");
        for (double gamma : runGammas) {
            Result r = sim.run(gamma, symmetricSpread == null ? Double.NaN : symmetricSpread, seed);
            row(out, num(gamma), "inventory", r.inventory());
            row(out, "", "symmetric", r.symmetric());
            Optional<Result> paper = AvellanedaStoikovSimulation.published(gamma);
            if (paper.isPresent()) {
                row(out, "", "paper inventory", paper.get().inventory());
                row(out, "", "paper symmetric", paper.get().symmetric());
            }
        }
        out.flush();
        return 0;
    }

    private static void row(PrintWriter out, String gamma, String strategy, StrategyStats s) {
        out.printf(Locale.ROOT, "%-6s  %-16s  %7.2f  %8.2f  %11.2f  %8.3f  %12.2f%n",
                gamma, strategy, s.meanSpread(), s.meanProfit(), s.stdProfit(), s.meanFinalQ(), s.stdFinalQ());
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
