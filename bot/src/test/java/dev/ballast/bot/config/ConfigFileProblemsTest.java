package dev.ballast.bot.config;

import static dev.ballast.bot.config.ConfigText.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Problems tied to the text of the file: syntax, types, unknown, duplicate and missing keys. Each names the
 * file, line and column, and the dotted path where there is one.
 */
class ConfigFileProblemsTest {
    private static final String VALID = ConfigText.VALID;

    @Test
    void shouldReportASyntaxErrorWithFileLineAndColumn() {
        String yaml = """
                mode: paper
                quoteCurrency: USDT
                engine:
                  statusIntervalMs: 5000
                  requoteIntervalMs: 250: 3
                """;
        assertThat(problemsOf(yaml)).containsExactly("config.yaml:5:25: mapping values are not allowed here");
    }

    @Test
    void shouldReportAnUnclosedQuoteWithWhereTheQuoteStarted() {
        assertThat(problemsOf("mode: paper\nquoteCurrency: \"USDT\n")).containsExactly(
                "config.yaml:3:1: found unexpected end of stream (while scanning a quoted scalar started at 2:16)");
    }

    @Test
    void shouldNameTheFileAsGivenWhenLoadingFromDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "mode: paper\nquoteCurrency: USDT: x\n");

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.load(file, Map.<String, String>of()::get));

        assertThat(e.source()).isEqualTo(file.toString());
        assertThat(e.problems()).containsExactly(file + ":2:20: mapping values are not allowed here");
    }

    @Test
    void shouldReportAMissingFile(@TempDir Path dir) {
        Path file = dir.resolve("nope.yaml");

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.load(file, Map.<String, String>of()::get));

        assertThat(e.problems()).containsExactly(file + ": no such file");
    }

    @Test
    void shouldReportATypeErrorWithFileLineColumnAndDottedPath() {
        assertThat(problemsOf(VALID.replace("latencyMs: 40", "latencyMs: fast"))).containsExactly(
                "config.yaml:21:16: venues.sim-b.latencyMs must be a whole number (was 'fast')");
    }

    @Test
    void shouldRejectAFractionWhereAWholeNumberGoes() {
        assertThat(problemsOf(VALID.replace("seed: 7", "seed: 7.5"))).containsExactly(
                "config.yaml:4:9: simulation.seed must be a whole number (was '7.5')");
    }

    @Test
    void shouldSayAWholeNumberIsTooLargeRatherThanNotANumber() {
        assertThat(problemsOf(VALID.replace("bookLevels: 20, levelSize: 0.8", "bookLevels: 1e12, levelSize: 0.8")))
                .containsExactly("config.yaml:26:50: venues.sim-b.markets.BTCUSDT.bookLevels must be a whole number"
                        + " from -2147483648 to 2147483647 (was '1e12')");
    }

    @Test
    void shouldRejectAListWhereAMappingGoes() {
        assertThat(problemsOf(VALID.replace("balances: { BTC: 0.5, USDT: 50000 }", "balances: [BTC, USDT]")))
                .containsExactly("config.yaml:23:15: venues.sim-b.balances must be a mapping of keys to values"
                        + " (was a list)");
    }

    @Test
    void shouldRejectAnUnknownModeListingTheKnownOnes() {
        assertThat(problemsOf(VALID.replace("mode: paper", "mode: real")))
                .containsExactly("config.yaml:1:7: mode must be one of: paper, paper-live, live (was 'real')");
    }

    @Test
    void shouldRejectAVenueIdThatIsNotLowerCase() {
        assertThat(problemsOf(VALID.replace("  sim-b:", "  Sim-B:"))).containsExactly("config.yaml:19:3: venues.Sim-B:"
                + " the key must be a venue id of lower case letters, digits, '-' and '_' (at most 32, like sim-a)");
    }

    @Test
    void shouldSuggestTheClosestValidNameForAnUnknownKey() {
        assertThat(problemsOf(VALID.replace("band: 0.05, maxPosition: 0.3", "band: 0.05, maxPositon: 0.3")))
                .containsExactly(
                        "config.yaml:29:3: assets.BTC.maxPosition is required",
                        "config.yaml:29:35: assets.BTC.maxPositon: unknown key (did you mean 'maxPosition'?)");
    }

    @Test
    void shouldSuggestTheClosestValidNameForAnUnknownKeyInAHedgeSection() {
        assertThat(problemsOf(VALID.replace("skewBpsPerUnit: 20.0 }", "skewBpsPerUnit: 20.0,\n"
                + "         hedge: { hysteresisEntry: 0.2, execution: twap } }")))
                .containsExactly("config.yaml:31:19: assets.BTC.hedge.hysteresisEntry: unknown key"
                        + " (did you mean 'hysteresisEnter'?)");
    }

    @Test
    void shouldSuggestTheClosestValidNameForAnUnknownKeyInTheEstimatorsAndHedgingSections() {
        String yaml = VALID + """
                estimators:
                  volatility: { halfLifeSecs: 120 }
                  intensities: { windowSec: 60 }
                hedging:
                  maxSlipageBps: 30
                """;

        assertThat(problemsOf(yaml)).containsExactly(
                "config.yaml:33:17: estimators.volatility.halfLifeSecs: unknown key (did you mean 'halfLifeSec'?)",
                "config.yaml:34:3: estimators.intensities: unknown key (did you mean 'intensity'?)",
                "config.yaml:36:3: hedging.maxSlipageBps: unknown key (did you mean 'maxSlippageBps'?)");
    }

    @Test
    void shouldListTheValidKeysWhenNoKeyIsCloseToAnUnknownOne() {
        assertThat(problemsOf(VALID.replace("  seed: 7", "  seed: 7\n  colour: blue"))).containsExactly(
                "config.yaml:5:3: simulation.colour: unknown key (valid keys here: seed, stepMs, assets)");
    }

    @Test
    void shouldNameAMissingRequiredKeyByItsDottedPathAtItsParentKey() {
        assertThat(problemsOf(VALID.replace("tickSize: 0.1, ", ""))).containsExactly(
                "config.yaml:25:7: venues.sim-b.markets.BTCUSDT.tickSize is required");
    }

    @Test
    void shouldNameAMissingTopLevelKeyWithTheFile() throws ConfigException {
        assertThat(ConfigText.valid().remove("quoteCurrency").problems())
                .containsExactly("config.yaml: quoteCurrency is required");
    }

    @Test
    void shouldReportAKeyWithAnEmptyValueAsRequired() {
        assertThat(problemsOf(VALID.replace("seed: 7", "seed:"))).containsExactly(
                "config.yaml:4:3: simulation.seed is required (the value is empty)");
    }

    @Test
    void shouldRejectADuplicateKeyNamingWhereItWasFirstDefined() {
        assertThat(problemsOf(VALID.replace("  latencyMs: 40", "  latencyMs: 40\n    latencyMs: 50"))).containsExactly(
                "config.yaml:22:5: venues.sim-b.latencyMs: duplicate key (first defined at line 21)");
    }

    @Test
    void shouldRejectYamlAliasesRatherThanMisreadThem() {
        String yaml = VALID.replace("type: simulated\n    latencyMs: 40", "type: &t simulated\n    latencyMs: 40")
                .replace("  sim-a:\n    type: simulated", "  sim-a:\n    type: *t");
        assertThat(problemsOf(yaml)).contains(
                "config.yaml:10:11: venues.sim-a.type: YAML aliases (*t) are not supported: write the value out");
    }

    @Test
    void shouldRejectAnEmptyFile() {
        assertThat(problemsOf("# nothing here\n")).containsExactly("config.yaml: the file has no settings in it");
    }

    @Test
    void shouldRejectATopLevelThatIsNotAMapping() {
        assertThat(problemsOf("- mode\n- paper\n")).containsExactly(
                "config.yaml:1:1: the top level must be a mapping of keys to values, like 'mode: paper'");
    }

    @Test
    void shouldRejectASecondYamlDocument() {
        assertThat(problemsOf(VALID + "---\nmode: paper\n")).containsExactly(
                "config.yaml:33:1: only one YAML document is allowed: remove the '---' and what follows it");
    }

    @Test
    void shouldReportEveryProblemAtOnceFileProblemsInFileOrderThenRules() {
        String yaml = VALID
                .replace("seed: 7", "seed: seven")
                .replace("maxPosition: 0.3", "maxPosition: -1")
                .replace("spreadBps: 8.0", "spreadBps: 0")
                .replace("takerFeeBps: 4.0", "takerFeeBps: 4.0\n    makerFee: 1")
                .replace("lotSize: 0.001, minNotional: 10", "lotSize: 0.001");

        assertThat(problemsOf(yaml)).containsExactly(
                "config.yaml:4:9: simulation.seed must be a whole number (was 'seven')",
                "config.yaml:23:5: venues.sim-b.makerFee: unknown key (did you mean 'makerFeeBps'?)",
                "config.yaml:26:7: venues.sim-b.markets.BTCUSDT.minNotional is required",
                "assets.BTC.maxPosition must be > 0 (was -1)",
                "assets.ETH.spreadBps must be > 0 (was 0)");
    }

    @Test
    void shouldNeverShowJavaClassNamesToTheOperator() {
        String[] broken = {
            "mode: [",
            "mode: paper\nquoteCurrency: USDT\n\tengine: {}\n",
            VALID.replace("seed: 7", "seed: 99999999999999999999999"),
            VALID.replace("tickSize: 0.01, lotSize: 0.0001", "tickSize: 1e999999, lotSize: .nan"),
            VALID.replace("bookLevels: 20, levelSize: 0.5", "bookLevels: 1e12, levelSize: {a: 1}"),
            "%YAML 9.9\n---\nmode: paper\n",
            "? [a, b]\n: c\n",
        };
        for (String yaml : broken) {
            assertThat(problemsOf(yaml)).as(yaml).isNotEmpty().allSatisfy(problem -> assertThat(problem)
                    .doesNotContain("Exception", "com.fasterxml", "org.yaml", "java.", "null"));
        }
    }
}
