package dev.ballast.bot.config;

import static dev.ballast.bot.config.ConfigText.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.Asset;
import dev.ballast.core.VenueId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ${VAR}} and {@code ${VAR:-default}} in values, resolved from an injected environment. */
class EnvSubstitutionTest {
    private static final String VALID = ConfigText.VALID;

    private static BallastConfig load(String yaml, Map<String, String> env) throws ConfigException {
        return ConfigLoader.parse(yaml, "config.yaml", env::get);
    }

    @Test
    void shouldReplaceAVariableInAValueBeforeReadingIt() throws ConfigException {
        BallastConfig config = load(VALID.replace("latencyMs: 40", "latencyMs: ${SIM_B_LATENCY_MS}"),
                Map.of("SIM_B_LATENCY_MS", "75"));

        assertThat(config.venues().get(VenueId.of("sim-b")).latencyMs()).isEqualTo(75);
    }

    @Test
    void shouldUseTheDefaultWhenTheVariableIsUnsetOrEmpty() throws ConfigException {
        String yaml = VALID.replace("latencyMs: 40", "latencyMs: ${SIM_B_LATENCY_MS:-60}")
                .replace("quoteCurrency: USDT", "quoteCurrency: ${QUOTE:-USDT}");

        assertThat(load(yaml, Map.of()).venues().get(VenueId.of("sim-b")).latencyMs()).isEqualTo(60);
        assertThat(load(yaml, Map.of("SIM_B_LATENCY_MS", "")).venues().get(VenueId.of("sim-b")).latencyMs())
                .isEqualTo(60);
        assertThat(load(yaml, Map.of()).quoteCurrency()).isEqualTo(Asset.of("USDT"));
    }

    @Test
    void shouldSubstituteInsideALongerValueAndInQuotedFlowValues() throws ConfigException {
        String yaml = VALID.replace("startPrice: 60000", "startPrice: \"${BTC_THOUSANDS}000\"");

        BallastConfig config = load(yaml, Map.of("BTC_THOUSANDS", "61"));

        assertThat(config.simulation().assets().get(Asset.of("BTC")).startPrice()).isEqualByComparingTo("61000");
    }

    @Test
    void shouldReportAnUnsetVariableWithoutDefaultNamingTheVariableAndThePath() {
        assertThat(problemsOf(VALID.replace("latencyMs: 40", "latencyMs: ${SIM_B_LATENCY_MS}"))).containsExactly(
                "config.yaml:21:16: venues.sim-b.latencyMs: environment variable SIM_B_LATENCY_MS is not set and has"
                        + " no default (set it, or write ${SIM_B_LATENCY_MS:-default})");
    }

    @Test
    void shouldShowWhichVariableAWrongValueCameFrom() {
        assertThat(problemsOf(VALID.replace("latencyMs: 40", "latencyMs: ${SIM_B_LATENCY_MS}"),
                Map.of("SIM_B_LATENCY_MS", "fast"))).containsExactly(
                "config.yaml:21:16: venues.sim-b.latencyMs must be a whole number"
                        + " (was 'fast' from '${SIM_B_LATENCY_MS}')");
    }

    @Test
    void shouldKeepADoubledDollarAsALiteralReference() {
        assertThat(EnvSubstitution.apply("a$${B}c", Map.of("B", "x")::get))
                .isEqualTo(new EnvSubstitution.Result("a${B}c", List.of()));
    }

    @Test
    void shouldRejectAReferenceThatIsNotClosedOrNotAName() {
        assertThat(EnvSubstitution.apply("${OPEN", Map.<String, String>of()::get).errors())
                .containsExactly("'${' is not closed by '}' (write '$${' for a literal '${')");
        assertThat(EnvSubstitution.apply("${1BAD}", Map.<String, String>of()::get).errors()).containsExactly(
                "'${1BAD}' does not name an environment variable (use letters, digits and '_', as in ${NAME} or"
                        + " ${NAME:-default})");
    }

    @Test
    void shouldNeverShowTheValueOfAVariableInAKeyNamedLikeACredential() {
        String yaml = VALID.replace("    latencyMs: 40", "    latencyMs: 40\n    apiKey: ${BINANCE_API_KEY}");

        List<String> problems = problemsOf(yaml, Map.of("BINANCE_API_KEY", "s3cr3t-value"));

        assertThat(problems).containsExactly("config.yaml:22:5: venues.sim-b.apiKey: unknown key"
                + " (valid keys here: type, latencyMs, makerFeeBps, takerFeeBps, dislocationBps, balances, markets)");
        assertThat(String.join("\n", problems)).doesNotContain("s3cr3t");
    }

    @Test
    void shouldNotShowAMistypedValueOfAKeyNamedLikeACredential() {
        Problems problems = new Problems("config.yaml");
        YamlNode.Mapping root = new YamlTreeReader(problems, Map.of("OKX_PASSPHRASE", "hunter2")::get)
                .read("apiSecret: ${OKX_PASSPHRASE}\npassphrase: hunter2\n");
        Section section = Section.root(problems, root);

        section.decimal("apiSecret");
        section.whole("passphrase");

        assertThat(problems.messages()).containsExactly(
                "config.yaml:1:12: apiSecret must be a number (was a value not shown here)",
                "config.yaml:2:13: passphrase must be a whole number (was a value not shown here)");
    }
}
