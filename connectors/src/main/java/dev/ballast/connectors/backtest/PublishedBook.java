package dev.ballast.connectors.backtest;

import dev.ballast.core.InstrumentId;
import dev.ballast.core.Side;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The book stream a backtest venue publishes: the recorded book with our shown resting orders added at their prices
 * (a real venue's L2 includes our orders, and the engine takes them out itself where it must), numbered afresh so
 * that each message chains on the previous one with {@code U = u = previous u + 1}
 * ({@link dev.ballast.core.book.SequenceRule#SEQUENTIAL}): a snapshot takes the next id, and so does every delta. A
 * delta carries the recorded delta's levels, each with our lots there added, plus the levels where only our part
 * changed ("dirty" levels: an order of ours joined, filled, left, or was hidden or shown again). A gap in the
 * recording is passed on as a gap: an empty delta that skips one id, so the engine's book invalidates itself and asks
 * for a snapshot, as it would live.
 *
 * <p>Not thread-safe: owned by the replay thread.
 */
final class PublishedBook {
    private static final long[] NONE = new long[0];

    private final InstrumentId instrument;
    private long lastUpdateId;
    /** Levels whose published size changed through our orders alone since the last message: side and price. */
    private long[] dirtyTicks = new long[16];
    private Side[] dirtySides = new Side[16];
    private int dirtyCount;
    /** The side {@link #side} just made: the arrays may be a recorded event's, shared. */
    private long[] sideTicks;
    private long[] sideLots;
    private int sideCount;

    PublishedBook(InstrumentId instrument) {
        this.instrument = instrument;
    }

    /** Notes that our lots at a level changed; the next delta carries the level. */
    void markDirty(Side side, long priceTicks) {
        for (int i = 0; i < dirtyCount; i++) {
            if (dirtyTicks[i] == priceTicks && dirtySides[i] == side) {
                return;
            }
        }
        if (dirtyCount == dirtyTicks.length) {
            dirtyTicks = Arrays.copyOf(dirtyTicks, dirtyCount * 2);
            dirtySides = Arrays.copyOf(dirtySides, dirtyCount * 2);
        }
        dirtyTicks[dirtyCount] = priceTicks;
        dirtySides[dirtyCount] = side;
        dirtyCount++;
    }

    boolean hasDirty() {
        return dirtyCount > 0;
    }

    /** The next snapshot: {@code recorded}'s levels (walked level by level: O(depth²), a rare message) plus ours. */
    BookSnapshot snapshotOf(OrderBook recorded, RestingOrders own, long timestampNs) {
        return snapshot(levels(recorded, Side.BUY), levels(recorded, Side.SELL), own, timestampNs);
    }

    /** The next snapshot: a recorded snapshot's levels plus ours. */
    BookSnapshot snapshotOf(BookSnapshot recorded, RestingOrders own, long timestampNs) {
        return snapshot(levels(recorded.bidTicks(), recorded.bidLots(), recorded.bidCount(), Side.BUY),
                levels(recorded.askTicks(), recorded.askLots(), recorded.askCount(), Side.SELL), own, timestampNs);
    }

    private BookSnapshot snapshot(TreeMap<Long, Long> bids, TreeMap<Long, Long> asks, RestingOrders own,
                                  long timestampNs) {
        addOwn(bids, own, Side.BUY);
        addOwn(asks, own, Side.SELL);
        dirtyCount = 0;
        long[][] b = toArrays(bids);
        long[][] a = toArrays(asks);
        return new BookSnapshot(instrument, ++lastUpdateId, b[0], b[1], b[0].length, a[0], a[1], a[0].length,
                timestampNs);
    }

    /**
     * The next delta: {@code recorded}'s levels (null: none) with our lots added, and every dirty level's size now
     * ({@code book}'s size there plus ours). {@code book} must already hold {@code recorded}. A side where none of
     * our shown orders stands at a recorded level and no level is dirty is passed on as recorded: the event shares
     * the recorded event's arrays (events are immutable), rather than copying them.
     */
    BookDelta delta(BookDelta recorded, OrderBook book, RestingOrders own, long timestampNs) {
        side(recorded, Side.BUY, book, own);
        long[] bidTicks = sideTicks;
        long[] bidLots = sideLots;
        int bidCount = sideCount;
        side(recorded, Side.SELL, book, own);
        dirtyCount = 0;
        long id = ++lastUpdateId;
        return new BookDelta(instrument, id, id, id - 1, bidTicks, bidLots, bidCount, sideTicks, sideLots, sideCount,
                timestampNs);
    }

    /** An empty delta that skips one id: tells the subscriber its book can no longer be trusted. */
    BookDelta gap(long timestampNs) {
        lastUpdateId += 2;
        return new BookDelta(instrument, lastUpdateId, lastUpdateId, lastUpdateId - 1, NONE, NONE, 0, NONE, NONE, 0,
                timestampNs);
    }

    /** One side of the next delta, into {@link #sideTicks}, {@link #sideLots} and {@link #sideCount}. */
    private void side(BookDelta recorded, Side side, OrderBook book, RestingOrders own) {
        long[] ticks = recorded == null ? NONE : side == Side.BUY ? recorded.bidTicks() : recorded.askTicks();
        long[] lots = recorded == null ? NONE : side == Side.BUY ? recorded.bidLots() : recorded.askLots();
        int count = recorded == null ? 0 : side == Side.BUY ? recorded.bidCount() : recorded.askCount();
        int extra = 0;
        for (int d = 0; d < dirtyCount; d++) {
            if (dirtySides[d] == side && indexOf(ticks, count, dirtyTicks[d]) < 0) {
                extra++;
            }
        }
        if (extra == 0 && !ownAtAnyOf(own, side, ticks, count)) {
            sideTicks = ticks;
            sideLots = lots;
            sideCount = count;
            return;
        }
        long[] outTicks = new long[count + extra];
        long[] outLots = new long[count + extra];
        for (int i = 0; i < count; i++) {
            outTicks[i] = ticks[i];
            outLots[i] = lots[i] + own.lotsAt(side, ticks[i], true);
        }
        int n = count;
        for (int d = 0; d < dirtyCount; d++) {
            if (dirtySides[d] == side && indexOf(ticks, count, dirtyTicks[d]) < 0) {
                long p = dirtyTicks[d];
                outTicks[n] = p;
                outLots[n] = book.sizeLotsAtPrice(side, p) + own.lotsAt(side, p, true);
                n++;
            }
        }
        sideTicks = outTicks;
        sideLots = outLots;
        sideCount = n;
    }

    /** True when one of our shown orders with lots left stands at one of the levels: its lots must be added there. */
    private static boolean ownAtAnyOf(RestingOrders own, Side side, long[] ticks, int count) {
        List<BacktestOrder> orders = own.side(side);
        for (int i = 0; i < orders.size(); i++) {
            BacktestOrder o = orders.get(i);
            if (o.shown && o.remainingLots() != 0 && indexOf(ticks, count, o.priceTicks) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(long[] ticks, int count, long priceTicks) {
        for (int i = 0; i < count; i++) {
            if (ticks[i] == priceTicks) {
                return i;
            }
        }
        return -1;
    }

    private static TreeMap<Long, Long> newSide(Side side) {
        return new TreeMap<>(side == Side.BUY ? Comparator.<Long>reverseOrder() : Comparator.<Long>naturalOrder());
    }

    private static TreeMap<Long, Long> levels(OrderBook book, Side side) {
        TreeMap<Long, Long> out = newSide(side);
        int levels = book.levels(side);
        for (int i = 0; i < levels; i++) {
            out.put(book.priceTicksAt(side, i), book.sizeLotsAt(side, i));
        }
        return out;
    }

    private static TreeMap<Long, Long> levels(long[] ticks, long[] lots, int count, Side side) {
        TreeMap<Long, Long> out = newSide(side);
        for (int i = 0; i < count; i++) {
            if (lots[i] > 0) {
                out.put(ticks[i], lots[i]);
            } else {
                out.remove(ticks[i]);
            }
        }
        return out;
    }

    private static void addOwn(TreeMap<Long, Long> levels, RestingOrders own, Side side) {
        for (BacktestOrder o : own.side(side)) {
            if (o.shown) {
                levels.merge(o.priceTicks, o.remainingLots(), Long::sum);
            }
        }
    }

    private static long[][] toArrays(TreeMap<Long, Long> levels) {
        long[] ticks = new long[levels.size()];
        long[] lots = new long[levels.size()];
        int i = 0;
        for (Map.Entry<Long, Long> e : levels.entrySet()) {
            ticks[i] = e.getKey();
            lots[i] = e.getValue();
            i++;
        }
        return new long[][] {ticks, lots};
    }
}
