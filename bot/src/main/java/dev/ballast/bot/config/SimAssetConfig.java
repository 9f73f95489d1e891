package dev.ballast.bot.config;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How one asset's shared price moves in the simulated market ({@code simulation.assets.<ASSET>}). Immutable.
 *
 * @param startPrice the price at the start, in the quote currency; > 0; required
 * @param volatilityBpsPerSqrtSec the standard deviation of the price's moves, in basis points per square root
 *     of a second (a random walk); >= 0; required
 */
public record SimAssetConfig(BigDecimal startPrice, double volatilityBpsPerSqrtSec) {
    /** @throws IllegalArgumentException listing every field that breaks its rule */
    public SimAssetConfig {
        Objects.requireNonNull(startPrice, "startPrice");
        Rules r = new Rules();
        r.positive("startPrice", startPrice);
        r.nonNegative("volatilityBpsPerSqrtSec", volatilityBpsPerSqrtSec);
        r.throwIfAny();
        startPrice = Rules.normalize(startPrice);
    }
}
