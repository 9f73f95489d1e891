package dev.ballast.core.event;

import dev.ballast.core.InstrumentId;
import dev.ballast.core.Side;
import java.util.Objects;

/** A trade printed on a venue's public tape (anyone's), price in ticks, size in lots; {@code aggressor} took liquidity. */
public record PublicTrade(InstrumentId instrument, long priceTicks, long sizeLots, Side aggressor, long timestampNs)
        implements Event {
    public PublicTrade {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(aggressor, "aggressor");
        if (priceTicks <= 0 || sizeLots <= 0) {
            throw new IllegalArgumentException("trade price and size must be > 0 (were " + priceTicks + ", " + sizeLots + ")");
        }
    }
}
