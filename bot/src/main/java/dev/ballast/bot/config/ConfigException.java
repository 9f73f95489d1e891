package dev.ballast.bot.config;

import java.util.List;

/**
 * A config file that cannot be used, with every problem found in it. Each problem is one self-contained line
 * for the operator: {@code config.yaml:12:5: mapping values are not allowed here},
 * {@code config.yaml:27:16: venues.sim-a.latencyMs must be a whole number (was 'fast')},
 * {@code assets.BTC.maxPosition must be > 0 (was -1)}. Problems with a line and column come first, in file
 * order; the others (missing top-level keys, rules about values) follow in the order they were found.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final List<String> problems;

    /**
     * @param source the file the problems are in, as the operator named it
     * @param problems at least one problem, one line each
     */
    public ConfigException(String source, List<String> problems) {
        super(describe(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    private static String describe(String source, List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        return source + ": " + count + ":\n  " + String.join("\n  ", problems);
    }

    /** The file the problems are in, as given to the loader. */
    public String source() {
        return source;
    }

    /** Every problem found, one self-contained line each (unmodifiable). */
    public List<String> problems() {
        return problems;
    }
}
