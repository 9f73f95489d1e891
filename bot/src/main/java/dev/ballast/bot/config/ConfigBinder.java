package dev.ballast.bot.config;

import dev.ballast.core.Asset;
import dev.ballast.core.VenueId;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns a {@link YamlNode} tree into a {@link BallastConfig}: reads each section's keys with their types and
 * defaults, builds each record (whose constructor checks its rules) and reports every problem found, with its
 * dotted path, to {@link Problems}. A record whose own values are missing or of the wrong type is not built,
 * so its rules and the rules that span records are checked only once those values read cleanly: one typo does
 * not cascade into misleading follow-on problems.
 *
 * <p>The keys of a section are the ones read here, in the order they are read; that order is the one shown in
 * "valid keys here" hints and in docs/config.md.
 *
 * <p>Not thread-safe: used by one load.
 */
final class ConfigBinder {
    private final Problems problems;

    ConfigBinder(Problems problems) {
        this.problems = problems;
    }

    /** The config, or null when any problem stopped it being built. */
    BallastConfig bind(YamlNode.Mapping rootNode) {
        Section root = Section.root(problems, rootNode);
        Mode mode = root.choice("mode", Mode.values(), Mode::configName);
        Asset quoteCurrency = root.asset("quoteCurrency");
        EngineConfig engine = engine(root.optionalSection("engine"));
        SimulationConfig simulation = simulation(root.section("simulation"));
        Map<VenueId, VenueConfig> venues = venues(root.section("venues"));
        Map<Asset, AssetConfig> assets = assets(root.section("assets"));
        root.rejectUnknownKeys();
        if (root.failed() || engine == null || simulation == null || venues == null || assets == null) {
            return null;
        }
        return build("", () -> new BallastConfig(mode, quoteCurrency, engine, simulation, venues, assets));
    }

    private EngineConfig engine(Section s) {
        if (s == null) {
            return null;
        }
        Long statusIntervalMs = s.whole("statusIntervalMs", EngineConfig.DEFAULT_STATUS_INTERVAL_MS);
        Long requoteIntervalMs = s.whole("requoteIntervalMs", EngineConfig.DEFAULT_REQUOTE_INTERVAL_MS);
        Double requoteToleranceBps =
                s.number("requoteToleranceBps", EngineConfig.DEFAULT_REQUOTE_TOLERANCE_BPS);
        Integer inboxCapacity = s.integer("inboxCapacity", EngineConfig.DEFAULT_INBOX_CAPACITY);
        s.rejectUnknownKeys();
        if (s.failed()) {
            return null;
        }
        return build(s.path(),
                () -> new EngineConfig(statusIntervalMs, requoteIntervalMs, requoteToleranceBps, inboxCapacity));
    }

    private SimulationConfig simulation(Section s) {
        if (s == null) {
            return null;
        }
        Long seed = s.whole("seed");
        Long stepMs = s.whole("stepMs", SimulationConfig.DEFAULT_STEP_MS);
        Section assetsSection = s.section("assets");
        s.rejectUnknownKeys();
        Map<Asset, SimAssetConfig> assets = assetsSection == null ? null : keyedByAsset(assetsSection, this::simAsset);
        if (s.failed() || assets == null) {
            return null;
        }
        return build(s.path(), () -> new SimulationConfig(seed, stepMs, assets));
    }

    private SimAssetConfig simAsset(Section s) {
        BigDecimal startPrice = s.decimal("startPrice");
        Double volatility = s.number("volatilityBpsPerSqrtSec");
        s.rejectUnknownKeys();
        if (s.failed()) {
            return null;
        }
        return build(s.path(), () -> new SimAssetConfig(startPrice, volatility));
    }

    private Map<VenueId, VenueConfig> venues(Section s) {
        if (s == null) {
            return null;
        }
        Map<VenueId, VenueConfig> venues = new LinkedHashMap<>();
        boolean complete = true;
        for (YamlNode.Entry entry : s.entries()) {
            VenueId id = s.venueKey(entry);
            Section venueSection = s.child(entry);
            VenueConfig venue = venueSection == null ? null : venue(id, venueSection);
            if (id == null || venue == null) {
                complete = false;
            } else {
                venues.put(id, venue);
            }
        }
        return complete ? venues : null;
    }

    /** The venue, or null on any problem; {@code id} is null when the key was not a valid id. */
    private VenueConfig venue(VenueId id, Section s) {
        VenueType type = s.choice("type", VenueType.values(), VenueType::configName);
        if (type == null) {
            return null; // which keys are valid depends on the type: nothing more to check here
        }
        return switch (type) {
            case SIMULATED -> simulatedVenue(id, s);
        };
    }

