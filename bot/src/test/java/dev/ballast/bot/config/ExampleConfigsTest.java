package dev.ballast.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ballast.core.Asset;
import dev.ballast.core.VenueId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed examples in config/examples load as they are: what the README tells operators to start from. */
class ExampleConfigsTest {
    private static final Map<String, String> BINANCE_KEYS =
            Map.of("BINANCE_API_KEY", "dummy-key", "BINANCE_API_SECRET", "dummy-secret");
    private static final VenueId BINANCE = VenueId.of("binance");
    private static final VenueId BINANCE_USDM = VenueId.of("binance-usdm");

    private static Path example(String name) {
        return ProjectFiles.root().resolve("config/examples").resolve(name);
    }

    @Test
    void shouldLoadThePaperLiveExampleWithoutAnyKey() throws ConfigException {
        BallastConfig config = ConfigLoader.load(example("paper-live.yaml"), Map.<String, String>of()::get);

        assertThat(config.mode()).isEqualTo(Mode.PAPER_LIVE);
        assertThat(config.liveVenues().keySet()).containsExactly(BINANCE, BINANCE_USDM);
        assertThat(config.liveVenues().get(BINANCE).type()).isEqualTo(VenueType.BINANCE_SPOT);
        assertThat(config.liveVenues().get(BINANCE_USDM).type()).isEqualTo(VenueType.BINANCE_USDM);
        assertThat(config.liveVenues().values()).allSatisfy(v -> {
            assertThat(v.keys()).isEmpty();
            assertThat(v.markets().keySet()).containsExactly("BTCUSDT");
        });
        assertThat(config.liveVenues().get(BINANCE_USDM).paper().orElseThrow().balances())
                .containsOnlyKeys(Asset.of("USDT"));
        assertThat(config.venues()).isEmpty();
        assertThat(config.simulation()).isNull();
    }

    @Test
    void shouldLoadTheLiveExampleWithItsKeysFromTheEnvironment() throws ConfigException {
        BallastConfig config = ConfigLoader.load(example("live.yaml"), BINANCE_KEYS::get);

        assertThat(config.mode()).isEqualTo(Mode.LIVE);
        assertThat(config.liveVenues().keySet()).containsExactly(BINANCE, BINANCE_USDM);
        assertThat(config.liveVenues().values()).allSatisfy(v -> {
            assertThat(v.keys().orElseThrow().apiKey().reveal()).isEqualTo("dummy-key");
            assertThat(v.keys().orElseThrow().apiSecret().variable()).contains("BINANCE_API_SECRET");
            assertThat(v.paper()).isEmpty();
        });
    }

    @Test
    void shouldNameTheMissingVariablesOfTheLiveExample() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.load(example("live.yaml"), Map.<String, String>of()::get));

        assertThat(e.problems()).hasSize(4).allSatisfy(p -> assertThat(p).containsPattern(
                "venues\\.binance(-usdm)?\\.api(Key|Secret): environment variable BINANCE_API_(KEY|SECRET) is not set"));
    }

    @Test
    void shouldLoadTheLiveExamplesCommentedKrakenAndOkxVenuesOnceUncommented() throws Exception {
        // the venue lines are commented as "#  kraken:", "#    type: …"; the header's prose is "#   …"
        String uncommented = Files.readString(example("live.yaml")).replaceAll("(?m)^#(  (?:\\S|  ).*)$", "$1");
        Map<String, String> env = Map.of("BINANCE_API_KEY", "k", "BINANCE_API_SECRET", "s", "KRAKEN_API_KEY", "k",
                "KRAKEN_API_SECRET", "s", "OKX_API_KEY", "k", "OKX_API_SECRET", "s", "OKX_PASSPHRASE", "p");

        BallastConfig config = ConfigLoader.parse(uncommented, "live.yaml", env::get);

        assertThat(config.liveVenues().keySet())
                .containsExactly(BINANCE, BINANCE_USDM, VenueId.of("kraken"), VenueId.of("okx"));
        assertThat(config.liveVenues().get(VenueId.of("okx")).keys().orElseThrow().passphrase()).isPresent();
    }

    @Test
    void shouldKeepEveryKeyOutOfTheExamples() throws Exception {
        for (String name : new String[] {"paper-live.yaml", "live.yaml"}) {
            for (String line : Files.readAllLines(example(name))) {
                String setting = line.replaceFirst("^#", "").strip();
                if (setting.matches("(apiKey|apiSecret|passphrase):.*")) {
                    assertThat(setting).as(name).matches("\\w+: \\$\\{[A-Z_]+}(\\s+#.*)?");
                }
            }
        }
    }
}
