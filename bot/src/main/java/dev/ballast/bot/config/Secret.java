package dev.ballast.bot.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;

/**
 * A credential from the config (an API key, secret or passphrase) that must never reach a log: its
 * {@link #toString()} shows only that it is there, so a record holding one can be printed safely. The value is
 * read with {@link #reveal()}, by the connector that signs requests and nothing else. A secret loaded from a file
 * remembers the environment variable it came from, so that a config written back names the variable, never the
 * value. Immutable.
 */
public final class Secret {
    private final String variable;
    private final String value;

    private Secret(String variable, String value) {
        this.variable = variable;
        this.value = value;
    }

    /**
     * A secret given in code (tests, tools), with no variable behind it.
     *
     * @throws IllegalArgumentException if the value is blank
     */
    public static Secret of(String value) {
        return new Secret(null, requireNotBlank(value));
    }

    /**
     * A secret read from the environment variable {@code variable}.
     *
     * @throws IllegalArgumentException if the value is blank (the message names the variable, never the value)
     */
    public static Secret fromEnvironment(String variable, String value) {
        Objects.requireNonNull(variable, "variable");
        if (variable.isBlank()) {
            throw new IllegalArgumentException("a secret's variable name must not be blank");
        }
        return new Secret(variable, requireNotBlank(value));
    }

    private static String requireNotBlank(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
        return value;
    }

    /** The credential itself. Never log it. */
    public String reveal() {
        return value;
    }

    /** The environment variable the value was read from ({@code BINANCE_API_KEY}); empty for {@link #of}. */
    public Optional<String> variable() {
        return Optional.ofNullable(variable);
    }

    /** Same value (compared in time independent of where the values differ) from the same variable. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && Objects.equals(variable, other.variable) && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    /** From the variable's name only: a hash of the value would be a little of the value. */
    @Override
    public int hashCode() {
        return Objects.hashCode(variable);
    }

    /** {@code ****}: never the value. */
    @Override
    public String toString() {
        return "****";
    }
}
