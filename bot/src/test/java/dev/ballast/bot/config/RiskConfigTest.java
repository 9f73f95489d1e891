package dev.ballast.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.bot.risk.PositionLimits;
import dev.ballast.bot.risk.RiskLimits;
import dev.ballast.core.Asset;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code risk} section and {@code engine.shutdownTimeoutMs}: defaults, rules, and what the engine is given. */
class RiskConfigTest {
    private static final Asset BTC = Asset.of("BTC");
    private static final Asset ETH = Asset.of("ETH");

    @Test
    void shouldGiveEveryLimitItsDefaultAndEveryAssetPositionLimitsFromItsOwnSettings() throws ConfigException {
        BallastConfig config = ConfigText.valid().load();

        RiskConfig risk = config.risk();
        assertThat(risk).isEqualTo(RiskConfig.defaults(config.assets()));
        assertThat(risk.controlFile()).isEqualTo("ballast.control");
        assertThat(risk.maxOrderNotional()).isEqualByComparingTo("100000");
        assertThat(risk.maxOrdersPerSecondPerVenue()).isEqualTo(50);
        assertThat(risk.assets()).containsEntry(BTC, new RiskAssetConfig(new BigDecimal("0.3"), new BigDecimal("1.3")))
                .containsEntry(ETH, new RiskAssetConfig(new BigDecimal("3"), new BigDecimal("13")));
        assertThat(config.engine().shutdownTimeoutMs()).isEqualTo(8000);
    }

    @Test
    void shouldTakeAnAssetsLimitsFromTheFileAndLeaveTheOthersAtTheirDefaults() throws ConfigException {
        BallastConfig config = ConfigText.valid().set("risk.assets.BTC.maxVenuePosition", "0.8")
                .set("risk.priceBandBps", "25").set("risk.staleDataMs", "1500").load();

        RiskLimits limits = config.risk().limits();
        assertThat(limits.position(BTC)).isEqualTo(new PositionLimits(0.3, 0.8));
        assertThat(limits.position(ETH)).isEqualTo(new PositionLimits(3, 13));
        assertThat(limits.priceBandBps()).isEqualTo(25);
        assertThat(limits.staleDataNs()).isEqualTo(Duration.ofMillis(1500).toNanos());
        assertThat(limits.rejectWindowNs()).isEqualTo(Duration.ofMinutes(1).toNanos());
    }

    @Test
    void shouldNameEveryBrokenRiskRuleWithItsPath() {
        assertThat(ConfigText.valid().set("risk.priceBandBps", "10000").set("risk.maxDrawdownPct", "120")
                .set("risk.maxOrdersPerSecond", "0").set("risk.assets.BTC.maxPosition", "-0.1")
                .set("engine.shutdownTimeoutMs", "0").problems())
                .containsExactlyInAnyOrder(
                        "engine.shutdownTimeoutMs must be > 0 (was 0)",
                        "risk.maxOrdersPerSecond must be > 0 (was 0)",
                        "risk.priceBandBps must be < 10000 (was 10000)",
                        "risk.maxDrawdownPct must be <= 100 (was 120)",
                        "risk.assets.BTC.maxPosition must be > 0 (was -0.1)");
    }

    @Test
    void shouldRefuseLimitsForAnAssetThatIsNotTraded() {
        assertThat(ConfigText.valid().set("risk.assets.DOGE.maxPosition", "100").problems())
                .singleElement().asString()
                .endsWith("risk.assets.DOGE: not an asset configured under assets (assets: BTC, ETH)");
    }

    @Test
    void shouldSuggestTheNearestKeyForATypoInTheRiskSection() {
        assertThat(ConfigText.valid().set("risk.maxDrawdownPc", "5").problems())
                .singleElement().asString().contains("risk.maxDrawdownPc: unknown key (did you mean 'maxDrawdownPct'?)");
    }

    @Test
    void shouldResolveARelativeControlFileAgainstTheConfigsDirectory(@TempDir Path dir) throws ConfigException {
        RiskConfig risk = ConfigText.valid().set("risk.controlFile", "run/ctl").load().risk();

        assertThat(risk.controlFile(dir.resolve("bot.yaml"))).isEqualTo(dir.resolve("run/ctl"));
        assertThat(risk.controlFile(dir.resolve("bot.yaml").getFileName())).isEqualTo(Path.of("run/ctl").toAbsolutePath());
    }

    @Test
    void shouldRoundTripTheRiskSectionThroughAFile(@TempDir Path dir) throws Exception {
        BallastConfig config = ConfigText.valid().set("risk.assets.ETH.maxPosition", "1.5")
                .set("risk.maxDailyLossPct", "2.5").set("risk.controlFile", "/var/run/ballast.control")
                .set("engine.shutdownTimeoutMs", "5000").load();
        Path file = dir.resolve("written.yaml");

        ConfigWriter.write(config, file);

        assertThat(ConfigLoader.load(file, Map.<String, String>of()::get)).isEqualTo(config);
    }
}
