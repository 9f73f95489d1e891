package dev.ballast.connectors.kraken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.connectors.live.Credentials;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KrakenVenueConfigTest {
    private final KrakenVenueConfig defaults = KrakenVenueConfig.of(List.of("XBT/USD"), null);

    @Test
    void shouldPointAtKrakensProductionEndpointsByDefault() {
        assertThat(defaults.restUrl()).isEqualTo("https://api.kraken.com");
        assertThat(defaults.publicWsUrl()).isEqualTo("wss://ws.kraken.com");
        assertThat(defaults.privateWsUrl()).isEqualTo("wss://ws-auth.kraken.com");
        assertThat(defaults.bookDepth()).isEqualTo(1000);
        assertThat(defaults.trading()).isFalse();
    }

    @Test
    void shouldNameTheFieldAndTheValueItRefuses() {
        assertThatThrownBy(() -> new KrakenVenueConfig(defaults.venue(), defaults.restUrl(), defaults.publicWsUrl(),
                defaults.privateWsUrl(), defaults.symbols(), null, defaults.tier(), defaults.callTimeout(),
                defaults.streamSilence(), defaults.metadataRefresh(), defaults.metadataTtl(), 7, 3,
                Duration.ZERO, Duration.ZERO, 1, true))
                .hasMessage("kraken.bookDepth must be one of 10, 25, 100, 500, 1000 (was 7)");
        assertThatThrownBy(() -> KrakenVenueConfig.of(List.of(), null))
                .hasMessageContaining("kraken.symbols");
        assertThatThrownBy(() -> defaults.withMetadata(Duration.ofMinutes(10), Duration.ofMinutes(1)))
                .hasMessageContaining("kraken.metadataTtl must be >= metadataRefresh");
        assertThatThrownBy(() -> defaults.withUrls("ftp://x", "ws://a", "ws://b"))
                .hasMessageContaining("kraken.restUrl");
        assertThatThrownBy(() -> defaults.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessage("kraken.callTimeout must be > 0 (was PT0S)");
    }

    @Test
    void shouldNeverShowTheSecretWhenPrinted() {
        KrakenVenueConfig config = KrakenVenueConfig.of(List.of("XBT/USD"),
                new Credentials(KrakenLoopback.API_KEY, KrakenLoopback.SECRET, null));

        assertThat(config.toString()).doesNotContain(KrakenLoopback.SECRET).doesNotContain(KrakenLoopback.API_KEY);
        assertThat(config.trading()).isTrue();
    }
}
