package dev.ballast.connectors.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.connectors.SharedData;
import dev.ballast.connectors.binance.BinanceMarket;
import dev.ballast.connectors.binance.BinanceRecordedReader;
import dev.ballast.core.book.ApplyResult;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.PublicTrade;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BinanceRecordedSource} on small files written here, and on real files with a line taken out. */
class BinanceRecordedSourceTest {
    private static final long MS = 1_000_000L;
    private static final long T0 = 1_723_161_255_000L;

    @TempDir
    Path dir;

    @Test
    void shouldHandOutTheSnapshotBeforeTheDiffThatBridgesItAndDropTheStaleOne() throws IOException {
        Path file = gzip("bridge.gz",
                "100 " + diff(T0 + 10, 15, 19),
                "101 " + diff(T0 + 20, 20, 21),
                "102 " + trade(T0 + 15),
                "103 " + snapshot(20),
                "104 " + diff(T0 + 30, 22, 22));

        List<Event> events = readAll(new BinanceRecordedSource(BinanceMarket.SPOT, List.of(file)));

        assertThat(events).extracting(BinanceRecordedSourceTest::label)
                .containsExactly("trade@15", "snapshot 20@20", "delta 20-21@20", "delta 22-22@30");
    }

    @Test
    void shouldResyncFromTheNextSnapshotAfterAGap() throws IOException {
        Path file = gzip("gap.gz", withoutLine(4,
                "100 " + diff(T0 + 10, 20, 21),
                "101 " + snapshot(20),
                "102 " + diff(T0 + 100, 22, 23),
                "103 " + diff(T0 + 200, 24, 25),
                "104 " + diff(T0 + 300, 26, 27),
                "105 " + trade(T0 + 350),
                "106 " + diff(T0 + 400, 28, 29),
                "107 " + snapshot(28),
                "108 " + diff(T0 + 500, 30, 31)));
        BinanceRecordedSource source = new BinanceRecordedSource(BinanceMarket.SPOT, List.of(file));

        List<Event> events = readAll(source);

        assertThat(events).extracting(BinanceRecordedSourceTest::label).containsExactly(
                "snapshot 20@10", "delta 20-21@10", "delta 22-23@100",
                "trade@350", "snapshot 28@400", "delta 28-29@400", "delta 30-31@500");
        assertThat(source.gapCount()).isEqualTo(1);
        assertThat(appliedByABook(BinanceMarket.SPOT, events)).isEqualTo(4);
    }

    @Test
    void shouldHandOutEverythingBeforeAGapThenStopNamingFileLineAndUpdateIdsWhenNoSnapshotFollows()
            throws IOException {
        Path file = gzip("nosnap.gz", withoutLine(4,
                "100 " + diff(T0 + 10, 20, 21),
                "101 " + snapshot(20),
                "102 " + diff(T0 + 100, 22, 23),
                "103 " + diff(T0 + 200, 24, 25),
                "104 " + diff(T0 + 300, 26, 27),
                "105 " + trade(T0 + 350)));
        List<String> handedOut = new ArrayList<>();

        try (BinanceRecordedSource source = new BinanceRecordedSource(BinanceMarket.SPOT, List.of(file))) {
            assertThatThrownBy(() -> {
                Event event;
                while ((event = source.next()) != null) {
                    handedOut.add(label(event));
                }
            }).isInstanceOf(MarketDataException.class)
                    .hasMessageContaining("nosnap.gz line 4")
                    .hasMessageContaining("update id 23")
                    .hasMessageContaining("U=26, u=27")
                    .hasMessageContaining("no later snapshot");
            assertThat(source.gapCount()).isEqualTo(1);
            assertThat(source.next()).isNull();
        }
        assertThat(handedOut).containsExactly("snapshot 20@10", "delta 20-21@10", "delta 22-23@100", "trade@350");
    }

    @Test
    void shouldStopWithAClearMessageWhenARealFuturesFileLosesADiffLine() throws IOException {
        Path real = SharedData.resolve(RecordedFiles.DIR + "binance-usdm_btcusdt_20240808.gz");
        Path broken = copyWithoutDiffNumber(real, dir.resolve("binance-usdm_btcusdt_20240808.gz"), 500);

        try (BinanceRecordedSource source = new BinanceRecordedSource(BinanceMarket.USDM, List.of(broken))) {
            assertThatThrownBy(() -> {
                while (source.next() != null) {
                    // replay up to the gap
                }
            }).isInstanceOf(MarketDataException.class)
                    .hasMessageContaining(broken.toString())
                    .hasMessageContaining("the book was at update id")
                    .hasMessageContaining("pu=");
            assertThat(source.gapCount()).isEqualTo(1);
            assertThat(source.deltasEmitted()).isGreaterThan(100);
        }
    }

