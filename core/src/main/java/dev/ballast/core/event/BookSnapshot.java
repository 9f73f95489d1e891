package dev.ballast.core.event;

import dev.ballast.core.InstrumentId;
import java.util.Objects;

/**
 * A full L2 book: every level on each side, best first, prices in ticks and sizes in lots of the
 * instrument. {@code updateId} is the venue's sequence number of the state this snapshot shows.
 * The arrays are owned by the event once it is offered (the producer does not reuse them);
 * {@code bidCount}/{@code askCount} say how many entries are used.
 */
public record BookSnapshot(
        InstrumentId instrument, long updateId,
        long[] bidTicks, long[] bidLots, int bidCount,
        long[] askTicks, long[] askLots, int askCount,
        long timestampNs) implements Event {
    public BookSnapshot {
        Objects.requireNonNull(instrument, "instrument");
        checkSide(bidTicks, bidLots, bidCount, "bid");
        checkSide(askTicks, askLots, askCount, "ask");
    }

    static void checkSide(long[] ticks, long[] lots, int count, String side) {
        if (ticks == null || lots == null) { // no message built on the hot path: only when it fails
            throw new NullPointerException(side + (ticks == null ? "Ticks" : "Lots"));
        }
        if (count < 0 || count > ticks.length || count > lots.length) {
            throw new IllegalArgumentException(side + "Count " + count + " out of range");
        }
    }
}
