package dev.ballast.bot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command; its subcommands do the work. */
@Command(name = "ballast",
        mixinStandardHelpOptions = true,
        versionProvider = BallastCommand.Version.class,
        description = "Inventory-rebalancing market maker for crypto exchanges.",
        subcommands = {RunCommand.class, ValidateCommand.class, ControlCommand.class, BacktestCommand.class,
                ResearchCommand.class, SimExchangeCommand.class, CommandLine.HelpCommand.class})
public final class BallastCommand implements Runnable {
    /** Exit code of a config that does not validate. */
    public static final int EXIT_INVALID_CONFIG = 2;
    /** Exit code when orders could not all be confirmed cancelled at shutdown. */
    public static final int EXIT_NOT_FLAT = 3;
    /** Exit code when the start was refused: the journal cannot be opened, or reconciliation found what it cannot explain. */
    public static final int EXIT_START_REFUSED = 4;
    /** Exit code when a venue could not be set up (unreachable, a market it does not list). */
    public static final int EXIT_VENUE_UNAVAILABLE = 5;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: run, validate or control");
    }

    /** A configured command line, for {@code main} and for tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new BallastCommand());
        cl.registerConverter(java.time.Duration.class, new DurationConverter());
        return cl;
    }

    /** The version from the jar's manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = BallastCommand.class.getPackage().getImplementationVersion();
            return new String[] {"ballast " + (v == null ? "dev" : v), "Java " + System.getProperty("java.version")};
        }
    }
}
