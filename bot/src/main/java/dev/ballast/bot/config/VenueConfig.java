package dev.ballast.bot.config;

import dev.ballast.core.Asset;
import dev.ballast.core.FeeSchedule;
import dev.ballast.core.Instrument;
import dev.ballast.core.VenueId;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One simulated venue ({@code venues.<id>} with {@code type: simulated}); a venue on a real exchange is a
 * {@link LiveVenueConfig}. Immutable.
 *
 * @param id the venue's name (the key in the config), e.g. {@code sim-a}
 * @param type what kind of venue it is; {@link VenueType#SIMULATED}
 * @param latencyMs the delay before an order or cancel takes effect, in milliseconds; >= 0; default 0
 * @param makerFeeBps the fee on fills of our resting orders, in bps of notional (negative: a rebate);
 *     from {@value #MIN_MAKER_FEE_BPS} to {@value #MAX_FEE_BPS}; default 0
 * @param takerFeeBps the fee on fills of our orders that cross, in bps of notional; from 0 to
 *     {@value #MAX_FEE_BPS}; default 0
 * @param dislocationBps how far this venue's own price wanders around the shared simulated price, in bps;
 *     >= 0; default 0
 * @param balances the starting balance of each asset on this venue, in file order (unmodifiable); each >= 0;
 *     each asset must be the quote currency or configured under {@code assets} (checked by
 *     {@link BallastConfig}); required
 * @param markets the markets traded here by symbol, in file order (unmodifiable); at least one; required
 */
public record VenueConfig(
        VenueId id,
        VenueType type,
        long latencyMs,
        BigDecimal makerFeeBps,
        BigDecimal takerFeeBps,
        double dislocationBps,
        Map<Asset, BigDecimal> balances,
        Map<String, MarketConfig> markets) {

    public static final int MIN_MAKER_FEE_BPS = -10;
    public static final int MAX_FEE_BPS = 100;

    private static final BigDecimal BPS_PER_UNIT = BigDecimal.valueOf(10_000);

    /** @throws IllegalArgumentException listing every field that breaks its rule */
    public VenueConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(makerFeeBps, "makerFeeBps");
        Objects.requireNonNull(takerFeeBps, "takerFeeBps");
        Objects.requireNonNull(balances, "balances");
        Objects.requireNonNull(markets, "markets");
        Rules r = new Rules();
        r.require(type.isSimulated(), "type must be simulated (a venue on a real exchange is a LiveVenueConfig)"
                + " (was " + type.configName() + ")");
        r.nonNegative("latencyMs", latencyMs);
        r.between("makerFeeBps", makerFeeBps, BigDecimal.valueOf(MIN_MAKER_FEE_BPS), BigDecimal.valueOf(MAX_FEE_BPS));
        r.between("takerFeeBps", takerFeeBps, BigDecimal.ZERO, BigDecimal.valueOf(MAX_FEE_BPS));
        r.nonNegative("dislocationBps", dislocationBps);
        Map<Asset, BigDecimal> normalizedBalances = new LinkedHashMap<>();
        balances.forEach((asset, amount) -> {
            Objects.requireNonNull(asset, "balances key");
            Objects.requireNonNull(amount, "balances." + asset);
            r.nonNegative("balances." + asset, amount);
            normalizedBalances.put(asset, Rules.normalize(amount));
        });
        r.require(!markets.isEmpty(), "markets must not be empty: list at least one market");
        markets.forEach((symbol, market) -> {
            Objects.requireNonNull(market, "markets." + symbol);
            r.require(symbol.equals(market.symbol()),
                    "markets." + symbol + ".symbol must equal its key " + symbol + " (was " + market.symbol() + ")");
        });
        r.throwIfAny();
        makerFeeBps = Rules.normalize(makerFeeBps);
        takerFeeBps = Rules.normalize(takerFeeBps);
        balances = Collections.unmodifiableMap(normalizedBalances);
        markets = Collections.unmodifiableMap(new LinkedHashMap<>(markets));
    }

    /** The fee rates as fractions of notional (1 bps = 0.0001), exactly. */
    public FeeSchedule fees() {
        return new FeeSchedule(makerFeeBps.divide(BPS_PER_UNIT), takerFeeBps.divide(BPS_PER_UNIT));
    }

    /** The core instrument of every market on this venue, in file order. */
    public List<Instrument> instruments() {
        return markets.values().stream().map(m -> m.instrument(id)).toList();
    }
}