    private VenueConfig simulatedVenue(VenueId id, Section s) {
        Long latencyMs = s.whole("latencyMs", 0);
        BigDecimal makerFeeBps = s.decimal("makerFeeBps", BigDecimal.ZERO);
        BigDecimal takerFeeBps = s.decimal("takerFeeBps", BigDecimal.ZERO);
        Double dislocationBps = s.number("dislocationBps", 0.0);
        Section balancesSection = s.section("balances");
        Section marketsSection = s.section("markets");
        s.rejectUnknownKeys();
        Map<Asset, BigDecimal> balances = balancesSection == null ? null : balances(balancesSection);
        Map<String, MarketConfig> markets = marketsSection == null ? null : markets(marketsSection);
        if (id == null || s.failed() || balances == null || markets == null) {
            return null;
        }
        return build(s.path(), () -> new VenueConfig(id, VenueType.SIMULATED, latencyMs, makerFeeBps, takerFeeBps,
                dislocationBps, balances, markets));
    }

    private Map<Asset, BigDecimal> balances(Section s) {
        Map<Asset, BigDecimal> balances = new LinkedHashMap<>();
        for (YamlNode.Entry entry : s.entries()) {
            Asset asset = s.assetKey(entry);
            BigDecimal amount = s.decimal(entry);
            if (asset != null && amount != null) {
                balances.put(asset, amount);
            }
        }
        return s.failed() ? null : balances;
    }

    private Map<String, MarketConfig> markets(Section s) {
        Map<String, MarketConfig> markets = new LinkedHashMap<>();
        boolean complete = true;
        for (YamlNode.Entry entry : s.entries()) {
            Section marketSection = s.child(entry);
            MarketConfig market = marketSection == null ? null : market(entry.key(), marketSection);
            if (market == null) {
                complete = false;
            } else {
                markets.put(entry.key(), market);
            }
        }
        return complete ? markets : null;
    }

    private MarketConfig market(String symbol, Section s) {
        Asset base = s.asset("base");
        Asset quote = s.asset("quote");
        BigDecimal tickSize = s.decimal("tickSize");
        BigDecimal lotSize = s.decimal("lotSize");
        BigDecimal minNotional = s.decimal("minNotional");
        Double bookSpreadBps = s.number("bookSpreadBps");
        Integer bookLevels = s.integer("bookLevels");
        BigDecimal levelSize = s.decimal("levelSize");
        Double takerRatePerSec = s.number("takerRatePerSec");
        BigDecimal takerMeanSize = s.decimal("takerMeanSize");
        s.rejectUnknownKeys();
        if (s.failed()) {
            return null;
        }
        return build(s.path(), () -> new MarketConfig(symbol, base, quote, tickSize, lotSize, minNotional,
                bookSpreadBps, bookLevels, levelSize, takerRatePerSec, takerMeanSize));
    }

    private Map<Asset, AssetConfig> assets(Section s) {
        return s == null ? null : keyedByAsset(s, this::asset);
    }

    private AssetConfig asset(Section s) {
        BigDecimal target = s.decimal("target");
        BigDecimal band = s.decimal("band");
        BigDecimal maxPosition = s.decimal("maxPosition");
        BigDecimal quoteSize = s.decimal("quoteSize");
        Double spreadBps = s.number("spreadBps");
        Double skewBpsPerUnit = s.number("skewBpsPerUnit");
        s.rejectUnknownKeys();
        if (s.failed()) {
            return null;
        }
        return build(s.path(),
                () -> new AssetConfig(target, band, maxPosition, quoteSize, spreadBps, skewBpsPerUnit));
    }

    /** A mapping from asset codes to sections, each read by {@code reader}; null if any entry failed. */
    private <T> Map<Asset, T> keyedByAsset(Section s, Function<Section, T> reader) {
        Map<Asset, T> result = new LinkedHashMap<>();
        boolean complete = true;
        for (YamlNode.Entry entry : s.entries()) {
            Asset asset = s.assetKey(entry);
            Section child = s.child(entry);
            T value = child == null ? null : reader.apply(child);
            if (asset == null || value == null) {
                complete = false;
            } else {
                result.put(asset, value);
            }
        }
        return complete ? result : null;
    }

    /** Builds a record, reporting its broken rules under {@code path}; null if any. */
    private <T> T build(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (Rules.Violations violations) {
            for (String message : violations.messages()) {
                problems.rule(path.isEmpty() ? message : path + "." + message);
            }
            return null;
        }
    }
}
