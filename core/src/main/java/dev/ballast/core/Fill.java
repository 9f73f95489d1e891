package dev.ballast.core;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One execution of one of our orders: how much traded at what price, the fee charged and in which
 * asset, and whether we were maker or taker. {@code timestampNs} is the venue's event time.
 */
public record Fill(
        InstrumentId instrument,
        ClientOrderId clientOrderId,
        VenueOrderId venueOrderId,
        TradeId tradeId,
        Side side,
        BigDecimal price,
        BigDecimal size,
        BigDecimal fee,
        Asset feeAsset,
        Liquidity liquidity,
        long timestampNs) {

    public Fill {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(feeAsset, "feeAsset");
        Objects.requireNonNull(liquidity, "liquidity");
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("fill price must be > 0 (was " + price + ")");
        }
        if (size.signum() <= 0) {
            throw new IllegalArgumentException("fill size must be > 0 (was " + size + ")");
        }
    }

    /** price × size, in the quote asset. */
    public BigDecimal notional() {
        return price.multiply(size);
    }
}
