package dev.ballast.bot.risk;

import dev.ballast.core.InstrumentId;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order a pre-trade guard kept from leaving, with the reason and the numbers behind it. Made on the engine
 * thread; immutable.
 *
 * @param price      the limit price, null for a market order
 * @param purpose    what the engine placed it for ({@code quote}, {@code hedge#3})
 * @param detail     the numbers that broke the limit, for the log and the journal
 * @param timestampNs the engine clock when it was denied
 */
public record OrderDenied(InstrumentId instrument, Side side, OrderType type, BigDecimal price, BigDecimal size,
                          String purpose, DenyReason reason, String detail, long timestampNs) {
    public OrderDenied {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(reason, "reason");
        purpose = purpose == null ? "" : purpose;
        detail = detail == null ? "" : detail;
    }

    @Override
    public String toString() {
        return "DENY " + instrument + " " + side + " " + size.toPlainString() + " " + type + " @ "
                + (price == null ? "MKT" : price.toPlainString()) + " " + purpose + ": " + reason + " " + detail;
    }
}
