package dev.ballast.bot.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every broken rule of one config record so that its constructor reports them all at once, each as
 * {@code <field> <rule> (was <value>)}, e.g. {@code maxPosition must be > 0 (was -1)}. The field is named
 * relative to the record; {@link ConfigLoader} prefixes the record's dotted path in the file. Records throw
 * {@link Violations}, an {@link IllegalArgumentException}, so programmatic callers see an ordinary invalid
 * argument.
 *
 * <p>Not thread-safe: lives for one constructor call.
 */
final class Rules {
    private final List<String> violations = new ArrayList<>();

    /** Records {@code message} unless {@code ok}. */
    void require(boolean ok, String message) {
        if (!ok) {
            violations.add(message);
        }
    }

    /** Records {@code message}. */
    void fail(String message) {
        violations.add(message);
    }

    void positive(String field, BigDecimal value) {
        require(value.signum() > 0, field + " must be > 0 (was " + show(value) + ")");
    }

    void nonNegative(String field, BigDecimal value) {
        require(value.signum() >= 0, field + " must be >= 0 (was " + show(value) + ")");
    }

    void between(String field, BigDecimal value, BigDecimal min, BigDecimal max) {
        require(value.compareTo(min) >= 0 && value.compareTo(max) <= 0,
                field + " must be between " + show(min) + " and " + show(max) + " (was " + show(value) + ")");
    }

    void positive(String field, double value) {
        require(value > 0 && Double.isFinite(value), field + " must be > 0 (was " + show(value) + ")");
    }

    void nonNegative(String field, double value) {
        require(value >= 0 && Double.isFinite(value), field + " must be >= 0 (was " + show(value) + ")");
    }

    void below(String field, double value, double bound) {
        require(!(value >= bound), field + " must be < " + show(bound) + " (was " + show(value) + ")");
    }

    void atLeast(String field, double value, double min) {
        require(value >= min && Double.isFinite(value), field + " must be >= " + show(min) + " (was " + show(value)
                + ")");
    }

    /** {@code min <= value <= max}. */
    void between(String field, double value, double min, double max) {
        require(value >= min && value <= max, field + " must be between " + show(min) + " and " + show(max)
                + " (was " + show(value) + ")");
    }

    /** {@code min <= value < max}, e.g. a fraction in [0, 1). */
    void atLeastAndBelow(String field, double value, double min, double max) {
        require(value >= min && value < max, field + " must be >= " + show(min) + " and < " + show(max)
                + " (was " + show(value) + ")");
    }

    void positive(String field, long value) {
        require(value > 0, field + " must be > 0 (was " + value + ")");
    }

    void nonNegative(String field, long value) {
        require(value >= 0, field + " must be >= 0 (was " + value + ")");
    }

    void atLeast(String field, long value, long min) {
        require(value >= min, field + " must be >= " + min + " (was " + value + ")");
    }

    /** {@code min <= value <= max}. */
    void between(String field, long value, long min, long max) {
        require(value >= min && value <= max, field + " must be between " + min + " and " + max + " (was " + value
                + ")");
    }

    /**
     * Runs {@code build}, which makes a value that another module validates (a strategies parameter record), and
     * records its message if it rejects the values. Call it last, and only when this record's own rules passed:
     * it is the guard that a config which loads can always be turned into the parameters the bot runs with, even
     * if that module's rules grow stricter than the ones written here. The other module's message names its field
     * relative to its own record, like this record's messages, so the loader prefixes it with the same path.
     */
    void accepts(Runnable build) {
        if (!violations.isEmpty()) {
            return;
        }
        try {
            build.run();
        } catch (IllegalArgumentException rejected) {
            violations.add(rejected.getMessage());
        }
    }

    /** Throws {@link Violations} listing every recorded message, if there is any. */
    void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new Violations(violations);
        }
    }

    /** An exact decimal as the operator would write it: {@code 60000}, {@code 0.0001}, {@code -1}. */
    static String show(BigDecimal value) {
        return value.toPlainString();
    }

    /** A double without a needless {@code .0}: {@code 6}, {@code 2.5}. */
    static String show(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return normalize(BigDecimal.valueOf(value)).toPlainString();
    }

    /** The same number with no trailing zeros and no exponent: {@code 1.50} → {@code 1.5}, {@code 6E+4} → 60000. */
    static BigDecimal normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The broken rules of one record. */
    static final class Violations extends IllegalArgumentException {
        private final List<String> messages;

        Violations(List<String> messages) {
            super(String.join("; ", messages));
            this.messages = List.copyOf(messages);
        }

        List<String> messages() {
            return messages;
        }
    }
}
