package dev.ballast.bot.cli;

import dev.ballast.bot.config.BallastConfig;
import dev.ballast.bot.config.ConfigException;
import dev.ballast.bot.config.ConfigLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Checks a config file without touching any venue: exit 0 when valid, 2 with every problem when not. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a config file; print every problem. Touches no venue.")
public final class ValidateCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "the YAML config")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try {
            BallastConfig c = ConfigLoader.load(config);
            spec.commandLine().getOut().printf("%s: valid (%s mode, %d venues, assets %s)%n", config,
                    c.mode().configName(), c.venues().size() + c.liveVenues().size(), c.assets().keySet());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (ConfigException e) {
            printProblems(spec.commandLine(), e);
            return BallastCommand.EXIT_INVALID_CONFIG;
        }
    }

    static void printProblems(CommandLine cl, ConfigException e) {
        var err = cl.getErr();
        err.printf("%s: %d problem%s%n", e.source(), e.problems().size(), e.problems().size() == 1 ? "" : "s");
        for (String p : e.problems()) {
            err.println("  " + p);
        }
        err.flush();
    }
}
