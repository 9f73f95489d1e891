package dev.ballast.connectors.binance;

import dev.ballast.core.InstrumentId;
import java.util.Objects;

/**
 * Binance's {@code bookTicker}: the best bid and ask (price in ticks, size in lots) right after update id
 * {@code updateId} of the depth stream. {@code timestampNs} is the venue's event time where Binance sends
 * one (futures); spot sends none, so there it is the local receive time. Stays inside the Binance
 * package: the engine derives its touch from the book.
 */
public record BinanceBookTicker(InstrumentId instrument, long updateId, long bidTicks, long bidLots,
                                long askTicks, long askLots, long timestampNs) {
    public BinanceBookTicker {
        Objects.requireNonNull(instrument, "instrument");
        if (bidTicks < 0 || askTicks < 0 || bidLots < 0 || askLots < 0) {
            throw new IllegalArgumentException("book ticker prices and sizes must be >= 0 (were "
                    + bidTicks + " x " + bidLots + ", " + askTicks + " x " + askLots + ")");
        }
    }
}
