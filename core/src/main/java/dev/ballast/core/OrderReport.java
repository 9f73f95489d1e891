package dev.ballast.core;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a venue says about one of our orders when asked by client order id: how an order whose fate we lost
 * (a timeout, a disconnect, a crash) is settled without sending it again. {@code status} is the venue's final
 * word when terminal; {@code price} is null for market orders; {@code updatedNs} is the venue's time of the
 * order's last change (epoch ns).
 */
public record OrderReport(ClientOrderId clientOrderId, VenueOrderId venueOrderId, InstrumentId instrument, Side side,
                          OrderStatus status, BigDecimal price, BigDecimal size, BigDecimal filledSize,
                          long updatedNs) {
    public OrderReport {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(filledSize, "filledSize");
        if (status == OrderStatus.PENDING_NEW || status == OrderStatus.UNKNOWN) {
            throw new IllegalArgumentException("a venue's report is never " + status + " (" + clientOrderId + ")");
        }
        if (filledSize.signum() < 0 || filledSize.compareTo(size) > 0) {
            throw new IllegalArgumentException("filledSize " + filledSize + " outside [0, " + size + "] for " + clientOrderId);
        }
    }
}
