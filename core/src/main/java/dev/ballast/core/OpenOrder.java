package dev.ballast.core;

import java.math.BigDecimal;
import java.util.Objects;

/** What a venue reports about one of our orders still resting on it. */
public record OpenOrder(ClientOrderId clientOrderId, VenueOrderId venueOrderId, InstrumentId instrument, Side side,
                        BigDecimal price, BigDecimal size, BigDecimal filledSize) {
    public OpenOrder {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(filledSize, "filledSize");
    }
}
