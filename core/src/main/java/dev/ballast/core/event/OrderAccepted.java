package dev.ballast.core.event;

import dev.ballast.core.ClientOrderId;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.VenueOrderId;
import java.util.Objects;

/** The venue accepted our order; it now rests on the book (or is about to trade). */
public record OrderAccepted(InstrumentId instrument, ClientOrderId clientOrderId, VenueOrderId venueOrderId,
                            long timestampNs) implements Event {
    public OrderAccepted {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(venueOrderId, "venueOrderId");
    }
}
