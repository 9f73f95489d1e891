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
 * <p>Besides each part's own rules, the constructor checks the rules that span parts:
 * <ul>
 *   <li>at least one venue and at least one asset; the quote currency is not itself under {@code assets};</li>
 *   <li>in paper mode every venue is simulated;</li>
 *   <li>every market's quote is the quote currency and its base is configured under {@code assets};</li>
 *   <li>every asset under {@code assets} is the base of at least one market;</li>
 *   <li>an asset's {@code quoteSize} is at least the lot size of every market trading it, and on a simulated
 *       venue {@code quoteSize × startPrice} reaches the market's minimum notional;</li>
 *   <li>an asset hedged with {@code execution: iceberg} has an {@code icebergClip} of at least the lot size
 *       of every market trading it;</li>
 *   <li>every asset traded on a simulated venue has {@code simulation.assets.<ASSET>};</li>
 *   <li>every venue balance is in the quote currency or in an asset under {@code assets};</li>
 *   <li>every per-asset reconciliation tolerance is for the quote currency or an asset under {@code assets}.</li>
 * </ul>
 *
 * @param mode how the bot trades; required
 * @param quoteCurrency the currency prices, PnL and fair value are counted in; required
 * @param engine the engine loop's settings; optional in the file ({@link EngineConfig#DEFAULTS})
 * @param simulation the shared simulated market; required while any venue is simulated (today: always)
 * @param venues the venues by id, in file order; at least one
 * @param assets the traded assets by code, in file order; at least one
 * @param estimators the estimators' settings; optional in the file ({@link EstimatorsConfig#DEFAULTS})
 * @param hedging hedge pricing, routing and decision timing; optional in the file ({@link HedgingConfig#DEFAULTS})
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
        Map<Asset, AssetConfig> assets,
        EstimatorsConfig estimators,
        HedgingConfig hedging,
        JournalConfig journal,
        ReconciliationConfig reconciliation) {

    /** @throws IllegalArgumentException listing every rule that is broken, each named by its dotted path */
    public BallastConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(quoteCurrency, "quoteCurrency");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(simulation, "simulation");
        Objects.requireNonNull(venues, "venues");
        Objects.requireNonNull(assets, "assets");
        Objects.requireNonNull(estimators, "estimators");
        Objects.requireNonNull(hedging, "hedging");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(reconciliation, "reconciliation");
        venues = Collections.unmodifiableMap(new LinkedHashMap<>(venues));
        assets = Collections.unmodifiableMap(new LinkedHashMap<>(assets));
        venues.forEach((id, venue) -> {
            Objects.requireNonNull(venue, "venues." + id);
            if (!id.equals(venue.id())) {
                throw new IllegalArgumentException("venues." + id + " holds the config of venue " + venue.id());
            }
        });
        assets.values().forEach(a -> Objects.requireNonNull(a, "assets value"));
        Rules r = new Rules();
        checkAcrossParts(r, mode, quoteCurrency, simulation, venues, assets);
        checkReconciliation(r, quoteCurrency, assets, reconciliation);
        r.throwIfAny();
    }

    /** A config built in code with the default journal ({@code ./data/journal.db}) and reconciliation. */
    public BallastConfig(Mode mode, Asset quoteCurrency, EngineConfig engine, SimulationConfig simulation,
                         Map<VenueId, VenueConfig> venues, Map<Asset, AssetConfig> assets, EstimatorsConfig estimators,
                         HedgingConfig hedging) {
        this(mode, quoteCurrency, engine, simulation, venues, assets, estimators, hedging,
                JournalConfig.defaults(name -> null), ReconciliationConfig.DEFAULTS);
    }

    private static void checkReconciliation(Rules r, Asset quoteCurrency, Map<Asset, AssetConfig> assets,
                                            ReconciliationConfig reconciliation) {
        for (Asset asset : reconciliation.assetTolerance().keySet()) {
            r.require(asset.equals(quoteCurrency) || assets.containsKey(asset), "reconciliation.balanceTolerance.assets."
                    + asset + " must be the quoteCurrency " + quoteCurrency + " or an asset configured under assets");
        }
    }

    private static void checkAcrossParts(Rules r, Mode mode, Asset quoteCurrency, SimulationConfig simulation,
            Map<VenueId, VenueConfig> venues, Map<Asset, AssetConfig> assets) {
        r.require(!venues.isEmpty(), "venues must not be empty: configure at least one venue");
        r.require(!assets.isEmpty(), "assets must not be empty: configure at least one asset to quote");
        r.require(!assets.containsKey(quoteCurrency), "assets." + quoteCurrency
                + " must not be configured: it is the quoteCurrency, which every market is priced in");
        Map<Asset, String> firstMarketTrading = new LinkedHashMap<>();
        Map<Asset, String> firstSimulatedMarketTrading = new LinkedHashMap<>();
        for (VenueConfig venue : venues.values()) {
            String venuePath = "venues." + venue.id();
            r.require(mode.allows(venue.type()), venuePath + ".type must be simulated in " + mode.configName()
                    + " mode (was " + venue.type().configName() + ")");
            for (MarketConfig market : venue.markets().values()) {
                String marketPath = venuePath + ".markets." + market.symbol();
                firstMarketTrading.putIfAbsent(market.base(), marketPath);
                if (venue.type().isSimulated()) {
                    firstSimulatedMarketTrading.putIfAbsent(market.base(), marketPath);
                }
                r.require(market.quote().equals(quoteCurrency), marketPath + ".quote must be the quoteCurrency "
                        + quoteCurrency + " (was " + market.quote() + ")");
                AssetConfig asset = assets.get(market.base());
                if (asset == null) {
                    r.fail(marketPath + ".base must be an asset configured under assets (was " + market.base() + ")");
                    continue;
                }
                checkQuoteSize(r, market, marketPath, asset, venue.type().isSimulated()
                        ? simulation.assets().get(market.base()) : null);
                checkIcebergClip(r, market, marketPath, asset);
            }
            for (Asset held : venue.balances().keySet()) {
                r.require(held.equals(quoteCurrency) || assets.containsKey(held), venuePath + ".balances." + held
                        + " must be in the quoteCurrency " + quoteCurrency
                        + " or an asset configured under assets (was " + held + ")");
            }
        }
        for (Asset asset : assets.keySet()) {
            // with no venue at all, "venues must not be empty" says it all
            r.require(venues.isEmpty() || firstMarketTrading.containsKey(asset) || asset.equals(quoteCurrency),
                    "assets." + asset + " must be traded by at least one venue market (no market has base "
                            + asset + ")");
        }
        firstSimulatedMarketTrading.forEach((asset, marketPath) -> {
            if (assets.containsKey(asset)) {
                r.require(simulation.assets().containsKey(asset), "simulation.assets." + asset
                        + " is required: " + marketPath + " trades " + asset + " on a simulated venue");
            }
        });
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
