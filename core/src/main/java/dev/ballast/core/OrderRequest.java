package dev.ballast.core;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A command to place one order, complete before it leaves: the client order id is already made, the
 * price and size already on the instrument's grid. {@code price} is null for a market order.
 */
public record OrderRequest(ClientOrderId clientOrderId, InstrumentId instrument, Side side, OrderType type,
                           BigDecimal price, BigDecimal size) {
    public OrderRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(size, "size");
        if (size.signum() <= 0) {
            throw new IllegalArgumentException("size must be > 0 (was " + size + ")");
        }
        if (type != OrderType.MARKET) {
            Objects.requireNonNull(price, "price");
            if (price.signum() <= 0) {
                throw new IllegalArgumentException("price must be > 0 (was " + price + ")");
            }
        }
    }

    /** The request for an order the engine already tracks. */
    public static OrderRequest of(Order o) {
        return new OrderRequest(o.clientOrderId(), o.instrumentId(), o.side(), o.type(), o.price(), o.size());
    }
}
