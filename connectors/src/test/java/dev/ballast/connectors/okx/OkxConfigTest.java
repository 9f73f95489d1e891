package dev.ballast.connectors.okx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.connectors.live.Credentials;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bad OKX config fails at start, naming the field and the value. */
class OkxConfigTest {
    @Test
    void shouldRefuseASymbolThatIsNotASpotOrSwapInstId() {
        assertThatThrownBy(() -> OkxConfig.of(List.of("BTCUSDT"), null))
                .hasMessageContaining("okx.symbols").hasMessageContaining("BTCUSDT");
    }

    @Test
    void shouldRefuseCredentialsWithoutAPassphrase() {
        assertThatThrownBy(() -> OkxConfig.of(List.of("BTC-USDT"), new Credentials("k", "s", null)))
                .hasMessageContaining("passphrase");
    }

    @Test
    void shouldRefuseAPingIntervalOkxWouldNotWaitFor() {
        OkxConfig ok = OkxConfig.of(List.of("BTC-USDT"), null);

        assertThatThrownBy(() -> ok.withTimings(Duration.ofSeconds(5), Duration.ofSeconds(40), Duration.ofSeconds(45),
                Duration.ofMillis(1), Duration.ofMillis(2))).hasMessageContaining("okx.pingAfterQuiet")
                .hasMessageContaining("30 s");
        assertThatThrownBy(() -> ok.withTimings(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(10),
                Duration.ofMillis(1), Duration.ofMillis(2))).hasMessageContaining("shorter than okx.streamSilence");
    }

    @Test
    void shouldRefuseARelativeUrl() {
        assertThatThrownBy(() -> OkxConfig.of(List.of("BTC-USDT"), null).withUrls("/api", "ws://h/p", "ws://h/q"))
                .hasMessageContaining("okx.restBaseUrl");
    }

    @Test
    void shouldNotPrintTheSecretOrPassphrase() {
        Credentials c = new Credentials("abcd-key", "the-secret", "the-passphrase");

        assertThat(OkxConfig.of(List.of("BTC-USDT"), c).toString()).doesNotContain("the-secret")
                .doesNotContain("the-passphrase").doesNotContain("abcd-key");
    }
}
