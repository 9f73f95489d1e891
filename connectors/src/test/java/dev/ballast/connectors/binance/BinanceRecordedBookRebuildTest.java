package dev.ballast.connectors.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.connectors.SharedData;
import dev.ballast.connectors.book.BookSynchronizer;
import dev.ballast.core.book.ApplyResult;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.PublicTrade;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Rebuilds real Binance books from the recorded files (hftbacktest's BTC window around 2024-08-08 midnight
 * UTC, in the shared data) and checks them against the world: no gap, never crossed once synced, and the
 * best bid and ask (price and size) equal to every {@code bookTicker} whose update id the book reaches.
 */
class BinanceRecordedBookRebuildTest {
    private static final String DIR = "market/binance-btc-2024-08-08/";

    @Test
    void shouldRebuildTheSpotBookAcrossBothFilesAndMatchEveryCoincidingBookTicker() throws IOException {
        Replay replay = rebuild(BinanceMarket.SPOT,
                files("binance-spot_btcusdt_20240808.gz", "binance-spot_btcusdt_20240809.gz"));

        assertThat(replay.matchedTickers).isGreaterThanOrEqualTo(1_000);
    }

    @Test
    void shouldRebuildTheUsdmBookAndMatchEveryCoincidingBookTicker() throws IOException {
        Replay replay = rebuild(BinanceMarket.USDM, files("binance-usdm_btcusdt_20240808.gz"));

        assertThat(replay.matchedTickers).isGreaterThanOrEqualTo(600);
    }

    @Test
    void shouldRebuildTheCoinmBookAcrossBothFilesAndMatchEveryCoincidingBookTicker() throws IOException {
        Replay replay = rebuild(BinanceMarket.COINM,
                files("binance-coinm_btcusd_perp_20240808.gz", "binance-coinm_btcusd_perp_20240809.gz"));

        assertThat(replay.matchedTickers).isGreaterThanOrEqualTo(1_800);
    }

    @Test
    void shouldReportAGapWhenOneSpotDiffIsDropped() throws IOException {
        assertDroppedDiffIsAGap(BinanceMarket.SPOT, files("binance-spot_btcusdt_20240808.gz"));
    }

    @Test
    void shouldReportAGapWhenOneFuturesDiffIsDropped() throws IOException {
        assertDroppedDiffIsAGap(BinanceMarket.USDM, files("binance-usdm_btcusdt_20240808.gz"));
    }

    private static Replay rebuild(BinanceMarket market, List<Path> files) throws IOException {
        Replay replay = new Replay(market);
        try (BinanceRecordedReader reader = new BinanceRecordedReader(market, files)) {
            reader.readAll(replay);

            Map<Kind, Long> expected = countLinesByKind(files);
            System.out.printf("%s: %d lines, %d snapshots, %d diffs (%d applied, %d stale, %d before sync),"
                            + " %d trades, %d book tickers of which %d matched the rebuilt book, %d sizes rounded to the lot%n",
                    market, reader.lines(), reader.snapshots(), reader.deltas(),
                    replay.results.get(ApplyResult.APPLIED), replay.results.get(ApplyResult.STALE),
                    replay.results.get(ApplyResult.NOT_SYNCED), reader.trades(), reader.bookTickers(),
                    replay.matchedTickers, reader.roundedSizes());
            assertThat(reader.malformed()).isZero();
            assertThat(reader.ignored()).isZero();
            assertThat(reader.roundedSizes()).isLessThan(20);
            assertThat(reader.snapshots()).isEqualTo(expected.get(Kind.SNAPSHOT)).isEqualTo(1);
            assertThat(reader.deltas()).isEqualTo(expected.get(Kind.DIFF));
            assertThat(reader.trades()).isEqualTo(expected.get(Kind.TRADE)).isEqualTo(replay.trades);
            assertThat(reader.bookTickers()).isEqualTo(expected.get(Kind.BOOK_TICKER));
        }
        BookSynchronizer sync = replay.sync;
        assertThat(sync.gaps()).isZero();
        assertThat(replay.results.get(ApplyResult.GAP)).isZero();
        assertThat(sync.isSynced()).isTrue();
        assertThat(replay.crossedAfterSync).isZero();
        assertThat(replay.results.get(ApplyResult.APPLIED)).isGreaterThan(1_000);
        assertThat(sync.book().lastUpdateId()).isEqualTo(replay.lastDiffId);
        return replay;
    }

