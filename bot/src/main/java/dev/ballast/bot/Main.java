package dev.ballast.bot;

import dev.ballast.bot.cli.BallastCommand;
import picocli.CommandLine;

/** The {@code ballast} program: {@code run}, {@code validate}, {@code --help}, {@code --version}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(BallastCommand.commandLine().execute(args));
    }
}
