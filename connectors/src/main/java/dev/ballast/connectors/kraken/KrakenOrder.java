package dev.ballast.connectors.kraken;

import dev.ballast.core.ClientOrderId;
import dev.ballast.core.OpenOrder;
import dev.ballast.core.OrderReport;
import dev.ballast.core.OrderStatus;
import dev.ballast.core.Side;
import dev.ballast.core.VenueOrderId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One order as Kraken reports it (REST OpenOrders, ClosedOrders, QueryOrders), before it is matched to our
 * client order id. {@code status} is Kraken's: {@code pending}, {@code open}, {@code closed}, {@code canceled},
 * {@code expired}. {@code price} is the limit price (null for a market order); {@code clientOrderId} is
 * Kraken's {@code cl_ord_id}, null when the order has none (placed by hand, or before we set one).
 */
record KrakenOrder(String txid, KrakenPair pair, Side side, String orderType, String status, BigDecimal price,
                   BigDecimal volume, BigDecimal volumeExecuted, long updatedNs, ClientOrderId clientOrderId) {
    KrakenOrder {
        Objects.requireNonNull(txid, "txid");
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(volumeExecuted, "volumeExecuted");
    }

    /** Our status for Kraken's, given how much traded. */
    OrderStatus orderStatus() {
        boolean anyFilled = volumeExecuted.signum() > 0;
        boolean allFilled = volumeExecuted.compareTo(volume) >= 0;
        return switch (status) {
            case "pending", "open" -> anyFilled ? OrderStatus.PARTIALLY_FILLED : OrderStatus.OPEN;
            case "closed" -> allFilled ? OrderStatus.FILLED : OrderStatus.CANCELLED;
            case "canceled", "expired" -> allFilled ? OrderStatus.FILLED : OrderStatus.CANCELLED;
            default -> throw new IllegalArgumentException("unknown Kraken order status '" + status + "' (" + txid
                    + ")");
        };
    }

    boolean isOpen() {
        return status.equals("pending") || status.equals("open");
    }

    OrderReport toReport(ClientOrderId id) {
        return new OrderReport(id, new VenueOrderId(txid), pair.id(), side, orderStatus(), price, volume,
                volumeExecuted.min(volume), updatedNs);
    }

    OpenOrder toOpenOrder(ClientOrderId id) {
        return new OpenOrder(id, new VenueOrderId(txid), pair.id(), side, price, volume, volumeExecuted);
    }
}
