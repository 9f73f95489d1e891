package dev.ballast.core;

import java.util.Objects;

/** A venue's id for one trade (one fill of ours, or one public print). */
public record TradeId(String value) {
    public TradeId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("trade id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
