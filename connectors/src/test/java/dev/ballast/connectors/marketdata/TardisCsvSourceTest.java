package dev.ballast.connectors.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Side;
import dev.ballast.core.book.ApplyResult;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.book.SequenceRule;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.PublicTrade;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TardisCsvSource} on small Tardis-style samples written here. */
class TardisCsvSourceTest {
    static final Instrument BTCUSDT = new Instrument(InstrumentId.of("tardis-binance", "BTCUSDT"), Asset.of("BTC"),
            Asset.of("USDT"), new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("5"));
    private static final String BOOK_HEADER = "exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount";
    private static final String TRADES_HEADER = "exchange,symbol,timestamp,local_timestamp,id,side,price,amount";
    /** 2024-08-09 00:00:00 UTC in µs. */
    private static final long T0_US = 1_723_161_600_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldParseASnapshotBlockAndGroupUpdatesBySameTimestampIntoNumberedDeltas() throws IOException {
        Path file = write("book.csv",
                BOOK_HEADER,
                book(0, true, "ask", "61800.5", "1.5"),
                book(0, true, "bid", "61799.9", "2"),
                book(0, true, "ask", "61801", "0.25"),
                book(0, true, "bid", "61799.50", "3"),
                book(0, true, "bid", "61790", "0"),
                book(150_000, false, "bid", "61799.9", "1.25"),
                book(150_000, false, "ask", "61800.5", "0"),
                book(250_000, false, "bid", "61800.1", "0.5"));
        TardisCsvSource source = new TardisCsvSource(file, BTCUSDT);

        List<Event> events = BinanceRecordedSourceTest.readAll(source);

        assertThat(source.kind()).isEqualTo(TardisCsvSource.Kind.INCREMENTAL_BOOK_L2);
        assertThat(source.instruments()).containsExactly(new InstrumentFeed(BTCUSDT, SequenceRule.SEQUENTIAL));
        assertThat(events).hasSize(3);
        BookSnapshot snapshot = (BookSnapshot) events.get(0);
        assertThat(snapshot.updateId()).isEqualTo(1);
        assertThat(snapshot.timestampNs()).isEqualTo(T0_US * 1_000);
        assertThat(snapshot.bidCount()).isEqualTo(2);
        assertThat(snapshot.bidTicks()).containsExactly(6_179_990, 6_179_950);
        assertThat(snapshot.bidLots()).containsExactly(200_000, 300_000);
        assertThat(snapshot.askTicks()).containsExactly(6_180_050, 6_180_100);
        assertThat(snapshot.askLots()).containsExactly(150_000, 25_000);
        BookDelta first = (BookDelta) events.get(1);
        assertThat(new long[] {first.firstUpdateId(), first.lastUpdateId(), first.prevUpdateId(), first.timestampNs()})
                .containsExactly(2, 2, -1, (T0_US + 150_000) * 1_000);
        assertThat(first.bidTicks()).containsExactly(6_179_990);
        assertThat(first.bidLots()).containsExactly(125_000);
        assertThat(first.askTicks()).containsExactly(6_180_050);
        assertThat(first.askLots()).containsExactly(0);
        BookDelta second = (BookDelta) events.get(2);
        assertThat(second.firstUpdateId()).isEqualTo(3);
        assertThat(second.bidTicks()).containsExactly(6_180_010);
        assertThat(second.askCount()).isZero();
        assertThat(source.malformedCount()).isZero();

        OrderBook book = new OrderBook(BTCUSDT, SequenceRule.SEQUENTIAL);
        book.applySnapshot(snapshot);
        assertThat(book.applyDelta(first)).isEqualTo(ApplyResult.APPLIED);
        assertThat(book.applyDelta(second)).isEqualTo(ApplyResult.APPLIED);
        assertThat(new long[] {book.bestBidTicks(), book.bestBidLots(), book.bestAskTicks(), book.bestAskLots()})
                .containsExactly(6_180_010, 50_000, 6_180_100, 25_000);
    }

    @Test
    void shouldStartANewSnapshotAfterUpdatesAndNumberOnFromIt() throws IOException {
        Path file = write("resnap.csv",
                BOOK_HEADER,
                book(0, true, "bid", "100", "1"),
                book(10, false, "bid", "100", "2"),
                book(20, true, "bid", "101", "1"),
                book(20, true, "ask", "102", "1"),
                book(30, false, "ask", "102", "3"));

        List<Event> events = BinanceRecordedSourceTest.readAll(new TardisCsvSource(file, BTCUSDT));

        assertThat(events).extracting(TardisCsvSourceTest::label)
                .containsExactly("snapshot 1", "delta 2", "snapshot 3", "delta 4");
        assertThat(((BookSnapshot) events.get(2)).bidTicks()).containsExactly(10_100);
    }

