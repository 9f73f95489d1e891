package dev.ballast.core;

import java.math.BigDecimal;
import java.util.Objects;

/** What a venue holds of one asset for us: total = free + locked (locked is reserved by open orders). */
public record Balance(Asset asset, BigDecimal total, BigDecimal free, BigDecimal locked) {
    public Balance {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(free, "free");
        Objects.requireNonNull(locked, "locked");
        if (locked.signum() < 0) {
            throw new IllegalArgumentException(asset + ": locked must be >= 0 (was " + locked + ")");
        }
        if (total.compareTo(free.add(locked)) != 0) {
            throw new IllegalArgumentException(
                    asset + ": total " + total + " must equal free " + free + " + locked " + locked);
        }
    }

    /** A balance with nothing locked. */
    public static Balance ofFree(Asset asset, BigDecimal free) {
        return new Balance(asset, free, free, BigDecimal.ZERO);
    }
}
