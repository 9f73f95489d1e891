package dev.ballast.bot.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The problems found while loading one config file. A problem tied to a place in the file is shown as
 * {@code file:line:col: message}, one tied to the file but no place as {@code file: message}, and a rule about
 * values as its message alone ({@code assets.BTC.maxPosition must be > 0 (was -1)}). {@link #messages()} lists
 * the placed ones in file order first, then the others in the order they were found.
 *
 * <p>Not thread-safe: used by one load.
 */
final class Problems {
    private record Problem(YamlNode.Mark mark, int seq, String text) {
    }

    private final String source;
    private final List<Problem> problems = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    /** A problem at a place in the file. */
    void at(YamlNode.Mark mark, String message) {
        if (mark == null) {
            inFile(message);
        } else {
            problems.add(new Problem(mark, problems.size(), source + ":" + mark + ": " + message));
        }
    }

    /** A problem with the file as a whole. */
    void inFile(String message) {
        problems.add(new Problem(null, problems.size(), source + ": " + message));
    }

    /** A broken rule about values, already named by its dotted path. */
    void rule(String message) {
        problems.add(new Problem(null, problems.size(), message));
    }

    int size() {
        return problems.size();
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<String> messages() {
        return problems.stream()
                .sorted(Comparator.comparing((Problem p) -> p.mark() == null)
                        .thenComparing(p -> p.mark(), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparingInt(Problem::seq))
                .map(Problem::text)
                .toList();
    }
}
