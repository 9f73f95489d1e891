package dev.ballast.bot.recovery;

import dev.ballast.core.Asset;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How far a venue's balance may differ from ours before the difference counts as unexplained: per asset an
 * absolute amount when one is given, else {@code relative} × the larger of the two amounts. Immutable.
 *
 * @param relative  a fraction (0.001 = 0.1 %), >= 0
 * @param perAsset  absolute tolerances in the asset's units, each >= 0; they override {@code relative}
 */
public record BalanceTolerance(BigDecimal relative, Map<Asset, BigDecimal> perAsset) {
    public BalanceTolerance {
        Objects.requireNonNull(relative, "relative");
        if (relative.signum() < 0) {
            throw new IllegalArgumentException("relative tolerance must be >= 0 (was " + relative + ")");
        }
        perAsset = Collections.unmodifiableMap(new TreeMap<>(perAsset));
        perAsset.forEach((asset, amount) -> {
            if (amount.signum() < 0) {
                throw new IllegalArgumentException("tolerance of " + asset + " must be >= 0 (was " + amount + ")");
            }
        });
    }

    /** A tolerance of {@code relative} for every asset. */
    public static BalanceTolerance relative(String relative) {
        return new BalanceTolerance(new BigDecimal(relative), Map.of());
    }

    /** The largest difference allowed between {@code ours} and {@code theirs} of {@code asset}. */
    public BigDecimal allowed(Asset asset, BigDecimal ours, BigDecimal theirs) {
        BigDecimal absolute = perAsset.get(asset);
        return absolute != null ? absolute : relative.multiply(ours.abs().max(theirs.abs()));
    }
}
