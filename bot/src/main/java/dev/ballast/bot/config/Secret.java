package dev.ballast.bot.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A credential from the config (an API key, secret or passphrase) that must never reach a log: its
 * {@link #toString()} shows only that it is there, so a record holding one can be printed safely. The value is
 * read with {@link #reveal()}, by the connector that signs requests and nothing else. Immutable.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** @throws IllegalArgumentException if the value is blank */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
        return new Secret(value);
    }

    /** The credential itself. Never log it. */
    public String reveal() {
        return value;
    }

    /** Compares in time independent of where the values differ. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** {@code ****}: never the value. */
    @Override
    public String toString() {
        return "****";
    }
}
