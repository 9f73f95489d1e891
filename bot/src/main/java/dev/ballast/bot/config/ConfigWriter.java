package dev.ballast.bot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link BallastConfig} as YAML that {@link ConfigLoader} reads back to an equal config: every key
 * written out, defaults included, in the order of the records' maps, numbers exactly as held (no exponents,
 * no binary rounding of decimals). Comments and {@code ${VAR}} references of the original file are not kept:
 * the output holds the resolved values.
 *
 * <p>Stateless and thread-safe.
 */
public final class ConfigWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private ConfigWriter() {
    }

    /** The config as YAML text. */
    public static String toYaml(BallastConfig config) {
        try {
            return MAPPER.writeValueAsString(tree(config));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("writing a config tree to a string", e); // no I/O: cannot happen
        }
    }

    /** Writes the config as YAML (UTF-8) to {@code file}, replacing it. */
    public static void write(BallastConfig config, Path file) throws IOException {
        Files.writeString(file, toYaml(config), StandardCharsets.UTF_8);
    }

    private static ObjectNode tree(BallastConfig config) {
        ObjectNode root = NODES.objectNode();
        root.put("mode", config.mode().configName());
        root.put("quoteCurrency", config.quoteCurrency().code());

        EngineConfig engine = config.engine();
        ObjectNode engineNode = root.putObject("engine");
        engineNode.put("statusIntervalMs", engine.statusIntervalMs());
        engineNode.put("requoteIntervalMs", engine.requoteIntervalMs());
        engineNode.put("requoteToleranceBps", engine.requoteToleranceBps());
        engineNode.put("inboxCapacity", engine.inboxCapacity());

        SimulationConfig simulation = config.simulation();
        ObjectNode simulationNode = root.putObject("simulation");
        simulationNode.put("seed", simulation.seed());
        simulationNode.put("stepMs", simulation.stepMs());
        ObjectNode simAssets = simulationNode.putObject("assets");
        simulation.assets().forEach((asset, sim) -> {
            ObjectNode node = simAssets.putObject(asset.code());
            node.put("startPrice", sim.startPrice());
            node.put("volatilityBpsPerSqrtSec", sim.volatilityBpsPerSqrtSec());
        });

        ObjectNode venues = root.putObject("venues");
        config.venues().forEach((id, venue) -> writeVenue(venues.putObject(id.name()), venue));

        ObjectNode assets = root.putObject("assets");
        config.assets().forEach((asset, a) -> {
            ObjectNode node = assets.putObject(asset.code());
            node.put("target", a.target());
            node.put("band", a.band());
            node.put("maxPosition", a.maxPosition());
            node.put("quoteSize", a.quoteSize());
            node.put("spreadBps", a.spreadBps());
            node.put("skewBpsPerUnit", a.skewBpsPerUnit());
        });
        return root;
    }

    private static void writeVenue(ObjectNode node, VenueConfig venue) {
        node.put("type", venue.type().configName());
        node.put("latencyMs", venue.latencyMs());
        node.put("makerFeeBps", venue.makerFeeBps());
        node.put("takerFeeBps", venue.takerFeeBps());
        node.put("dislocationBps", venue.dislocationBps());
        ObjectNode balances = node.putObject("balances");
        venue.balances().forEach((asset, amount) -> balances.put(asset.code(), amount));
        ObjectNode markets = node.putObject("markets");
        venue.markets().forEach((symbol, market) -> {
            ObjectNode m = markets.putObject(symbol);
            m.put("base", market.base().code());
            m.put("quote", market.quote().code());
            m.put("tickSize", market.tickSize());
            m.put("lotSize", market.lotSize());
            m.put("minNotional", market.minNotional());
            m.put("bookSpreadBps", market.bookSpreadBps());
            m.put("bookLevels", market.bookLevels());
            m.put("levelSize", market.levelSize());
            m.put("takerRatePerSec", market.takerRatePerSec());
            m.put("takerMeanSize", market.takerMeanSize());
        });
    }
}
