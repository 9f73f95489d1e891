package dev.ballast.core.event;

import dev.ballast.core.ClientOrderId;
import dev.ballast.core.InstrumentId;
import java.util.Objects;

/** The venue refused a cancel, typically because the order already filled or is unknown to it. */
public record CancelRejected(InstrumentId instrument, ClientOrderId clientOrderId, RejectReason reason,
                             String message, long timestampNs) implements Event {
    public CancelRejected {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(reason, "reason");
        message = message == null ? "" : message;
    }
}
