package dev.ballast.core;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A snapshot of what we hold of one asset on one venue (or in total when {@code venue} is null):
 * the quantity (negative = short), the average cost of the open quantity, realised PnL, and fees paid,
 * all in the quote currency of valuation.
 */
public record Position(Asset asset, VenueId venue, BigDecimal quantity, BigDecimal averageCost,
                       BigDecimal realisedPnl, BigDecimal fees) {
    public Position {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(averageCost, "averageCost");
        Objects.requireNonNull(realisedPnl, "realisedPnl");
        Objects.requireNonNull(fees, "fees");
    }

    /** True for the all-venues total. */
    public boolean isTotal() {
        return venue == null;
    }
}
