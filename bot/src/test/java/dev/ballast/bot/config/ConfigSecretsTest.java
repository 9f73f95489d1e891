package dev.ballast.bot.config;

import static dev.ballast.bot.config.LiveVenueConfigTest.KEYS;
import static dev.ballast.bot.config.LiveVenueConfigTest.LIVE;
import static dev.ballast.bot.config.LiveVenueConfigTest.PAPER_LIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A credential's value never leaves the config: not in a problem message (however the key is broken), not in a
 * record's {@code toString}, not in a config written back. Every path is driven with one recognisable fake secret.
 */
class ConfigSecretsTest {
    private static final String FAKE = "FAKESECRET7f3a9c";
    private static final String SECRET_LINE = "    apiSecret: ${BINANCE_API_SECRET}\n";

    /** The live base config with the Binance venue's secret line replaced by {@code line}. */
    private static String withSecretLine(String line) {
        return LIVE.replace(SECRET_LINE, line);
    }

    @Test
    void shouldNeverShowASecretsValueInAnyProblemMessage() {
        Map<String, String> fakeInEnv = new HashMap<>(KEYS);
        fakeInEnv.put("BINANCE_API_SECRET", FAKE);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("literal", withSecretLine("    apiSecret: " + FAKE + "\n"));
        cases.put("quoted literal", withSecretLine("    apiSecret: \"" + FAKE + "\"\n"));
        cases.put("literal as a default", withSecretLine("    apiSecret: ${BINANCE_API_SECRET:-" + FAKE + "}\n"));
        cases.put("literal around a reference", withSecretLine("    apiSecret: " + FAKE + "${BINANCE_API_SECRET}\n"));
        cases.put("not a variable name", withSecretLine("    apiSecret: ${" + FAKE + "-x}\n"));
        cases.put("unclosed reference", withSecretLine("    apiSecret: ${" + FAKE + "\n"));
        cases.put("a mapping", withSecretLine("    apiSecret: { value: " + FAKE + " }\n"));
        cases.put("a list", withSecretLine("    apiSecret: [" + FAKE + "]\n"));
        cases.put("syntax error", withSecretLine("    apiSecret: " + FAKE + ": x\n"));
        cases.put("unclosed quote", withSecretLine("    apiSecret: \"" + FAKE + "\n"));
        cases.put("misspelt key", withSecretLine(SECRET_LINE + "    apiSecert: " + FAKE + "\n"));
        cases.put("duplicate key", withSecretLine(SECRET_LINE + "    apiSecret: " + FAKE + "\n"));
        cases.put("passphrase on binance", withSecretLine(SECRET_LINE + "    passphrase: " + FAKE + "\n"));
        cases.put("okx passphrase literal", LIVE.replace("${OKX_PASSPHRASE}", FAKE));
        cases.put("key in paper-live", PAPER_LIVE.replace("    balances: { USDT: 2000 }\n",
                "    balances: { USDT: 2000 }\n    apiSecret: " + FAKE + "\n"));
        cases.put("live venue in paper mode", ConfigText.VALID.replace("venues:\n", "venues:\n  binance:\n"
                + "    type: binance-spot\n    markets: { BTCUSDT: { base: BTC, quote: USDT } }\n"
                + "    apiSecret: " + FAKE + "\n"));
        cases.put("unknown mode", withSecretLine("    apiSecret: " + FAKE + "\n").replace("mode: live", "mode: lve"));
        cases.put("other problems beside a good secret", withSecretLine(SECRET_LINE
                + "    requestTimeoutMs: 1\n    restUrl: http://api.binance.com\n")
                .replace("${BINANCE_API_KEY}", "${UNSET_VARIABLE}"));

        cases.forEach((name, yaml) -> {
            ConfigException e = catchThrowableOfType(ConfigException.class,
                    () -> ConfigLoader.parse(yaml, "config.yaml", fakeInEnv::get));
            assertThat(e).as(name + ": expected problems").isNotNull();
            assertThat(e.problems()).as(name).isNotEmpty();
            assertThat(e.getMessage()).as(name).doesNotContain(FAKE).doesNotContain(FAKE.substring(0, 8));
        });
    }

