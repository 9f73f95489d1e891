package dev.ballast.connectors.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.PublicTrade;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinanceRecordedReaderTest {
    private static final String DIFF = "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\","
            + "\"E\":1723161255208,\"s\":\"BTCUSDT\",\"U\":%d,\"u\":%d,\"b\":[[\"61737.63\",\"0.1\"]],\"a\":[]}}";
    private static final String TRADE = "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255343,"
            + "\"s\":\"BTCUSDT\",\"p\":\"61837.63\",\"q\":\"0.02\",\"m\":true}}";
    private static final String SNAPSHOT = "{\"lastUpdateId\":20,\"bids\":[[\"61737.63\",\"0.5\"]],"
            + "\"asks\":[[\"61737.64\",\"0.5\"]]}";
    private static final String TICKER = "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":21,\"s\":\"BTCUSDT\","
            + "\"b\":\"61737.63\",\"B\":\"0.1\",\"a\":\"61737.64\",\"A\":\"0.5\"}}";

    @TempDir
    Path dir;

    @Test
    void shouldReadContinuationFilesAsOneStreamInOrder() throws IOException {
        Path first = gzip("a.gz", "100 " + diff(10, 19), "101 " + SNAPSHOT, "102 " + TRADE);
        Path second = gzip("b.gz", "200 " + diff(20, 21), "201 " + TICKER);
        RecordingHandler handler = new RecordingHandler();

        try (BinanceRecordedReader reader = new BinanceRecordedReader(BinanceMarket.SPOT, List.of(first, second))) {
            reader.readAll(handler);

            assertThat(reader.lines()).isEqualTo(5);
            assertThat(reader.snapshots()).isEqualTo(1);
            assertThat(reader.deltas()).isEqualTo(2);
            assertThat(reader.trades()).isEqualTo(1);
            assertThat(reader.bookTickers()).isEqualTo(1);
            assertThat(reader.malformed()).isZero();
        }
        assertThat(handler.values).hasSize(5);
        assertThat(handler.values.get(0)).isInstanceOf(BookDelta.class);
        assertThat(handler.values.get(1)).isInstanceOf(BookSnapshot.class);
        assertThat(handler.values.get(2)).isInstanceOf(PublicTrade.class);
        assertThat(((BookDelta) handler.values.get(3)).firstUpdateId()).isEqualTo(20);
        assertThat(handler.values.get(4)).isInstanceOf(BinanceBookTicker.class);
        assertThat(handler.localNs).containsExactly(100L, 101L, 102L, 200L, 201L);
    }

    @Test
    void shouldCountBookTickersButHandNoneOverWhenToldToPassThemOver() throws IOException {
        Path file = gzip("tickers.gz", "100 " + TICKER, "101 " + diff(10, 19), "102 " + TICKER, "103 " + TRADE);
        RecordingHandler handler = new RecordingHandler();

        try (BinanceRecordedReader reader = new BinanceRecordedReader(BinanceMarket.SPOT, List.of(file))) {
            reader.passOverBookTickers();
            reader.readAll(handler);

            assertThat(reader.bookTickers()).isEqualTo(2);
            assertThat(reader.lines()).isEqualTo(4);
            assertThat(reader.ignored()).isZero();
        }
        assertThat(handler.localNs).containsExactly(101L, 103L);
    }

    @Test
    void shouldSplitLinesOfEveryLengthAroundTheEightByteWordsItScans() throws IOException {
        String[] lines = new String[40];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = (i + 1) + " " + "x".repeat(i);
        }
        Path file = gzip("lengths.gz", lines);

        try (BinanceRecordedReader reader = new BinanceRecordedReader(BinanceMarket.SPOT, List.of(file))) {
            reader.readAll(new RecordingHandler());

            assertThat(reader.lines()).isEqualTo(40);
            assertThat(reader.malformed()).isEqualTo(40);
            assertThat(reader.lineInFile()).isEqualTo(40);
        }
    }

    @Test
    void shouldCountAndSkipMalformedLinesWithoutStopping() throws IOException {
        Path file = gzip("bad.gz",
                "100 " + diff(10, 19),
                "no timestamp here",
                "101 {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"p\":\"1.001\",\"q\":\"1\",\"m\":true}}",
                "102 {truncated",
                "",
                "103 {\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\"}}",
                "104 " + TRADE);
        RecordingHandler handler = new RecordingHandler();

        try (BinanceRecordedReader reader = new BinanceRecordedReader(BinanceMarket.SPOT, List.of(file))) {
            reader.readAll(handler);

            assertThat(reader.lines()).isEqualTo(6);
            assertThat(reader.malformed()).isEqualTo(3);
            assertThat(reader.ignored()).isEqualTo(1);
            assertThat(reader.deltas()).isEqualTo(1);
            assertThat(reader.trades()).isEqualTo(1);
        }
        assertThat(handler.localNs).containsExactly(100L, 104L);
    }

    @Test
    void shouldReadALastLineWithoutNewlineAndLinesLongerThanTheReadBuffer() throws IOException {
        StringBuilder levels = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            levels.append(i == 0 ? "" : ",").append("[\"").append(10_000 + i).append(".01\",\"1.5\"]");
        }
        String bigSnapshot = "{\"lastUpdateId\":7,\"bids\":[" + levels + "],\"asks\":[]}";
        Path file = dir.resolve("long.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(("1 " + bigSnapshot + "\r\n2 " + TRADE).getBytes(StandardCharsets.UTF_8));
        }
        RecordingHandler handler = new RecordingHandler();

        try (BinanceRecordedReader reader = new BinanceRecordedReader(BinanceMarket.SPOT, List.of(file))) {
            assertThat(reader.readNext(handler)).isTrue();
            assertThat(reader.readNext(handler)).isTrue();
            assertThat(reader.readNext(handler)).isFalse();
        }
        assertThat(((BookSnapshot) handler.values.get(0)).bidCount()).isEqualTo(20_000);
        assertThat(handler.values.get(1)).isInstanceOf(PublicTrade.class);
    }

    @Test
    void shouldFailLoudlyWhenAFileIsNotGzip() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.gz"), "100 " + TRADE + "\n");

        try (BinanceRecordedReader reader = new BinanceRecordedReader(BinanceMarket.SPOT, List.of(file))) {
            assertThatThrownBy(() -> reader.readAll(new RecordingHandler())).isInstanceOf(IOException.class);
        }
    }

    private static String diff(long first, long last) {
        return String.format(DIFF, first, last);
    }

    private Path gzip(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
