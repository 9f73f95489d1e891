package dev.ballast.bot.config;

import dev.ballast.bot.risk.PositionLimits;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The pre-trade position limits of one asset ({@code risk.assets.<ASSET>}), in the asset's units. Both keys are
 * optional; the defaults ({@link #defaults}) come from the asset's own settings. Immutable.
 *
 * @param maxPosition the most {@code |total position - target|} may reach, counting every live order on the side
 *     that would grow it as filled; > 0; default {@code assets.<ASSET>.maxPosition} (the quoting band's limit, now
 *     also enforced on every order as it leaves)
 * @param maxVenuePosition the most {@code |position|} on any one venue may reach, counting that venue's live orders
 *     on the growing side as filled; > 0; default {@code target + maxPosition} (no stricter than the total)
 */
public record RiskAssetConfig(BigDecimal maxPosition, BigDecimal maxVenuePosition) {
    /** @throws IllegalArgumentException listing every field that breaks its rule */
    public RiskAssetConfig {
        Objects.requireNonNull(maxPosition, "maxPosition");
        Objects.requireNonNull(maxVenuePosition, "maxVenuePosition");
        Rules r = new Rules();
        r.positive("maxPosition", maxPosition);
        r.positive("maxVenuePosition", maxVenuePosition);
        r.throwIfAny();
    }

    /** The limits an asset has when {@code risk.assets} does not name it. */
    public static RiskAssetConfig defaults(AssetConfig asset) {
        return new RiskAssetConfig(asset.maxPosition(), asset.target().add(asset.maxPosition()));
    }

    /** The limits as the engine's guards take them. */
    public PositionLimits limits() {
        return new PositionLimits(maxPosition.doubleValue(), maxVenuePosition.doubleValue());
    }
}
