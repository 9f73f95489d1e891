package dev.ballast.connectors.sim;

import dev.ballast.core.Instrument;
import dev.ballast.core.Side;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The book of one market of a simulated venue: a synthetic ladder of other people's liquidity around the venue's
 * mid plus our own resting orders, the anonymous taker flow that trades against it, and the L2 stream (snapshot,
 * then deltas numbered one by one) that the public sees.
 *
 * <p>The synthetic ladder: the touch sits {@code bookSpreadBps / 2} from the mid on each side (floor for the bid,
 * ceiling for the ask); from there a side holds the first {@code bookLevels} prices, moving away from the mid, that
 * are "populated" — a fixed pseudo-random 70% of all prices, chosen by hashing the price — so levels are one or a
 * few ticks apart. Each level holds {@code levelSize × U(0.5, 1.5)} when it first appears and keeps what remains of
 * it (takers may eat into it) while the ladder still covers its price; a level the ladder leaves is cancelled, and
 * one that was traded away appears afresh at the next reprice. When a reprice moves the synthetic touch onto or
 * through one of our orders, the synthetic orders crossing it trade with it: our order fills as maker at its own
 * price, best-priced of ours first, up to the synthetic size that crossed.
 *
 * <p>Anonymous takers arrive as a Poisson process; each is a market order, a buy with probability 0.55 after an up
 * move of the mid, 0.45 after a down move and 0.5 otherwise, of exponentially distributed size (at least one lot),
 * that walks the opposite side filling what it crosses — our orders included, by queue priority ({@link Level}).
 *
 * <p>Our own taker orders (IOC, market) take synthetic liquidity only. Self-trade prevention is "expire maker", as
 * on Binance spot: our resting orders at a level our taker order reaches are cancelled before it trades there.
 *
 * <p>Not thread-safe: owned by the thread driving the simulation.
 */
final class SimBook {
    /** Returned when a side is empty. */
    static final long NO_PRICE = Long.MIN_VALUE;
    private static final double POPULATED_FRACTION = 0.7;
    private static final double MOVE_BIAS = 0.05;

    /** What a book tells its venue about our orders and the tape. */
    interface Listener {
        /** One of our resting orders traded {@code lots} at its price with a taker on {@code aggressor}'s side. */
        void onMakerFill(RestingOrder order, long lots, Side aggressor);

        /** One of our resting orders was cancelled by self-trade prevention; it has already left the book. */
        void onSelfTradeCancel(RestingOrder order);

        /** Our taker order traded {@code lots} at {@code priceTicks}. */
        void onTakerFill(long priceTicks, long lots);

        /** A trade printed on the public tape. */
        void onPrint(long priceTicks, long lots, Side aggressor);
    }

    /** The synthetic levels an order of ours would take, best first: prices and lots, all within its limit. */
    static final class TakerPlan {
        final List<long[]> levels = new ArrayList<>();
        long lots;

        /** The best price the plan trades at, or {@link #NO_PRICE} for an empty plan. */
        long firstPriceTicks() {
            return levels.isEmpty() ? NO_PRICE : levels.get(0)[0];
        }
    }

    private final Instrument instrument;
    private final SimulatedMarketSpec spec;
    private final RandomStream sizes;
    private final RandomStream flow;
    private final long populatedSalt;
    private final double halfSpread;
    private final double levelLots;
    private final double takerMeanLots;

    private final NavigableMap<Long, Level> bids = new TreeMap<>(Comparator.reverseOrder());
    private final NavigableMap<Long, Level> asks = new TreeMap<>();
    private final NavigableMap<Long, Long> publishedBids = new TreeMap<>(Comparator.reverseOrder());
    private final NavigableMap<Long, Long> publishedAsks = new TreeMap<>();
    private final NavigableSet<Long> dirtyBids = new TreeSet<>(Comparator.reverseOrder());
    private final NavigableSet<Long> dirtyAsks = new TreeSet<>();
    private long updateId;
    private double mid = Double.NaN;
    private int lastMoveSign;
    private long nextTakerNs = Long.MAX_VALUE;

