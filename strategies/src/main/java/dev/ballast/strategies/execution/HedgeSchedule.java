package dev.ballast.strategies.execution;

/**
 * When to send which part of a hedge. A schedule is made for one parent hedge and asked, again and again,
 * what to send next given what is still unfilled; it decides sizes and times only — each child's price is
 * decided by the caller against the book of its moment.
 *
 * <p>The contract of {@link #nextChild}:
 * <ul>
 *   <li>Ask when the parent starts and whenever the previous child has resolved (an IOC child fills or is
 *       cancelled at once), passing {@code remaining} = the parent's size minus everything filled so far. Never
 *       ask while a child is in flight: its size is not in {@code remaining}'s reach yet.</li>
 *   <li>A child with {@code sendAtNs <= nowNs} is due: send it now; the schedule counts it as sent.</li>
 *   <li>A child with {@code sendAtNs > nowNs} is a preview: nothing is counted; ask again at or after that
 *       time (with the then remaining size, which may differ).</li>
 *   <li>{@link HedgeChild#finished()} means the schedule has nothing more to send. If {@code remaining} is
 *       still positive (a partial fill on the last child, dust below the minimum child), it goes back to the
 *       decision to be re-decided, never forgotten.</li>
 * </ul>
 * What a child leaves unfilled is re-planned by the schedules that slice over time (it stays in
 * {@code remaining} and is spread over the slices left).
 *
 * <p>Implementations are deterministic (time comes in as arguments) and not thread-safe: owned by the engine
 * thread.
 */
public interface HedgeSchedule {
    /**
     * The next child to send.
     *
     * @param nowNs     engine time, ns
     * @param remaining base units of the parent still unfilled (>= 0)
     * @throws IllegalArgumentException if {@code remaining} is negative or not finite
     */
    HedgeChild nextChild(long nowNs, double remaining);

    /** A short name for status lines and reasons: "ioc", "twap", "almgren-chriss", "iceberg". */
    String name();

    /** Checks the {@code remaining} argument. */
    static void checkRemaining(double remaining) {
        if (!(remaining >= 0) || Double.isInfinite(remaining)) {
            throw new IllegalArgumentException("remaining must be finite and >= 0 (was " + remaining + ")");
        }
    }
}
