package dev.ballast.connectors.codec;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A decimal grid (a tick size or a lot size) that turns exchange decimal strings into a whole number of
 * steps exactly, straight from the characters and without allocating: {@code "61837.63000000"} on the 0.01
 * grid is 6,183,763. A value that is not on the grid, or is not a plain non-negative decimal, is malformed.
 * Immutable and thread-safe.
 */
public final class DecimalGrid {
    private static final long[] POWERS_OF_TEN = new long[19];
    /** The largest value a further digit can be appended to without passing {@link Long#MAX_VALUE} (for digit <= 7). */
    private static final long MAX_BEFORE_LAST_DIGIT = Long.MAX_VALUE / 10;

    static {
        long p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private final BigDecimal step;
    /** Digits after the point that the grid can hold. */
    private final int scale;
    /** The step in units of 10^-scale. */
    private final long stepUnits;

    /** @throws IllegalArgumentException if {@code step} is not > 0 or has more than 18 decimals */
    public DecimalGrid(BigDecimal step) {
        Objects.requireNonNull(step, "step");
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("grid step must be > 0 (was " + step + ")");
        }
        BigDecimal stripped = step.stripTrailingZeros();
        int s = Math.max(stripped.scale(), 0);
        if (s > 18) {
            throw new IllegalArgumentException("grid step " + step.toPlainString() + " has more than 18 decimals");
        }
        this.step = stripped;
        this.scale = s;
        this.stepUnits = stripped.movePointRight(s).longValueExact();
    }

    public BigDecimal step() {
        return step;
    }

    /**
     * The number of steps in the decimal held in {@code chars[offset .. offset+length)}: digits with an
     * optional single point ({@code "12"}, {@code "12.50"}, {@code ".5"}); no sign, no exponent.
     *
     * @throws MalformedDecimalException if the text is not such a decimal, is not a whole number of steps,
     *                                   or does not fit a long
     */
    public long toSteps(char[] chars, int offset, int length) {
        return steps(chars, offset, length, false);
    }

    /**
     * Like {@link #toSteps(char[], int, int)}, but a value off the grid is rounded up to the next step
     * instead of refused: for sizes a venue reports that predate its current lot size (Binance spot still
     * shows resting orders of 0.000001 BTC granularity), where rounding up keeps a non-empty level
     * non-empty and is off by less than one step.
     *
     * @throws MalformedDecimalException if the text is not a plain decimal or does not fit a long
     */
    public long toStepsRoundingUp(char[] chars, int offset, int length) {
        return steps(chars, offset, length, true);
    }

    /**
     * {@link #toSteps(char[], int, int)} for ASCII bytes, e.g. straight from a message's buffer: the same
     * decimals are accepted, with the same result; any byte that is not a digit or the point is refused.
     *
     * @throws MalformedDecimalException if the text is not such a decimal, is not a whole number of steps,
     *                                   or does not fit a long
     */
    public long toSteps(byte[] ascii, int offset, int length) {
        // the loop of steps(char[], ...) below, over bytes; DecimalGridTest holds the two to the same answers
        int end = offset + length;
        long units = 0;
        int fractionDigits = -1;
        boolean anyDigit = false;
        for (int i = offset; i < end; i++) {
            byte c = ascii[i];
            if (c == '.') {
                if (fractionDigits >= 0) {
                    throw malformed(ascii, offset, length, "two decimal points");
                }
                fractionDigits = 0;
                continue;
            }
            int digit = c - '0';
            if (digit < 0 || digit > 9) {
                throw malformed(ascii, offset, length, "not a plain decimal");
            }
            anyDigit = true;
            if (fractionDigits >= 0) {
                if (fractionDigits == scale) {
                    if (digit != 0) {
                        throw offGrid(ascii, offset, length);
                    }
                    continue;
                }
                fractionDigits++;
            }
            if (units >= MAX_BEFORE_LAST_DIGIT
                    && (units > MAX_BEFORE_LAST_DIGIT || digit > Long.MAX_VALUE % 10)) {
                throw malformed(ascii, offset, length, "too large");
            }
            units = units * 10 + digit;
        }
        if (!anyDigit) {
            throw malformed(ascii, offset, length, "no digits");
        }
        return exactSteps(units, fractionDigits, ascii, offset, length);
    }

