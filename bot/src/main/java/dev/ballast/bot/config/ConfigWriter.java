package dev.ballast.bot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link BallastConfig} as YAML that {@link ConfigLoader} reads back to an equal config: every key
 * written out, defaults included, in the order of the records' maps, numbers exactly as held (no exponents,
 * no binary rounding of decimals). Comments and {@code ${VAR}} references of the original file are not kept:
 * the output holds the resolved values, with one exception: a credential is never written. A key read from an
 * environment variable is written as that reference ({@code apiKey: ${BINANCE_API_KEY}}); one made in code, with
 * no variable behind it, is left out (the written file then names no key, and loads in live mode only once the
 * reference is added).
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
        engineNode.put("requoteToleranceBps", plain(engine.requoteToleranceBps()));
        engineNode.put("inboxCapacity", engine.inboxCapacity());
        engineNode.put("shutdownTimeoutMs", engine.shutdownTimeoutMs());

        SimulationConfig simulation = config.simulation();
        if (simulation != null) {
            ObjectNode simulationNode = root.putObject("simulation");
            simulationNode.put("seed", simulation.seed());
            simulationNode.put("stepMs", simulation.stepMs());
            ObjectNode simAssets = simulationNode.putObject("assets");
            simulation.assets().forEach((asset, sim) -> {
                ObjectNode node = simAssets.putObject(asset.code());
                node.put("startPrice", sim.startPrice());
                node.put("volatilityBpsPerSqrtSec", plain(sim.volatilityBpsPerSqrtSec()));
            });
        }

        ObjectNode venues = root.putObject("venues");
        config.venues().forEach((id, venue) -> writeVenue(venues.putObject(id.name()), venue));
        config.liveVenues().forEach((id, venue) -> writeLiveVenue(venues.putObject(id.name()), venue));
        config.remoteVenues().forEach((id, venue) -> writeRemoteVenue(venues.putObject(id.name()), venue));

        ObjectNode assets = root.putObject("assets");
        config.assets().forEach((asset, a) -> writeAsset(assets.putObject(asset.code()), a));

        EstimatorsConfig estimators = config.estimators();
        ObjectNode estimatorsNode = root.putObject("estimators");
        EstimatorsConfig.Volatility volatility = estimators.volatility();
        ObjectNode volatilityNode = estimatorsNode.putObject("volatility");
        volatilityNode.put("sampleIntervalMs", volatility.sampleIntervalMs());
        volatilityNode.put("halfLifeSec", plain(volatility.halfLifeSec()));
        volatilityNode.put("minSamples", volatility.minSamples());
        volatilityNode.put("fallbackBpsPerSqrtSec", volatility.fallbackBpsPerSqrtSec());
        EstimatorsConfig.Intensity intensity = estimators.intensity();
        ObjectNode intensityNode = estimatorsNode.putObject("intensity");
        intensityNode.put("windowSec", intensity.windowSec());
        intensityNode.put("gridStepBps", plain(intensity.gridStepBps()));
        intensityNode.put("gridLevels", intensity.gridLevels());
        intensityNode.put("minTrades", intensity.minTrades());
        intensityNode.put("minTradesPerLevel", intensity.minTradesPerLevel());
        intensityNode.put("minLevels", intensity.minLevels());
        intensityNode.put("minAPerSec", plain(intensity.minAPerSec()));
        intensityNode.put("maxAPerSec", plain(intensity.maxAPerSec()));
        intensityNode.put("minKPerBps", plain(intensity.minKPerBps()));
        intensityNode.put("maxKPerBps", plain(intensity.maxKPerBps()));
        intensityNode.put("fallbackAPerSec", plain(intensity.fallbackAPerSec()));
        intensityNode.put("fallbackKPerBps", plain(intensity.fallbackKPerBps()));
        intensityNode.put("capacity", intensity.capacity());
        EstimatorsConfig.Liquidity liquidity = estimators.liquidity();
        ObjectNode liquidityNode = estimatorsNode.putObject("liquidity");
        liquidityNode.put("halfLifeSec", plain(liquidity.halfLifeSec()));
        liquidityNode.put("depthWithinBps", plain(liquidity.depthWithinBps()));
        liquidityNode.put("maxLevels", liquidity.maxLevels());

        HedgingConfig hedging = config.hedging();
        ObjectNode hedgingNode = root.putObject("hedging");
        hedgingNode.put("maxBookAgeMs", hedging.maxBookAgeMs());
        hedgingNode.put("stalenessGraceMs", hedging.stalenessGraceMs());
        hedgingNode.put("stalenessPenaltyBpsPerSec", plain(hedging.stalenessPenaltyBpsPerSec()));
        hedgingNode.put("maxSlippageBps", plain(hedging.maxSlippageBps()));
        hedgingNode.put("splitMinSavingBps", plain(hedging.splitMinSavingBps()));
        hedgingNode.put("maxLevelsPerVenue", hedging.maxLevelsPerVenue());
        hedgingNode.put("decisionIntervalMs", hedging.decisionIntervalMs());
        hedgingNode.put("limitSlackBps", plain(hedging.limitSlackBps()));
        hedgingNode.put("basisHalfLifeSec", plain(hedging.basisHalfLifeSec()));
        writeRisk(root.putObject("risk"), config.risk());
        writeJournal(root.putObject("journal"), config.journal());
        writeReconciliation(root.putObject("reconciliation"), config.reconciliation());
        return root;
    }

    private static void writeRisk(ObjectNode node, RiskConfig risk) {
        node.put("controlFile", risk.controlFile());
        node.put("maxOrderNotional", risk.maxOrderNotional());
        node.put("maxOpenOrdersPerVenue", risk.maxOpenOrdersPerVenue());
        node.put("maxOrdersPerSecondPerVenue", risk.maxOrdersPerSecondPerVenue());
        node.put("maxOrdersPerSecond", risk.maxOrdersPerSecond());
        node.put("priceBandBps", plain(risk.priceBandBps()));
        node.put("staleDataMs", risk.staleDataMs());
        node.put("maxDrawdownPct", plain(risk.maxDrawdownPct()));
        node.put("maxDailyLossPct", plain(risk.maxDailyLossPct()));
        node.put("rejectsToHalt", risk.rejectsToHalt());
        node.put("rejectWindowMs", risk.rejectWindowMs());
        ObjectNode assets = node.putObject("assets");
        risk.assets().forEach((asset, limits) -> {
            ObjectNode a = assets.putObject(asset.code());
            a.put("maxPosition", limits.maxPosition());
            a.put("maxVenuePosition", limits.maxVenuePosition());
        });
    }

    private static void writeJournal(ObjectNode node, JournalConfig journal) {
        node.put("url", journal.url());
        node.put("snapshotIntervalSec", journal.snapshotIntervalSec());
        node.put("synchronous", journal.synchronous().configName());
    }

    private static void writeReconciliation(ObjectNode node, ReconciliationConfig reconciliation) {
        node.put("intervalSec", reconciliation.intervalSec());
        ObjectNode tolerance = node.putObject("balanceTolerance");
        tolerance.put("relative", reconciliation.relativeTolerance());
        ObjectNode assets = tolerance.putObject("assets");
        reconciliation.assetTolerance().forEach((asset, amount) -> assets.put(asset.code(), amount));
        node.put("cancelUnknownOrders", reconciliation.cancelUnknownOrders());
    }

    /** A double as its shortest exact decimal, written without an exponent ({@code 0.0001}, not {@code 1.0E-4}). */
    private static BigDecimal plain(double value) {
        return BigDecimal.valueOf(value);
    }

    private static void writeAsset(ObjectNode node, AssetConfig a) {
        node.put("target", a.target());
        node.put("band", a.band());
        node.put("maxPosition", a.maxPosition());
        node.put("quoteSize", a.quoteSize());
        node.put("model", a.model().configName());
        node.put("spreadBps", plain(a.spreadBps()));
        node.put("skewBpsPerUnit", plain(a.skewBpsPerUnit()));
        node.put("minSpreadBps", plain(a.minSpreadBps()));
        node.put("shrinkGrowingSide", a.shrinkGrowingSide());
        if (a.model().usesGamma()) {
            node.put("gamma", plain(a.gamma()));
        }
        if (a.model().usesHorizon()) {
            node.put("horizonSec", plain(a.horizonSec()));
        }
        HedgeConfig hedge = a.hedge();
        ObjectNode h = node.putObject("hedge");
        h.put("enabled", hedge.enabled());
        h.put("riskAversion", plain(hedge.riskAversion()));
        h.put("hysteresisEnter", plain(hedge.hysteresisEnter()));
        h.put("hysteresisExit", plain(hedge.hysteresisExit()));
        h.put("minSize", hedge.minSize());
        h.put("costMultiplier", plain(hedge.costMultiplier()));
        h.put("edgeCreditWeight", plain(hedge.edgeCreditWeight()));
        h.put("splitGridSteps", hedge.splitGridSteps());
        HedgeExecutionConfig execution = hedge.execution();
        h.put("execution", execution.type().configName());
        h.put("sliceAbove", execution.sliceAbove());
        h.put("sliceHorizonSec", execution.sliceHorizonSec());
        h.put("slices", execution.slices());
        h.put("urgency", plain(execution.urgency()));
        h.put("icebergClip", execution.icebergClip());
        h.put("icebergRefillMs", execution.icebergRefillMs());
    }

    private static void writeLiveVenue(ObjectNode node, LiveVenueConfig venue) {
        node.put("type", venue.type().configName());
        ObjectNode markets = node.putObject("markets");
        venue.markets().forEach((symbol, market) -> {
            ObjectNode m = markets.putObject(symbol);
            m.put("base", market.base().code());
            m.put("quote", market.quote().code());
        });
        venue.keys().ifPresent(keys -> {
            writeReference(node, "apiKey", keys.apiKey());
            writeReference(node, "apiSecret", keys.apiSecret());
            keys.passphrase().ifPresent(p -> writeReference(node, "passphrase", p));
        });
        node.put("restUrl", venue.restUrl().toString());
        node.put("wsUrl", venue.wsUrl().toString());
        node.put("privateWsUrl", venue.privateWsUrl().toString());
        node.put("requestTimeoutMs", venue.requestTimeoutMs());
        node.put("staleAfterMs", venue.staleAfterMs());
        node.put("metadataRefreshSec", venue.metadataRefreshSec());
        venue.paper().ifPresent(paper -> {
            node.put("latencyMs", paper.latencyMs());
            node.put("makerFeeBps", paper.makerFeeBps());
            node.put("takerFeeBps", paper.takerFeeBps());
            ObjectNode balances = node.putObject("balances");
            paper.balances().forEach((asset, amount) -> balances.put(asset.code(), amount));
        });
    }

    private static void writeRemoteVenue(ObjectNode node, RemoteSimVenueConfig venue) {
        node.put("type", venue.type().configName());
        node.put("url", venue.url().toString());
        ObjectNode markets = node.putObject("markets");
        venue.markets().forEach((symbol, market) -> {
            ObjectNode m = markets.putObject(symbol);
            m.put("base", market.base().code());
            m.put("quote", market.quote().code());
        });
    }

    /** A credential as the reference it was read from; never its value (one without a variable is left out). */
    private static void writeReference(ObjectNode node, String key, Secret secret) {
        secret.variable().ifPresent(variable -> node.put(key, "${" + variable + "}"));
    }

    private static void writeVenue(ObjectNode node, VenueConfig venue) {
        node.put("type", venue.type().configName());
        node.put("latencyMs", venue.latencyMs());
        node.put("makerFeeBps", venue.makerFeeBps());
        node.put("takerFeeBps", venue.takerFeeBps());
        node.put("dislocationBps", plain(venue.dislocationBps()));
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
            m.put("bookSpreadBps", plain(market.bookSpreadBps()));
            m.put("bookLevels", market.bookLevels());
            m.put("levelSize", market.levelSize());
            m.put("takerRatePerSec", plain(market.takerRatePerSec()));
            m.put("takerMeanSize", market.takerMeanSize());
        });
    }
}
