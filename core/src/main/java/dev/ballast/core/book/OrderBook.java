package dev.ballast.core.book;

import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Side;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import java.util.Objects;

/**
 * An L2 order book: the total size resting at each price on each side, prices in ticks and sizes in lots
 * of one instrument. Applies snapshots and sequence-checked deltas (a gap is reported and invalidates the
 * book, never swallowed), answers best bid/ask and walks depth for a size. Allocates nothing per update.
 *
 * <p>Not thread-safe: owned by the engine thread.
 *
 * <h2>Implementation notes</h2>
 * Each side is a {@link LadderSide}: an array of sizes indexed by price around the touch (the "ladder",
 * {@code ladderTicks} wide, recentred when the touch drifts) and sorted primitive arrays for the levels
 * beyond it, so a level far from the touch (Binance spot sends changes thousands of dollars away) is kept
 * exactly, just more slowly. Setting a level near the touch is an array store and a bitmap update; the best
 * price is tracked incrementally and, when the best level leaves, found again by scanning the bitmap.
 * Reading a level by index walks the side and is O(depth): it is not meant for the hot path;
 * {@link #copyLevels} reads the first n levels in one O(n) pass.
 *
 * <h2>Sequencing</h2>
 * A snapshot makes the book valid at its update id L. Deltas then chain on per the {@link SequenceRule};
 * one that is older is {@link ApplyResult#STALE} (ignored), one that does not chain on is a
 * {@link ApplyResult#GAP} and leaves the book invalid until the next snapshot, and any delta offered to an
 * invalid book is {@link ApplyResult#NOT_SYNCED} (ignored; the caller may buffer it). After the bridging
 * delta, a delta that overlaps the last applied one without extending it exactly is a break of the venue's
 * contract and is reported as a gap too.
 */
public final class OrderBook {
    /** Returned by price accessors when the side is empty (or not that deep). */
    public static final long NO_PRICE = Long.MIN_VALUE;

    /**
     * The default ladder width in ticks. Binance spot BTCUSDT (tick 0.01) sends about 90% of its level
     * changes within 65,536 ticks of the touch; the rest are kept in the far arrays. About 1 MB per book.
     */
    public static final int DEFAULT_LADDER_TICKS = 1 << 16;

    private final Instrument instrument;
    private final InstrumentId instrumentId;
    private final SequenceRule rule;
    private final LadderSide bids;
    private final LadderSide asks;

    private boolean valid;
    /** True once a delta has been applied since the last snapshot (the bridging delta is behind us). */
    private boolean bridged;
    private long lastUpdateId = -1;
    private long timestampNs;

    /** A book with the {@linkplain #DEFAULT_LADDER_TICKS default ladder width}. */
    public OrderBook(Instrument instrument, SequenceRule rule) {
        this(instrument, rule, DEFAULT_LADDER_TICKS);
    }

