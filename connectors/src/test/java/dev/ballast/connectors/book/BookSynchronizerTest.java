package dev.ballast.connectors.book;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.book.ApplyResult;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.book.SequenceRule;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BookSynchronizerTest {
    private static final InstrumentId ID = InstrumentId.of("test", "BTCUSDT");
    private static final Instrument INSTRUMENT = new Instrument(ID, Asset.of("BTC"), Asset.of("USDT"),
            new BigDecimal("0.01"), new BigDecimal("0.00001"), BigDecimal.ONE);
    private static final long BID = 6_170_000;
    private static final long ASK = 6_170_001;

    private static BookSynchronizer synchronizer(SequenceRule rule, int maxBuffered) {
        return new BookSynchronizer(new OrderBook(INSTRUMENT, rule, 1024), maxBuffered);
    }

    /** A spot-style delta setting the best bid's size to {@code bidLots}. */
    private static BookDelta delta(long first, long last, long bidLots) {
        return new BookDelta(ID, first, last, -1, new long[] {BID}, new long[] {bidLots}, 1,
                new long[0], new long[0], 0, last);
    }

    private static BookSnapshot snapshot(long updateId, long bidLots) {
        return new BookSnapshot(ID, updateId, new long[] {BID}, new long[] {bidLots}, 1,
                new long[] {ASK}, new long[] {5}, 1, updateId);
    }

    @Test
    void shouldBufferDeltasBeforeTheSnapshotAndReplayTheOnesItDoesNotHold() {
        BookSynchronizer sync = synchronizer(SequenceRule.CONTIGUOUS, 100);

        assertThat(sync.onDelta(delta(90, 99, 1))).isEqualTo(ApplyResult.NOT_SYNCED);
        assertThat(sync.onDelta(delta(100, 104, 2))).isEqualTo(ApplyResult.NOT_SYNCED);
        assertThat(sync.onDelta(delta(105, 106, 3))).isEqualTo(ApplyResult.NOT_SYNCED);
        assertThat(sync.bufferedDeltas()).isEqualTo(3);
        assertThat(sync.isSynced()).isFalse();

        assertThat(sync.onSnapshot(snapshot(102, 7))).isEqualTo(ApplyResult.APPLIED);

        assertThat(sync.isSynced()).isTrue();
        assertThat(sync.bufferedDeltas()).isZero();
        assertThat(sync.book().lastUpdateId()).isEqualTo(106);
        assertThat(sync.book().bestBidLots()).isEqualTo(3);
        assertThat(sync.onDelta(delta(107, 107, 4))).isEqualTo(ApplyResult.APPLIED);
        assertThat(sync.gaps()).isZero();
    }

    @Test
    void shouldWaitForTheBridgingDeltaWhenTheSnapshotIsNewerThanEverythingBuffered() {
        BookSynchronizer sync = synchronizer(SequenceRule.LINKED, 100);
        sync.onDelta(new BookDelta(ID, 90, 95, 89, new long[0], new long[0], 0, new long[0], new long[0], 0, 0));

        assertThat(sync.onSnapshot(snapshot(100, 7))).isEqualTo(ApplyResult.APPLIED);

        assertThat(sync.book().lastUpdateId()).isEqualTo(100);
        BookDelta bridging = new BookDelta(ID, 98, 103, 97, new long[] {BID}, new long[] {9}, 1,
                new long[0], new long[0], 0, 0);
        assertThat(sync.onDelta(bridging)).isEqualTo(ApplyResult.APPLIED);
        assertThat(sync.book().bestBidLots()).isEqualTo(9);
    }

    @Test
    void shouldReportAGapOnReplayAndKeepTheNewerDeltasForTheNextSnapshot() {
        BookSynchronizer sync = synchronizer(SequenceRule.CONTIGUOUS, 100);
        sync.onDelta(delta(110, 112, 1));
        sync.onDelta(delta(113, 115, 2));

        // the snapshot is too old: 101..109 are missing
        assertThat(sync.onSnapshot(snapshot(100, 7))).isEqualTo(ApplyResult.GAP);
        assertThat(sync.isSynced()).isFalse();
        assertThat(sync.gaps()).isEqualTo(1);
        assertThat(sync.bufferedDeltas()).isEqualTo(2);

        assertThat(sync.onSnapshot(snapshot(111, 7))).isEqualTo(ApplyResult.APPLIED);
        assertThat(sync.book().lastUpdateId()).isEqualTo(115);
        assertThat(sync.book().bestBidLots()).isEqualTo(2);
    }

    @Test
    void shouldReportALiveGapAndResyncFromTheDeltasAfterIt() {
        BookSynchronizer sync = synchronizer(SequenceRule.CONTIGUOUS, 100);
        sync.onSnapshot(snapshot(100, 7));
        assertThat(sync.onDelta(delta(101, 101, 1))).isEqualTo(ApplyResult.APPLIED);

        assertThat(sync.onDelta(delta(103, 104, 2))).isEqualTo(ApplyResult.GAP);
        assertThat(sync.onDelta(delta(105, 105, 3))).isEqualTo(ApplyResult.NOT_SYNCED);
        assertThat(sync.bufferedDeltas()).isEqualTo(2);
        assertThat(sync.book().bestBidLots()).isEqualTo(1);

        assertThat(sync.onSnapshot(snapshot(103, 8))).isEqualTo(ApplyResult.APPLIED);
        assertThat(sync.book().lastUpdateId()).isEqualTo(105);
        assertThat(sync.book().bestBidLots()).isEqualTo(3);
        assertThat(sync.gaps()).isEqualTo(1);
    }

    @Test
    void shouldDropTheOldestBufferedDeltaWhenFullSoTheReplayReportsTheGap() {
        BookSynchronizer sync = synchronizer(SequenceRule.CONTIGUOUS, 2);
        sync.onDelta(delta(101, 101, 1));
        sync.onDelta(delta(102, 102, 2));
        sync.onDelta(delta(103, 103, 3));

        assertThat(sync.droppedDeltas()).isEqualTo(1);
        assertThat(sync.bufferedDeltas()).isEqualTo(2);
        assertThat(sync.onSnapshot(snapshot(100, 7))).isEqualTo(ApplyResult.GAP);
    }

    @Test
    void shouldForgetTheBufferAndTheBookOnReset() {
        BookSynchronizer sync = synchronizer(SequenceRule.CONTIGUOUS, 100);
        sync.onSnapshot(snapshot(100, 7));

        sync.reset();

        assertThat(sync.isSynced()).isFalse();
        assertThat(sync.onDelta(delta(101, 101, 1))).isEqualTo(ApplyResult.NOT_SYNCED);
        sync.reset();
        assertThat(sync.bufferedDeltas()).isZero();
    }
}
