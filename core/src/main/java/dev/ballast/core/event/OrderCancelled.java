package dev.ballast.core.event;

import dev.ballast.core.ClientOrderId;
import dev.ballast.core.InstrumentId;
import java.util.Objects;

/**
 * Our order left the book without filling completely: we cancelled it, an IOC expired, or the venue
 * cancelled it. Fills that happened before are reported separately and before this event.
 */
public record OrderCancelled(InstrumentId instrument, ClientOrderId clientOrderId, String reason, long timestampNs)
        implements Event {
    public OrderCancelled {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        reason = reason == null ? "" : reason;
    }
}
