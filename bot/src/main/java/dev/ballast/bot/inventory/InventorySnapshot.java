package dev.ballast.bot.inventory;

import dev.ballast.core.Asset;
import dev.ballast.core.VenueId;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The whole inventory at one moment, for the status block and the journal: cash in the valuation
 * currency per venue (in venue-name order) and in total, every asset (in code order), and the equity and
 * total PnL. Immutable; safe to hand to another thread.
 *
 * @param equity   cash + Σ quantity × fair value; null while some held asset has no fair value
 * @param totalPnl Σ (realised + unrealised - fees); null while some held asset has no fair value
 */
public record InventorySnapshot(Asset valuationCurrency, Map<VenueId, BigDecimal> cashByVenue, BigDecimal cash,
                                Map<Asset, AssetInventory> assets, BigDecimal equity, BigDecimal totalPnl) {
    public InventorySnapshot {
        Objects.requireNonNull(valuationCurrency, "valuationCurrency");
        Objects.requireNonNull(cash, "cash");
        cashByVenue = Collections.unmodifiableMap(new LinkedHashMap<>(cashByVenue));
        assets = Collections.unmodifiableMap(new LinkedHashMap<>(assets));
        if ((equity == null) != (totalPnl == null)) {
            throw new IllegalArgumentException("equity and totalPnl are known together");
        }
    }

    /** The snapshot of {@code asset}. @throws IllegalArgumentException when the asset is not in it */
    public AssetInventory asset(Asset asset) {
        AssetInventory a = assets.get(asset);
        if (a == null) {
            throw new IllegalArgumentException("no inventory for " + asset + " in this snapshot");
        }
        return a;
    }
}