    SimBook(SimulatedMarketSpec spec, long seed, long startNs) {
        this.spec = spec;
        this.instrument = spec.instrument();
        String name = instrument.id().toString();
        this.sizes = new RandomStream(seed, "book-sizes:" + name);
        this.flow = new RandomStream(seed, "taker-flow:" + name);
        this.populatedSalt = RandomStream.seedFor(seed, "book-levels:" + name);
        this.halfSpread = spec.bookSpreadBps() / 2 / 10_000;
        this.levelLots = spec.levelSize().divide(instrument.lotSize()).doubleValue();
        this.takerMeanLots = spec.takerMeanSize().divide(instrument.lotSize()).doubleValue();
        scheduleNextTaker(startNs);
    }

    Instrument instrument() {
        return instrument;
    }

    double mid() {
        return mid;
    }

    long updateId() {
        return updateId;
    }

    long nextTakerNs() {
        return nextTakerNs;
    }

    /** The best price of a side (ours included), or {@link #NO_PRICE}. */
    long bestTicks(Side side) {
        NavigableMap<Long, Level> levels = side(side);
        return levels.isEmpty() ? NO_PRICE : levels.firstKey();
    }

    /** True when a limit order at {@code priceTicks} on {@code side} would trade at once against the book. */
    boolean wouldCross(Side side, long priceTicks) {
        long opposite = bestTicks(side.opposite());
        return opposite != NO_PRICE && (side == Side.BUY ? priceTicks >= opposite : priceTicks <= opposite);
    }

    /** Moves the synthetic ladder to a new mid; synthetic orders that now cross ours trade with them. */
    void reprice(double newMid, Listener listener) {
        if (!(newMid > 0) || !Double.isFinite(newMid)) {
            throw new IllegalStateException(instrument.id() + ": mid must be finite and > 0 (was " + newMid + ")");
        }
        lastMoveSign = Double.isNaN(mid) ? 0 : Double.compare(newMid, mid);
        mid = newMid;
        double tick = instrument.tickSizeDouble();
        long topBid = Math.max(1, (long) Math.floor(mid * (1 - halfSpread) / tick));
        long topAsk = Math.max(topBid + 1, (long) Math.ceil(mid * (1 + halfSpread) / tick));
        rebuildSide(Side.BUY, topBid);
        rebuildSide(Side.SELL, topAsk);
        crossOwn(Side.SELL, listener); // synthetic bids moved onto our asks
        crossOwn(Side.BUY, listener); // synthetic asks moved onto our bids
    }

    private void rebuildSide(Side side, long top) {
        NavigableMap<Long, Level> levels = side(side);
        long step = side == Side.BUY ? -1 : 1;
        Set<Long> target = new HashSet<>();
        long p = top;
        for (int tried = 0; target.size() < spec.bookLevels() && p >= 1 && tried < spec.bookLevels() * 50; tried++) {
            if (isPopulated(p)) {
                target.add(p);
            }
            p += step;
        }
        Iterator<Map.Entry<Long, Level>> it = levels.entrySet().iterator();
        while (it.hasNext()) {
            Level level = it.next().getValue();
            if (level.syntheticLots() > 0 && !target.contains(level.priceTicks)) {
                level.setSyntheticLots(0);
                markDirty(side, level.priceTicks);
                if (level.isEmpty()) {
                    it.remove();
                }
            }
        }
        // draw new sizes best-first, so the stream of draws does not depend on hash-set order
        List<Long> ordered = new ArrayList<>(target);
        ordered.sort(side == Side.BUY ? Comparator.reverseOrder() : Comparator.naturalOrder());
        for (long price : ordered) {
            Level level = levels.computeIfAbsent(price, Level::new);
            if (level.syntheticLots() == 0) {
                level.setSyntheticLots(Math.max(1, Math.round(levelLots * (0.5 + sizes.nextDouble()))));
                markDirty(side, price);
            }
        }
    }

