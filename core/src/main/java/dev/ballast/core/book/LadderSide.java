package dev.ballast.core.book;

import java.util.Arrays;

/**
 * One side of an {@link OrderBook}: the size resting at each price, with the best price tracked as levels
 * come and go. Allocates nothing per update once its far-level arrays have grown to the book's depth.
 *
 * <p>Not thread-safe: owned by its book's (the engine's) thread.
 *
 * <h2>Implementation notes</h2>
 * Prices are mapped to <em>keys</em> so that the best level is always the smallest key: an ask's key is its
 * price, a bid's key is minus its price. Then both sides share one implementation.
 * <ul>
 *   <li>The <b>ladder</b> holds every level whose key lies in the window {@code [baseKey, baseKey + span)}:
 *       a circular array of sizes indexed by {@code key & mask}, plus a bitmap of occupied slots so that the
 *       next level behind a removed best is found 64 slots per step.</li>
 *   <li>Levels beyond the window's worse end live in the <b>far</b> arrays, sorted by key descending, so the
 *       levels nearest the window (the ones that change most) sit at the end, where inserts and removals
 *       move little. No level is ever better than the window's start.</li>
 *   <li>The best level is always in the ladder, at most {@code span / 2} slots from the window's start.
 *       When it drifts further (the touch moved away) or a better level arrives before the window's start,
 *       the window is recentred {@code span / 8} slots before the best. Moving the window toward worse
 *       prices pulls the nearest far levels into the slots the window vacated; moving it toward better
 *       prices pushes the levels falling off its worse end onto the far arrays.</li>
 * </ul>
 */
final class LadderSide {
    /** The key of the best level of an empty side. */
    static final long NONE = Long.MAX_VALUE;

    private static final int INITIAL_FAR_CAPACITY = 256;

    private final boolean bids;
    private final int span;
    private final int mask;
    private final int recentreMargin;
    private final int recentreTrigger;

    private final long[] ladderLots;
    private final long[] occupied;
    private long baseKey;
    private int ladderLevels;

    private long[] farKeys = new long[INITIAL_FAR_CAPACITY];
    private long[] farLots = new long[INITIAL_FAR_CAPACITY];
    private int farLevels;

    private long bestKey = NONE;

    /**
     * @param bids true for the bid side (best = highest price), false for the ask side (best = lowest)
     * @param span the ladder's width in ticks: a power of two, at least 64
     */
    LadderSide(boolean bids, int span) {
        if (span < 64 || Integer.bitCount(span) != 1) {
            throw new IllegalArgumentException("ladder span must be a power of two >= 64 (was " + span + ")");
        }
        this.bids = bids;
        this.span = span;
        this.mask = span - 1;
        this.recentreMargin = span / 8;
        this.recentreTrigger = span / 2;
        this.ladderLots = new long[span];
        this.occupied = new long[span >>> 6];
    }

    // ---------------------------------------------------------------- queries

    boolean isEmpty() {
        return bestKey == NONE;
    }

    int levels() {
        return ladderLevels + farLevels;
    }

    /** The best price, or {@link OrderBook#NO_PRICE} when the side is empty. */
    long bestPrice() {
        return bestKey == NONE ? OrderBook.NO_PRICE : toPrice(bestKey);
    }

    /** The size at the best price, 0 when the side is empty. */
    long bestLots() {
        return bestKey == NONE ? 0 : ladderLots[(int) (bestKey & mask)];
    }

    long lotsAtPrice(long price) {
        if (price <= 0 || bestKey == NONE) {
            return 0;
        }
        long key = toKey(price);
        long offset = key - baseKey;
        if (offset < 0) {
            return 0;
        }
        if (offset < span) {
            return ladderLots[(int) (key & mask)];
        }
        int i = findFar(key);
        return i >= 0 ? farLots[i] : 0;
    }

    /** The price {@code index} levels behind the best, {@link OrderBook#NO_PRICE} when the side is not that deep. */
    long priceAt(int index) {
        long key = keyAt(index);
        return key == NONE ? OrderBook.NO_PRICE : toPrice(key);
    }

