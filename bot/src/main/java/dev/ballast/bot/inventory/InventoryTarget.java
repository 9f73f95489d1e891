package dev.ballast.bot.inventory;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What we aim to hold of one asset across all venues, in base units: the {@code target} quantity, the
 * {@code band} around it within which the holding counts as on target, and {@code maxPosition}, the hard
 * limit on {@code |quantity - target|} past which the side that would grow the drift is not quoted.
 * Immutable and thread-safe.
 */
public record InventoryTarget(BigDecimal target, BigDecimal band, BigDecimal maxPosition) {

    /**
     * @throws IllegalArgumentException when band is negative, maxPosition is not positive, or band exceeds
     *         maxPosition
     */
    public InventoryTarget {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(maxPosition, "maxPosition");
        if (band.signum() < 0) {
            throw new IllegalArgumentException("band must be >= 0 (was " + band.toPlainString() + ")");
        }
        if (maxPosition.signum() <= 0) {
            throw new IllegalArgumentException("maxPosition must be > 0 (was " + maxPosition.toPlainString() + ")");
        }
        if (band.compareTo(maxPosition) > 0) {
            throw new IllegalArgumentException("band " + band.toPlainString()
                    + " must not exceed maxPosition " + maxPosition.toPlainString());
        }
    }

    /** Convenience for configuration code and tests: {@code of("1.0", "0.05", "0.3")}. */
    public static InventoryTarget of(String target, String band, String maxPosition) {
        return new InventoryTarget(new BigDecimal(target), new BigDecimal(band), new BigDecimal(maxPosition));
    }
}