    @Test
    void shouldNeverShowASecretInTheToStringOfTheConfigOrItsParts() throws ConfigException {
        Map<String, String> env = new HashMap<>(KEYS);
        env.put("BINANCE_API_SECRET", FAKE);
        env.put("OKX_PASSPHRASE", FAKE + "-pass");

        BallastConfig config = ConfigLoader.parse(LIVE, "config.yaml", env::get);
        LiveVenueConfig binance = config.liveVenues().get(dev.ballast.core.VenueId.of("binance"));

        assertThat(binance.keys().orElseThrow().apiSecret().reveal()).isEqualTo(FAKE);
        assertThat(config.toString()).doesNotContain(FAKE).contains("****");
        assertThat(binance.toString()).doesNotContain(FAKE);
        assertThat(binance.keys().orElseThrow().toString()).doesNotContain(FAKE);
        assertThat(config.liveVenues().get(dev.ballast.core.VenueId.of("okx")).keys().toString())
                .doesNotContain(FAKE);
    }

    @Test
    void shouldWriteAKeyBackAsItsReferenceNeverItsValue(@TempDir Path dir) throws Exception {
        Map<String, String> env = new HashMap<>(KEYS);
        env.put("BINANCE_API_SECRET", FAKE);
        BallastConfig config = ConfigLoader.parse(LIVE, "config.yaml", env::get);
        Path file = dir.resolve("written.yaml");

        ConfigWriter.write(config, file);

        String written = java.nio.file.Files.readString(file);
        assertThat(written).doesNotContain(FAKE).contains("${BINANCE_API_SECRET}", "${OKX_PASSPHRASE}");
        assertThat(ConfigLoader.load(file, env::get)).isEqualTo(config);
    }

    @Test
    void shouldLeaveOutAKeyMadeInCodeWhenWritingTheConfigBack() throws ConfigException {
        BallastConfig loaded = ConfigLoader.parse(LIVE, "config.yaml", KEYS::get);
        Map<dev.ballast.core.VenueId, LiveVenueConfig> venues = new LinkedHashMap<>(loaded.liveVenues());
        LiveVenueConfig binance = venues.get(dev.ballast.core.VenueId.of("binance"));
        venues.put(binance.id(), new LiveVenueConfig(binance.id(), binance.type(), binance.markets(),
                java.util.Optional.of(new LiveVenueConfig.ApiKeys(Secret.of(FAKE), Secret.of(FAKE + "2"),
                        java.util.Optional.empty())),
                binance.restUrl(), binance.wsUrl(), binance.privateWsUrl(), binance.requestTimeoutMs(),
                binance.staleAfterMs(), binance.metadataRefreshSec(), binance.paper()));
        BallastConfig config = new BallastConfig(loaded.mode(), loaded.quoteCurrency(), loaded.engine(), null,
                loaded.venues(), venues, loaded.assets(), loaded.estimators(), loaded.hedging());

        String yaml = ConfigWriter.toYaml(config);

        assertThat(yaml).doesNotContain(FAKE).contains("${OKX_API_KEY}");
        assertThat(ConfigText.problemsOf(yaml, KEYS)).satisfiesExactly(
                p -> assertThat(p).contains("venues.binance.apiKey is required in live mode"),
                p -> assertThat(p).contains("venues.binance.apiSecret is required in live mode"));
    }

    @Test
    void shouldRoundTripAPaperLiveConfigWithItsPaperFills() throws ConfigException {
        BallastConfig config = ConfigLoader.parse(PAPER_LIVE.replace("balances: { USDT: 2000 }",
                "balances: { USDT: 2000 }\n    makerFeeBps: -1.5\n    latencyMs: 35"), "config.yaml", Map.<String, String>of()::get);

        String yaml = ConfigWriter.toYaml(config);

        assertThat(yaml).contains("makerFeeBps: -1.5", "latencyMs: 35").doesNotContain("apiKey", "simulation");
        assertThat(ConfigLoader.parse(yaml, "written.yaml", Map.<String, String>of()::get)).isEqualTo(config);
    }
}