    @Test
    void shouldParseTradesWithTheirAggressorAndSkipUnknownSidesAndOtherSymbols() throws IOException {
        Path file = write("trades.csv",
                TRADES_HEADER,
                trade("BTCUSDT", 50_000, "buy", "61800.5", "0.006"),
                trade("BTCUSDT", 120_000, "sell", "61799.9", "0.5"),
                trade("BTCUSDT", 130_000, "unknown", "61799.9", "0.5"),
                trade("ETHUSDT", 140_000, "buy", "2500.1", "1"));
        TardisCsvSource source = new TardisCsvSource(file, BTCUSDT);

        List<Event> events = BinanceRecordedSourceTest.readAll(source);

        assertThat(source.kind()).isEqualTo(TardisCsvSource.Kind.TRADES);
        assertThat(events).containsExactly(
                new PublicTrade(BTCUSDT.id(), 6_180_050, 600, Side.BUY, (T0_US + 50_000) * 1_000),
                new PublicTrade(BTCUSDT.id(), 6_179_990, 50_000, Side.SELL, (T0_US + 120_000) * 1_000));
        assertThat(source.ignoredRows()).isEqualTo(2);
    }

    @Test
    void shouldCountAndSkipMalformedRowsAndKeepTheRest() throws IOException {
        Path file = write("bad.csv",
                BOOK_HEADER,
                book(0, true, "bid", "100", "1"),
                book(0, true, "ask", "101", "1"),
                "binance,BTCUSDT,1723161600000010,1723161600000010,false,bid,abc,1",
                "binance,BTCUSDT,1723161600000010,false,bid,100,1",
                "binance,BTCUSDT,1723161600000010,1723161600000010,maybe,bid,100,1",
                "binance,BTCUSDT,1723161600000010,1723161600000010,false,bid,100.005,1",
                "binance,BTCUSDT,17231616000000x0,1723161600000010,false,bid,100,1",
                book(20, false, "bid", "100", "2"));
        TardisCsvSource source = new TardisCsvSource(file, BTCUSDT);

        List<Event> events = BinanceRecordedSourceTest.readAll(source);

        assertThat(source.malformedCount()).isEqualTo(5);
        assertThat(events).extracting(TardisCsvSourceTest::label).containsExactly("snapshot 1", "delta 2");
        assertThat(((BookDelta) events.get(1)).bidLots()).containsExactly(200_000);
    }

    @Test
    void shouldSkipAndCountUpdatesBeforeTheFirstSnapshot() throws IOException {
        Path file = write("late-start.csv",
                BOOK_HEADER,
                book(0, false, "bid", "100", "1"),
                book(0, false, "ask", "101", "1"),
                book(10, true, "bid", "100", "1"),
                book(20, false, "bid", "100", "2"));
        TardisCsvSource source = new TardisCsvSource(file, BTCUSDT);

        List<Event> events = BinanceRecordedSourceTest.readAll(source);

        assertThat(events).extracting(TardisCsvSourceTest::label).containsExactly("snapshot 1", "delta 2");
        assertThat(source.unsyncedUpdateRows()).isEqualTo(2);
    }

    @Test
    void shouldReplayAGzipBookAndItsTradesOnOneClock() throws IOException {
        Path bookFile = gzip("binance_incremental_book_L2_2024-08-09_BTCUSDT.csv.gz",
                BOOK_HEADER,
                book(0, true, "bid", "100", "1"),
                book(0, true, "ask", "101", "1"),
                book(100_000, false, "bid", "100", "2"),
                book(300_000, false, "ask", "101", "0.5"));
        Path tradesFile = gzip("binance_trades_2024-08-09_BTCUSDT.csv.gz",
                TRADES_HEADER,
                trade("BTCUSDT", 100_000, "sell", "100", "0.5"),
                trade("BTCUSDT", 200_000, "buy", "101", "0.5"));

        MarketDataSource source = TardisCsvSource.bookAndTrades(BTCUSDT, bookFile, tradesFile);
        List<Event> events = BinanceRecordedSourceTest.readAll(source);

        assertThat(events).extracting(TardisCsvSourceTest::label)
                .containsExactly("snapshot 1", "delta 2", "trade SELL", "trade BUY", "delta 3");
        assertThat(source.instruments()).hasSize(1);
        assertThat(source.describe()).contains("incremental_book_L2").contains("trades");
    }

    @Test
    void shouldRefuseAFileThatIsNotTardisCsv() throws IOException {
        Path file = write("other.csv", "time,price,qty", "1,2,3");

        assertThatThrownBy(() -> new TardisCsvSource(file, BTCUSDT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other.csv").hasMessageContaining("'symbol'");
    }

    private static String label(Event e) {
        if (e instanceof BookSnapshot s) {
            return "snapshot " + s.updateId();
        }
        if (e instanceof BookDelta d) {
            return "delta " + d.firstUpdateId();
        }
        return "trade " + ((PublicTrade) e).aggressor();
    }

    static String book(long afterUs, boolean snapshot, String side, String price, String amount) {
        long t = T0_US + afterUs;
        return "binance,BTCUSDT," + t + "," + (t + 1_500) + "," + snapshot + "," + side + "," + price + "," + amount;
    }

    static String trade(String symbol, long afterUs, String side, String price, String amount) {
        long t = T0_US + afterUs;
        return "binance," + symbol + "," + t + "," + (t + 1_500) + ",5266583935," + side + "," + price + "," + amount;
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    private Path gzip(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
