package dev.ballast.core.event;

import dev.ballast.core.ClientOrderId;
import dev.ballast.core.InstrumentId;
import java.util.Objects;

/** The venue refused our new order; it never rested. */
public record OrderRejected(InstrumentId instrument, ClientOrderId clientOrderId, RejectReason reason,
                            String message, long timestampNs) implements Event {
    public OrderRejected {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(reason, "reason");
        message = message == null ? "" : message;
    }
}
