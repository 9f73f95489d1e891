package dev.ballast.core.book;

import static dev.ballast.core.book.BookFixtures.BTCUSDT;
import static dev.ballast.core.book.BookFixtures.INSTRUMENT;
import static dev.ballast.core.book.BookFixtures.assertConsistent;
import static dev.ballast.core.book.BookFixtures.delta;
import static dev.ballast.core.book.BookFixtures.levels;
import static dev.ballast.core.book.BookFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ballast.core.InstrumentId;
import dev.ballast.core.Side;
import dev.ballast.core.event.BookDelta;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OrderBook} configuration must do, with the internal state checked after each step.
 * Subclassed per ladder width in {@link OrderBookTest}, so the far-level and recentring paths are exercised
 * as well as the ladder.
 */
abstract class OrderBookContract {
    /** Around BTCUSDT at 61,700.00 with a 0.01 tick. */
    static final long MID = 6_170_000;

    abstract OrderBook newBook(SequenceRule rule);

    private OrderBook book(SequenceRule rule) {
        OrderBook book = newBook(rule);
        assertConsistent(book);
        return book;
    }

    private static void set(OrderBook book, Side side, long price, long size) {
        book.setLevel(side, price, size);
        assertConsistent(book);
    }

    private static ApplyResult apply(OrderBook book, BookDelta delta) {
        ApplyResult result = book.applyDelta(delta);
        assertConsistent(book);
        return result;
    }

    // ------------------------------------------------------------------ levels and touch

