package dev.ballast.bot.run;

import dev.ballast.bot.risk.OperatorCommand;
import dev.ballast.bot.risk.OperatorCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process signals a running bot answers, through {@code sun.misc.Signal} (module jdk.unsupported, in every
 * OpenJDK build): SIGTERM and SIGINT (Ctrl-C) stop the bot — bounded shutdown, exit 0 — instead of the JVM's default
 * (shutdown hooks, exit 143/130); SIGUSR2 halts trading (HALTED: every order cancelled, nothing sent) until the
 * operator resumes it. A signal the platform does not offer (Windows has no SIGUSR2) is reported at start and left
 * alone: the control file and {@code ballast control} work everywhere.
 *
 * <p>Handlers run on the JVM's signal-dispatch thread and only post: a stop request, or a command to the engine's
 * thread-safe {@link OperatorCommands}.
 */
final class Signals {
    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

    private Signals() {
    }

    /**
     * Installs the handlers.
     *
     * @param stop     asked to stop the bot, with the signal's name as the reason
     * @param commands where SIGUSR2's halt goes
     * @return the signals handled, e.g. {@code [TERM, INT, USR2]}
     */
    static List<String> install(Consumer<String> stop, OperatorCommands commands) {
        List<String> installed = new ArrayList<>();
        if (handle("TERM", () -> stop.accept("SIGTERM"))) {
            installed.add("TERM");
        }
        if (handle("INT", () -> stop.accept("SIGINT"))) {
            installed.add("INT");
        }
        if (handle("USR2", () -> commands.post(new OperatorCommand(OperatorCommand.Action.HALT, "SIGUSR2 received",
                "signal")))) {
            installed.add("USR2");
        } else {
            LOG.warn("SIGUSR2 cannot be handled here: halt with `ballast control halt` or the control file instead");
        }
        return installed;
    }

    private static boolean handle(String name, Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> action.run());
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            LOG.warn("signal SIG{} not available on this platform: {}", name, e.toString());
            return false;
        }
    }
}
