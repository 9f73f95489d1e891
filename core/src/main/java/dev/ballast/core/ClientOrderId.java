package dev.ballast.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id we give an order before it is sent; a retry reuses it, and an order whose fate is unknown is
 * resolved by asking the venue for it. 1 to 36 characters of {@code [A-Za-z0-9_-]}: the intersection of
 * what Binance, Kraken (userref aside) and OKX accept.
 */
public record ClientOrderId(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,36}");

    public ClientOrderId {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("client order id must match " + VALID + " (was '" + value + "')");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