    /** Units with {@code fractionDigits} decimals (-1: no point) as whole steps, refused when off the grid. */
    private long exactSteps(long units, int fractionDigits, byte[] ascii, int offset, int length) {
        int missing = scale - Math.max(fractionDigits, 0);
        if (missing > 0) {
            if (units > Long.MAX_VALUE / POWERS_OF_TEN[missing]) {
                throw malformed(ascii, offset, length, "too large");
            }
            units *= POWERS_OF_TEN[missing];
        }
        if (units % stepUnits != 0) {
            throw offGrid(ascii, offset, length);
        }
        return units / stepUnits;
    }

    private long steps(char[] chars, int offset, int length, boolean roundUp) {
        int end = offset + length;
        boolean below = false; // a non-zero digit finer than the grid's scale was dropped
        long units = 0;
        int fractionDigits = -1; // -1 until the point is seen
        boolean anyDigit = false;
        for (int i = offset; i < end; i++) {
            char c = chars[i];
            if (c == '.') {
                if (fractionDigits >= 0) {
                    throw malformed(chars, offset, length, "two decimal points");
                }
                fractionDigits = 0;
                continue;
            }
            int digit = c - '0';
            if (digit < 0 || digit > 9) {
                throw malformed(chars, offset, length, "not a plain decimal");
            }
            anyDigit = true;
            if (fractionDigits >= 0) {
                if (fractionDigits == scale) {
                    if (digit != 0) {
                        if (!roundUp) {
                            throw offGrid(chars, offset, length);
                        }
                        below = true;
                    }
                    continue;
                }
                fractionDigits++;
            }
            // units * 10 + digit > Long.MAX_VALUE, without a division per digit
            if (units >= MAX_BEFORE_LAST_DIGIT
                    && (units > MAX_BEFORE_LAST_DIGIT || digit > Long.MAX_VALUE % 10)) {
                throw malformed(chars, offset, length, "too large");
            }
            units = units * 10 + digit;
        }
        if (!anyDigit) {
            throw malformed(chars, offset, length, "no digits");
        }
        int missing = scale - Math.max(fractionDigits, 0);
        if (missing > 0) {
            if (units > Long.MAX_VALUE / POWERS_OF_TEN[missing]) {
                throw malformed(chars, offset, length, "too large");
            }
            units *= POWERS_OF_TEN[missing];
        }
        long steps = units / stepUnits;
        if (below || units % stepUnits != 0) {
            if (!roundUp) {
                throw offGrid(chars, offset, length);
            }
            steps++;
        }
        return steps;
    }

    /** {@link #toSteps(char[], int, int)} for a string; for tests and cold paths. */
    public long toSteps(CharSequence text) {
        char[] chars = text.toString().toCharArray();
        return toSteps(chars, 0, chars.length);
    }

    /** {@link #toStepsRoundingUp(char[], int, int)} for a string; for tests and cold paths. */
    public long toStepsRoundingUp(CharSequence text) {
        char[] chars = text.toString().toCharArray();
        return toStepsRoundingUp(chars, 0, chars.length);
    }

    private static MalformedDecimalException malformed(char[] chars, int offset, int length, String why) {
        return new MalformedDecimalException("'" + new String(chars, offset, length) + "': " + why, false);
    }

    private static MalformedDecimalException malformed(byte[] ascii, int offset, int length, String why) {
        return malformed(text(ascii, offset, length), why);
    }

    private MalformedDecimalException offGrid(byte[] ascii, int offset, int length) {
        return offGrid(text(ascii, offset, length));
    }

    private static char[] text(byte[] ascii, int offset, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) (ascii[offset + i] & 0xFF);
        }
        return chars;
    }

    private static MalformedDecimalException malformed(char[] chars, String why) {
        return malformed(chars, 0, chars.length, why);
    }

    private MalformedDecimalException offGrid(char[] chars) {
        return offGrid(chars, 0, chars.length);
    }

    private MalformedDecimalException offGrid(char[] chars, int offset, int length) {
        return new MalformedDecimalException("'" + new String(chars, offset, length)
                + "': not a multiple of the grid step " + step.toPlainString(), true);
    }

    @Override
    public String toString() {
        return "DecimalGrid[" + step.toPlainString() + "]";
    }
}
