package dev.ballast.connectors.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.connectors.live.Credentials;
import dev.ballast.core.VenueId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The venue config: production defaults, and validation that names the field and the value. */
class BinanceVenueConfigTest {
    private static final VenueId BINANCE = VenueId.of("binance");

    @Test
    void shouldDefaultToBinancesProductionHostsAndDocumentedTimings() {
        BinanceVenueConfig spot = BinanceVenueConfig.spot(BINANCE, List.of("BTCUSDT"), null);
        BinanceVenueConfig usdm = BinanceVenueConfig.usdM(VenueId.of("binance-usdm"), List.of("BTCUSDT"), null);

        assertThat(spot.restUrl()).isEqualTo("https://api.binance.com");
        assertThat(spot.publicWsUrl()).isEqualTo("wss://stream.binance.com:9443");
        assertThat(usdm.restUrl()).isEqualTo("https://fapi.binance.com");
        assertThat(usdm.privateWsUrl()).isEqualTo("wss://fstream.binance.com");
        assertThat(spot.listenKeyKeepAlive()).isEqualTo(Duration.ofMinutes(30));
        assertThat(spot.recvWindow()).isEqualTo(Duration.ofSeconds(5));
        assertThat(spot.trading()).isFalse();
    }

    @Test
    void shouldNameTheFieldAndValueItRefuses() {
        assertThatThrownBy(() -> BinanceVenueConfig.spot(BINANCE, List.of("btc-usdt"), null))
                .hasMessageContaining("binance.symbols").hasMessageContaining("btc-usdt");
        assertThatThrownBy(() -> BinanceVenueConfig.spot(BINANCE, List.of(), null))
                .hasMessageContaining("binance.symbols must not be empty");
        assertThatThrownBy(() -> BinanceVenueConfig.spot(BINANCE, List.of("BTCUSDT"), null).withTimings(
                Duration.ofSeconds(61), Duration.ofHours(1), Duration.ofMinutes(30), Duration.ofMillis(1),
                Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1)))
                .hasMessageContaining("binance.recvWindow must be <= 60 s").hasMessageContaining("PT1M1S");
        assertThatThrownBy(() -> BinanceVenueConfig.spot(BINANCE, List.of("BTCUSDT"), null).withTimings(
                Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofMinutes(60), Duration.ofMillis(1),
                Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1)))
                .hasMessageContaining("binance.listenKeyKeepAlive must be < 60 min");
        assertThatThrownBy(() -> BinanceVenueConfig.spot(BINANCE, List.of("BTCUSDT"), null).withDepthSpeed("fast"))
                .hasMessageContaining("binance.depthSpeed").hasMessageContaining("fast");
        assertThatThrownBy(() -> BinanceVenueConfig.spot(BINANCE, List.of("BTCUSDT"), null)
                .withUrls("ftp://x", "ws://y", "ws://z")).hasMessageContaining("restUrl");
    }

    @Test
    void shouldNeverPrintTheSecretInItsDescription() {
        BinanceVenueConfig config = BinanceVenueConfig.spot(BINANCE, List.of("BTCUSDT"),
                new Credentials(BinanceLoopback.API_KEY, BinanceLoopback.SECRET, null));

        assertThat(config.toString()).doesNotContain(BinanceLoopback.SECRET).doesNotContain(BinanceLoopback.API_KEY)
                .contains("BTCUSDT");
    }

    @Test
    void shouldSubscribeToTheDiffStreamAtTheConfiguredSpeedAndToTrades() {
        BinanceVenueConfig config = BinanceVenueConfig.usdM(VenueId.of("binance-usdm"), List.of("BTCUSDT", "ETHUSDT"),
                null).withDepthSpeed("0ms");
        var instruments = new BinanceMapper(config.venue(), BinanceProduct.USD_M)
                .exchangeInfo(BinanceCaptures.exchangeInfo(BinanceCaptures.FUTURES_INFO)).instruments();

        var md = new BinanceMarketData(config, List.of(instruments.get("BTCUSDT"), instruments.get("ETHUSDT")),
                null, null, e -> true, null, null, null);

        assertThat(md.streamUrl()).isEqualTo("wss://fstream.binance.com/stream?streams=btcusdt@depth@0ms/"
                + "btcusdt@trade/ethusdt@depth@0ms/ethusdt@trade");
    }
}
