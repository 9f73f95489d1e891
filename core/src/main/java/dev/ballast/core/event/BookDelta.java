package dev.ballast.core.event;

import dev.ballast.core.InstrumentId;
import java.util.Objects;

/**
 * Changes to some levels of an L2 book: each entry sets the size at a price (0 removes the level).
 * {@code firstUpdateId}..{@code lastUpdateId} is the range of venue sequence numbers this delta covers;
 * {@code prevUpdateId} is the venue's "previous last update id" where it sends one (Binance futures'
 * {@code pu}), else -1. How they must chain is the book's {@link dev.ballast.core.book.SequenceRule}.
 */
public record BookDelta(
        InstrumentId instrument, long firstUpdateId, long lastUpdateId, long prevUpdateId,
        long[] bidTicks, long[] bidLots, int bidCount,
        long[] askTicks, long[] askLots, int askCount,
        long timestampNs) implements Event {
    public BookDelta {
        Objects.requireNonNull(instrument, "instrument");
        BookSnapshot.checkSide(bidTicks, bidLots, bidCount, "bid");
        BookSnapshot.checkSide(askTicks, askLots, askCount, "ask");
        if (lastUpdateId < firstUpdateId) {
            throw new IllegalArgumentException("lastUpdateId " + lastUpdateId + " < firstUpdateId " + firstUpdateId);
        }
    }
}
