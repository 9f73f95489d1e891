package dev.ballast.connectors.testing;

import dev.ballast.core.InstrumentId;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import java.util.Collections;
import java.util.Comparator;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A deliberately simple L2 book for tests, independent of core's OrderBook: applies a snapshot, then deltas that
 * must chain with {@code U == prev_u + 1} (SequenceRule.SEQUENTIAL). A delta that does not chain throws, so a test
 * fails at the first gap. Ignores events of other instruments.
 */
public final class SequencedTestBook {
    private final InstrumentId instrument;
    private final NavigableMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
    private final NavigableMap<Long, Long> asks = new TreeMap<>();
    private long lastUpdateId = -1;
    private int deltasApplied;

    public SequencedTestBook(InstrumentId instrument) {
        this.instrument = instrument;
    }

    /** Applies a snapshot or delta of this book's instrument; ignores everything else. */
    public void apply(Event event) {
        if (event instanceof BookSnapshot s && s.instrument().equals(instrument)) {
            bids.clear();
            asks.clear();
            for (int i = 0; i < s.bidCount(); i++) {
                bids.put(s.bidTicks()[i], s.bidLots()[i]);
            }
            for (int i = 0; i < s.askCount(); i++) {
                asks.put(s.askTicks()[i], s.askLots()[i]);
            }
            lastUpdateId = s.updateId();
        } else if (event instanceof BookDelta d && d.instrument().equals(instrument)) {
            if (lastUpdateId < 0) {
                return; // not synced yet
            }
            if (d.firstUpdateId() != lastUpdateId + 1) {
                throw new AssertionError(instrument + ": delta " + d.firstUpdateId() + ".." + d.lastUpdateId()
                        + " does not chain on " + lastUpdateId);
            }
            for (int i = 0; i < d.bidCount(); i++) {
                set(bids, d.bidTicks()[i], d.bidLots()[i]);
            }
            for (int i = 0; i < d.askCount(); i++) {
                set(asks, d.askTicks()[i], d.askLots()[i]);
            }
            lastUpdateId = d.lastUpdateId();
            deltasApplied++;
        }
    }

    private static void set(NavigableMap<Long, Long> side, long ticks, long lots) {
        if (lots == 0) {
            side.remove(ticks);
        } else {
            side.put(ticks, lots);
        }
    }

    public boolean isSynced() {
        return lastUpdateId >= 0;
    }

    public long lastUpdateId() {
        return lastUpdateId;
    }

    public int deltasApplied() {
        return deltasApplied;
    }

    public long bestBidTicks() {
        return bids.firstKey();
    }

    public long bestAskTicks() {
        return asks.firstKey();
    }

    public long bidLotsAt(long ticks) {
        return bids.getOrDefault(ticks, 0L);
    }

    public long askLotsAt(long ticks) {
        return asks.getOrDefault(ticks, 0L);
    }

    public boolean isCrossed() {
        return !bids.isEmpty() && !asks.isEmpty() && bids.firstKey() >= asks.firstKey();
    }

    public NavigableMap<Long, Long> bids() {
        return Collections.unmodifiableNavigableMap(bids);
    }

    public NavigableMap<Long, Long> asks() {
        return Collections.unmodifiableNavigableMap(asks);
    }
}