    /** Fills our orders on {@code ownSide} that the synthetic liquidity of the other side now reaches. */
    private void crossOwn(Side ownSide, Listener listener) {
        NavigableMap<Long, Level> ownLevels = side(ownSide);
        NavigableMap<Long, Level> synthetic = side(ownSide.opposite());
        Side aggressor = ownSide.opposite();
        Iterator<Level> ownIt = ownLevels.values().iterator();
        while (ownIt.hasNext()) {
            Level ownLevel = ownIt.next();
            if (!ownLevel.hasOwn()) {
                continue;
            }
            long ownPrice = ownLevel.priceTicks;
            while (ownLevel.hasOwn()) {
                Level best = bestSynthetic(synthetic);
                if (best == null || !crossesOrTouches(aggressor, best.priceTicks, ownPrice)) {
                    return; // levels further from the touch are crossed even less
                }
                RestingOrder order = ownLevel.firstOwn();
                long lots = Math.min(order.remainingLots(), best.syntheticLots());
                best.tradeSynthetic(lots);
                order.fill(lots);
                if (order.isFilled()) {
                    ownLevel.remove(order);
                }
                markDirty(aggressor, best.priceTicks);
                markDirty(ownSide, ownPrice);
                if (best.isEmpty()) {
                    synthetic.remove(best.priceTicks);
                }
                listener.onMakerFill(order, lots, aggressor);
                listener.onPrint(ownPrice, lots, aggressor);
            }
            if (ownLevel.isEmpty()) {
                ownIt.remove();
            }
        }
    }

    private static Level bestSynthetic(NavigableMap<Long, Level> levels) {
        for (Level level : levels.values()) {
            if (level.syntheticLots() > 0) {
                return level;
            }
        }
        return null;
    }

    /** True when a synthetic order on {@code aggressor}'s side at {@code syntheticPrice} reaches {@code ownPrice}. */
    private static boolean crossesOrTouches(Side aggressor, long syntheticPrice, long ownPrice) {
        return aggressor == Side.BUY ? syntheticPrice >= ownPrice : syntheticPrice <= ownPrice;
    }

    /** Runs the anonymous taker that is due and schedules the next one. */
    void runTaker(long nowNs, Listener listener) {
        double buyProbability = 0.5 + MOVE_BIAS * lastMoveSign;
        Side aggressor = flow.nextDouble() < buyProbability ? Side.BUY : Side.SELL;
        long lots = Math.max(1, Math.round(flow.nextExponential(takerMeanLots)));
        takeAnonymously(aggressor, lots, listener);
        scheduleNextTaker(nowNs);
    }

    /** An anonymous market order of {@code lots} on {@code aggressor}'s side walks the book. */
    void takeAnonymously(Side aggressor, long lots, Listener listener) {
        NavigableMap<Long, Level> levels = side(aggressor.opposite());
        long remaining = lots;
        while (remaining > 0 && !levels.isEmpty()) {
            Level level = levels.firstEntry().getValue();
            long taken = level.take(remaining, (order, mine) -> listener.onMakerFill(order, mine, aggressor));
            if (taken <= 0) {
                throw new IllegalStateException(instrument.id() + ": empty level " + level.priceTicks + " in book");
            }
            remaining -= taken;
            markDirty(aggressor.opposite(), level.priceTicks);
            if (level.isEmpty()) {
                levels.remove(level.priceTicks);
            }
            listener.onPrint(level.priceTicks, taken, aggressor);
        }
    }

    private void scheduleNextTaker(long fromNs) {
        if (spec.takerRatePerSec() == 0) {
            nextTakerNs = Long.MAX_VALUE;
            return;
        }
        long gapNs = Math.max(1, Math.round(flow.nextExponential(1e9 / spec.takerRatePerSec())));
        nextTakerNs = fromNs + gapNs;
    }

    /** Our order joins the book; it must not cross. */
    void join(RestingOrder order) {
        if (wouldCross(order.side, order.priceTicks)) {
            throw new IllegalStateException(instrument.id() + ": order " + order.clientOrderId + " would cross");
        }
        side(order.side).computeIfAbsent(order.priceTicks, Level::new).join(order);
        markDirty(order.side, order.priceTicks);
    }

    /** Our order leaves the book (cancelled). */
    void remove(RestingOrder order) {
        NavigableMap<Long, Level> levels = side(order.side);
        Level level = levels.get(order.priceTicks);
        if (level == null) {
            throw new IllegalStateException(instrument.id() + ": order " + order.clientOrderId + " not on the book");
        }
        level.remove(order);
        if (level.isEmpty()) {
            levels.remove(order.priceTicks);
        }
        markDirty(order.side, order.priceTicks);
    }

