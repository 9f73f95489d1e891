package dev.ballast.bot.cli;

import dev.ballast.bot.config.BallastConfig;
import dev.ballast.bot.config.ConfigException;
import dev.ballast.bot.config.ConfigLoader;
import dev.ballast.bot.run.BotRunner;
import dev.ballast.bot.config.Mode;
import dev.ballast.bot.run.LiveTrading;
import dev.ballast.bot.run.ModeSupport;
import dev.ballast.bot.run.PaperTrading;
import dev.ballast.bot.run.SystemClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Trades until Ctrl-C, SIGTERM or the end of {@code --duration}; then cancels everything and reports. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Trade (paper mode: simulated venues, no keys) until Ctrl-C, SIGTERM or --duration.")
public final class RunCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "the YAML config")
    Path config;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION",
            description = "stop after this long, e.g. 90s, 2m, 1h30m (default: until Ctrl-C)")
    Duration duration;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        BallastConfig c;
        try {
            c = ConfigLoader.load(config);
        } catch (ConfigException e) {
            ValidateCommand.printProblems(spec.commandLine(), e);
            return BallastCommand.EXIT_INVALID_CONFIG;
        }
        Optional<String> unavailable = ModeSupport.unavailable(c);
        if (unavailable.isPresent()) {
            spec.commandLine().getErr().println(unavailable.get());
            return BallastCommand.EXIT_INVALID_CONFIG;
        }
        SystemClock clock = new SystemClock();
        if (c.mode() == Mode.PAPER) {
            BotRunner runner = new BotRunner(PaperTrading.assemble(c, clock), clock);
            return runner.run(duration) ? 0 : BallastCommand.EXIT_NOT_FLAT;
        }
        LiveTrading bot;
        try {
            bot = LiveTrading.assemble(c, clock);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("cannot start in " + c.mode().configName() + " mode: " + e.getMessage());
            return BallastCommand.EXIT_VENUE_UNAVAILABLE;
        }
        try (bot) {
            return new BotRunner(bot, clock).run(duration) ? 0 : BallastCommand.EXIT_NOT_FLAT;
        }
    }
}