    @Test
    void shouldRefuseAContinuationFileAloneWithAMessageSayingWhy() throws IOException {
        Path file = gzip("binance-spot_btcusdt_20240809.gz",
                "100 " + diff(T0 + 10, 30, 31),
                "101 " + trade(T0 + 20));

        try (BinanceRecordedSource source = new BinanceRecordedSource(BinanceMarket.SPOT, List.of(file))) {
            assertThat(source.next()).isInstanceOf(PublicTrade.class);
            assertThatThrownBy(source::next).isInstanceOf(MarketDataException.class)
                    .hasMessageContaining("no depth snapshot")
                    .hasMessageContaining("binance-spot_btcusdt_20240809.gz line 1 (U=30, u=31)");
        }
    }

    @Test
    void shouldCountAndSkipMalformedLinesAndGoOn() throws IOException {
        Path file = gzip("bad.gz",
                "100 " + snapshot(20),
                "101 {\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":",
                "not even a timestamp",
                "102 " + diff(T0 + 10, 21, 21),
                "103 " + trade(T0 + 20));
        BinanceRecordedSource source = new BinanceRecordedSource(BinanceMarket.SPOT, List.of(file));

        List<Event> events = readAll(source);

        assertThat(source.malformedCount()).isEqualTo(2);
        assertThat(events).extracting(BinanceRecordedSourceTest::label)
                .containsExactly("snapshot 20@10", "delta 21-21@10", "trade@20");
    }

    @Test
    void shouldPutStreamsReceivedOutOfOrderBackInExchangeTimeKeepingReceiveOrderForEqualTimes() throws IOException {
        Path file = gzip("order.gz",
                "100 " + diff(T0 + 10, 20, 21),
                "101 " + snapshot(20),
                "102 " + diff(T0 + 50, 22, 22),
                "103 " + trade(T0 + 40),
                "104 " + trade(T0 + 50),
                "105 " + diff(T0 + 60, 23, 23),
                "106 " + trade(T0 + 55));

        List<Event> events = readAll(new BinanceRecordedSource(BinanceMarket.SPOT, List.of(file)));

        assertThat(events).extracting(BinanceRecordedSourceTest::label).containsExactly(
                "snapshot 20@10", "delta 20-21@10", "trade@40", "delta 22-22@50", "trade@50", "trade@55",
                "delta 23-23@60");
    }

    @Test
    void shouldRetimeAnEventThatComesLaterThanTheReorderWindowAndCountIt() throws IOException {
        Path file = gzip("late.gz",
                "100 " + trade(T0 + 1000),
                "101 " + trade(T0 + 1100),
                "102 " + trade(T0 + 1200),
                "103 " + trade(T0 + 1050),
                "104 " + trade(T0 + 1300));
        BinanceRecordedReader reader = new BinanceRecordedReader(BinanceMarket.SPOT, List.of(file));
        BinanceRecordedSource source = new BinanceRecordedSource(reader, "late", 10 * MS);

        List<Event> events = readAll(source);

        assertThat(events).extracting(BinanceRecordedSourceTest::label)
                .containsExactly("trade@1000", "trade@1100", "trade@1100", "trade@1200", "trade@1300");
        assertThat(source.retimedEvents()).isEqualTo(1);
    }

    @Test
    void shouldReplayContentsInMemoryExactlyAsTheFile() throws IOException {
        String[] lines = {"100 " + diff(T0 + 10, 20, 21), "101 " + snapshot(20), "102 " + trade(T0 + 20),
                "103 " + diff(T0 + 30, 22, 22)};
        Path file = gzip("file.gz", lines);
        byte[] content = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);

        List<Event> fromFile = readAll(new BinanceRecordedSource(BinanceMarket.SPOT, List.of(file)));
        BinanceRecordedSource inMemory = new BinanceRecordedSource(
                BinanceRecordedReader.inMemory(BinanceMarket.SPOT, List.of(content), List.of("memory")), "memory");
        List<Event> fromMemory = readAll(inMemory);

