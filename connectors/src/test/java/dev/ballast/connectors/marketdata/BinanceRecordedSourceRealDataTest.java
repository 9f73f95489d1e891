package dev.ballast.connectors.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.connectors.binance.BinanceMarket;
import dev.ballast.core.book.ApplyResult;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.PublicTrade;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link BinanceRecordedSource} on the real recordings (hftbacktest's BTC window around 2024-08-08 midnight
 * UTC): what it hands out matches the files line for line, in exchange time, and a book fed from it applies
 * every delta and is never crossed.
 */
class BinanceRecordedSourceRealDataTest {

    @ParameterizedTest
    @EnumSource(BinanceMarket.class)
    void shouldHandOutTheSnapshotEveryTradeAndEveryDiffPastTheSnapshotAtTheirExchangeTimes(BinanceMarket market)
            throws IOException {
        RecordedFiles.Content file = RecordedFiles.count(RecordedFiles.files(market));
        Replay replay = replay(market);

        assertThat(replay.snapshots).isEqualTo(file.snapshots).isEqualTo(1);
        assertThat(replay.tradeTimesNs).hasSize((int) file.trades)
                .containsExactlyElementsOf(sorted(file.tradeTimesNs));
        List<Long> chaining = file.chainingDiffTimesNs(market);
        assertThat(replay.deltaTimesNs).containsExactlyElementsOf(sorted(chaining));
        assertThat(replay.source.deltasRead()).isEqualTo(file.diffs);
        assertThat(replay.source.staleDeltas()).isEqualTo(file.diffs - chaining.size()).isPositive();
        assertThat(replay.source.bookTickersRead()).isEqualTo(file.bookTickers);
        assertThat(replay.source.malformedCount()).isZero();
        assertThat(replay.source.gapCount()).isZero();
        assertThat(replay.source.retimedEvents()).isZero();
        assertThat(replay.source.progress()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @EnumSource(BinanceMarket.class)
    void shouldHandOutEventsInNonDecreasingExchangeTimeWithTheSnapshotBeforeItsDeltas(BinanceMarket market) {
        Replay replay = replay(market);

        assertThat(replay.timesNs).isSorted();
        assertThat(replay.firstBookEvent).isInstanceOf(BookSnapshot.class);
        // the recorder's clock is ~1.27 s behind the exchange: no event may carry it
        assertThat(replay.timesNs.get(0)).isGreaterThanOrEqualTo(replay.firstExchangeTimeNs);
    }

    @ParameterizedTest
    @EnumSource(BinanceMarket.class)
    void shouldFeedABookThatAppliesEveryDeltaAndIsNeverCrossed(BinanceMarket market) {
        Replay replay = replay(market);

        assertThat(replay.notApplied).isZero();
        assertThat(replay.crossed).isZero();
        assertThat(replay.appliedDeltas).isEqualTo(replay.deltaTimesNs.size()).isGreaterThan(1_000);
        assertThat(replay.book.isValid()).isTrue();
    }

    @Test
    void shouldTimeTheSpotSnapshotAtItsBridgingDiffNotAtTheRecordersClock() throws IOException {
        RecordedFiles.Content file = RecordedFiles.count(RecordedFiles.files(BinanceMarket.SPOT));
        Replay replay = replay(BinanceMarket.SPOT);

        long firstChainingDiffNs = file.chainingDiffTimesNs(BinanceMarket.SPOT).get(0);
        assertThat(replay.snapshotTimeNs).isEqualTo(firstChainingDiffNs);
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> copy = new ArrayList<>(values);
        copy.sort(null);
        return copy;
    }

    /** Each market is replayed once and shared by the tests (the replays only read). */
    private static Replay replay(BinanceMarket market) {
        return REPLAYS.computeIfAbsent(market, BinanceRecordedSourceRealDataTest::replayOnce);
    }

    private static final Map<BinanceMarket, Replay> REPLAYS = new EnumMap<>(BinanceMarket.class);

    private static Replay replayOnce(BinanceMarket market) {
        Replay replay = new Replay(market);
        try (BinanceRecordedSource source = new BinanceRecordedSource(market, RecordedFiles.files(market))) {
            replay.source = source;
            Event event;
            while ((event = source.next()) != null) {
                replay.accept(event);
            }
        }
        return replay;
    }

    /** Feeds a book and notes what came out. */
    private static final class Replay {
        final OrderBook book;
        BinanceRecordedSource source;
        final List<Long> timesNs = new ArrayList<>();
        final List<Long> tradeTimesNs = new ArrayList<>();
        final List<Long> deltaTimesNs = new ArrayList<>();
        Event firstBookEvent;
        long firstExchangeTimeNs = Long.MAX_VALUE;
        long snapshots;
        long snapshotTimeNs;
        long appliedDeltas;
        long notApplied;
        long crossed;

        Replay(BinanceMarket market) {
            book = new OrderBook(market.instrument(), market.sequenceRule());
        }

        void accept(Event event) {
            timesNs.add(event.timestampNs());
            if (event instanceof BookSnapshot snapshot) {
                snapshots++;
                snapshotTimeNs = snapshot.timestampNs();
                book.applySnapshot(snapshot);
                check();
            } else if (event instanceof BookDelta delta) {
                firstExchangeTimeNs = Math.min(firstExchangeTimeNs, delta.timestampNs());
                deltaTimesNs.add(delta.timestampNs());
                if (book.applyDelta(delta) == ApplyResult.APPLIED) {
                    appliedDeltas++;
                } else {
                    notApplied++;
                }
                check();
            } else if (event instanceof PublicTrade trade) {
                firstExchangeTimeNs = Math.min(firstExchangeTimeNs, trade.timestampNs());
                tradeTimesNs.add(trade.timestampNs());
            }
            if (firstBookEvent == null && !(event instanceof PublicTrade)) {
                firstBookEvent = event;
            }
        }

        private void check() {
            if (book.isCrossed()) {
                crossed++;
            }
        }
    }
}
