package dev.ballast.bot.config;

import dev.ballast.core.Asset;
import dev.ballast.core.VenueId;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The whole configuration of one bot: what it trades where, and how. Made by {@link ConfigLoader} from a
 * YAML file (see docs/config.md) or built directly in tests; the rest of the bot is wired from it. Immutable
 * and thread-safe; maps keep the order of the file and cannot be modified.
 *
 * <p>Venues are kept by kind: {@link #venues()} holds the simulated ones, {@link #liveVenues()} the ones on real
 * exchanges, {@link #remoteVenues()} those of a simulated exchange in another process; a venue id names one venue
 * across all three. Besides each part's own rules, the constructor checks the
 * rules that span parts:
 * <ul>
 *   <li>at least one venue and at least one asset; the quote currency is not itself under {@code assets};</li>
 *   <li>in paper mode every venue is simulated (in-process or remote), in paper-live and live modes every venue is
 *       live;</li>
 *   <li>{@code simulation} is given in paper mode (when a venue is simulated), and only then;</li>
 *   <li>in live mode every live venue has its API keys and no paper fills; in paper-live it has paper fills
 *       (balances, fees) and no keys;</li>
 *   <li>every market's quote is the quote currency and its base is configured under {@code assets};</li>
 *   <li>every asset under {@code assets} is the base of at least one market;</li>
 *   <li>an asset's {@code quoteSize} is at least the lot size of every simulated market trading it, and
 *       {@code quoteSize × startPrice} reaches the market's minimum notional (a live market's lot and minimum
 *       notional come from the exchange at start, and are checked there);</li>
 *   <li>an asset hedged with {@code execution: iceberg} has an {@code icebergClip} of at least the lot size
 *       of every simulated market trading it;</li>
 *   <li>every asset traded on a simulated venue has {@code simulation.assets.<ASSET>};</li>
 *   <li>every venue balance (paper balances included) is in the quote currency or in an asset under
 *       {@code assets};</li>
 *   <li>every asset under {@code risk.assets} is an asset under {@code assets};</li>
 *   <li>every per-asset reconciliation tolerance is for the quote currency or an asset under {@code assets}.</li>
 * </ul>
 *
 * @param mode how the bot trades; required
 * @param quoteCurrency the currency prices, PnL and fair value are counted in; required
 * @param engine the engine loop's settings; optional in the file ({@link EngineConfig#DEFAULTS})
 * @param simulation the shared simulated market; required in paper mode, null in the others (no venue is simulated)
 * @param venues the simulated venues by id, in file order (unmodifiable)
 * @param liveVenues the venues on real exchanges by id, in file order (unmodifiable)
 * @param remoteVenues the venues of a simulated exchange served by another process, by id, in file order
 *     (unmodifiable); with {@code venues} and {@code liveVenues}, at least one venue
 * @param assets the traded assets by code, in file order; at least one
 * @param estimators the estimators' settings; optional in the file ({@link EstimatorsConfig#DEFAULTS})
 * @param hedging hedge pricing, routing and decision timing; optional in the file ({@link HedgingConfig#DEFAULTS})
 * @param risk pre-trade guards, automatic halts and the control file; optional in the file
 *     ({@link RiskConfig#defaults})
 * @param journal where and how the bot journals; optional in the file ({@link JournalConfig#defaults})
 * @param reconciliation how the bot reconciles with its venues; optional in the file
 *     ({@link ReconciliationConfig#DEFAULTS})
 */
public record BallastConfig(
        Mode mode,
        Asset quoteCurrency,
        EngineConfig engine,
        SimulationConfig simulation,
        Map<VenueId, VenueConfig> venues,
        Map<VenueId, LiveVenueConfig> liveVenues,
        Map<VenueId, RemoteSimVenueConfig> remoteVenues,
        Map<Asset, AssetConfig> assets,
        EstimatorsConfig estimators,
        HedgingConfig hedging,
        RiskConfig risk,
        JournalConfig journal,
        ReconciliationConfig reconciliation) {

    /** @throws IllegalArgumentException listing every rule that is broken, each named by its dotted path */
    public BallastConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(quoteCurrency, "quoteCurrency");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(venues, "venues");
        Objects.requireNonNull(liveVenues, "liveVenues");
        Objects.requireNonNull(remoteVenues, "remoteVenues");
        Objects.requireNonNull(assets, "assets");
        Objects.requireNonNull(estimators, "estimators");
        Objects.requireNonNull(hedging, "hedging");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(reconciliation, "reconciliation");
        venues = Collections.unmodifiableMap(new LinkedHashMap<>(venues));
        liveVenues = Collections.unmodifiableMap(new LinkedHashMap<>(liveVenues));
        remoteVenues = Collections.unmodifiableMap(new LinkedHashMap<>(remoteVenues));
        assets = Collections.unmodifiableMap(new LinkedHashMap<>(assets));
        venues.forEach((id, venue) -> {
            Objects.requireNonNull(venue, "venues." + id);
            if (!id.equals(venue.id())) {
                throw new IllegalArgumentException("venues." + id + " holds the config of venue " + venue.id());
            }
        });
        liveVenues.forEach((id, venue) -> {
            Objects.requireNonNull(venue, "liveVenues." + id);
            if (!id.equals(venue.id())) {
                throw new IllegalArgumentException("liveVenues." + id + " holds the config of venue " + venue.id());
            }
        });
        remoteVenues.forEach((id, venue) -> {
            Objects.requireNonNull(venue, "remoteVenues." + id);
            if (!id.equals(venue.id())) {
                throw new IllegalArgumentException("remoteVenues." + id + " holds the config of venue " + venue.id());
            }
        });
        assets.values().forEach(a -> Objects.requireNonNull(a, "assets value"));
        Rules r = new Rules();
        checkAcrossParts(r, mode, quoteCurrency, simulation, venues, liveVenues, remoteVenues, assets);
        checkRisk(r, assets, risk);
        checkReconciliation(r, quoteCurrency, assets, reconciliation);
        r.throwIfAny();
    }

    /**
     * A config built in code with the default risk section ({@link RiskConfig#defaults}), journal
     * ({@code ./data/journal.db}) and reconciliation.
     */
    public BallastConfig(Mode mode, Asset quoteCurrency, EngineConfig engine, SimulationConfig simulation,
                         Map<VenueId, VenueConfig> venues, Map<Asset, AssetConfig> assets, EstimatorsConfig estimators,
                         HedgingConfig hedging) {
        this(mode, quoteCurrency, engine, simulation, venues, Map.of(), assets, estimators, hedging);
    }

    /** A config with live venues built in code, with the default risk section, journal and reconciliation. */
    public BallastConfig(Mode mode, Asset quoteCurrency, EngineConfig engine, SimulationConfig simulation,
                         Map<VenueId, VenueConfig> venues, Map<VenueId, LiveVenueConfig> liveVenues,
                         Map<Asset, AssetConfig> assets, EstimatorsConfig estimators, HedgingConfig hedging) {
        this(mode, quoteCurrency, engine, simulation, venues, liveVenues, Map.of(), assets, estimators, hedging,
                RiskConfig.defaults(assets), JournalConfig.defaults(name -> null), ReconciliationConfig.DEFAULTS);
    }

    private static void checkRisk(Rules r, Map<Asset, AssetConfig> assets, RiskConfig risk) {
        for (Asset asset : risk.assets().keySet()) {
            r.require(assets.containsKey(asset), "risk.assets." + asset
                    + " must be an asset configured under assets (was " + asset + ")");
        }
    }

    private static void checkReconciliation(Rules r, Asset quoteCurrency, Map<Asset, AssetConfig> assets,
                                            ReconciliationConfig reconciliation) {
        for (Asset asset : reconciliation.assetTolerance().keySet()) {
            r.require(asset.equals(quoteCurrency) || assets.containsKey(asset), "reconciliation.balanceTolerance.assets."
                    + asset + " must be the quoteCurrency " + quoteCurrency + " or an asset configured under assets");
        }
    }

    private static void checkAcrossParts(Rules r, Mode mode, Asset quoteCurrency, SimulationConfig simulation,
            Map<VenueId, VenueConfig> venues, Map<VenueId, LiveVenueConfig> liveVenues,
            Map<VenueId, RemoteSimVenueConfig> remoteVenues, Map<Asset, AssetConfig> assets) {
        boolean noVenue = venues.isEmpty() && liveVenues.isEmpty() && remoteVenues.isEmpty();
        r.require(!noVenue, "venues must not be empty: configure at least one venue");
        r.require(!assets.isEmpty(), "assets must not be empty: configure at least one asset to quote");
        r.require(!assets.containsKey(quoteCurrency), "assets." + quoteCurrency
                + " must not be configured: it is the quoteCurrency, which every market is priced in");
        for (VenueId id : venues.keySet()) {
            r.require(!liveVenues.containsKey(id), "venues." + id
                    + " is configured twice, as a simulated and as a live venue: a venue id names one venue");
            r.require(!remoteVenues.containsKey(id), "venues." + id
                    + " is configured twice, as a simulated and as a remote-sim venue: a venue id names one venue");
        }
        for (VenueId id : liveVenues.keySet()) {
            r.require(!remoteVenues.containsKey(id), "venues." + id
                    + " is configured twice, as a live and as a remote-sim venue: a venue id names one venue");
        }
        if (simulation != null && !mode.usesSimulation()) {
            r.fail("simulation is not used in " + mode.configName()
                    + " mode: only simulated venues (paper mode) run on it");
        }
        Map<Asset, String> firstMarketTrading = new LinkedHashMap<>();
        Map<Asset, String> firstSimulatedMarketTrading = new LinkedHashMap<>();
        for (VenueConfig venue : venues.values()) {
            String venuePath = "venues." + venue.id();
            checkType(r, mode, venue.type(), venuePath);
            for (MarketConfig market : venue.markets().values()) {
                String marketPath = venuePath + ".markets." + market.symbol();
                firstMarketTrading.putIfAbsent(market.base(), marketPath);
                firstSimulatedMarketTrading.putIfAbsent(market.base(), marketPath);
                AssetConfig asset = checkMarket(r, quoteCurrency, assets, marketPath, market.base(), market.quote());
                if (asset != null) {
                    checkQuoteSize(r, market, marketPath, asset,
                            simulation == null ? null : simulation.assets().get(market.base()));
                    checkIcebergClip(r, market, marketPath, asset);
                }
            }
            checkBalances(r, quoteCurrency, assets, venuePath, venue.balances());
        }
        for (LiveVenueConfig venue : liveVenues.values()) {
            String venuePath = "venues." + venue.id();
            if (checkType(r, mode, venue.type(), venuePath)) {
                checkModeKeys(r, mode, venue, venuePath);
            }
            for (LiveMarketConfig market : venue.markets().values()) {
                String marketPath = venuePath + ".markets." + market.symbol();
                firstMarketTrading.putIfAbsent(market.base(), marketPath);
                checkMarket(r, quoteCurrency, assets, marketPath, market.base(), market.quote());
            }
            venue.paper().ifPresent(p -> checkBalances(r, quoteCurrency, assets, venuePath, p.balances()));
        }
        for (RemoteSimVenueConfig venue : remoteVenues.values()) {
            String venuePath = "venues." + venue.id();
            checkType(r, mode, venue.type(), venuePath);
            for (LiveMarketConfig market : venue.markets().values()) {
                String marketPath = venuePath + ".markets." + market.symbol();
                firstMarketTrading.putIfAbsent(market.base(), marketPath);
                checkMarket(r, quoteCurrency, assets, marketPath, market.base(), market.quote());
            }
        }
        for (Asset asset : assets.keySet()) {
            // with no venue at all, "venues must not be empty" says it all
            r.require(noVenue || firstMarketTrading.containsKey(asset) || asset.equals(quoteCurrency),
                    "assets." + asset + " must be traded by at least one venue market (no market has base "
                            + asset + ")");
        }
        if (!venues.isEmpty() && mode.usesSimulation()) {
            if (simulation == null) {
                r.fail("simulation is required: venues." + venues.keySet().iterator().next()
                        + " is simulated, and simulated venues run on the shared simulated market");
            } else {
                firstSimulatedMarketTrading.forEach((asset, marketPath) -> {
                    if (assets.containsKey(asset)) {
                        r.require(simulation.assets().containsKey(asset), "simulation.assets." + asset
                                + " is required: " + marketPath + " trades " + asset + " on a simulated venue");
                    }
                });
            }
        }
    }

    /** Whether the mode allows the venue's type; reports it when not. */
    private static boolean checkType(Rules r, Mode mode, VenueType type, String venuePath) {
        if (mode.allows(type)) {
            return true;
        }
        String allowed = "one of " + mode.allowedTypes();
        r.fail(venuePath + ".type must be " + allowed + " in " + mode.configName() + " mode (was "
                + type.configName() + ")");
        return false;
    }

    /** Live mode trades with keys and real balances; paper-live has no keys and simulates fills from paper ones. */
    private static void checkModeKeys(Rules r, Mode mode, LiveVenueConfig venue, String venuePath) {
        if (mode.usesKeys()) {
            r.require(venue.keys().isPresent(), venuePath + ".apiKey and " + venuePath
                    + ".apiSecret are required in live mode");
            r.require(venue.paper().isEmpty(), venuePath + ".balances, latencyMs and fees are not used in live mode:"
                    + " live balances and fees come from the exchange");
        } else {
            r.require(venue.keys().isEmpty(), venuePath + ".apiKey and " + venuePath + ".apiSecret are not used in "
                    + mode.configName() + " mode: it reads public market data only, without keys");
            r.require(venue.paper().isPresent(), venuePath + ".balances is required in " + mode.configName()
                    + " mode: the paper balances its simulated fills are paid from");
        }
    }

    /** The market's asset config, or null (reported) when its base is not configured. */
    private static AssetConfig checkMarket(Rules r, Asset quoteCurrency, Map<Asset, AssetConfig> assets,
            String marketPath, Asset base, Asset quote) {
        r.require(quote.equals(quoteCurrency), marketPath + ".quote must be the quoteCurrency "
                + quoteCurrency + " (was " + quote + ")");
        AssetConfig asset = assets.get(base);
        if (asset == null) {
            r.fail(marketPath + ".base must be an asset configured under assets (was " + base + ")");
        }
        return asset;
    }

    private static void checkBalances(Rules r, Asset quoteCurrency, Map<Asset, AssetConfig> assets,
            String venuePath, Map<Asset, BigDecimal> balances) {
        for (Asset held : balances.keySet()) {
            r.require(held.equals(quoteCurrency) || assets.containsKey(held), venuePath + ".balances." + held
                    + " must be in the quoteCurrency " + quoteCurrency
                    + " or an asset configured under assets (was " + held + ")");
        }
    }

    /** An iceberg clip below a lot could never be sent: the hedge would stall at its first clip. */
    private static void checkIcebergClip(Rules r, MarketConfig market, String marketPath, AssetConfig asset) {
        HedgeExecutionConfig execution = asset.hedge().execution();
        if (execution.type() == HedgeExecutionType.ICEBERG) {
            r.require(execution.icebergClip().compareTo(market.lotSize()) >= 0, "assets." + market.base()
                    + ".hedge.icebergClip must be >= " + marketPath + ".lotSize " + Rules.show(market.lotSize())
                    + " (was " + Rules.show(execution.icebergClip()) + ")");
        }
    }

    private static void checkQuoteSize(
            Rules r, MarketConfig market, String marketPath, AssetConfig asset, SimAssetConfig simulated) {
        String quoteSizePath = "assets." + market.base() + ".quoteSize";
        BigDecimal quoteSize = asset.quoteSize();
        r.require(quoteSize.compareTo(market.lotSize()) >= 0, quoteSizePath + " must be >= " + marketPath
                + ".lotSize " + Rules.show(market.lotSize()) + " (was " + Rules.show(quoteSize) + ")");
        if (simulated != null) {
            BigDecimal notional = quoteSize.multiply(simulated.startPrice());
            r.require(notional.compareTo(market.minNotional()) >= 0, quoteSizePath + " × simulation.assets."
                    + market.base() + ".startPrice must be >= " + marketPath + ".minNotional "
                    + Rules.show(market.minNotional()) + " (was " + Rules.show(quoteSize) + " × "
                    + Rules.show(simulated.startPrice()) + " = " + Rules.show(Rules.normalize(notional)) + ")");
        }
    }
}
