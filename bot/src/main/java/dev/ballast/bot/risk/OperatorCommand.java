package dev.ballast.bot.risk;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An operator's order to change the trading state, with why and where it came from. Immutable.
 *
 * @param reason the operator's words, one line; empty when none was given
 * @param source where it came from: {@code file}, {@code signal SIGUSR2}, {@code test}
 */
public record OperatorCommand(Action action, String reason, String source) {
    /** What the operator asks for. */
    public enum Action {
        /** Stop sending anything and cancel every open order. */
        HALT,
        /** Only orders that shrink |position − target| may leave. */
        REDUCE,
        /** Back to ACTIVE; the only way out of HALTED. */
        RESUME;

        /** The word used in the control file and on the command line: {@code halt}, {@code reduce}, {@code resume}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The action named by {@code word} (case-insensitive), empty when it names none. */
        public static Optional<Action> ofWord(String word) {
            for (Action a : values()) {
                if (a.word().equalsIgnoreCase(word)) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        }
    }

    public OperatorCommand {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(source, "source");
        reason = reason == null ? "" : reason.replaceAll("\\s+", " ").strip();
    }

    @Override
    public String toString() {
        return action.word() + (reason.isEmpty() ? "" : " \"" + reason + "\"") + " (" + source + ")";
    }
}