    /**
     * @param ladderTicks how many ticks around the touch are held in the price-indexed ladder: a power of
     *                    two, at least 64. Wider is faster for deep books and costs 16 bytes per tick.
     * @throws IllegalArgumentException if {@code ladderTicks} is not a power of two of at least 64
     */
    public OrderBook(Instrument instrument, SequenceRule rule, int ladderTicks) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.instrumentId = instrument.id();
        this.rule = Objects.requireNonNull(rule, "rule");
        this.bids = new LadderSide(true, ladderTicks);
        this.asks = new LadderSide(false, ladderTicks);
    }

    public Instrument instrument() {
        return instrument;
    }

    public SequenceRule sequenceRule() {
        return rule;
    }

    /** True after a snapshot and until a gap or {@link #invalidate()}. */
    public boolean isValid() {
        return valid;
    }

    /** The update id of the last snapshot or applied delta; -1 before the first snapshot. */
    public long lastUpdateId() {
        return lastUpdateId;
    }

    /** Venue time of the last snapshot or applied delta; 0 before the first snapshot. */
    public long timestampNs() {
        return timestampNs;
    }

    /**
     * Replaces the whole book and makes it valid at the snapshot's update id.
     *
     * @throws IllegalArgumentException if the snapshot is for another instrument or holds a price <= 0 or a
     *                                  negative size (the book is then left invalid)
     */
    public void applySnapshot(BookSnapshot snapshot) {
        requireOurs(snapshot.instrument());
        valid = false;
        checkLevels(snapshot.bidTicks(), snapshot.bidLots(), snapshot.bidCount());
        checkLevels(snapshot.askTicks(), snapshot.askLots(), snapshot.askCount());
        bids.load(snapshot.bidTicks(), snapshot.bidLots(), snapshot.bidCount());
        asks.load(snapshot.askTicks(), snapshot.askLots(), snapshot.askCount());
        lastUpdateId = snapshot.updateId();
        timestampNs = snapshot.timestampNs();
        bridged = false;
        valid = true;
    }

    /**
     * Applies a delta if it chains on per the sequence rule.
     *
     * @return {@link ApplyResult#APPLIED}, or why not: STALE and NOT_SYNCED leave the book as it was, GAP
     *         leaves it invalid until the next snapshot
     * @throws IllegalArgumentException if the delta is for another instrument or holds a price <= 0 or a
     *                                  negative size (the book is then left invalid)
     */
    public ApplyResult applyDelta(BookDelta delta) {
        requireOurs(delta.instrument());
        if (!valid) {
            return ApplyResult.NOT_SYNCED;
        }
        ApplyResult verdict = chain(delta);
        if (verdict == ApplyResult.GAP) {
            valid = false;
        } else if (verdict == ApplyResult.APPLIED) {
            try {
                applyLevels(bids, delta.bidTicks(), delta.bidLots(), delta.bidCount());
                applyLevels(asks, delta.askTicks(), delta.askLots(), delta.askCount());
            } catch (IllegalArgumentException e) {
                valid = false;
                throw e;
            }
            lastUpdateId = delta.lastUpdateId();
            timestampNs = delta.timestampNs();
            bridged = true;
        }
        return verdict;
    }

    /** Whether {@code delta} chains on: APPLIED (it should be applied), STALE or GAP. */
    private ApplyResult chain(BookDelta delta) {
        return rule.verdict(lastUpdateId, bridged, delta);
    }

    private static void applyLevels(LadderSide side, long[] ticks, long[] lots, int count) {
        for (int i = 0; i < count; i++) {
            long price = ticks[i];
            long size = lots[i];
            checkLevel(price, size);
            side.set(price, size);
        }
    }

    /** Marks the book invalid (e.g. the stream dropped) until the next snapshot. */
    public void invalidate() {
        valid = false;
    }

    /**
     * Sets the size at one price without any sequence check (0 removes the level).
     *
     * @throws IllegalArgumentException if {@code priceTicks <= 0} or {@code sizeLots < 0}
     */
    public void setLevel(Side side, long priceTicks, long sizeLots) {
        checkLevel(priceTicks, sizeLots);
        sideOf(side).set(priceTicks, sizeLots);
    }

    /** Empties both sides; the book stays as valid as it was. */
    public void clear() {
        bids.clear();
        asks.clear();
    }

    /** The best bid in ticks, {@link #NO_PRICE} when there is no bid. */
    public long bestBidTicks() {
        return bids.bestPrice();
    }

    /** The best ask in ticks, {@link #NO_PRICE} when there is no ask. */
    public long bestAskTicks() {
        return asks.bestPrice();
    }

    /** The size at the best bid in lots, 0 when there is no bid. */
    public long bestBidLots() {
        return bids.bestLots();
    }

    /** The size at the best ask in lots, 0 when there is no ask. */
    public long bestAskLots() {
        return asks.bestLots();
    }

    /** (best bid + best ask) / 2 in ticks, NaN when a side is empty. */
    public double midTicks() {
        if (bids.isEmpty() || asks.isEmpty()) {
            return Double.NaN;
        }
        return (bids.bestPrice() + asks.bestPrice()) * 0.5;
    }

    /** True when best bid >= best ask (never true for a correctly synced book). */
    public boolean isCrossed() {
        return !bids.isEmpty() && !asks.isEmpty() && bids.bestPrice() >= asks.bestPrice();
    }

    /** The number of levels on a side. */
    public int levels(Side side) {
        return sideOf(side).levels();
    }

    /**
     * The price of the level {@code index} levels from the touch (0 = best), {@link #NO_PRICE} when the side
     * has no level there. O(index); not for the hot path.
     *
     * @throws IllegalArgumentException if {@code index < 0}
     */
    public long priceTicksAt(Side side, int index) {
        return sideOf(side).priceAt(index);
    }

    /**
     * The size of the level {@code index} levels from the touch (0 = best), 0 when the side has no level
     * there. O(index); not for the hot path.
     *
     * @throws IllegalArgumentException if {@code index < 0}
     */
    public long sizeLotsAt(Side side, int index) {
        return sideOf(side).lotsAt(index);
    }

    /**
     * Copies a side's levels from the touch outwards, best first, at most {@code maxLevels} of them, into
     * {@code priceTicksOut} and {@code sizeLotsOut}: level i's price and size are what {@link #priceTicksAt} and
     * {@link #sizeLotsAt} give for index i, read in one pass. O(levels copied): the way to read depth on the hot
     * path.
     *
     * @return the number of levels copied (fewer than {@code maxLevels} when the side is not that deep)
     * @throws IllegalArgumentException if {@code maxLevels < 0} or an array is shorter than {@code maxLevels}
     */
    public int copyLevels(Side side, int maxLevels, long[] priceTicksOut, long[] sizeLotsOut) {
        checkCopy(maxLevels, priceTicksOut, sizeLotsOut);
        return sideOf(side).copyLevels(side == Side.BUY ? 0 : Long.MAX_VALUE, maxLevels, priceTicksOut, sizeLotsOut);
    }

    /**
     * Like {@link #copyLevels}, but stops at the first level worse than {@code worstPriceTicks}: bids below it,
     * asks above it. The copy then holds exactly the levels a walk from the touch to that price would meet.
     *
     * @return the number of levels copied
     * @throws IllegalArgumentException if {@code maxLevels < 0} or an array is shorter than {@code maxLevels}
     */
    public int copyLevelsWithin(Side side, long worstPriceTicks, int maxLevels, long[] priceTicksOut,
                                long[] sizeLotsOut) {
        checkCopy(maxLevels, priceTicksOut, sizeLotsOut);
        return sideOf(side).copyLevels(worstPriceTicks, maxLevels, priceTicksOut, sizeLotsOut);
    }

    private static void checkCopy(int maxLevels, long[] priceTicksOut, long[] sizeLotsOut) {
        if (maxLevels < 0 || priceTicksOut.length < maxLevels || sizeLotsOut.length < maxLevels) {
            throw new IllegalArgumentException("cannot copy " + maxLevels + " levels into arrays of "
                    + priceTicksOut.length + " and " + sizeLotsOut.length);
        }
    }

    /** The size resting at a price, 0 when none. */
    public long sizeLotsAtPrice(Side side, long priceTicks) {
        return sideOf(side).lotsAtPrice(priceTicks);
    }

    /**
     * Walks the side a taker on {@code takerSide} would consume (asks for a buy, bids for a sell) for
     * {@code sizeLots} and writes the average, worst price and slippage into {@code out}. When the side is
     * empty, nothing is filled: the average is NaN and the worst and touch prices are {@link #NO_PRICE}.
     *
     * @return true when the book held the whole size
     * @throws IllegalArgumentException if {@code sizeLots <= 0}
     */
    public boolean walk(Side takerSide, long sizeLots, DepthWalk out) {
        if (sizeLots <= 0) {
            throw new IllegalArgumentException("walk size must be > 0 lots (was " + sizeLots + ")");
        }
        return (takerSide == Side.BUY ? asks : bids).walk(sizeLots, out);
    }

    /**
     * Checks the book's internal structure (sides sorted, no empty levels, best = first level, ladder and
     * far levels consistent) and throws {@link IllegalStateException} naming what is broken. O(ladder width +
     * depth); for tests.
     */
    void validateInternalState() {
        bids.validateInternalState();
        asks.validateInternalState();
    }

    private LadderSide sideOf(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    private void requireOurs(InstrumentId id) {
        if (id != instrumentId && !instrumentId.equals(id)) {
            throw new IllegalArgumentException("book of " + instrumentId + " offered an update for " + id);
        }
    }

    private static void checkLevels(long[] ticks, long[] lots, int count) {
        for (int i = 0; i < count; i++) {
            checkLevel(ticks[i], lots[i]);
        }
    }

    private static void checkLevel(long priceTicks, long sizeLots) {
        if (priceTicks <= 0 || sizeLots < 0) {
            throw new IllegalArgumentException(
                    "level needs price > 0 ticks and size >= 0 lots (was " + priceTicks + " x " + sizeLots + ")");
        }
    }
}
