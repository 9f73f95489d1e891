package dev.ballast.strategies.rebalance;

import dev.ballast.core.Asset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The last rebalancing decisions per asset, for the status page: a bounded ring of {@code capacityPerAsset}
 * entries per asset, the oldest dropped first. A decision that repeats the previous one without hedging (same
 * action, basis and side — e.g. WAIT every timer tick) updates that entry instead of taking a new one, so a timer
 * does not flush the history; the entry counts the repeats and keeps when the run started.
 *
 * <p>Not thread-safe: owned by the engine thread. Hand other threads the immutable lists {@link #recent(Asset)}
 * returns.
 */
public final class DecisionLog {
    /**
     * One entry: the latest decision of a run of equivalent ones.
     *
     * @param decision         the latest decision of the run
     * @param firstTimestampNs the time of the first decision of the run, ns
     * @param count            how many decisions the run holds, >= 1
     */
    public record Entry(RebalanceDecision decision, long firstTimestampNs, int count) {
    }

    private final int capacityPerAsset;
    private final Map<Asset, Ring> rings = new TreeMap<>();

    /** @param capacityPerAsset entries kept per asset, >= 1 */
    public DecisionLog(int capacityPerAsset) {
        if (capacityPerAsset < 1) {
            throw new IllegalArgumentException("capacityPerAsset must be >= 1 (was " + capacityPerAsset + ")");
        }
        this.capacityPerAsset = capacityPerAsset;
    }

    /** Records a decision under its asset. */
    public void record(RebalanceDecision d) {
        Ring ring = rings.computeIfAbsent(d.asset(), a -> new Ring(capacityPerAsset));
        Entry last = ring.newest();
        if (last != null && repeats(last.decision(), d)) {
            ring.replaceNewest(new Entry(d, last.firstTimestampNs(), last.count() == Integer.MAX_VALUE
                    ? last.count() : last.count() + 1));
        } else {
            ring.add(new Entry(d, d.timestampNs(), 1));
        }
    }

    private static boolean repeats(RebalanceDecision previous, RebalanceDecision d) {
        return !previous.isHedge() && !d.isHedge() && previous.action() == d.action()
                && previous.basis() == d.basis() && previous.side().equals(d.side());
    }

    /** The asset's entries, newest first; empty for an asset never recorded. An immutable copy. */
    public List<Entry> recent(Asset asset) {
        Ring ring = rings.get(asset);
        return ring == null ? List.of() : ring.newestFirst();
    }

    /** The asset's latest decision. */
    public Optional<RebalanceDecision> latest(Asset asset) {
        Ring ring = rings.get(asset);
        return ring == null ? Optional.empty() : Optional.of(ring.newest().decision());
    }

    /** The assets with at least one decision, in order. */
    public Set<Asset> assets() {
        return Collections.unmodifiableSet(rings.keySet());
    }

    public int capacityPerAsset() {
        return capacityPerAsset;
    }

    /** A fixed array used as a ring: {@code next} is where the next entry goes. */
    private static final class Ring {
        private final Entry[] entries;
        private int next;
        private int size;

        Ring(int capacity) {
            entries = new Entry[capacity];
        }

        void add(Entry e) {
            entries[next] = e;
            next = (next + 1) % entries.length;
            size = Math.min(size + 1, entries.length);
        }

        Entry newest() {
            return size == 0 ? null : entries[(next - 1 + entries.length) % entries.length];
        }

        void replaceNewest(Entry e) {
            entries[(next - 1 + entries.length) % entries.length] = e;
        }

        List<Entry> newestFirst() {
            List<Entry> out = new ArrayList<>(size);
            for (int i = 1; i <= size; i++) {
                out.add(entries[(next - i + entries.length) % entries.length]);
            }
            return List.copyOf(out);
        }
    }
}
