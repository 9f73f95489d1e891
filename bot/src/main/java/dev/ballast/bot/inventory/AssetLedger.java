package dev.ballast.bot.inventory;

import dev.ballast.core.Asset;
import dev.ballast.core.VenueId;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything the aggregator knows about one asset: a cost ledger per venue and one across all venues,
 * the starting balances, the opening price, the latest fair value and the target. Not thread-safe: owned by the
 * {@link InventoryAggregator} that owns it.
 */
final class AssetLedger {
    final Asset asset;
    /** Null when the asset is held or traded without a configured target. */
    final InventoryTarget target;
    final CostBook total = new CostBook();
    final Map<VenueId, CostBook> byVenue = new HashMap<>();
    final Map<VenueId, BigDecimal> startingBalances = new HashMap<>();

    /** The price at which the starting balances got their cost basis; null until opened. */
    private BigDecimal openPrice;
    private double fairValue = Double.NaN;
    /** {@link #fairValue} as an exact decimal, made on first use after a mark from a double. */
    private BigDecimal fairValueDecimal;
    private double quantityDouble;
    private double driftDouble;

    AssetLedger(Asset asset, InventoryTarget target) {
        this.asset = asset;
        this.target = target;
        refresh();
    }

    CostBook venue(VenueId venue) {
        return byVenue.computeIfAbsent(venue, v -> new CostBook());
    }

    boolean isOpen() {
        return openPrice != null;
    }

    BigDecimal openPrice() {
        return openPrice;
    }

    /** Gives every starting balance its cost basis at {@code price}. */
    void open(BigDecimal price) {
        assert openPrice == null : asset + " is already open at " + openPrice;
        openPrice = price;
        total.open(price);
        for (CostBook book : byVenue.values()) {
            book.open(price);
        }
    }

    boolean hasFairValue() {
        return !Double.isNaN(fairValue);
    }

    double fairValueDouble() {
        return fairValue;
    }

    BigDecimal fairValueDecimal() {
        if (fairValueDecimal == null && hasFairValue()) {
            fairValueDecimal = BigDecimal.valueOf(fairValue);
        }
        return fairValueDecimal;
    }

    void mark(double value) {
        fairValue = value;
        fairValueDecimal = null;
    }

    void mark(BigDecimal value) {
        fairValue = value.doubleValue();
        fairValueDecimal = value;
    }

    BigDecimal quantity() {
        return total.quantity();
    }

    BigDecimal drift() {
        return total.quantity().subtract(target.target());
    }

    double quantityDouble() {
        return quantityDouble;
    }

    double driftDouble() {
        return driftDouble;
    }

    /** Recomputes the double views after the quantity changed; the drift is rounded once, from the exact value. */
    void refresh() {
        quantityDouble = total.quantity().doubleValue();
        driftDouble = target == null ? Double.NaN : drift().doubleValue();
    }
}
