package dev.ballast.connectors.marketdata;

import dev.ballast.core.book.ApplyResult;
import dev.ballast.core.book.SequenceRule;
import dev.ballast.core.event.BookDelta;

/**
 * The sequence check of {@link dev.ballast.core.book.OrderBook#applyDelta}, without the book: whether a
 * delta chains on a snapshot and on the deltas accepted since, per the {@link SequenceRule}. A source uses
 * it to hand out only deltas its consumer's book will apply, without keeping a book of its own. It must
 * answer exactly as the book does; {@code DeltaChainTest} holds the two side by side.
 *
 * <p>Not thread-safe: owned by its source.
 */
final class DeltaChain {
    private final SequenceRule rule;
    private long lastUpdateId = -1;
    /** True once a delta has been accepted since the last snapshot (the bridging delta is behind us). */
    private boolean bridged;

    DeltaChain(SequenceRule rule) {
        this.rule = rule;
    }

    /** Starts again from a snapshot at {@code snapshotUpdateId}. */
    void reset(long snapshotUpdateId) {
        lastUpdateId = snapshotUpdateId;
        bridged = false;
    }

    /** The update id of the snapshot or the last accepted delta. */
    long lastUpdateId() {
        return lastUpdateId;
    }

    /**
     * APPLIED when {@code delta} chains on (and it is accepted: the chain moves to its last update id),
     * STALE when it is older than the chain, GAP when it does not chain on (the chain is left as it was).
     */
    ApplyResult offer(BookDelta delta) {
        ApplyResult verdict = verdict(delta);
        if (verdict == ApplyResult.APPLIED) {
            lastUpdateId = delta.lastUpdateId();
            bridged = true;
        }
        return verdict;
    }

    private ApplyResult verdict(BookDelta delta) {
        return rule.verdict(lastUpdateId, bridged, delta);
    }
}
