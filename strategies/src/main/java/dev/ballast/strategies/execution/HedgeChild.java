package dev.ballast.strategies.execution;

/**
 * A schedule's answer: send a child of {@code size} base units at {@code sendAtNs}, or nothing more to send
 * ({@link #done()}). The child's price is not the schedule's business: the caller prices it against the book of
 * its moment (the router). Immutable.
 *
 * @param done     true when the schedule has nothing more to send
 * @param sendAtNs when to send it, engine time in ns; at or before the asking time means "now"
 * @param size     base units, > 0 unless done
 */
public record HedgeChild(boolean done, long sendAtNs, double size) {
    private static final HedgeChild DONE = new HedgeChild(true, Long.MAX_VALUE, 0);

    public HedgeChild {
        if (!done && !(size > 0 && !Double.isInfinite(size))) {
            throw new IllegalArgumentException("a child's size must be finite and > 0 (was " + size + ")");
        }
    }

    /** A child of {@code size} to send at {@code sendAtNs}. */
    public static HedgeChild at(long sendAtNs, double size) {
        return new HedgeChild(false, sendAtNs, size);
    }

    /** Nothing more to send: whatever remains goes back to the decision. */
    public static HedgeChild finished() {
        return DONE;
    }

    /** True when this child should be sent at {@code nowNs}. */
    public boolean dueAt(long nowNs) {
        return !done && sendAtNs <= nowNs;
    }

    @Override
    public String toString() {
        return done ? "done" : size + " at " + sendAtNs + " ns";
    }
}
