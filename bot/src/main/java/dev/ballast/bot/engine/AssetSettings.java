package dev.ballast.bot.engine;

import dev.ballast.core.Asset;
import dev.ballast.strategies.quoting.QuoteModel;
import java.util.Objects;

/**
 * How the engine trades one asset: the model that prices quotes, the hard limit on |position − target| (base
 * units) past which the side that would grow the drift is not quoted, and how it hedges ({@code hedge} null:
 * rebalancing through quotes only).
 */
public record AssetSettings(Asset asset, QuoteModel model, double maxPosition, HedgeSettings hedge) {
    public AssetSettings {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(model, "model");
        if (!(maxPosition > 0)) {
            throw new IllegalArgumentException(asset + ": maxPosition must be > 0 (was " + maxPosition + ")");
        }
    }

    /** An asset that rebalances through its quotes only. */
    public AssetSettings(Asset asset, QuoteModel model, double maxPosition) {
        this(asset, model, maxPosition, null);
    }

    public boolean hedges() {
        return hedge != null;
    }
}
