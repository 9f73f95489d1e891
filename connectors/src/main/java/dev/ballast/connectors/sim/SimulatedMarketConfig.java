package dev.ballast.connectors.sim;

import dev.ballast.core.Asset;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The shared simulated world: the seed (same seed, same market), how often prices move ({@code stepMs} of
 * simulated time), the asset every price is counted in ({@code quoteAsset}, whose price is 1 by definition) and
 * one {@link SimulatedAssetSpec} per other asset. The asset map is copied and kept in asset order.
 */
public record SimulatedMarketConfig(long seed, long stepMs, Asset quoteAsset, Map<Asset, SimulatedAssetSpec> assets) {
    public SimulatedMarketConfig {
        if (stepMs <= 0) {
            throw new IllegalArgumentException("simulation.stepMs must be > 0 (was " + stepMs + ")");
        }
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        Objects.requireNonNull(assets, "assets");
        if (assets.containsKey(quoteAsset)) {
            throw new IllegalArgumentException("simulation.assets must not price the quote asset " + quoteAsset
                    + " (its price is 1 by definition)");
        }
        assets.forEach((asset, spec) -> {
            Objects.requireNonNull(asset, "asset");
            Objects.requireNonNull(spec, "simulation.assets." + asset);
        });
        assets = java.util.Collections.unmodifiableMap(new TreeMap<>(assets));
    }
}
