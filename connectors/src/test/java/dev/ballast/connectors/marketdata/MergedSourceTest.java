package dev.ballast.connectors.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.connectors.binance.BinanceMarket;
import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.PublicTrade;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergedSourceTest {
    private static final Instrument ETHUSDT = new Instrument(InstrumentId.of("tardis-binance", "ETHUSDT"),
            Asset.of("ETH"), Asset.of("USDT"), new BigDecimal("0.01"), new BigDecimal("0.0001"), new BigDecimal("5"));
    private static final String TRADES_HEADER = "exchange,symbol,timestamp,local_timestamp,id,side,price,amount";

    @TempDir
    Path dir;

    @Test
    void shouldReplaySpotAndUsdmOnOneClockLosingNothing() throws IOException {
        RecordedFiles.Content spot = RecordedFiles.count(RecordedFiles.files(BinanceMarket.SPOT));
        RecordedFiles.Content usdm = RecordedFiles.count(RecordedFiles.files(BinanceMarket.USDM));
        BinanceRecordedSource spotSource = new BinanceRecordedSource(BinanceMarket.SPOT,
                RecordedFiles.files(BinanceMarket.SPOT));
        BinanceRecordedSource usdmSource = new BinanceRecordedSource(BinanceMarket.USDM,
                RecordedFiles.files(BinanceMarket.USDM));
        MergedSource merged = new MergedSource(List.of(spotSource, usdmSource));

        List<Event> events = BinanceRecordedSourceTest.readAll(merged);

        assertThat(events).extracting(Event::timestampNs).isSorted();
        long spotTrades = count(events, BinanceMarket.SPOT.instrument().id());
        long usdmTrades = count(events, BinanceMarket.USDM.instrument().id());
        assertThat(spotTrades).isEqualTo(spot.trades);
        assertThat(usdmTrades).isEqualTo(usdm.trades);
        assertThat(events).hasSize((int) (spot.trades + usdm.trades + 2
                + spot.chainingDiffTimesNs(BinanceMarket.SPOT).size() + usdm.chainingDiffTimesNs(BinanceMarket.USDM).size()));
        assertThat(merged.instruments()).extracting(InstrumentFeed::instrument)
                .containsExactly(BinanceMarket.SPOT.instrument(), BinanceMarket.USDM.instrument());
        assertThat(merged.gapCount()).isZero();
        assertThat(merged.malformedCount()).isZero();
        assertThat(merged.progress()).isEqualTo(1.0);
        assertThat(merged.peek()).isNull();
    }

    @Test
    void shouldPutTheFirstListedSourceFirstWhenTimesAreEqual() throws IOException {
        Path btc = write("btc.csv", TRADES_HEADER,
                TardisCsvSourceTest.trade("BTCUSDT", 10, "buy", "100", "1"),
                TardisCsvSourceTest.trade("BTCUSDT", 20, "buy", "100", "1"),
                TardisCsvSourceTest.trade("BTCUSDT", 20, "sell", "100", "1"));
        Path eth = write("eth.csv", TRADES_HEADER,
                TardisCsvSourceTest.trade("ETHUSDT", 5, "sell", "10", "1"),
                TardisCsvSourceTest.trade("ETHUSDT", 20, "sell", "10", "1"),
                TardisCsvSourceTest.trade("ETHUSDT", 30, "sell", "10", "1"));
        MergedSource merged = new MergedSource(List.of(new TardisCsvSource(btc, TardisCsvSourceTest.BTCUSDT),
                new TardisCsvSource(eth, ETHUSDT)));

        List<String> order = new ArrayList<>();
        for (Event e : BinanceRecordedSourceTest.readAll(merged)) {
            PublicTrade t = (PublicTrade) e;
            order.add(t.instrument().symbol() + " " + t.aggressor() + " @" + (t.timestampNs() / 1_000 % 1_000));
        }

        assertThat(order).containsExactly("ETHUSDT SELL @5", "BTCUSDT BUY @10", "BTCUSDT BUY @20",
                "BTCUSDT SELL @20", "ETHUSDT SELL @20", "ETHUSDT SELL @30");
    }

    @Test
    void shouldCloseEverySourceAndThenHandOutNothing() throws IOException {
        Path btc = write("btc.csv", TRADES_HEADER, TardisCsvSourceTest.trade("BTCUSDT", 10, "buy", "100", "1"));
        TardisCsvSource source = new TardisCsvSource(btc, TardisCsvSourceTest.BTCUSDT);
        MergedSource merged = new MergedSource(List.of(source));

        merged.close();

        assertThat(merged.next()).isNull();
        assertThat(source.next()).isNull();
    }

    private static long count(List<Event> events, InstrumentId id) {
        return events.stream().filter(e -> e instanceof PublicTrade t && t.instrument().equals(id)).count();
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }
}
