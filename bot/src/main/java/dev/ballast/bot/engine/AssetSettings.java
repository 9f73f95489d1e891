package dev.ballast.bot.engine;

import dev.ballast.core.Asset;
import dev.ballast.strategies.quoting.QuoteModel;
import java.util.Objects;

/**
 * How the engine quotes one asset: the model that prices quotes, and the hard limit on |position − target|
 * (base units) past which the side that would grow the drift is not quoted.
 */
public record AssetSettings(Asset asset, QuoteModel model, double maxPosition) {
    public AssetSettings {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(model, "model");
        if (!(maxPosition > 0)) {
            throw new IllegalArgumentException(asset + ": maxPosition must be > 0 (was " + maxPosition + ")");
        }
    }
}
