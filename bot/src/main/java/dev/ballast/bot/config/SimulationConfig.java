package dev.ballast.bot.config;

import dev.ballast.core.Asset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The shared simulated market behind every simulated venue ({@code simulation}). Immutable.
 *
 * @param seed the random seed: the same seed gives the same market; required
 * @param stepMs how often the simulated prices move, in milliseconds; > 0; default {@value #DEFAULT_STEP_MS}
 * @param assets each simulated asset's start price and volatility, in file order (unmodifiable); every asset
 *     that a simulated venue trades needs one (checked by {@link BallastConfig})
 */
public record SimulationConfig(long seed, long stepMs, Map<Asset, SimAssetConfig> assets) {
    public static final long DEFAULT_STEP_MS = 100;

    /** @throws IllegalArgumentException listing every field that breaks its rule */
    public SimulationConfig {
        Objects.requireNonNull(assets, "assets");
        assets.forEach((asset, config) -> {
            Objects.requireNonNull(asset, "assets key");
            Objects.requireNonNull(config, "assets." + asset);
        });
        Rules r = new Rules();
        r.positive("stepMs", stepMs);
        r.throwIfAny();
        assets = Collections.unmodifiableMap(new LinkedHashMap<>(assets));
    }
}