    private static void assertDroppedDiffIsAGap(BinanceMarket market, List<Path> files) throws IOException {
        Replay replay = new Replay(market);
        replay.dropAppliedDiffNumber = 50;
        try (BinanceRecordedReader reader = new BinanceRecordedReader(market, files)) {
            while (replay.firstResultAfterDrop == null && reader.readNext(replay)) {
                // until the diff after the dropped one has been offered
            }
        }
        assertThat(replay.firstResultAfterDrop).isEqualTo(ApplyResult.GAP);
        assertThat(replay.sync.gaps()).isEqualTo(1);
        assertThat(replay.sync.isSynced()).isFalse();
    }

    /** Feeds a synchronizer and checks the book at every step. */
    private static final class Replay implements BinanceMessageHandler {
        final BookSynchronizer sync;
        final Map<ApplyResult, Long> results = new EnumMap<>(ApplyResult.class);
        /** Tickers ahead of the book, by update id: compared when the book reaches that id. */
        final TreeMap<Long, BinanceBookTicker> pendingTickers = new TreeMap<>();
        long matchedTickers;
        long crossedAfterSync;
        long trades;
        long lastDiffId;
        int dropAppliedDiffNumber = -1;
        ApplyResult firstResultAfterDrop;
        private boolean dropped;

        Replay(BinanceMarket market) {
            sync = new BookSynchronizer(new OrderBook(market.instrument(), market.sequenceRule()));
            for (ApplyResult r : ApplyResult.values()) {
                results.put(r, 0L);
            }
        }

        @Override
        public void onSnapshot(BookSnapshot snapshot, long localNs) {
            assertThat(sync.onSnapshot(snapshot)).isEqualTo(ApplyResult.APPLIED);
            checkBook();
        }

        @Override
        public void onDelta(BookDelta delta, long localNs) {
            lastDiffId = delta.lastUpdateId();
            if (!dropped && results.get(ApplyResult.APPLIED) == dropAppliedDiffNumber) {
                dropped = true;
                return;
            }
            ApplyResult result = sync.onDelta(delta);
            results.merge(result, 1L, Long::sum);
            if (dropped && firstResultAfterDrop == null) {
                firstResultAfterDrop = result;
            }
            if (result == ApplyResult.APPLIED) {
                checkBook();
            }
        }

        @Override
        public void onTrade(PublicTrade trade, long localNs) {
            trades++;
        }

        @Override
        public void onBookTicker(BinanceBookTicker ticker, long localNs) {
            OrderBook book = sync.book();
            if (book.isValid() && ticker.updateId() == book.lastUpdateId()) {
                assertMatches(ticker);
            } else if (ticker.updateId() > book.lastUpdateId()) {
                pendingTickers.put(ticker.updateId(), ticker);
            }
        }

        private void checkBook() {
            OrderBook book = sync.book();
            if (book.isCrossed()) {
                crossedAfterSync++;
            }
            pendingTickers.headMap(book.lastUpdateId()).clear();
            BinanceBookTicker ticker = pendingTickers.remove(book.lastUpdateId());
            if (ticker != null) {
                assertMatches(ticker);
            }
        }

        private void assertMatches(BinanceBookTicker ticker) {
            OrderBook book = sync.book();
            assertThat(new long[] {book.bestBidTicks(), book.bestBidLots(), book.bestAskTicks(), book.bestAskLots()})
                    .as("book at update %d vs %s", book.lastUpdateId(), ticker)
                    .containsExactly(ticker.bidTicks(), ticker.bidLots(), ticker.askTicks(), ticker.askLots());
            matchedTickers++;
        }
    }

    private enum Kind { SNAPSHOT, DIFF, TRADE, BOOK_TICKER, OTHER }

    /** Counts the files' lines by stream, with plain string matching: independent of the reader. */
    private static Map<Kind, Long> countLinesByKind(List<Path> files) throws IOException {
        Map<Kind, Long> counts = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            counts.put(k, 0L);
        }
        for (Path file : files) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    counts.merge(kindOf(line), 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    private static Kind kindOf(String line) {
        int json = line.indexOf(' ') + 1;
        if (line.startsWith("{\"lastUpdateId\":", json)) {
            return Kind.SNAPSHOT;
        }
        if (!line.startsWith("{\"stream\":\"", json)) {
            return Kind.OTHER;
        }
        String stream = line.substring(json + 11, line.indexOf('"', json + 11));
        String channel = stream.substring(stream.indexOf('@') + 1);
        if (channel.startsWith("depth")) {
            return Kind.DIFF;
        }
        if (channel.equals("trade")) {
            return Kind.TRADE;
        }
        return channel.equals("bookTicker") ? Kind.BOOK_TICKER : Kind.OTHER;
    }

    private static List<Path> files(String... names) {
        return java.util.Arrays.stream(names).map(n -> SharedData.resolve(DIR + n)).toList();
    }
}
