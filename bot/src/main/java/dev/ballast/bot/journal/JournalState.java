package dev.ballast.bot.journal;

import dev.ballast.core.Asset;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueId;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the journal says at start, before any venue is asked. Immutable.
 *
 * @param liveOrders       orders not known to be finished (PENDING_NEW, OPEN, PARTIALLY_FILLED, UNKNOWN), oldest first
 * @param positions        per venue, what we hold of each asset (the valuation currency included): the last inventory
 *                         snapshot plus every fill journaled after it; empty when no snapshot was ever taken
 * @param averageCosts     per asset, the average cost of the holding across venues at the last snapshot
 * @param lastTradeIds     per instrument, the last fill journaled: where "trades since" starts
 * @param lastSession      the stamp of the last session started (0 when none)
 * @param lastSessionEndedCleanly false when the last session never closed the journal (a crash, a kill)
 */
public record JournalState(List<JournaledOrder> liveOrders, Map<VenueId, Map<Asset, BigDecimal>> positions,
                           Map<Asset, BigDecimal> averageCosts, Map<InstrumentId, TradeId> lastTradeIds,
                           long lastSession, boolean lastSessionEndedCleanly) {
    /** The state of a journal that holds nothing. */
    public static final JournalState EMPTY = new JournalState(List.of(), Map.of(), Map.of(), Map.of(), 0, true);

    public JournalState {
        liveOrders = List.copyOf(liveOrders);
        Map<VenueId, Map<Asset, BigDecimal>> copy = new LinkedHashMap<>();
        positions.forEach((venue, byAsset) -> copy.put(Objects.requireNonNull(venue, "venue"),
                Collections.unmodifiableMap(new LinkedHashMap<>(byAsset))));
        positions = Collections.unmodifiableMap(copy);
        averageCosts = Collections.unmodifiableMap(new LinkedHashMap<>(averageCosts));
        lastTradeIds = Collections.unmodifiableMap(new LinkedHashMap<>(lastTradeIds));
    }

    /** True when the journal has an inventory of {@code venue} to compare the venue's balances with. */
    public boolean knowsPositionsOf(VenueId venue) {
        return positions.containsKey(venue);
    }
}
