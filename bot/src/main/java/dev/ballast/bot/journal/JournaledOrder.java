package dev.ballast.bot.journal;

import dev.ballast.core.ClientOrderId;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.OrderStatus;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.VenueOrderId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the journal knows of one order: its intent (instrument, side, type, price, size, purpose), and the last
 * word on it (status, venue order id, filled size, reason). {@code price} is null for a market order,
 * {@code venueOrderId} until the venue acknowledged it, {@code reason} unless rejected or cancelled.
 */
public record JournaledOrder(ClientOrderId clientOrderId, InstrumentId instrument, Side side, OrderType type,
                             BigDecimal price, BigDecimal size, String purpose, long createdNs, OrderStatus status,
                             VenueOrderId venueOrderId, BigDecimal filledSize, String reason, long updatedNs) {
    public JournaledOrder {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filledSize, "filledSize");
        if (size.signum() <= 0) {
            throw new IllegalArgumentException(clientOrderId + ": size must be > 0 (was " + size + ")");
        }
        if (filledSize.signum() < 0 || filledSize.compareTo(size) > 0) {
            throw new IllegalArgumentException(clientOrderId + ": filledSize " + filledSize + " outside [0, " + size + "]");
        }
    }
}