    @Test
    void shouldReportNoPricesWhenEmpty() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);

        assertThat(book.bestBidTicks()).isEqualTo(OrderBook.NO_PRICE);
        assertThat(book.bestAskTicks()).isEqualTo(OrderBook.NO_PRICE);
        assertThat(book.bestBidLots()).isZero();
        assertThat(book.midTicks()).isNaN();
        assertThat(book.isCrossed()).isFalse();
        assertThat(book.isValid()).isFalse();
        assertThat(book.lastUpdateId()).isEqualTo(-1);
        assertThat(book.levels(Side.BUY)).isZero();
    }

    @Test
    void shouldTrackBestBidAndAskAsLevelsArrive() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);

        set(book, Side.BUY, MID - 5, 10);
        set(book, Side.BUY, MID - 2, 3);
        set(book, Side.BUY, MID - 9, 7);
        set(book, Side.SELL, MID + 4, 8);
        set(book, Side.SELL, MID + 1, 2);

        assertThat(book.bestBidTicks()).isEqualTo(MID - 2);
        assertThat(book.bestBidLots()).isEqualTo(3);
        assertThat(book.bestAskTicks()).isEqualTo(MID + 1);
        assertThat(book.bestAskLots()).isEqualTo(2);
        assertThat(book.midTicks()).isEqualTo(MID - 0.5);
        assertThat(book.levels(Side.BUY)).isEqualTo(3);
        assertThat(book.levels(Side.SELL)).isEqualTo(2);
    }

    @Test
    void shouldFindNextBestWhenBestLevelIsRemoved() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);
        set(book, Side.BUY, MID - 1, 1);
        set(book, Side.BUY, MID - 40, 4);
        set(book, Side.BUY, MID - 300, 3);
        set(book, Side.SELL, MID + 1, 1);
        set(book, Side.SELL, MID + 70, 6);

        set(book, Side.BUY, MID - 1, 0);
        assertThat(book.bestBidTicks()).isEqualTo(MID - 40);
        assertThat(book.bestBidLots()).isEqualTo(4);
        set(book, Side.BUY, MID - 40, 0);
        assertThat(book.bestBidTicks()).isEqualTo(MID - 300);
        set(book, Side.SELL, MID + 1, 0);
        assertThat(book.bestAskTicks()).isEqualTo(MID + 70);
        assertThat(book.bestAskLots()).isEqualTo(6);
        set(book, Side.SELL, MID + 70, 0);
        assertThat(book.bestAskTicks()).isEqualTo(OrderBook.NO_PRICE);
        assertThat(book.levels(Side.SELL)).isZero();
    }

    @Test
    void shouldReplaceSizeAtAnExistingLevel() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);
        set(book, Side.SELL, MID + 3, 5);

        set(book, Side.SELL, MID + 3, 9);

        assertThat(book.levels(Side.SELL)).isEqualTo(1);
        assertThat(book.bestAskLots()).isEqualTo(9);
        assertThat(book.sizeLotsAtPrice(Side.SELL, MID + 3)).isEqualTo(9);
    }

    @Test
    void shouldIgnoreRemovalOfALevelThatIsNotThere() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);
        set(book, Side.BUY, MID, 5);

        set(book, Side.BUY, MID + 1, 0);
        set(book, Side.BUY, MID - 1, 0);
        set(book, Side.BUY, MID - 1_000_000, 0);
        set(book, Side.SELL, MID, 0);

        assertThat(book.levels(Side.BUY)).isEqualTo(1);
        assertThat(book.bestBidTicks()).isEqualTo(MID);
        assertThat(book.levels(Side.SELL)).isZero();
    }

    @Test
    void shouldKeepLevelsFarFromTheTouch() {
        // Binance spot diffs touch bids like 24,426.99 while the mid is near 61,700
        OrderBook book = book(SequenceRule.CONTIGUOUS);
        set(book, Side.BUY, MID - 1, 2);
        set(book, Side.BUY, 2_442_699, 22);
        set(book, Side.BUY, 5_442_755, 7);
        set(book, Side.SELL, MID + 1, 3);
        set(book, Side.SELL, 9_999_999, 1);

        assertThat(book.levels(Side.BUY)).isEqualTo(3);
        assertThat(book.priceTicksAt(Side.BUY, 1)).isEqualTo(5_442_755);
        assertThat(book.priceTicksAt(Side.BUY, 2)).isEqualTo(2_442_699);
        assertThat(book.sizeLotsAt(Side.BUY, 2)).isEqualTo(22);
        assertThat(book.sizeLotsAtPrice(Side.SELL, 9_999_999)).isEqualTo(1);

        set(book, Side.BUY, MID - 1, 0);
        assertThat(book.bestBidTicks()).isEqualTo(5_442_755);
        set(book, Side.BUY, 5_442_755, 0);
        assertThat(book.bestBidTicks()).isEqualTo(2_442_699);
        assertThat(book.bestBidLots()).isEqualTo(22);
        set(book, Side.BUY, 2_442_699, 0);
        assertThat(book.bestBidTicks()).isEqualTo(OrderBook.NO_PRICE);
    }

    @Test
    void shouldKeepAllLevelsWhileTheTouchDriftsFarInBothDirections() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);
        // a rally: each new bid 701 ticks better than the last, 84,000 ticks in all (wider than any ladder)
        for (int i = 0; i < 120; i++) {
            set(book, Side.BUY, MID + 701L * i, 1 + i);
        }
        assertThat(book.bestBidTicks()).isEqualTo(MID + 701L * 119);
        assertThat(book.levels(Side.BUY)).isEqualTo(120);
        // the rally unwinds level by level: the best walks back down through every one of them
        for (int i = 119; i >= 0; i--) {
            assertThat(book.bestBidTicks()).isEqualTo(MID + 701L * i);
            assertThat(book.bestBidLots()).isEqualTo(1 + i);
            set(book, Side.BUY, MID + 701L * i, 0);
        }
        assertThat(book.levels(Side.BUY)).isZero();
    }

    @Test
    void shouldListLevelsBestFirstOnBothSides() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);
        book.applySnapshot(snapshot(10,
                levels(MID - 1, 1, MID - 2, 2, MID - 50, 3, MID - 5_000, 4),
                levels(MID + 1, 5, MID + 3, 6, MID + 90, 7, MID + 9_000, 8)));
        assertConsistent(book);

        assertThat(book.priceTicksAt(Side.BUY, 0)).isEqualTo(MID - 1);
        assertThat(book.priceTicksAt(Side.BUY, 3)).isEqualTo(MID - 5_000);
        assertThat(book.sizeLotsAt(Side.BUY, 2)).isEqualTo(3);
        assertThat(book.priceTicksAt(Side.SELL, 1)).isEqualTo(MID + 3);
        assertThat(book.priceTicksAt(Side.SELL, 3)).isEqualTo(MID + 9_000);
        assertThat(book.sizeLotsAt(Side.SELL, 3)).isEqualTo(8);
        assertThat(book.priceTicksAt(Side.SELL, 4)).isEqualTo(OrderBook.NO_PRICE);
        assertThatThrownBy(() -> book.priceTicksAt(Side.BUY, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCopyLevelsBestFirstUpToACountOrALimitPrice() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);
        book.applySnapshot(snapshot(10,
                levels(MID - 1, 1, MID - 2, 2, MID - 50, 3, MID - 5_000, 4),
                levels(MID + 1, 5, MID + 3, 6, MID + 90, 7, MID + 9_000, 8)));
        long[] ticks = new long[5];
        long[] lots = new long[5];

        assertThat(book.copyLevels(Side.BUY, 5, ticks, lots)).isEqualTo(4);
        assertThat(ticks).startsWith(MID - 1, MID - 2, MID - 50, MID - 5_000);
        assertThat(lots).startsWith(1, 2, 3, 4);
        assertThat(book.copyLevels(Side.SELL, 2, ticks, lots)).isEqualTo(2);
        assertThat(ticks).startsWith(MID + 1, MID + 3);
        assertThat(book.copyLevelsWithin(Side.SELL, MID + 90, 5, ticks, lots)).isEqualTo(3);
        assertThat(ticks).startsWith(MID + 1, MID + 3, MID + 90);
        assertThat(lots).startsWith(5, 6, 7);
        assertThat(book.copyLevelsWithin(Side.BUY, MID - 51, 5, ticks, lots)).isEqualTo(3);
        assertThat(book.copyLevelsWithin(Side.BUY, MID, 5, ticks, lots)).isZero();
        assertThat(book.copyLevels(Side.BUY, 0, ticks, lots)).isZero();
        assertThatThrownBy(() -> book.copyLevels(Side.BUY, 6, ticks, lots))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReportACrossedBook() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);
        set(book, Side.BUY, MID, 1);
        set(book, Side.SELL, MID + 1, 1);
        assertThat(book.isCrossed()).isFalse();

        set(book, Side.BUY, MID + 1, 1);

        assertThat(book.isCrossed()).isTrue();
    }

    @Test
    void shouldRejectNegativeSizesAndNonPositivePrices() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);

        assertThatThrownBy(() -> book.setLevel(Side.BUY, MID, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> book.setLevel(Side.SELL, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertConsistent(book);
        assertThat(book.levels(Side.BUY)).isZero();
    }

    @Test
    void shouldRejectUpdatesForAnotherInstrument() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);
        InstrumentId other = InstrumentId.of("test", "ETHUSDT");
        BookDelta foreign = new BookDelta(other, 1, 1, -1, new long[0], new long[0], 0, new long[0], new long[0], 0, 0);

        assertThatThrownBy(() -> book.applyDelta(foreign)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ETHUSDT");
    }

    @Test
    void shouldInvalidateTheBookWhenADeltaHoldsANegativeSize() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);
        book.applySnapshot(snapshot(10, levels(MID, 1), levels(MID + 1, 1)));

        assertThatThrownBy(() -> book.applyDelta(delta(11, 11, -1, levels(MID, -3), levels())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(book.isValid()).isFalse();
    }

    @Test
    void shouldReplaceEveryLevelOnSnapshot() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);
        set(book, Side.BUY, MID - 100, 9);
        set(book, Side.SELL, MID + 100, 9);

        book.applySnapshot(snapshot(42, levels(MID - 1, 1, MID - 2, 2), levels(MID + 1, 3)));
        assertConsistent(book);

        assertThat(book.isValid()).isTrue();
        assertThat(book.lastUpdateId()).isEqualTo(42);
        assertThat(book.timestampNs()).isEqualTo(1_000L);
        assertThat(book.levels(Side.BUY)).isEqualTo(2);
        assertThat(book.sizeLotsAtPrice(Side.BUY, MID - 100)).isZero();
        assertThat(book.bestAskTicks()).isEqualTo(MID + 1);
        assertThat(book.bestAskLots()).isEqualTo(3);
    }

    @Test
    void shouldEmptyBothSidesOnClearAndStayValid() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);
        book.applySnapshot(snapshot(42, levels(MID - 1, 1, MID - 9_000, 2), levels(MID + 1, 3)));

        book.clear();
        assertConsistent(book);

        assertThat(book.levels(Side.BUY)).isZero();
        assertThat(book.levels(Side.SELL)).isZero();
        assertThat(book.isValid()).isTrue();
        set(book, Side.SELL, MID + 7, 1);
        assertThat(book.bestAskTicks()).isEqualTo(MID + 7);
    }

    // ------------------------------------------------------------------ sequencing: Binance spot

    @Test
    void shouldIgnoreDeltasBeforeTheFirstSnapshotAsNotSynced() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);

        assertThat(apply(book, delta(1, 5, -1, levels(MID, 1), levels()))).isEqualTo(ApplyResult.NOT_SYNCED);
        assertThat(book.levels(Side.BUY)).isZero();
    }

    @Test
    void shouldDropSpotDeltasTheSnapshotAlreadyHoldsAsStale() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);
        book.applySnapshot(snapshot(100, levels(MID, 1), levels(MID + 1, 1)));

        assertThat(apply(book, delta(90, 100, -1, levels(MID, 9), levels()))).isEqualTo(ApplyResult.STALE);
        assertThat(book.bestBidLots()).isEqualTo(1);
        assertThat(book.lastUpdateId()).isEqualTo(100);
    }

    @Test
    void shouldApplyTheSpotDeltaThatBridgesTheSnapshotThenRequireContiguousIds() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);
        book.applySnapshot(snapshot(100, levels(MID, 1), levels(MID + 1, 1)));

        assertThat(apply(book, delta(95, 104, -1, levels(MID, 2), levels()))).isEqualTo(ApplyResult.APPLIED);
        assertThat(apply(book, delta(105, 107, -1, levels(), levels(MID + 1, 4)))).isEqualTo(ApplyResult.APPLIED);

        assertThat(book.lastUpdateId()).isEqualTo(107);
        assertThat(book.timestampNs()).isEqualTo(2_107L);
        assertThat(book.bestBidLots()).isEqualTo(2);
        assertThat(book.bestAskLots()).isEqualTo(4);
        assertThat(apply(book, delta(103, 107, -1))).isEqualTo(ApplyResult.STALE);
    }

    @Test
    void shouldReportGapWhenTheFirstSpotDeltaStartsAfterTheSnapshot() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);
        book.applySnapshot(snapshot(100, levels(MID, 1), levels(MID + 1, 1)));

        assertThat(apply(book, delta(102, 104, -1))).isEqualTo(ApplyResult.GAP);

        assertThat(book.isValid()).isFalse();
        assertThat(apply(book, delta(101, 104, -1))).isEqualTo(ApplyResult.NOT_SYNCED);
    }

    @Test
    void shouldReportGapWhenSpotIdsSkipAndResyncOnTheNextSnapshot() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);
        book.applySnapshot(snapshot(100, levels(MID, 1), levels(MID + 1, 1)));
        assertThat(apply(book, delta(101, 110, -1))).isEqualTo(ApplyResult.APPLIED);

        assertThat(apply(book, delta(112, 115, -1, levels(MID, 7), levels()))).isEqualTo(ApplyResult.GAP);
        assertThat(book.isValid()).isFalse();
        assertThat(book.lastUpdateId()).isEqualTo(110);
        assertThat(book.bestBidLots()).isEqualTo(1);

        book.applySnapshot(snapshot(120, levels(MID, 5), levels(MID + 1, 1)));
        assertThat(book.isValid()).isTrue();
        assertThat(apply(book, delta(118, 125, -1))).isEqualTo(ApplyResult.APPLIED);
    }

    @Test
    void shouldReportGapWhenASpotDeltaOverlapsTheLastApplied() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);
        book.applySnapshot(snapshot(100, levels(MID, 1), levels(MID + 1, 1)));
        apply(book, delta(101, 110, -1));

        assertThat(apply(book, delta(108, 112, -1))).isEqualTo(ApplyResult.GAP);
    }

    @Test
    void shouldIgnoreDeltasAfterInvalidate() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);
        book.applySnapshot(snapshot(100, levels(MID, 1), levels(MID + 1, 1)));

        book.invalidate();

        assertThat(apply(book, delta(101, 102, -1))).isEqualTo(ApplyResult.NOT_SYNCED);
        assertThat(book.lastUpdateId()).isEqualTo(100);
    }

    // ------------------------------------------------------------------ sequencing: Binance futures

    @Test
    void shouldDropFuturesDeltasEndingBeforeTheSnapshotAsStale() {
        OrderBook book = book(SequenceRule.LINKED);
        book.applySnapshot(snapshot(100, levels(MID, 1), levels(MID + 1, 1)));

        assertThat(apply(book, delta(90, 99, 89, levels(MID, 9), levels()))).isEqualTo(ApplyResult.STALE);
        assertThat(book.bestBidLots()).isEqualTo(1);
    }

    @Test
    void shouldApplyTheFuturesDeltaThatBridgesTheSnapshotThenFollowPreviousIds() {
        OrderBook book = book(SequenceRule.LINKED);
        book.applySnapshot(snapshot(100, levels(MID, 1), levels(MID + 1, 1)));

        assertThat(apply(book, delta(95, 100, 94, levels(MID, 2), levels()))).isEqualTo(ApplyResult.APPLIED);
        // futures ids are not contiguous: pu names the previous u
        assertThat(apply(book, delta(140, 150, 100, levels(), levels(MID + 2, 4)))).isEqualTo(ApplyResult.APPLIED);
        assertThat(apply(book, delta(151, 160, 150))).isEqualTo(ApplyResult.APPLIED);

        assertThat(book.lastUpdateId()).isEqualTo(160);
        assertThat(book.bestBidLots()).isEqualTo(2);
        assertThat(book.levels(Side.SELL)).isEqualTo(2);
        assertThat(apply(book, delta(141, 150, 100))).isEqualTo(ApplyResult.STALE);
    }

    @Test
    void shouldReportGapWhenTheFirstFuturesDeltaStartsAfterTheSnapshot() {
        OrderBook book = book(SequenceRule.LINKED);
        book.applySnapshot(snapshot(100, levels(MID, 1), levels(MID + 1, 1)));

        assertThat(apply(book, delta(101, 105, 100))).isEqualTo(ApplyResult.GAP);
        assertThat(book.isValid()).isFalse();
    }

    @Test
    void shouldReportGapWhenAFuturesDeltaDoesNotLinkToThePreviousOne() {
        OrderBook book = book(SequenceRule.LINKED);
        book.applySnapshot(snapshot(100, levels(MID, 1), levels(MID + 1, 1)));
        apply(book, delta(95, 110, 94));

        assertThat(apply(book, delta(130, 140, 120))).isEqualTo(ApplyResult.GAP);
        assertThat(apply(book, delta(141, 150, 140))).isEqualTo(ApplyResult.NOT_SYNCED);
        assertThat(book.lastUpdateId()).isEqualTo(110);
    }

    // ------------------------------------------------------------------ sequencing: one id per message

    @Test
    void shouldRequireEachSequentialDeltaToFollowTheLastId() {
        OrderBook book = book(SequenceRule.SEQUENTIAL);
        assertThat(apply(book, delta(1, 1, -1))).isEqualTo(ApplyResult.NOT_SYNCED);
        book.applySnapshot(snapshot(100, levels(MID, 1), levels(MID + 1, 1)));

        assertThat(apply(book, delta(100, 100, -1))).isEqualTo(ApplyResult.STALE);
        assertThat(apply(book, delta(101, 101, -1, levels(MID, 3), levels()))).isEqualTo(ApplyResult.APPLIED);
        assertThat(apply(book, delta(102, 102, -1))).isEqualTo(ApplyResult.APPLIED);
        assertThat(apply(book, delta(101, 101, -1))).isEqualTo(ApplyResult.STALE);
        assertThat(book.bestBidLots()).isEqualTo(3);

        assertThat(apply(book, delta(104, 104, -1))).isEqualTo(ApplyResult.GAP);
        assertThat(book.isValid()).isFalse();
    }

    @Test
    void shouldReportGapWhenTheFirstSequentialDeltaSkipsAnId() {
        OrderBook book = book(SequenceRule.SEQUENTIAL);
        book.applySnapshot(snapshot(100, levels(MID, 1), levels(MID + 1, 1)));

        assertThat(apply(book, delta(102, 102, -1))).isEqualTo(ApplyResult.GAP);
    }

    // ------------------------------------------------------------------ walking depth

    @Test
    void shouldWalkTheAsksForABuyAndReportAverageWorstAndSlippage() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);
        book.applySnapshot(snapshot(1, levels(MID - 1, 50), levels(MID + 1, 2, MID + 2, 3, MID + 4, 5)));
        DepthWalk walk = new DepthWalk();

        boolean complete = book.walk(Side.BUY, 6, walk);

        assertThat(complete).isTrue();
        assertThat(walk.complete()).isTrue();
        assertThat(walk.requestedLots()).isEqualTo(6);
        assertThat(walk.filledLots()).isEqualTo(6);
        // 2 @ +1, 3 @ +2, 1 @ +4
        double expectedAverage = MID + (2 * 1 + 3 * 2 + 4) / 6.0;
        assertThat(walk.averagePriceTicks()).isCloseTo(expectedAverage, within(1e-9));
        assertThat(walk.worstPriceTicks()).isEqualTo(MID + 4);
        assertThat(walk.touchPriceTicks()).isEqualTo(MID + 1);
        assertThat(walk.slippageTicks()).isCloseTo(expectedAverage - (MID + 1), within(1e-9));
    }

    @Test
    void shouldWalkTheBidsForASell() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);
        book.applySnapshot(snapshot(1, levels(MID - 1, 2, MID - 3, 2, MID - 20_000, 10), levels(MID + 1, 50)));
        DepthWalk walk = new DepthWalk();

        assertThat(book.walk(Side.SELL, 8, walk)).isTrue();

        double expectedAverage = (2.0 * (MID - 1) + 2.0 * (MID - 3) + 4.0 * (MID - 20_000)) / 8;
        assertThat(walk.averagePriceTicks()).isCloseTo(expectedAverage, within(1e-6));
        assertThat(walk.worstPriceTicks()).isEqualTo(MID - 20_000);
        assertThat(walk.touchPriceTicks()).isEqualTo(MID - 1);
        assertThat(walk.slippageTicks()).isCloseTo((MID - 1) - expectedAverage, within(1e-6));
    }

    @Test
    void shouldCostNothingBeyondTheTouchWhenTheBestLevelSuffices() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);
        book.applySnapshot(snapshot(1, levels(MID - 1, 50), levels(MID + 1, 5, MID + 2, 5)));
        DepthWalk walk = new DepthWalk();

        book.walk(Side.BUY, 5, walk);

        assertThat(walk.slippageTicks()).isZero();
        assertThat(walk.worstPriceTicks()).isEqualTo(MID + 1);
    }

    @Test
    void shouldReportAPartialFillWhenTheSideIsTooThin() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);
        book.applySnapshot(snapshot(1, levels(MID - 1, 50), levels(MID + 1, 2, MID + 5, 3)));
        DepthWalk walk = new DepthWalk();

        boolean complete = book.walk(Side.BUY, 100, walk);

        assertThat(complete).isFalse();
        assertThat(walk.complete()).isFalse();
        assertThat(walk.filledLots()).isEqualTo(5);
        assertThat(walk.averagePriceTicks()).isCloseTo(MID + (2 * 1 + 3 * 5) / 5.0, within(1e-9));
        assertThat(walk.worstPriceTicks()).isEqualTo(MID + 5);
    }

    @Test
    void shouldFillNothingWhenTheWalkedSideIsEmpty() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);
        set(book, Side.BUY, MID, 5);
        DepthWalk walk = new DepthWalk();

        assertThat(book.walk(Side.BUY, 1, walk)).isFalse();

        assertThat(walk.filledLots()).isZero();
        assertThat(walk.averagePriceTicks()).isNaN();
        assertThat(walk.touchPriceTicks()).isEqualTo(OrderBook.NO_PRICE);
        assertThatThrownBy(() -> book.walk(Side.SELL, 0, walk)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNotChangeTheBookWhenWalking() {
        OrderBook book = book(SequenceRule.CONTIGUOUS);
        book.applySnapshot(snapshot(1, levels(MID - 1, 2), levels(MID + 1, 2, MID + 2, 3)));

        book.walk(Side.BUY, 4, new DepthWalk());
        assertConsistent(book);

        assertThat(book.levels(Side.SELL)).isEqualTo(2);
        assertThat(book.bestAskLots()).isEqualTo(2);
        assertThat(book.instrument()).isEqualTo(INSTRUMENT);
        assertThat(book.instrument().id()).isEqualTo(BTCUSDT);
    }
}