    /**
     * The synthetic liquidity an order of ours on {@code side} for {@code lots} would take, up to
     * {@code limitTicks} ({@link Long#MAX_VALUE} / {@link Long#MIN_VALUE} for no limit on a buy / sell).
     */
    TakerPlan plan(Side side, long limitTicks, long lots) {
        TakerPlan plan = new TakerPlan();
        long remaining = lots;
        for (Level level : side(side.opposite()).values()) {
            if (remaining == 0 || (side == Side.BUY ? level.priceTicks > limitTicks : level.priceTicks < limitTicks)) {
                break;
            }
            long take = Math.min(remaining, level.syntheticLots());
            plan.levels.add(new long[] {level.priceTicks, take});
            remaining -= take;
        }
        plan.lots = lots - remaining;
        return plan;
    }

    /** Executes a plan made by {@link #plan} with nothing changed in between. */
    void execute(Side side, TakerPlan plan, Listener listener) {
        NavigableMap<Long, Level> levels = side(side.opposite());
        for (long[] step : plan.levels) {
            long price = step[0];
            long lots = step[1];
            Level level = levels.get(price);
            while (level.hasOwn()) {
                RestingOrder order = level.firstOwn();
                level.remove(order);
                listener.onSelfTradeCancel(order);
            }
            markDirty(side.opposite(), price);
            if (lots > 0) {
                level.tradeSynthetic(lots);
                listener.onTakerFill(price, lots);
                listener.onPrint(price, lots, side);
            }
            if (level.isEmpty()) {
                levels.remove(price);
            }
        }
    }

    /**
     * Publishes what changed since the last call as one delta numbered {@code updateId + 1}, or returns null when
     * the public book did not change.
     */
    BookDelta flush(long nowNs) {
        if (dirtyBids.isEmpty() && dirtyAsks.isEmpty()) {
            return null;
        }
        long[][] bidChanges = changes(bids, publishedBids, dirtyBids);
        long[][] askChanges = changes(asks, publishedAsks, dirtyAsks);
        if (bidChanges[0].length == 0 && askChanges[0].length == 0) {
            return null;
        }
        updateId++;
        return new BookDelta(instrument.id(), updateId, updateId, -1,
                bidChanges[0], bidChanges[1], bidChanges[0].length,
                askChanges[0], askChanges[1], askChanges[0].length, nowNs);
    }

    private static long[][] changes(NavigableMap<Long, Level> levels, NavigableMap<Long, Long> published,
                                    NavigableSet<Long> dirty) {
        long[] ticks = new long[dirty.size()];
        long[] lots = new long[dirty.size()];
        int n = 0;
        for (long price : dirty) {
            Level level = levels.get(price);
            long now = level == null ? 0 : level.totalLots();
            long before = published.getOrDefault(price, 0L);
            if (now != before) {
                ticks[n] = price;
                lots[n] = now;
                n++;
                if (now == 0) {
                    published.remove(price);
                } else {
                    published.put(price, now);
                }
            }
        }
        dirty.clear();
        return new long[][] {java.util.Arrays.copyOf(ticks, n), java.util.Arrays.copyOf(lots, n)};
    }

    /** The whole published book as of {@link #updateId()}; call {@link #flush} first. */
    BookSnapshot snapshot(long nowNs) {
        if (!dirtyBids.isEmpty() || !dirtyAsks.isEmpty()) {
            throw new IllegalStateException(instrument.id() + ": snapshot with unpublished changes");
        }
        long[][] b = toArrays(publishedBids);
        long[][] a = toArrays(publishedAsks);
        return new BookSnapshot(instrument.id(), updateId, b[0], b[1], b[0].length, a[0], a[1], a[0].length, nowNs);
    }

    private static long[][] toArrays(NavigableMap<Long, Long> levels) {
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

    private boolean isPopulated(long priceTicks) {
        long h = RandomStream.mix64(populatedSalt ^ priceTicks);
        return (h >>> 11) * 0x1.0p-53 < POPULATED_FRACTION;
    }

    private NavigableMap<Long, Level> side(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    private void markDirty(Side side, long priceTicks) {
        (side == Side.BUY ? dirtyBids : dirtyAsks).add(priceTicks);
    }
}
