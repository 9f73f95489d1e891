package dev.ballast.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing a config back to YAML: what is written loads to an equal config. */
class ConfigWriterTest {

    @Test
    void shouldWriteDefaultsOutSoTheFileSaysWhatIsInForce() throws ConfigException {
        String yaml = ConfigWriter.toYaml(ConfigText.valid().load());

        assertThat(yaml).contains("statusIntervalMs: 5000", "inboxCapacity: 65536", "stepMs: 100", "latencyMs: 0");
    }

    @Test
    void shouldWriteDecimalsExactlyAsPlainNumbers() throws ConfigException {
        String yaml = ConfigWriter.toYaml(ConfigText.valid().set("simulation.assets.BTC.startPrice", "60000.125")
                .set("venues.sim-a.markets.BTCUSDT.lotSize", "0.0001").load());

        assertThat(yaml).contains("startPrice: 60000.125", "lotSize: 0.0001").doesNotContain("E-", "E+");
    }

    @Test
    void shouldRoundTripAConfigThroughAFile(@TempDir Path dir) throws Exception {
        BallastConfig config = ConfigText.valid().set("venues.sim-a.makerFeeBps", "-2.5")
                .set("engine.inboxCapacity", "1024").load();
        Path file = dir.resolve("written.yaml");

        ConfigWriter.write(config, file);

        assertThat(ConfigLoader.load(file, Map.<String, String>of()::get)).isEqualTo(config);
    }

    @Test
    void shouldRoundTripEveryRebalancingSettingThroughAFile(@TempDir Path dir) throws Exception {
        BallastConfig config = ConfigText.valid()
                .set("assets.BTC.model", "avellaneda-stoikov").set("assets.BTC.gamma", "0.25")
                .set("assets.BTC.horizonSec", "45").set("assets.BTC.minSpreadBps", "1.5")
                .set("assets.BTC.shrinkGrowingSide", "true")
                .set("assets.BTC.hedge.enabled", "false").set("assets.BTC.hedge.minSize", "0.02")
                .set("assets.BTC.hedge.execution", "almgren-chriss").set("assets.BTC.hedge.urgency", "3.5")
                .set("assets.BTC.hedge.sliceAbove", "0.04").set("assets.BTC.hedge.slices", "8")
                .set("assets.ETH.model", "gueant").set("assets.ETH.hedge.execution", "iceberg")
                .set("assets.ETH.hedge.icebergClip", "0.25").set("assets.ETH.hedge.icebergRefillMs", "250")
                .set("estimators.volatility.halfLifeSec", "120").set("estimators.intensity.minAPerSec", "0.0001")
                .set("estimators.liquidity.depthWithinBps", "5").set("hedging.maxSlippageBps", "30")
                .set("hedging.decisionIntervalMs", "500")
                .load();
        Path file = dir.resolve("written.yaml");

        ConfigWriter.write(config, file);

        assertThat(ConfigLoader.load(file, Map.<String, String>of()::get)).isEqualTo(config);
        assertThat(Files.readString(file))
                .contains("model: gueant", "execution: almgren-chriss", "minAPerSec: 0.0001")
                .doesNotContain("E-");
    }

    @Test
    void shouldWriteOnlyTheSettingsOfTheChosenQuoteModel() throws ConfigException {
        String yaml = ConfigWriter.toYaml(ConfigText.valid().set("assets.ETH.model", "gueant").load());

        assertThat(yaml.split("\n", -1)).filteredOn(line -> line.contains("gamma:")).hasSize(1);
        assertThat(yaml).doesNotContain("horizonSec", "NaN");
    }
}
