package dev.ballast.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A small valid config as YAML text, changed by dotted path, for tests of one rule at a time:
 * {@code ConfigText.valid().set("assets.BTC.maxPosition", "-1").problems()}. Values that look like numbers
 * are written as numbers, others as text.
 */
final class ConfigText {
    static final String VALID = """
            mode: paper
            quoteCurrency: USDT
            simulation:
              seed: 7
              assets:
                BTC: { startPrice: 60000, volatilityBpsPerSqrtSec: 3.0 }
                ETH: { startPrice: 3000, volatilityBpsPerSqrtSec: 4.0 }
            venues:
              sim-a:
                type: simulated
                balances: { BTC: 0.5, ETH: 5, USDT: 50000 }
                markets:
                  BTCUSDT: { base: BTC, quote: USDT, tickSize: 0.01, lotSize: 0.0001, minNotional: 5,
                             bookSpreadBps: 2.0, bookLevels: 20, levelSize: 0.5,
                             takerRatePerSec: 1.5, takerMeanSize: 0.02 }
                  ETHUSDT: { base: ETH, quote: USDT, tickSize: 0.01, lotSize: 0.001, minNotional: 5,
                             bookSpreadBps: 2.5, bookLevels: 20, levelSize: 5,
                             takerRatePerSec: 1.5, takerMeanSize: 0.3 }
              sim-b:
                type: simulated
                latencyMs: 40
                takerFeeBps: 4.0
                balances: { BTC: 0.5, USDT: 50000 }
                markets:
                  BTCUSDT: { base: BTC, quote: USDT, tickSize: 0.1, lotSize: 0.001, minNotional: 10,
                             bookSpreadBps: 3.0, bookLevels: 20, levelSize: 0.8,
                             takerRatePerSec: 1.0, takerMeanSize: 0.03 }
            assets:
              BTC: { target: 1.0, band: 0.05, maxPosition: 0.3, quoteSize: 0.01, spreadBps: 6.0,
                     skewBpsPerUnit: 20.0 }
              ETH: { target: 10, band: 0.5, maxPosition: 3, quoteSize: 0.1, spreadBps: 8.0, skewBpsPerUnit: 2.0 }
            """;

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final ObjectNode root;

    private ConfigText(ObjectNode root) {
        this.root = root;
    }

    static ConfigText valid() {
        try {
            return new ConfigText((ObjectNode) MAPPER.readTree(VALID));
        } catch (JsonProcessingException e) {
            throw new AssertionError("the test's base config is not YAML", e);
        }
    }

    /** Sets the value at a dotted path, making the mappings on the way if needed. */
    ConfigText set(String path, String value) {
        String[] keys = path.split("\\.");
        ObjectNode parent = parentOf(keys);
        String last = keys[keys.length - 1];
        if (value.matches("[+-]?\\d+(\\.\\d+)?")) {
            parent.put(last, new BigDecimal(value));
        } else {
            parent.put(last, value);
        }
        return this;
    }

    /** Removes the key at a dotted path. */
    ConfigText remove(String path) {
        String[] keys = path.split("\\.");
        assertThat(parentOf(keys).remove(keys[keys.length - 1])).as("key to remove: " + path).isNotNull();
        return this;
    }

    String yaml() {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    BallastConfig load() throws ConfigException {
        return ConfigLoader.parse(yaml(), "config.yaml", Map.<String, String>of()::get);
    }

    /** The problems of this config, which must not load. */
    List<String> problems() {
        return problemsOf(yaml());
    }

    /** The problems of a config given as text, named config.yaml, which must not load. */
    static List<String> problemsOf(String yaml) {
        return problemsOf(yaml, Map.of());
    }

    static List<String> problemsOf(String yaml, Map<String, String> env) {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.parse(yaml, "config.yaml", env::get));
        assertThat(e).as("expected the config to be rejected:\n" + yaml).isNotNull();
        return e.problems();
    }

    private ObjectNode parentOf(String[] keys) {
        ObjectNode node = root;
        for (int i = 0; i < keys.length - 1; i++) {
            JsonNode child = node.get(keys[i]);
            node = child instanceof ObjectNode o ? o : node.putObject(keys[i]);
        }
        return node;
    }
}
