package dev.ballast.bot.cli;

import dev.ballast.bot.config.BallastConfig;
import dev.ballast.bot.config.ConfigException;
import dev.ballast.bot.config.ConfigLoader;
import dev.ballast.bot.risk.ControlFile;
import dev.ballast.bot.risk.OperatorCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Halts, reduces or resumes a running bot by writing its control file atomically; the bot reads the file every
 * second. The file's path comes from the config ({@code risk.controlFile}, relative to the config's directory), or
 * directly from {@code --control-file} when the config cannot be loaded here (its environment variables unset).
 * Exit 0 when written, 2 on a bad command or config, 1 when the file cannot be written.
 */
@Command(name = "control", mixinStandardHelpOptions = true,
        description = "Halt, reduce or resume a running bot: writes its control file, applied within a second.")
public final class ControlCommand implements Callable<Integer> {
    /** Exit code when the control file cannot be written. */
    static final int EXIT_NOT_WRITTEN = 1;

    @Parameters(index = "0", paramLabel = "COMMAND",
            description = "halt (cancel everything, send nothing), reduce (only orders that shrink |position - target|)"
                    + " or resume (back to normal; the only way out of halt)")
    String command;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    /** Where the control file is: from the bot's config, or given directly. */
    static final class Target {
        @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "the running bot's YAML config")
        Path config;

        @Option(names = "--control-file", paramLabel = "PATH", description = "the control file itself")
        Path controlFile;
    }

    @Option(names = {"-r", "--reason"}, paramLabel = "TEXT", description = "why, for the bot's log and status")
    String reason;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        OperatorCommand.Action action = OperatorCommand.Action.ofWord(command).orElseThrow(() ->
                new CommandLine.ParameterException(spec.commandLine(),
                        "COMMAND must be halt, reduce or resume (was '" + command + "')"));
        Path file = target.controlFile;
        if (file == null) {
            try {
                BallastConfig c = ConfigLoader.load(target.config);
                file = c.risk().controlFile(target.config);
            } catch (ConfigException e) {
                ValidateCommand.printProblems(spec.commandLine(), e);
                spec.commandLine().getErr().println("(--control-file PATH writes the control file without the config)");
                spec.commandLine().getErr().flush();
                return BallastCommand.EXIT_INVALID_CONFIG;
            }
        }
        String comment = "written by ballast control at " + Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try {
            ControlFile.write(file, action, reason, comment);
        } catch (IOException e) {
            spec.commandLine().getErr().println("cannot write the control file " + file + ": " + e.getMessage());
            spec.commandLine().getErr().flush();
            return EXIT_NOT_WRITTEN;
        }
        spec.commandLine().getOut().printf("%s: %s%s written; the running bot applies it within a second%n", file,
                action.word(), reason == null || reason.isBlank() ? "" : " (" + reason.strip() + ")");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
