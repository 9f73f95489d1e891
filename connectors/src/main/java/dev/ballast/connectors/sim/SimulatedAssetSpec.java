package dev.ballast.connectors.sim;

import java.util.Objects;

/**
 * How one asset's shared price behaves: where it starts (in the market's quote asset), how volatile it is, in
 * basis points per √second, and the kind of walk.
 */
public record SimulatedAssetSpec(double startPrice, double volatilityBpsPerSqrtSec, PriceWalk walk) {
    public SimulatedAssetSpec {
        if (!(startPrice > 0) || !Double.isFinite(startPrice)) {
            throw new IllegalArgumentException("startPrice must be finite and > 0 (was " + startPrice + ")");
        }
        if (!(volatilityBpsPerSqrtSec >= 0) || !Double.isFinite(volatilityBpsPerSqrtSec)) {
            throw new IllegalArgumentException(
                    "volatilityBpsPerSqrtSec must be finite and >= 0 (was " + volatilityBpsPerSqrtSec + ")");
        }
        Objects.requireNonNull(walk, "walk");
    }

    /** A log random walk, the default. */
    public SimulatedAssetSpec(double startPrice, double volatilityBpsPerSqrtSec) {
        this(startPrice, volatilityBpsPerSqrtSec, PriceWalk.LOG);
    }
}
