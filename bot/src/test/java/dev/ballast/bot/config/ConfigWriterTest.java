package dev.ballast.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

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
}