        assertThat(fromMemory).extracting(BinanceRecordedSourceTest::label)
                .containsExactlyElementsOf(fromFile.stream().map(BinanceRecordedSourceTest::label).toList())
                .hasSize(4);
        assertThat(inMemory.progress()).isEqualTo(1.0);
    }

    @Test
    void shouldOpenOneSourcePerMarketWithItsFilesInDateOrder() {
        Path recordings = SharedData.resolve(RecordedFiles.DIR);

        List<BinanceRecordedSource> sources = BinanceRecordedSource.openAll(List.of(recordings));

        assertThat(sources).extracting(BinanceRecordedSource::market)
                .containsExactly(BinanceMarket.SPOT, BinanceMarket.USDM, BinanceMarket.COINM);
        assertThat(sources.get(0).describe()).isEqualTo("binance SPOT BTCUSDT from"
                + " [binance-spot_btcusdt_20240808.gz, binance-spot_btcusdt_20240809.gz]");
        assertThat(sources.get(2).instruments()).singleElement()
                .satisfies(feed -> assertThat(feed.instrument()).isEqualTo(BinanceMarket.COINM.instrument()));
        sources.forEach(BinanceRecordedSource::close);
    }

    @Test
    void shouldRefuseAFileWhoseNameNamesNoMarket() {
        assertThatThrownBy(() -> BinanceRecordedSource.openAll(List.of(dir.resolve("okx-btc.gz"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("okx-btc.gz");
    }

    // ------------------------------------------------------------------ helpers

    static List<Event> readAll(MarketDataSource source) {
        List<Event> events = new ArrayList<>();
        try (source) {
            Event event;
            while ((event = source.next()) != null) {
                events.add(event);
            }
        }
        return events;
    }

    /** How many deltas a fresh book applies; fails on any other answer. */
    private static int appliedByABook(BinanceMarket market, List<Event> events) {
        OrderBook book = new OrderBook(market.instrument(), market.sequenceRule());
        int applied = 0;
        for (Event e : events) {
            if (e instanceof BookSnapshot s) {
                book.applySnapshot(s);
            } else if (e instanceof BookDelta d) {
                assertThat(book.applyDelta(d)).as("delta %d-%d", d.firstUpdateId(), d.lastUpdateId())
                        .isEqualTo(ApplyResult.APPLIED);
                applied++;
            }
        }
        return applied;
    }

    /** A short text for an event, times in ms after T0. */
    private static String label(Event e) {
        long at = e.timestampNs() / MS - T0;
        if (e instanceof BookSnapshot s) {
            return "snapshot " + s.updateId() + "@" + at;
        }
        if (e instanceof BookDelta d) {
            return "delta " + d.firstUpdateId() + "-" + d.lastUpdateId() + "@" + at;
        }
        return "trade@" + at;
    }

    private static String diff(long eventTimeMs, long first, long last) {
        return "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":" + eventTimeMs
                + ",\"s\":\"BTCUSDT\",\"U\":" + first + ",\"u\":" + last
                + ",\"b\":[[\"61737.6" + (last % 3) + "\",\"0.1\"]],\"a\":[]}}";
    }

    private static String snapshot(long lastUpdateId) {
        return "{\"lastUpdateId\":" + lastUpdateId + ",\"bids\":[[\"61737.63\",\"0.5\"]],"
                + "\"asks\":[[\"61737.64\",\"0.5\"]]}";
    }

    private static String trade(long eventTimeMs) {
        return "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":" + eventTimeMs
                + ",\"s\":\"BTCUSDT\",\"p\":\"61737.64\",\"q\":\"0.02\",\"m\":false}}";
    }

    /** The lines without the one numbered {@code lineNumber} (1-based): the recorder "lost" it. */
    private static String[] withoutLine(int lineNumber, String... lines) {
        List<String> kept = new ArrayList<>(List.of(lines));
        kept.remove(lineNumber - 1);
        return kept.toArray(String[]::new);
    }

    private Path gzip(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** Copies a recording leaving out its {@code n}-th depth diff line. */
    private static Path copyWithoutDiffNumber(Path from, Path to, int n) throws IOException {
        int diffs = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(from)), StandardCharsets.UTF_8));
             Writer out = new java.io.OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(to)),
                     StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.contains("@depth") && ++diffs == n) {
                    continue;
                }
                out.write(line);
                out.write('\n');
            }
        }
        return to;
    }
}
