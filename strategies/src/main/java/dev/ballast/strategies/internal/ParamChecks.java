package dev.ballast.strategies.internal;

/**
 * Argument checks for the validated parameter records of the strategies module. Each throws
 * {@link IllegalArgumentException} with a message that names the field and the value, e.g.
 * {@code gamma must be > 0 (was -0.1)}, so config validation can prefix it with the YAML path.
 * NaN fails every check. Not part of the module's API.
 */
public final class ParamChecks {
    private ParamChecks() {
    }

    /** {@code value} must be finite and > 0. */
    public static double positive(double value, String name) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be > 0 (was " + value + ")");
        }
        return value;
    }

    /** {@code value} must be > 0; +∞ is allowed (meaning "no limit"). */
    public static double positiveOrInfinite(double value, String name) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be > 0 (was " + value + ")");
        }
        return value;
    }

    /** {@code value} must be finite and >= 0. */
    public static double nonNegative(double value, String name) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be >= 0 (was " + value + ")");
        }
        return value;
    }

    /** {@code value} must be > 0. */
    public static long positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0 (was " + value + ")");
        }
        return value;
    }

    /** {@code value} must be >= {@code min}. */
    public static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + " (was " + value + ")");
        }
        return value;
    }

    /** {@code low <= high}, both already checked on their own. */
    public static void ordered(double low, String lowName, double high, String highName) {
        if (!(low <= high)) {
            throw new IllegalArgumentException(lowName + " must be <= " + highName + " (was " + low + " > " + high + ")");
        }
    }
}
