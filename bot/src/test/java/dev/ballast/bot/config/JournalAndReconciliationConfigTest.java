package dev.ballast.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.bot.journal.Synchronous;
import dev.ballast.core.Asset;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code journal} and {@code reconciliation} sections: defaults, the data directory, rules, round trip. */
class JournalAndReconciliationConfigTest {

    @Test
    void shouldPutTheJournalInTheDataDirectoryByDefault() throws ConfigException {
        BallastConfig inDocker = ConfigLoader.parse(ConfigText.valid().yaml(), "config.yaml",
                Map.of("BALLAST_DATA_DIR", "/data/")::get);
        BallastConfig local = ConfigText.valid().load();

        assertThat(inDocker.journal()).isEqualTo(new JournalConfig("/data/journal.db", 60, Synchronous.NORMAL));
        assertThat(local.journal().url()).isEqualTo("./data/journal.db");
        assertThat(local.reconciliation()).isEqualTo(ReconciliationConfig.DEFAULTS);
        assertThat(local.reconciliation().tolerance().allowed(Asset.of("BTC"), new BigDecimal("0.5"),
                new BigDecimal("0.6"))).isEqualByComparingTo("0.0006");
    }

    @Test
    void shouldReadEveryJournalAndReconciliationKey() throws ConfigException {
        BallastConfig config = ConfigText.valid()
                .set("journal.url", "jdbc:postgresql://db:5432/ballast")
                .set("journal.snapshotIntervalSec", "10").set("journal.synchronous", "FULL")
                .set("reconciliation.intervalSec", "0").set("reconciliation.balanceTolerance.relative", "0.01")
                .set("reconciliation.balanceTolerance.assets.BTC", "0.0001")
                .set("reconciliation.cancelUnknownOrders", "true").load();

        assertThat(config.journal()).isEqualTo(new JournalConfig("jdbc:postgresql://db:5432/ballast", 10,
                Synchronous.FULL));
        assertThat(config.reconciliation()).isEqualTo(new ReconciliationConfig(0, new BigDecimal("0.01"),
                Map.of(Asset.of("BTC"), new BigDecimal("0.0001")), true));
    }

    @Test
    void shouldNameEachBrokenRuleOfTheNewSections() {
        assertThat(ConfigText.valid().set("journal.snapshotIntervalSec", "-1").set("journal.synchronous", "off")
                .set("reconciliation.balanceTolerance.relative", "-0.1").problems())
                .anySatisfy(p -> assertThat(p).contains("journal.synchronous must be one of: normal, full (was 'off')"))
                .anySatisfy(p -> assertThat(p).contains("reconciliation.balanceTolerance.relative must be >= 0"));
        assertThat(ConfigText.valid().set("journal.snapshotIntervalSec", "-1").problems())
                .anySatisfy(p -> assertThat(p).contains("journal.snapshotIntervalSec must be >= 0 (was -1)"));
        assertThat(ConfigText.valid().set("reconciliation.balanceTolerance.assets.DOGE", "5").problems())
                .anySatisfy(p -> assertThat(p).contains(
                        "reconciliation.balanceTolerance.assets.DOGE must be the quoteCurrency USDT or an asset"));
        assertThat(ConfigText.valid().set("reconciliation.intervalSecs", "5").problems())
                .anySatisfy(p -> assertThat(p).contains("did you mean 'intervalSec'?"));
    }

    @Test
    void shouldRoundTripTheNewSectionsThroughAFile(@TempDir Path dir) throws Exception {
        BallastConfig config = ConfigText.valid().set("journal.url", "/var/lib/ballast/j.db")
                .set("journal.synchronous", "full").set("reconciliation.balanceTolerance.assets.USDT", "2.5").load();
        Path file = dir.resolve("written.yaml");

        ConfigWriter.write(config, file);

        assertThat(ConfigLoader.load(file, Map.<String, String>of()::get)).isEqualTo(config);
    }
}
