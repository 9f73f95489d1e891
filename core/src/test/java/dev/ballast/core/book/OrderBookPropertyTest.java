package dev.ballast.core.book;

import static dev.ballast.core.book.BookFixtures.INSTRUMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.ballast.core.Side;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random sequences of level changes, applied to an {@link OrderBook} and to a plain sorted-map model: the
 * two must agree on the touch after every change and on every level and every walk at the end. Narrow
 * ladders make the far arrays and the window's recentring do most of the work.
 */
class OrderBookPropertyTest {
    private static final long CENTRE = 1_000_000;

    /**
     * One change. {@code kind} says how {@code value} picks the price: 0 near the centre, 1 a few ticks
     * around the side's current best, 2 removes the current best, 3 far from the centre, 4 a jump of
     * hundreds of ticks from the best (the touch running away).
     */
    record Op(int kind, boolean bid, long value, long lots) {
    }

    private static Gen<Op> ops() {
        return integers().between(0, 4).zip(booleans().all(), longs().between(-400, 400), longs().between(0, 4),
                Op::new);
    }

    @Test
    void shouldAgreeWithASortedMapModelForAnySequenceOfLevelChanges() {
        qt().withExamples(300)
                .forAll(integers().between(6, 10), lists().of(ops()).ofSizeBetween(1, 300))
                .checkAssert((ladderExponent, ops) -> {
                    OrderBook book = new OrderBook(INSTRUMENT, SequenceRule.CONTIGUOUS, 1 << ladderExponent);
                    Model model = new Model();
                    for (Op op : ops) {
                        Side side = op.bid() ? Side.BUY : Side.SELL;
                        long price = priceFor(op, model.side(side));
                        long lots = op.kind() == 2 ? 0 : op.lots();
                        book.setLevel(side, price, lots);
                        model.set(side, price, lots);
                        book.validateInternalState();
                        assertTouchAgrees(book, model);
                    }
                    assertEveryLevelAgrees(book, model, Side.BUY);
                    assertEveryLevelAgrees(book, model, Side.SELL);
                    assertWalksAgree(book, model);
                });
    }

    private static long priceFor(Op op, NavigableMap<Long, Long> side) {
        long best = side.isEmpty() ? CENTRE : side.firstKey();
        switch (op.kind()) {
            case 0:
                return CENTRE + op.value();
            case 1:
                return best + op.value() % 16;
            case 2:
                return best;
            case 3:
                return CENTRE + op.value() * 50;
            default:
                return Math.max(1, best + op.value() * 3);
        }
    }

    private static void assertTouchAgrees(OrderBook book, Model model) {
        assertThat(book.bestBidTicks()).isEqualTo(model.best(Side.BUY));
        assertThat(book.bestAskTicks()).isEqualTo(model.best(Side.SELL));
        assertThat(book.bestBidLots()).isEqualTo(model.bestLots(Side.BUY));
        assertThat(book.bestAskLots()).isEqualTo(model.bestLots(Side.SELL));
        assertThat(book.levels(Side.BUY)).isEqualTo(model.bids.size());
        assertThat(book.levels(Side.SELL)).isEqualTo(model.asks.size());
    }

    private static void assertEveryLevelAgrees(OrderBook book, Model model, Side side) {
        int i = 0;
        for (Map.Entry<Long, Long> level : model.side(side).entrySet()) {
            assertThat(book.priceTicksAt(side, i)).isEqualTo(level.getKey());
            assertThat(book.sizeLotsAt(side, i)).isEqualTo(level.getValue());
            assertThat(book.sizeLotsAtPrice(side, level.getKey())).isEqualTo(level.getValue());
            i++;
        }
        assertThat(book.priceTicksAt(side, i)).isEqualTo(OrderBook.NO_PRICE);
        assertCopiesAgree(book, model, side);
    }

    /** copyLevels and copyLevelsWithin give the model's levels from the touch, for several depths and limits. */
    private static void assertCopiesAgree(OrderBook book, Model model, Side side) {
        NavigableMap<Long, Long> levels = model.side(side);
        int all = levels.size();
        long[] ticks = new long[all + 2];
        long[] lots = new long[all + 2];
        for (int max : new int[] {0, 1, all / 2, all, all + 2}) {
            int n = book.copyLevels(side, max, ticks, lots);
            assertThat(n).isEqualTo(Math.min(max, all));
            assertPrefix(levels, n, ticks, lots);
        }
        long best = model.best(side);
        long[] limits = best == OrderBook.NO_PRICE ? new long[] {CENTRE}
                : new long[] {best, best + 1, best - 1, best + 100, best - 100, best + 20_000, best - 20_000,
                        CENTRE, 1, Long.MAX_VALUE};
        for (long limit : limits) {
            // best first: the head up to the limit is the bids at or above it, the asks at or below it
            int within = levels.headMap(limit, true).size();
            for (int max : new int[] {1, all + 2}) {
                int n = book.copyLevelsWithin(side, limit, max, ticks, lots);
                assertThat(n).as("levels within %d (max %d)", limit, max).isEqualTo(Math.min(max, within));
                assertPrefix(levels, n, ticks, lots);
            }
        }
    }

    private static void assertPrefix(NavigableMap<Long, Long> levels, int n, long[] ticks, long[] lots) {
        int i = 0;
        for (Map.Entry<Long, Long> level : levels.entrySet()) {
            if (i == n) {
                break;
            }
            assertThat(ticks[i]).isEqualTo(level.getKey());
            assertThat(lots[i]).isEqualTo(level.getValue());
            i++;
        }
    }

    private static void assertWalksAgree(OrderBook book, Model model) {
        DepthWalk walk = new DepthWalk();
        for (Side taker : Side.values()) {
            NavigableMap<Long, Long> consumed = model.side(taker.opposite());
            long total = consumed.values().stream().mapToLong(Long::longValue).sum();
            for (long size : new long[] {1, 3, total / 2 + 1, total + 1}) {
                boolean complete = book.walk(taker, size, walk);
                long remaining = size;
                double notional = 0;
                long worst = OrderBook.NO_PRICE;
                for (Map.Entry<Long, Long> level : consumed.entrySet()) {
                    if (remaining == 0) {
                        break;
                    }
                    long take = Math.min(remaining, level.getValue());
                    notional += (double) take * level.getKey();
                    remaining -= take;
                    worst = level.getKey();
                }
                assertThat(complete).isEqualTo(remaining == 0);
                assertThat(walk.filledLots()).isEqualTo(size - remaining);
                assertThat(walk.worstPriceTicks()).isEqualTo(worst);
                if (remaining < size) {
                    assertThat(walk.averagePriceTicks()).isCloseTo(notional / (size - remaining), within(1e-6));
                    assertThat(walk.touchPriceTicks()).isEqualTo(consumed.firstKey());
                } else {
                    assertThat(walk.averagePriceTicks()).isNaN();
                }
            }
        }
    }

    /** The obviously-correct book: a sorted map per side, best first. */
    private static final class Model {
        final NavigableMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder());
        final NavigableMap<Long, Long> asks = new TreeMap<>();

        NavigableMap<Long, Long> side(Side side) {
            return side == Side.BUY ? bids : asks;
        }

        void set(Side side, long price, long lots) {
            if (lots == 0) {
                side(side).remove(price);
            } else {
                side(side).put(price, lots);
            }
        }

        long best(Side side) {
            return side(side).isEmpty() ? OrderBook.NO_PRICE : side(side).firstKey();
        }

        long bestLots(Side side) {
            return side(side).isEmpty() ? 0 : side(side).firstEntry().getValue();
        }
    }
}
