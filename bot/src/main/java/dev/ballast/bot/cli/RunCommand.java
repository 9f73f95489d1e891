package dev.ballast.bot.cli;

import dev.ballast.bot.config.BallastConfig;
import dev.ballast.bot.config.ConfigException;
import dev.ballast.bot.config.ConfigLoader;
import dev.ballast.bot.config.Mode;
import dev.ballast.bot.journal.JdbcJournal;
import dev.ballast.bot.journal.Journal;
import dev.ballast.bot.journal.JournalException;
import dev.ballast.bot.run.BotRunner;
import dev.ballast.bot.run.LiveTrading;
import dev.ballast.bot.run.ModeSupport;
import dev.ballast.bot.run.PaperTrading;
import dev.ballast.bot.run.SystemClock;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Trades until Ctrl-C, SIGTERM or the end of {@code --duration}; then cancels everything and reports, within
 * {@code engine.shutdownTimeoutMs}. Every start opens the configured journal and recovers from it
 * (docs/recovery.md) before the first quote. SIGUSR2 and the control file ({@code risk.controlFile}, written by
 * {@code ballast control}) halt, reduce or resume trading while it runs, in every mode.
 */
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
        Journal journal;
        try {
            journal = JdbcJournal.open(c.journal().url(), c.journal().synchronous());
        } catch (JournalException e) {
            spec.commandLine().getErr().println("ballast: cannot start: " + e.getMessage());
            return BallastCommand.EXIT_START_REFUSED;
        }
        Duration shutdownTimeout = Duration.ofMillis(c.engine().shutdownTimeoutMs());
        Path controlFile = c.risk().controlFile(config);
        BotRunner runner;
        AutoCloseable venues;
        try {
            if (c.mode() == Mode.PAPER) {
                PaperTrading paper = PaperTrading.assemble(c, clock, journal);
                venues = paper;
                runner = new BotRunner(paper, clock, shutdownTimeout, controlFile);
            } else {
                LiveTrading live = LiveTrading.assemble(c, clock, journal);
                venues = live;
                runner = new BotRunner(live, clock, shutdownTimeout, controlFile);
            }
        } catch (RuntimeException e) {
            journal.close();
            if (c.mode() == Mode.PAPER && !(e instanceof UncheckedIOException || e instanceof IllegalStateException)) {
                throw e; // in-process paper venues cannot be unavailable: a bug
            }
            // a live venue, or a remote-sim venue's server, is unreachable or does not list a configured market
            spec.commandLine().getErr().println("ballast: cannot start in " + c.mode().configName() + " mode: "
                    + e.getMessage());
            return BallastCommand.EXIT_VENUE_UNAVAILABLE;
        }
        BotRunner.Outcome outcome;
        try {
            outcome = runner.run(duration);
        } finally {
            closeQuietly(venues);
        }
        if (runner.startRefusal() != null) {
            spec.commandLine().getErr().println("ballast: " + runner.startRefusal());
            return BallastCommand.EXIT_START_REFUSED;
        }
        return exitCode(outcome);
    }

    /**
     * 0 when every order was confirmed cancelled, and always after SIGTERM or SIGINT: a supervisor's stop is a clean
     * exit within {@code engine.shutdownTimeoutMs}, and orders a silent venue left open are logged and reconciled at
     * the next start. Otherwise (end of {@code --duration}, engine failure) {@link BallastCommand#EXIT_NOT_FLAT} when
     * orders may remain open.
     */
    static int exitCode(BotRunner.Outcome outcome) {
        return outcome.flat() || outcome.stoppedBySignal() ? 0 : BallastCommand.EXIT_NOT_FLAT;
    }

    /** Stops the venues' streams and threads, after the engine has cancelled our orders. */
    private static void closeQuietly(AutoCloseable venues) {
        try {
            venues.close();
        } catch (Exception e) {
            // the run is over: nothing depends on this
        }
    }
}
