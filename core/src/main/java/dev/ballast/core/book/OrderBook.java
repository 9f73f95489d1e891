package dev.ballast.core.book;

import dev.ballast.core.Instrument;
import dev.ballast.core.Side;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;

/**
 * An L2 order book: the total size resting at each price on each side, prices in ticks and sizes in lots
 * of one instrument. Applies snapshots and sequence-checked deltas (a gap is reported and invalidates the
 * book, never swallowed), answers best bid/ask and walks depth for a size. Allocates nothing per update.
 *
 * <p>Not thread-safe: owned by the engine thread.
 *
 * <p>API STUB — implementation pending (book helper).
 */
public final class OrderBook {
    /** Returned by price accessors when the side is empty. */
    public static final long NO_PRICE = Long.MIN_VALUE;

    public OrderBook(Instrument instrument, SequenceRule rule) {
        throw new UnsupportedOperationException("pending");
    }

    public Instrument instrument() { throw new UnsupportedOperationException("pending"); }
    public SequenceRule sequenceRule() { throw new UnsupportedOperationException("pending"); }

    /** True after a snapshot and until a gap or {@link #invalidate()}. */
    public boolean isValid() { throw new UnsupportedOperationException("pending"); }
    /** The update id of the last snapshot or applied delta; -1 before the first snapshot. */
    public long lastUpdateId() { throw new UnsupportedOperationException("pending"); }
    /** Venue time of the last snapshot or applied delta. */
    public long timestampNs() { throw new UnsupportedOperationException("pending"); }

    /** Replaces the whole book and makes it valid. */
    public void applySnapshot(BookSnapshot snapshot) { throw new UnsupportedOperationException("pending"); }
    /** Applies a delta if it chains on per the sequence rule. */
    public ApplyResult applyDelta(BookDelta delta) { throw new UnsupportedOperationException("pending"); }
    /** Marks the book invalid (e.g. the stream dropped) until the next snapshot. */
    public void invalidate() { throw new UnsupportedOperationException("pending"); }

    /** Sets the size at one price without any sequence check (0 removes the level). */
    public void setLevel(Side side, long priceTicks, long sizeLots) { throw new UnsupportedOperationException("pending"); }
    /** Empties both sides; the book stays as valid as it was. */
    public void clear() { throw new UnsupportedOperationException("pending"); }

    public long bestBidTicks() { throw new UnsupportedOperationException("pending"); }
    public long bestAskTicks() { throw new UnsupportedOperationException("pending"); }
    public long bestBidLots() { throw new UnsupportedOperationException("pending"); }
    public long bestAskLots() { throw new UnsupportedOperationException("pending"); }
    /** (best bid + best ask) / 2 in ticks, NaN when a side is empty. */
    public double midTicks() { throw new UnsupportedOperationException("pending"); }
    /** True when best bid >= best ask (never true for a correctly synced book). */
    public boolean isCrossed() { throw new UnsupportedOperationException("pending"); }

    /** The number of levels on a side. */
    public int levels(Side side) { throw new UnsupportedOperationException("pending"); }
    /** The price of the level {@code index} levels from the touch (0 = best). */
    public long priceTicksAt(Side side, int index) { throw new UnsupportedOperationException("pending"); }
    /** The size of the level {@code index} levels from the touch (0 = best). */
    public long sizeLotsAt(Side side, int index) { throw new UnsupportedOperationException("pending"); }
    /** The size resting at a price, 0 when none. */
    public long sizeLotsAtPrice(Side side, long priceTicks) { throw new UnsupportedOperationException("pending"); }

    /**
     * Walks the side a taker on {@code takerSide} would consume (asks for a buy, bids for a sell) for
     * {@code sizeLots} and writes the average, worst price and slippage into {@code out}.
     *
     * @return true when the book held the whole size
     */
    public boolean walk(Side takerSide, long sizeLots, DepthWalk out) { throw new UnsupportedOperationException("pending"); }
}
