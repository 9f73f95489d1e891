package dev.ballast.bot.inventory;

import dev.ballast.core.Asset;
import dev.ballast.core.VenueId;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What we hold of one asset at one moment: the total across venues, each venue's part (in venue-name
 * order), the target and drift, the fair value the PnL is marked at, and fees charged in other assets
 * that could not be priced yet. Immutable.
 *
 * @param target          null when the asset has no configured target
 * @param drift           total quantity - target; null without a target
 * @param fairValue       null until the asset has been marked
 * @param unconvertedFees fees charged on this asset's fills in an asset with no fair value yet, in that asset
 */
public record AssetInventory(Asset asset, Holding total, Map<VenueId, Holding> byVenue, InventoryTarget target,
                             BigDecimal drift, BigDecimal fairValue, Map<Asset, BigDecimal> unconvertedFees) {
    public AssetInventory {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(total, "total");
        if (!total.position().isTotal()) {
            throw new IllegalArgumentException(asset + ": total holding must have no venue");
        }
        byVenue = Collections.unmodifiableMap(new LinkedHashMap<>(byVenue));
        unconvertedFees = Collections.unmodifiableMap(new LinkedHashMap<>(unconvertedFees));
        if ((target == null) != (drift == null)) {
            throw new IllegalArgumentException(asset + ": drift is known exactly when a target is");
        }
    }
}
