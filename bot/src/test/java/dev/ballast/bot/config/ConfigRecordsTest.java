package dev.ballast.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.Asset;
import dev.ballast.core.VenueId;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The config records when built in code: the same rules as the loader, maps that cannot change. */
class ConfigRecordsTest {

    @Test
    void shouldListEveryBrokenRuleWhenARecordIsBuiltWithBadValues() {
        assertThatThrownBy(() -> new AssetConfig(BigDecimal.ONE, new BigDecimal("0.05"), new BigDecimal("-1"),
                new BigDecimal("0.01"), 0, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxPosition must be > 0 (was -1); spreadBps must be > 0 (was 0)");
    }

    @Test
    void shouldCompareDecimalsByValueWhateverTheirTrailingZeros() {
        AssetConfig written = new AssetConfig(new BigDecimal("1.0"), new BigDecimal("0.050"), new BigDecimal("0.3"),
                new BigDecimal("0.01"), 6, 20);
        AssetConfig plain = new AssetConfig(new BigDecimal("1"), new BigDecimal("0.05"), new BigDecimal("0.30"),
                new BigDecimal("0.010"), 6, 20);

        assertThat(written).isEqualTo(plain);
        assertThat(written.target().toString()).isEqualTo("1");
    }

    @Test
    void shouldShowLargeDecimalsWithoutAnExponent() {
        SimAssetConfig btc = new SimAssetConfig(new BigDecimal("6E+4"), 3);

        assertThat(btc.startPrice().toString()).isEqualTo("60000");
    }

    @Test
    void shouldExposeMapsThatCannotBeChangedAndDoNotFollowTheCallersMap() throws ConfigException {
        BallastConfig config = ConfigText.valid().load();
        Map<Asset, AssetConfig> assets = new LinkedHashMap<>(config.assets());
        BallastConfig copy = new BallastConfig(config.mode(), config.quoteCurrency(), config.engine(),
                config.simulation(), config.venues(), assets);

        assets.clear();

        assertThat(copy.assets()).hasSize(2);
        assertThatThrownBy(() -> copy.assets().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.venues().get(VenueId.of("sim-a")).markets().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldUseTheDocumentedDefaultsWhenOptionalKeysAreLeftOut() throws ConfigException {
        BallastConfig config = ConfigText.valid().load(); // no engine, no stepMs; sim-a has no fees or latency

        VenueConfig simA = config.venues().get(VenueId.of("sim-a"));
        assertThat(config.engine()).isEqualTo(EngineConfig.DEFAULTS);
        assertThat(EngineConfig.DEFAULTS).isEqualTo(new EngineConfig(5000, 250, 1.0, 65536));
        assertThat(config.simulation().stepMs()).isEqualTo(100);
        assertThat(simA.latencyMs()).isZero();
        assertThat(simA.makerFeeBps()).isEqualByComparingTo("0");
        assertThat(simA.takerFeeBps()).isEqualByComparingTo("0");
        assertThat(simA.dislocationBps()).isZero();
    }

    @Test
    void shouldNeverShowASecretInToString() {
        Secret key = Secret.of("AKIA-very-secret");
        record Credentials(Secret apiKey, Secret apiSecret) {
        }

        assertThat(new Credentials(key, Secret.of("xyz")).toString())
                .doesNotContain("AKIA", "xyz").contains("****");
        assertThat(key.reveal()).isEqualTo("AKIA-very-secret");
        assertThat(key).isEqualTo(Secret.of("AKIA-very-secret")).isNotEqualTo(Secret.of("other"));
    }
}
