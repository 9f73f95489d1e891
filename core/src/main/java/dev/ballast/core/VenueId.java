package dev.ballast.core;

import java.util.Objects;
import java.util.regex.Pattern;

/** The name of a trading venue, such as {@code binance} or {@code sim-a}: lower case, digits, '-' and '_'. */
public record VenueId(String name) {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    public VenueId {
        Objects.requireNonNull(name, "name");
        if (!VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("venue id must match " + VALID + " (was '" + name + "')");
        }
    }

    public static VenueId of(String name) {
        return new VenueId(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
