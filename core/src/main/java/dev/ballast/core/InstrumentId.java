package dev.ballast.core;

import java.util.Objects;

/** One tradable market on one venue: the venue and the venue's own symbol for it (e.g. {@code binance:BTCUSDT}). */
public record InstrumentId(VenueId venue, String symbol) {
    public InstrumentId {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        if (symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must not be blank");
        }
    }

    public static InstrumentId of(String venue, String symbol) {
        return new InstrumentId(VenueId.of(venue), symbol);
    }

    @Override
    public String toString() {
        return venue + ":" + symbol;
    }
}
