package dev.ballast.bot.config;

import dev.ballast.bot.journal.Synchronous;
import dev.ballast.core.Asset;
import dev.ballast.core.VenueId;
import dev.ballast.strategies.rebalance.RebalanceParams;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

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
    /** The environment, for defaults that depend on it (the journal's directory). */
    private final Function<String, String> env;

    ConfigBinder(Problems problems) {
        this(problems, name -> null);
    }

    ConfigBinder(Problems problems, Function<String, String> env) {
        this.problems = problems;
        this.env = env;
    }

    /** The config, or null when any problem stopped it being built. */
    BallastConfig bind(YamlNode.Mapping rootNode) {
        Section root = Section.root(problems, rootNode);
        Mode mode = root.choice("mode", Mode.values(), Mode::configName);
        Asset quoteCurrency = root.asset("quoteCurrency");
        EngineConfig engine = engine(root.optionalSection("engine"));
        SimulationConfig simulation = null;
        boolean simulationRead = true;
        Section simulationSection = null;
        if (mode == null || mode.usesSimulation()) {
            // a simulation that is there is checked; whether a missing one is a problem depends on the venues
            simulationSection = root.sectionIfPresent("simulation");
            simulation = simulationSection == null ? null : simulation(simulationSection);
            simulationRead = simulationSection == null || simulation != null;
        } else {
            root.notUsed("simulation", "not used in " + mode.configName()
                    + " mode (only simulated venues, in paper mode, run on it): remove the section");
        }
        Venues venues = venues(root.section("venues"), mode);
        if (mode != null && mode.usesSimulation() && simulationSection == null
                && (venues == null || venues.mayNeedSimulation())) {
            root.section("simulation"); // in-process simulated venues run on it: reported as required
            simulationRead = false;
        }
        Map<Asset, AssetConfig> assets = assets(root.section("assets"));
        EstimatorsConfig estimators = estimators(root.optionalSection("estimators"));
        HedgingConfig hedging = hedging(root.optionalSection("hedging"));
        RiskConfig risk = risk(root.optionalSection("risk"), assets);
        JournalConfig journal = journal(root.optionalSection("journal"));
        ReconciliationConfig reconciliation = reconciliation(root.optionalSection("reconciliation"));
        root.rejectUnknownKeys();
        if (root.failed() || engine == null || !simulationRead || venues == null || !venues.complete()
                || assets == null || estimators == null || hedging == null || risk == null || journal == null
                || reconciliation == null) {
            return null;
        }
        SimulationConfig simulationConfig = simulation;
        return build("", () -> new BallastConfig(mode, quoteCurrency, engine, simulationConfig, venues.simulated(),
                venues.live(), venues.remote(), assets, estimators, hedging, risk, journal, reconciliation));
    }

    private JournalConfig journal(Section s) {
        if (s == null) {
            return null;
        }
        String url = s.text("url", JournalConfig.defaultUrl(env));
        Long snapshotIntervalSec = s.whole("snapshotIntervalSec", JournalConfig.DEFAULT_SNAPSHOT_INTERVAL_SEC);
        Synchronous synchronous = s.choice("synchronous", Synchronous.NORMAL, Synchronous.values(),
                Synchronous::configName);
        s.rejectUnknownKeys();
        if (s.failed()) {
            return null;
        }
        return build(s.path(), () -> new JournalConfig(url, snapshotIntervalSec, synchronous));
    }

    private ReconciliationConfig reconciliation(Section s) {
        if (s == null) {
            return null;
        }
        ReconciliationConfig d = ReconciliationConfig.DEFAULTS;
        Long intervalSec = s.whole("intervalSec", d.intervalSec());
        Section tolerance = s.optionalSection("balanceTolerance");
        Boolean cancelUnknownOrders = s.flag("cancelUnknownOrders", d.cancelUnknownOrders());
        s.rejectUnknownKeys();
        BigDecimal relative = null;
        Map<Asset, BigDecimal> perAsset = null;
        if (tolerance != null) {
            relative = tolerance.decimal("relative", d.relativeTolerance());
            Section assetsSection = tolerance.optionalSection("assets");
            tolerance.rejectUnknownKeys();
            perAsset = assetsSection == null ? null : amountsByAsset(assetsSection);
        }
        if (s.failed() || tolerance == null || tolerance.failed() || relative == null || perAsset == null) {
            return null;
        }
        BigDecimal relativeTolerance = relative;
        Map<Asset, BigDecimal> assetTolerance = perAsset;
        return build(s.path(), () -> new ReconciliationConfig(intervalSec, relativeTolerance, assetTolerance,
                cancelUnknownOrders));
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
        Long shutdownTimeoutMs = s.whole("shutdownTimeoutMs", EngineConfig.DEFAULT_SHUTDOWN_TIMEOUT_MS);
        s.rejectUnknownKeys();
        if (s.failed()) {
            return null;
        }
        return build(s.path(), () -> new EngineConfig(statusIntervalMs, requoteIntervalMs, requoteToleranceBps,
                inboxCapacity, shutdownTimeoutMs));
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

    /**
     * The venues of the file, split by kind (each map in file order); {@code complete} when every venue was read
     * without a problem; {@code inProcessOrUnknown} when a venue is {@code simulated}, or its type could not be read.
     */
    private record Venues(Map<VenueId, VenueConfig> simulated, Map<VenueId, LiveVenueConfig> live,
                          Map<VenueId, RemoteSimVenueConfig> remote, boolean complete, boolean inProcessOrUnknown) {
        /** Whether the venues may run on the shared simulated market, so that {@code simulation} is required. */
        boolean mayNeedSimulation() {
            return inProcessOrUnknown;
        }
    }

    /** The venues read (see {@link Venues#complete()}), or null when the section is missing or not a mapping. */
    private Venues venues(Section s, Mode mode) {
        if (s == null) {
            return null;
        }
        Map<VenueId, VenueConfig> simulated = new LinkedHashMap<>();
        Map<VenueId, LiveVenueConfig> live = new LinkedHashMap<>();
        Map<VenueId, RemoteSimVenueConfig> remote = new LinkedHashMap<>();
        boolean complete = true;
        boolean inProcessOrUnknown = false;
        for (YamlNode.Entry entry : s.entries()) {
            VenueId id = s.venueKey(entry);
            Section venueSection = s.child(entry);
            if (venueSection == null) {
                complete = false;
                inProcessOrUnknown = true;
                continue;
            }
            VenueType type = venueSection.choice("type", VenueType.values(), VenueType::configName);
            inProcessOrUnknown |= type == null || type.isSimulated();
            complete &= type != null && venue(id, type, venueSection, mode, simulated, live, remote);
        }
        return new Venues(simulated, live, remote, complete, inProcessOrUnknown);
    }

    /**
     * Reads one venue into {@code into}, by its kind; false on any problem ({@code id} is null when the key was not
     * a valid id).
     */
    private boolean venue(VenueId id, VenueType type, Section s, Mode mode, Map<VenueId, VenueConfig> simulated,
                          Map<VenueId, LiveVenueConfig> live, Map<VenueId, RemoteSimVenueConfig> remote) {
        if (mode != null && !mode.allows(type)) {
            // reported here, at its place; the venue's keys are still read below, so their own problems show too
            s.reject("type", "must be one of " + mode.allowedTypes() + " in " + mode.configName() + " mode");
        }
        switch (type) {
            case SIMULATED -> {
                VenueConfig venue = simulatedVenue(id, s);
                if (venue == null) {
                    return false;
                }
                simulated.put(id, venue);
            }
            case REMOTE_SIM -> {
                RemoteSimVenueConfig venue = remoteSimVenue(id, s);
                if (venue == null) {
                    return false;
                }
                remote.put(id, venue);
            }
            case BINANCE_SPOT, BINANCE_USDM, KRAKEN, OKX -> {
                LiveVenueConfig venue = liveVenue(id, type, s, mode);
                if (venue == null) {
                    return false;
                }
                live.put(id, venue);
            }
        }
        return true;
    }

    /**
     * A venue of a simulated exchange in another process: where the exchange is, and which of the bot's assets each
     * market trades (its tick, lot and minimum notional come from the exchange at start).
     */
    private RemoteSimVenueConfig remoteSimVenue(VenueId id, Section s) {
        URI url = s.url("url");
        Section marketsSection = s.section("markets");
        s.rejectUnknownKeys();
        Map<String, LiveMarketConfig> markets = marketsSection == null ? null : liveMarkets(marketsSection,
                "not used by remote-sim venues: the simulated exchange's tick, lot and minimum notional are read from"
                        + " it at start");
        if (id == null || s.failed() || markets == null) {
            return null;
        }
        return build(s.path(), () -> new RemoteSimVenueConfig(id, url, markets));
    }

    /**
     * A venue on a real exchange. Which keys it takes depends on the mode: credentials in live mode, paper fills
     * (latency, fees, balances) in paper-live; each is reported as not used in the other. When the mode is not
     * valid, or does not allow live venues (both already reported), every key is read as optional, so that the
     * venue's own values are still checked, and no venue is built.
     */
    private LiveVenueConfig liveVenue(VenueId id, VenueType type, Section s, Mode mode) {
        boolean live = mode == Mode.LIVE;
        boolean paperLive = mode == Mode.PAPER_LIVE;
        boolean strict = live || paperLive;
        Section marketsSection = s.section("markets");
        Secret apiKey = null;
        Secret apiSecret = null;
        Secret passphrase = null;
        if (paperLive) {
            String why = "not used in paper-live mode, which reads public market data only: remove it"
                    + " (keys are needed in live mode only)";
            s.notUsed("apiKey", why);
            s.notUsed("apiSecret", why);
            s.notUsed("passphrase", why);
        } else {
            String requiredIn = live ? "in live mode" : null;
            apiKey = s.secret("apiKey", type.exampleVariable("API_KEY"), requiredIn);
            apiSecret = s.secret("apiSecret", type.exampleVariable("API_SECRET"), requiredIn);
            if (type.usesPassphrase()) {
                passphrase = s.secret("passphrase", type.exampleVariable("PASSPHRASE"),
                        live ? "in live mode for type " + type.configName() : null);
            } else {
                String usedBy = Arrays.stream(VenueType.values()).filter(VenueType::usesPassphrase)
                        .map(VenueType::configName).collect(Collectors.joining(", "));
                s.notUsed("passphrase", "not used by type " + type.configName() + " (only by " + usedBy + ")");
            }
        }
        URI restUrl = s.url("restUrl", type.defaultRestUrl());
        URI wsUrl = s.url("wsUrl", type.defaultWsUrl());
        URI privateWsUrl = s.url("privateWsUrl", type.defaultPrivateWsUrl());
        Long requestTimeoutMs = s.whole("requestTimeoutMs", LiveVenueConfig.DEFAULT_REQUEST_TIMEOUT_MS);
        Long staleAfterMs = s.whole("staleAfterMs", LiveVenueConfig.DEFAULT_STALE_AFTER_MS);
        Long metadataRefreshSec = s.whole("metadataRefreshSec", LiveVenueConfig.DEFAULT_METADATA_REFRESH_SEC);
        Long latencyMs = null;
        BigDecimal makerFeeBps = null;
        BigDecimal takerFeeBps = null;
        Section balancesSection = null;
        if (live) {
            String why = "not used in live mode: live orders reach the exchange, whose own fees and balances apply;"
                    + " remove it (it is for paper-live mode)";
            for (String key : new String[] {"latencyMs", "makerFeeBps", "takerFeeBps", "balances"}) {
                s.notUsed(key, why);
            }
        } else {
            latencyMs = s.whole("latencyMs", LiveVenueConfig.PaperFills.DEFAULT_LATENCY_MS);
            makerFeeBps = s.decimal("makerFeeBps", type.defaultMakerFeeBps());
            takerFeeBps = s.decimal("takerFeeBps", type.defaultTakerFeeBps());
            balancesSection = paperLive ? s.section("balances") : s.sectionIfPresent("balances");
        }
        s.rejectUnknownKeys();
        Map<String, LiveMarketConfig> markets = marketsSection == null ? null : liveMarkets(marketsSection,
                "not used by live venues: the exchange's tick, lot and minimum notional are read from it at start");
        Map<Asset, BigDecimal> balances = balancesSection == null ? null : balances(balancesSection);
        if (id == null || s.failed() || markets == null || balancesSection != null && balances == null) {
            return null;
        }
        Optional<LiveVenueConfig.ApiKeys> keys = apiKey != null && apiSecret != null
                ? Optional.of(new LiveVenueConfig.ApiKeys(apiKey, apiSecret, Optional.ofNullable(passphrase)))
                : Optional.empty();
        Optional<LiveVenueConfig.PaperFills> paper = Optional.empty();
        if (balances != null) {
            Long latency = latencyMs;
            BigDecimal maker = makerFeeBps;
            BigDecimal taker = takerFeeBps;
            LiveVenueConfig.PaperFills fills =
                    build(s.path(), () -> new LiveVenueConfig.PaperFills(latency, maker, taker, balances));
            if (fills == null) {
                return null;
            }
            paper = Optional.of(fills);
        }
        Optional<LiveVenueConfig.PaperFills> paperFills = paper;
        LiveVenueConfig venue = build(s.path(), () -> new LiveVenueConfig(id, type, markets, keys, restUrl, wsUrl,
                privateWsUrl, requestTimeoutMs, staleAfterMs, metadataRefreshSec, paperFills));
        // with the mode wrong or unknown (reported), only the venue's own values are checked
        return strict ? venue : null;
    }

    /** Markets by symbol with their base and quote only; {@code tradingRulesNotUsed} says why tick and lot are not. */
    private Map<String, LiveMarketConfig> liveMarkets(Section s, String tradingRulesNotUsed) {
        Map<String, LiveMarketConfig> markets = new LinkedHashMap<>();
        boolean complete = true;
        for (YamlNode.Entry entry : s.entries()) {
            Section marketSection = s.child(entry);
            LiveMarketConfig market = marketSection == null ? null
                    : liveMarket(entry.key(), marketSection, tradingRulesNotUsed);
            if (market == null) {
                complete = false;
            } else {
                markets.put(entry.key(), market);
            }
        }
        return complete ? markets : null;
    }

    private LiveMarketConfig liveMarket(String symbol, Section s, String why) {
        Asset base = s.asset("base");
        Asset quote = s.asset("quote");
        for (String key : new String[] {"tickSize", "lotSize", "minNotional"}) {
            s.notUsed(key, why);
        }
        s.rejectUnknownKeys();
        if (s.failed()) {
            return null;
        }
        return build(s.path(), () -> new LiveMarketConfig(symbol, base, quote));
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
        return amountsByAsset(s);
    }

    /** A mapping from asset codes to amounts; null if any entry failed. */
    private Map<Asset, BigDecimal> amountsByAsset(Section s) {
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
        QuoteModelType model =
                s.choice("model", QuoteModelType.LINEAR, QuoteModelType.values(), QuoteModelType::configName);
        Double spreadBps = s.number("spreadBps");
        Double skewBpsPerUnit = s.number("skewBpsPerUnit");
        Double minSpreadBps = s.number("minSpreadBps", 0);
        Boolean shrinkGrowingSide = s.flag("shrinkGrowingSide", false);
        Double gamma = modelSetting(s, "gamma", model, QuoteModelType::usesGamma, QuoteModelType::defaultGamma);
        Double horizonSec =
                modelSetting(s, "horizonSec", model, QuoteModelType::usesHorizon, QuoteModelType::defaultHorizonSec);
        Section hedgeSection = s.optionalSection("hedge");
        s.rejectUnknownKeys();
        HedgeConfig hedge = hedgeSection == null ? null : hedge(hedgeSection, band, quoteSize);
        if (s.failed() || model == null || hedge == null) {
            return null;
        }
        return build(s.path(), () -> new AssetConfig(target, band, maxPosition, quoteSize, model, spreadBps,
                skewBpsPerUnit, minSpreadBps, shrinkGrowingSide, gamma, horizonSec, hedge));
    }

    /**
     * A quote-model setting: read with the model's default when the model takes it, reported with the models
     * that do when it does not (NaN, as the record holds it). When the model itself is not valid, only its type
     * is checked.
     */
    private static Double modelSetting(Section s, String key, QuoteModelType model,
            Predicate<QuoteModelType> uses, ToDoubleFunction<QuoteModelType> defaultValue) {
        if (model == null) {
            return s.number(key, Double.NaN);
        }
        if (uses.test(model)) {
            return s.number(key, defaultValue.applyAsDouble(model));
        }
        String usedBy = Arrays.stream(QuoteModelType.values()).filter(uses)
                .map(QuoteModelType::configName).collect(Collectors.joining(", "));
        s.notUsed(key, "not used by model " + model.configName() + " (only by " + usedBy + ")");
        return Double.NaN;
    }

    /**
     * {@code assets.<ASSET>.hedge}; {@code band} and {@code quoteSize} (null when they did not read) give the
     * size defaults.
     */
    private HedgeConfig hedge(Section s, BigDecimal band, BigDecimal quoteSize) {
        Boolean enabled = s.flag("enabled", true);
        Double riskAversion = s.number("riskAversion", RebalanceParams.DEFAULT_RISK_AVERSION);
        Double hysteresisEnter = s.number("hysteresisEnter", RebalanceParams.DEFAULT_HYSTERESIS_ENTER);
        Double hysteresisExit = s.number("hysteresisExit", RebalanceParams.DEFAULT_HYSTERESIS_EXIT);
        BigDecimal minSize = s.decimal("minSize", band == null ? null : HedgeConfig.defaultMinSize(band));
        Double costMultiplier = s.number("costMultiplier", RebalanceParams.DEFAULT_HEDGE_COST_MULTIPLIER);
        Double edgeCreditWeight = s.number("edgeCreditWeight", RebalanceParams.DEFAULT_EDGE_CREDIT_WEIGHT);
        Integer splitGridSteps = s.integer("splitGridSteps", RebalanceParams.DEFAULT_SPLIT_GRID_STEPS);
        HedgeExecutionType type = s.choice("execution", HedgeExecutionType.IOC, HedgeExecutionType.values(),
                HedgeExecutionType::configName);
        BigDecimal sliceAbove = s.decimal("sliceAbove",
                quoteSize == null ? null : HedgeExecutionConfig.defaultSliceAbove(quoteSize));
        Long sliceHorizonSec = s.whole("sliceHorizonSec", HedgeExecutionConfig.DEFAULT_SLICE_HORIZON_SEC);
        Integer slices = s.integer("slices", HedgeExecutionConfig.DEFAULT_SLICES);
        Double urgency = s.number("urgency", HedgeExecutionConfig.DEFAULT_URGENCY);
        BigDecimal icebergClip = s.decimal("icebergClip",
                quoteSize == null ? null : HedgeExecutionConfig.defaultIcebergClip(quoteSize));
        Long icebergRefillMs = s.whole("icebergRefillMs", HedgeExecutionConfig.DEFAULT_ICEBERG_REFILL_MS);
        s.rejectUnknownKeys();
        if (s.failed() || minSize == null || sliceAbove == null || icebergClip == null) {
            return null;
        }
        HedgeExecutionConfig execution = build(s.path(), () -> new HedgeExecutionConfig(type, sliceAbove,
                sliceHorizonSec, slices, urgency, icebergClip, icebergRefillMs));
        // with a broken execution, the decision's knobs are still checked (against the default execution) so
        // that every problem of the section is reported at once
        HedgeExecutionConfig checkedWith = execution != null ? execution : HedgeExecutionConfig.defaults(quoteSize);
        HedgeConfig hedge = build(s.path(), () -> new HedgeConfig(enabled, riskAversion, hysteresisEnter,
                hysteresisExit, minSize, costMultiplier, edgeCreditWeight, splitGridSteps, checkedWith));
        return execution == null ? null : hedge;
    }

    private EstimatorsConfig estimators(Section s) {
        if (s == null) {
            return null;
        }
        Section volatilitySection = s.optionalSection("volatility");
        Section intensitySection = s.optionalSection("intensity");
        Section liquiditySection = s.optionalSection("liquidity");
        s.rejectUnknownKeys();
        EstimatorsConfig.Volatility volatility = volatilitySection == null ? null : volatility(volatilitySection);
        EstimatorsConfig.Intensity intensity = intensitySection == null ? null : intensity(intensitySection);
        EstimatorsConfig.Liquidity liquidity = liquiditySection == null ? null : liquidity(liquiditySection);
        if (s.failed() || volatility == null || intensity == null || liquidity == null) {
            return null;
        }
        return new EstimatorsConfig(volatility, intensity, liquidity);
    }

    private EstimatorsConfig.Volatility volatility(Section s) {
        EstimatorsConfig.Volatility d = EstimatorsConfig.Volatility.DEFAULTS;
        Long sampleIntervalMs = s.whole("sampleIntervalMs", d.sampleIntervalMs());
        Double halfLifeSec = s.number("halfLifeSec", d.halfLifeSec());
        Integer minSamples = s.integer("minSamples", d.minSamples());
        Double fallback = s.number("fallbackBpsPerSqrtSec", d.fallbackBpsPerSqrtSec());
        s.rejectUnknownKeys();
        if (s.failed()) {
            return null;
        }
        return build(s.path(),
                () -> new EstimatorsConfig.Volatility(sampleIntervalMs, halfLifeSec, minSamples, fallback));
    }

    private EstimatorsConfig.Intensity intensity(Section s) {
        EstimatorsConfig.Intensity d = EstimatorsConfig.Intensity.DEFAULTS;
        Long windowSec = s.whole("windowSec", d.windowSec());
        Double gridStepBps = s.number("gridStepBps", d.gridStepBps());
        Integer gridLevels = s.integer("gridLevels", d.gridLevels());
        Integer minTrades = s.integer("minTrades", d.minTrades());
        Integer minTradesPerLevel = s.integer("minTradesPerLevel", d.minTradesPerLevel());
        Integer minLevels = s.integer("minLevels", d.minLevels());
        Double minAPerSec = s.number("minAPerSec", d.minAPerSec());
        Double maxAPerSec = s.number("maxAPerSec", d.maxAPerSec());
        Double minKPerBps = s.number("minKPerBps", d.minKPerBps());
        Double maxKPerBps = s.number("maxKPerBps", d.maxKPerBps());
        Double fallbackAPerSec = s.number("fallbackAPerSec", d.fallbackAPerSec());
        Double fallbackKPerBps = s.number("fallbackKPerBps", d.fallbackKPerBps());
        Integer capacity = s.integer("capacity", d.capacity());
        s.rejectUnknownKeys();
        if (s.failed()) {
            return null;
        }
        return build(s.path(), () -> new EstimatorsConfig.Intensity(windowSec, gridStepBps, gridLevels, minTrades,
                minTradesPerLevel, minLevels, minAPerSec, maxAPerSec, minKPerBps, maxKPerBps, fallbackAPerSec,
                fallbackKPerBps, capacity));
    }

    private EstimatorsConfig.Liquidity liquidity(Section s) {
        EstimatorsConfig.Liquidity d = EstimatorsConfig.Liquidity.DEFAULTS;
        Double halfLifeSec = s.number("halfLifeSec", d.halfLifeSec());
        Double depthWithinBps = s.number("depthWithinBps", d.depthWithinBps());
        Integer maxLevels = s.integer("maxLevels", d.maxLevels());
        s.rejectUnknownKeys();
        if (s.failed()) {
            return null;
        }
        return build(s.path(), () -> new EstimatorsConfig.Liquidity(halfLifeSec, depthWithinBps, maxLevels));
    }

    private HedgingConfig hedging(Section s) {
        if (s == null) {
            return null;
        }
        HedgingConfig d = HedgingConfig.DEFAULTS;
        Long maxBookAgeMs = s.whole("maxBookAgeMs", d.maxBookAgeMs());
        Long stalenessGraceMs = s.whole("stalenessGraceMs", d.stalenessGraceMs());
        Double stalenessPenaltyBpsPerSec = s.number("stalenessPenaltyBpsPerSec", d.stalenessPenaltyBpsPerSec());
        Double maxSlippageBps = s.number("maxSlippageBps", d.maxSlippageBps());
        Double splitMinSavingBps = s.number("splitMinSavingBps", d.splitMinSavingBps());
        Integer maxLevelsPerVenue = s.integer("maxLevelsPerVenue", d.maxLevelsPerVenue());
        Long decisionIntervalMs = s.whole("decisionIntervalMs", d.decisionIntervalMs());
        Double limitSlackBps = s.number("limitSlackBps", d.limitSlackBps());
        Double basisHalfLifeSec = s.number("basisHalfLifeSec", d.basisHalfLifeSec());
        s.rejectUnknownKeys();
        if (s.failed()) {
            return null;
        }
        return build(s.path(), () -> new HedgingConfig(maxBookAgeMs, stalenessGraceMs, stalenessPenaltyBpsPerSec,
                maxSlippageBps, splitMinSavingBps, maxLevelsPerVenue, decisionIntervalMs, limitSlackBps,
                basisHalfLifeSec));
    }

    /**
     * The {@code risk} section, or null on any problem. {@code assets} (null when it did not read cleanly) gives each
     * asset's default position limits; without it the section's own keys are still checked.
     */
    private RiskConfig risk(Section s, Map<Asset, AssetConfig> assets) {
        if (s == null) {
            return null;
        }
        String controlFile = s.text("controlFile", RiskConfig.DEFAULT_CONTROL_FILE);
        BigDecimal maxOrderNotional = s.decimal("maxOrderNotional", RiskConfig.DEFAULT_MAX_ORDER_NOTIONAL);
        Integer maxOpenOrdersPerVenue = s.integer("maxOpenOrdersPerVenue", RiskConfig.DEFAULT_MAX_OPEN_ORDERS_PER_VENUE);
        Integer maxOrdersPerSecondPerVenue =
                s.integer("maxOrdersPerSecondPerVenue", RiskConfig.DEFAULT_MAX_ORDERS_PER_SECOND_PER_VENUE);
        Integer maxOrdersPerSecond = s.integer("maxOrdersPerSecond", RiskConfig.DEFAULT_MAX_ORDERS_PER_SECOND);
        Double priceBandBps = s.number("priceBandBps", RiskConfig.DEFAULT_PRICE_BAND_BPS);
        Long staleDataMs = s.whole("staleDataMs", RiskConfig.DEFAULT_STALE_DATA_MS);
        Double maxDrawdownPct = s.number("maxDrawdownPct", RiskConfig.DEFAULT_MAX_DRAWDOWN_PCT);
        Double maxDailyLossPct = s.number("maxDailyLossPct", RiskConfig.DEFAULT_MAX_DAILY_LOSS_PCT);
        Integer rejectsToHalt = s.integer("rejectsToHalt", RiskConfig.DEFAULT_REJECTS_TO_HALT);
        Long rejectWindowMs = s.whole("rejectWindowMs", RiskConfig.DEFAULT_REJECT_WINDOW_MS);
        Section assetsSection = s.optionalSection("assets");
        s.rejectUnknownKeys();
        Map<Asset, RiskAssetConfig> limits = assetsSection == null ? null : riskAssets(assetsSection, assets);
        if (s.failed()) {
            return null;
        }
        // the section's own rules are checked even when an asset's limits did not read (they do not depend on them)
        RiskConfig risk = build(s.path(), () -> new RiskConfig(controlFile, maxOrderNotional, maxOpenOrdersPerVenue,
                maxOrdersPerSecondPerVenue, maxOrdersPerSecond, priceBandBps, staleDataMs, maxDrawdownPct,
                maxDailyLossPct, rejectsToHalt, rejectWindowMs, limits == null ? Map.of() : limits));
        return limits == null ? null : risk;
    }

    /** Every asset's position limits: the file's where given, each asset's defaults otherwise; null on any problem. */
    private Map<Asset, RiskAssetConfig> riskAssets(Section s, Map<Asset, AssetConfig> assets) {
        Map<Asset, RiskAssetConfig> given = new LinkedHashMap<>();
        boolean complete = true;
        for (YamlNode.Entry entry : s.entries()) {
            Asset asset = s.assetKey(entry);
            Section child = s.child(entry);
            if (asset == null || child == null) {
                complete = false;
                continue;
            }
            AssetConfig config = assets == null ? null : assets.get(asset);
            if (assets != null && config == null) {
                problems.at(entry.keyMark(), child.path() + ": not an asset configured under assets (assets: "
                        + assets.keySet().stream().map(Asset::code).collect(Collectors.joining(", ")) + ")");
                complete = false;
            }
            RiskAssetConfig defaults = config == null ? null : RiskAssetConfig.defaults(config);
            BigDecimal maxPosition = child.decimal("maxPosition", defaults == null ? null : defaults.maxPosition());
            BigDecimal maxVenuePosition =
                    child.decimal("maxVenuePosition", defaults == null ? null : defaults.maxVenuePosition());
            child.rejectUnknownKeys();
            if (child.failed() || config == null) {
                complete = false;
                continue;
            }
            RiskAssetConfig limits = build(child.path(), () -> new RiskAssetConfig(maxPosition, maxVenuePosition));
            if (limits == null) {
                complete = false;
            } else {
                given.put(asset, limits);
            }
        }
        if (!complete || assets == null) {
            return null;
        }
        Map<Asset, RiskAssetConfig> all = new LinkedHashMap<>();
        assets.forEach((asset, config) -> all.put(asset, given.getOrDefault(asset, RiskAssetConfig.defaults(config))));
        return all;
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
