package dev.ballast.strategies.execution;

/**
 * A small visible clip at a time, refilled when filled: each child is {@code min(clipSize, remaining)}, the
 * next one due {@code refillDelayNs} after the previous was sent. Shows the market little of the hedge's size.
 * A clip that filled nothing (the book moved away from our price) ends the schedule: the remainder goes back to
 * the decision rather than chasing.
 *
 * <p>Not thread-safe: owned by the engine thread.
 */
public final class IcebergSchedule implements HedgeSchedule {
    private final long startNs;
    private final double clipSize;
    private final long refillDelayNs;
    private long lastSentNs;
    private double remainingWhenSent = Double.NaN;

    /**
     * @param startNs       when the first clip is due, engine time in ns
     * @param clipSize      base units shown at a time (> 0)
     * @param refillDelayNs the pause between a clip and the next (>= 0)
     */
    public IcebergSchedule(long startNs, double clipSize, long refillDelayNs) {
        if (!(clipSize > 0) || Double.isInfinite(clipSize)) {
            throw new IllegalArgumentException("clipSize must be finite and > 0 (was " + clipSize + ")");
        }
        if (refillDelayNs < 0) {
            throw new IllegalArgumentException("refillDelayNs must be >= 0 (was " + refillDelayNs + ")");
        }
        this.startNs = startNs;
        this.clipSize = clipSize;
        this.refillDelayNs = refillDelayNs;
    }

    @Override
    public HedgeChild nextChild(long nowNs, double remaining) {
        HedgeSchedule.checkRemaining(remaining);
        boolean anySent = !Double.isNaN(remainingWhenSent);
        if (remaining == 0 || (anySent && remaining >= remainingWhenSent)) {
            return HedgeChild.finished();
        }
        long dueNs = anySent ? lastSentNs + refillDelayNs : startNs;
        double size = Math.min(clipSize, remaining);
        if (dueNs > nowNs) {
            return HedgeChild.at(dueNs, size);
        }
        lastSentNs = nowNs;
        remainingWhenSent = remaining;
        return HedgeChild.at(dueNs, size);
    }

    @Override
    public String name() {
        return "iceberg";
    }

    @Override
    public String toString() {
        return "iceberg clips of " + clipSize + " every " + refillDelayNs / 1_000_000 + " ms";
    }
}
