package dev.ballast.core;

import java.util.Objects;

/** The id a venue gives an order once it has accepted it. */
public record VenueOrderId(String value) {
    public VenueOrderId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("venue order id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