    /** The size {@code index} levels behind the best, 0 when the side is not that deep. */
    long lotsAt(int index) {
        if (index < ladderLevels) {
            long key = keyAt(index);
            return ladderLots[(int) (key & mask)];
        }
        int far = index - ladderLevels;
        return far < farLevels ? farLots[farLevels - 1 - far] : 0;
    }

    private long keyAt(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("level index must be >= 0 (was " + index + ")");
        }
        if (index < ladderLevels) {
            long end = baseKey + span;
            long key = bestKey;
            for (int i = 0; i < index; i++) {
                key = nextKey(key + 1, end);
            }
            return key;
        }
        int far = index - ladderLevels;
        return far < farLevels ? farKeys[farLevels - 1 - far] : NONE;
    }

    /**
     * Copies the levels no worse than {@code worstPrice} (bids at or above it, asks at or below it), best first,
     * at most {@code maxLevels} of them, into the arrays. O(levels copied), plus the empty ladder slots between
     * them scanned 64 at a time; the scan stops at the last ladder level or at the limit, never at the window's end.
     *
     * @return the number of levels copied
     */
    int copyLevels(long worstPrice, int maxLevels, long[] pricesOut, long[] lotsOut) {
        // the keys to copy are those <= worstKey (a bid limit at or below 0 lets every bid through)
        long worstKey = bids ? (worstPrice <= 0 ? NONE : -worstPrice) : worstPrice;
        if (bestKey == NONE || maxLevels <= 0 || bestKey > worstKey) {
            return 0;
        }
        long windowEnd = baseKey + span;
        long end = worstKey < windowEnd ? worstKey + 1 : windowEnd;
        int n = 0;
        int ladderSeen = 0;
        long key = bestKey;
        while (true) {
            pricesOut[n] = toPrice(key);
            lotsOut[n] = ladderLots[(int) (key & mask)];
            n++;
            ladderSeen++;
            if (n == maxLevels) {
                return n;
            }
            if (ladderSeen == ladderLevels) {
                break;
            }
            key = nextKey(key + 1, end);
            if (key == NONE) {
                return n; // the limit ended the scan inside the window: every far level is past it too
            }
        }
        for (int i = farLevels - 1; i >= 0 && n < maxLevels && farKeys[i] <= worstKey; i--) {
            pricesOut[n] = toPrice(farKeys[i]);
            lotsOut[n] = farLots[i];
            n++;
        }
        return n;
    }

    /**
     * Consumes this side from the best level for {@code sizeLots} and writes the outcome into {@code out}.
     *
     * @return true when the side held the whole size
     */
    boolean walk(long sizeLots, DepthWalk out) {
        if (bestKey == NONE) {
            out.set(sizeLots, 0, Double.NaN, OrderBook.NO_PRICE, OrderBook.NO_PRICE);
            return false;
        }
        long remaining = sizeLots;
        long keyTicksLots = 0; // sum of (key - bestKey) * lots taken: small numbers, no overflow in practice
        long worstKey = bestKey;
        long end = baseKey + span;
        for (long key = bestKey; key != NONE && remaining > 0; key = nextKey(key + 1, end)) {
            long take = Math.min(remaining, ladderLots[(int) (key & mask)]);
            remaining -= take;
            keyTicksLots += (key - bestKey) * take;
            worstKey = key;
        }
        for (int i = farLevels - 1; i >= 0 && remaining > 0; i--) {
            long take = Math.min(remaining, farLots[i]);
            remaining -= take;
            keyTicksLots += (farKeys[i] - bestKey) * take;
            worstKey = farKeys[i];
        }
        long filled = sizeLots - remaining;
        double averageKey = bestKey + (double) keyTicksLots / filled;
        out.set(sizeLots, filled, bids ? -averageKey : averageKey, toPrice(worstKey), toPrice(bestKey));
        return remaining == 0;
    }

    // ---------------------------------------------------------------- updates

    /** Sets the size at a price (0 removes the level). The caller has validated price > 0 and lots >= 0. */
    void set(long price, long lots) {
        long key = bids ? -price : price;
        if (bestKey == NONE) {
            if (lots != 0) {
                baseKey = key - recentreMargin;
                addToLadder(key, (int) (key & mask), lots);
                bestKey = key;
            }
            return;
        }
        long offset = key - baseKey;
        if (offset >= 0 && offset < span) {
            setInLadder(key, lots);
        } else if (offset >= span) {
            setFar(key, lots);
        } else if (lots != 0) {
            // a new best before the window's start: move the window back to it
            moveWindowBack(key - recentreMargin);
            addToLadder(key, (int) (key & mask), lots);
            bestKey = key;
        }
    }

    /** Removes every level; the window stays where it was. */
    void clear() {
        if (ladderLevels > 0) {
            Arrays.fill(ladderLots, 0);
            Arrays.fill(occupied, 0);
            ladderLevels = 0;
        }
        farLevels = 0;
        bestKey = NONE;
    }

    /**
     * Replaces the side with the {@code count} levels given (zero sizes skipped), e.g. from a snapshot. The
     * window is placed at the best level first; loading from the last entry to the first then makes a
     * best-first list append to the far arrays instead of shifting them.
     */
    void load(long[] prices, long[] lots, int count) {
        clear();
        long best = NONE;
        for (int i = 0; i < count; i++) {
            if (lots[i] != 0) {
                best = Math.min(best, toKey(prices[i]));
            }
        }
        if (best == NONE) {
            return;
        }
        baseKey = best - recentreMargin;
        bestKey = best;
        for (int i = count - 1; i >= 0; i--) {
            if (lots[i] != 0) {
                set(prices[i], lots[i]);
            }
        }
    }

    private void setInLadder(long key, long lots) {
        int slot = (int) (key & mask);
        long old = ladderLots[slot];
        if (lots != 0) {
            if (old == 0) {
                addToLadder(key, slot, lots);
                if (key < bestKey) {
                    bestKey = key;
                }
            } else {
                ladderLots[slot] = lots;
            }
        } else if (old != 0) {
            ladderLots[slot] = 0;
            occupied[slot >>> 6] &= ~(1L << slot);
            ladderLevels--;
            if (key == bestKey) {
                bestRemoved(key);
            }
        }
    }

    private void addToLadder(long key, int slot, long lots) {
        ladderLots[slot] = lots;
        occupied[slot >>> 6] |= 1L << slot;
        ladderLevels++;
    }

    /** The best level just left: the next one is behind it in the ladder, else the nearest far level. */
    private void bestRemoved(long removedKey) {
        long next = ladderLevels == 0 ? NONE : nextKey(removedKey + 1, baseKey + span);
        if (next == NONE) {
            if (farLevels == 0) {
                bestKey = NONE;
                return;
            }
            next = farKeys[farLevels - 1];
        }
        bestKey = next;
        if (next - baseKey >= recentreTrigger) {
            moveWindowForward(next - recentreMargin);
        }
    }

    /**
     * Moves the window toward worse prices. Every ladder level is at or behind {@code newBase}, so the slots
     * the window leaves are empty; the far levels it now covers move into them.
     */
    private void moveWindowForward(long newBase) {
        baseKey = newBase;
        long end = newBase + span;
        while (farLevels > 0 && farKeys[farLevels - 1] < end) {
            farLevels--;
            long key = farKeys[farLevels];
            addToLadder(key, (int) (key & mask), farLots[farLevels]);
        }
    }

    /**
     * Moves the window toward better prices. The ladder levels falling off its worse end are better than
     * every far level, so they go to the end of the far arrays, in descending key order.
     */
    private void moveWindowBack(long newBase) {
        long end = baseKey + span;
        long evictFrom = Math.max(baseKey, newBase + span);
        if (ladderLevels > 0 && evictFrom < end) {
            int count = 0;
            for (long key = nextKey(evictFrom, end); key != NONE; key = nextKey(key + 1, end)) {
                count++;
            }
            ensureFarCapacity(farLevels + count);
            int position = farLevels + count - 1;
            for (long key = nextKey(evictFrom, end); key != NONE; key = nextKey(key + 1, end)) {
                int slot = (int) (key & mask);
                farKeys[position] = key;
                farLots[position] = ladderLots[slot];
                position--;
                ladderLots[slot] = 0;
                occupied[slot >>> 6] &= ~(1L << slot);
                ladderLevels--;
            }
            farLevels += count;
        }
        baseKey = newBase;
    }

    /**
     * The smallest key in {@code [fromKey, endKey)} with a level in the ladder, or {@link #NONE}. The range
     * must lie inside the window. Scans the bitmap a word at a time; the window's span is a multiple of 64,
     * so a word never straddles the circular array's wrap.
     */
    private long nextKey(long fromKey, long endKey) {
        long key = fromKey;
        while (key < endKey) {
            int slot = (int) (key & mask);
            int bit = slot & 63;
            long word = occupied[slot >>> 6] & (-1L << bit);
            if (word != 0) {
                long found = key + (Long.numberOfTrailingZeros(word) - bit);
                return found < endKey ? found : NONE;
            }
            key += 64 - bit;
        }
        return NONE;
    }

    private void setFar(long key, long lots) {
        int i = findFar(key);
        if (i >= 0) {
            if (lots != 0) {
                farLots[i] = lots;
            } else {
                int tail = farLevels - i - 1;
                System.arraycopy(farKeys, i + 1, farKeys, i, tail);
                System.arraycopy(farLots, i + 1, farLots, i, tail);
                farLevels--;
            }
        } else if (lots != 0) {
            int at = -i - 1;
            ensureFarCapacity(farLevels + 1);
            int tail = farLevels - at;
            System.arraycopy(farKeys, at, farKeys, at + 1, tail);
            System.arraycopy(farLots, at, farLots, at + 1, tail);
            farKeys[at] = key;
            farLots[at] = lots;
            farLevels++;
        }
    }

    /** Binary search of the descending far keys: the index of {@code key}, else {@code -(insertion point) - 1}. */
    private int findFar(long key) {
        int lo = 0;
        int hi = farLevels - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long k = farKeys[mid];
            if (k > key) {
                lo = mid + 1;
            } else if (k < key) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    private void ensureFarCapacity(int needed) {
        if (needed > farKeys.length) {
            int capacity = Math.max(needed, farKeys.length * 2);
            farKeys = Arrays.copyOf(farKeys, capacity);
            farLots = Arrays.copyOf(farLots, capacity);
        }
    }

    private long toKey(long price) {
        return bids ? -price : price;
    }

    private long toPrice(long key) {
        return bids ? -key : key;
    }

    // ---------------------------------------------------------------- checks

    /**
     * Checks every structural invariant and throws {@link IllegalStateException} naming the first one
     * broken. O(span + levels): for tests, never on the hot path.
     */
    void validateInternalState() {
        int ladderCount = 0;
        long minKey = NONE;
        for (int slot = 0; slot < span; slot++) {
            long lots = ladderLots[slot];
            boolean bit = (occupied[slot >>> 6] & (1L << slot)) != 0;
            if (lots < 0 || bit != (lots != 0)) {
                throw new IllegalStateException("ladder slot " + slot + " holds " + lots + " lots, bitmap " + bit);
            }
            if (lots != 0) {
                ladderCount++;
                long key = baseKey + ((slot - baseKey) & mask);
                minKey = Math.min(minKey, key);
            }
        }
        check(ladderCount == ladderLevels, "ladder count " + ladderLevels + " but " + ladderCount + " occupied");
        for (int i = 0; i < farLevels; i++) {
            if (farLots[i] <= 0 || farKeys[i] < baseKey + span || (i > 0 && farKeys[i - 1] <= farKeys[i])) {
                throw new IllegalStateException("far level " + i + " (key " + farKeys[i] + ", " + farLots[i]
                        + " lots) is empty, inside the window from " + baseKey + " or out of order");
            }
        }
        if (bestKey == NONE) {
            check(ladderLevels == 0 && farLevels == 0, "best is NONE but the side has levels");
        } else {
            check(bestKey == minKey, "best " + bestKey + " is not the first ladder level " + minKey);
            check(bestKey - baseKey >= 0 && bestKey - baseKey < recentreTrigger,
                    "best " + bestKey + " outside the recentring range of window " + baseKey);
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }
}
