package dev.ballast.bot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Research commands: the models' reference experiments from the literature, deterministic with {@code --seed},
 * so an operator (or a reviewer) can check our implementation against the papers' published numbers.
 */
@Command(name = "research", mixinStandardHelpOptions = true,
        description = "Reproduce the models' reference experiments (Avellaneda–Stoikov, Almgren–Chriss).",
        subcommands = {ResearchAvellanedaStoikovCommand.class, ResearchAlmgrenChrissCommand.class,
                CommandLine.HelpCommand.class})
public final class ResearchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a research command is required");
    }
}
