package dev.ballast.connectors.live;

import java.util.Objects;

/**
 * An API key, its secret and (OKX) passphrase, read from the environment. Never printed: {@link #toString()}
 * shows only the key's first four characters, and {@link #redact(String)} scrubs all three from any text
 * (an exception message, a reply body echoed in a log) before it is logged.
 */
public final class Credentials {
    private final String apiKey;
    private final String secret;
    private final String passphrase;

    public Credentials(String apiKey, String secret, String passphrase) {
        this.apiKey = requireNonBlank(apiKey, "apiKey");
        this.secret = requireNonBlank(secret, "secret");
        this.passphrase = passphrase == null || passphrase.isBlank() ? null : passphrase;
    }

    public String apiKey() {
        return apiKey;
    }

    /** The signing secret. Use only to sign; never log, never put in an exception. */
    public String secret() {
        return secret;
    }

    /** OKX's passphrase, or null. */
    public String passphrase() {
        return passphrase;
    }

    /** {@code text} with the key, secret and passphrase replaced by {@code ***}. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text.replace(secret, "***").replace(apiKey, "***");
        return passphrase == null ? out : out.replace(passphrase, "***");
    }

    @Override
    public String toString() {
        return "Credentials[apiKey=" + apiKey.substring(0, Math.min(4, apiKey.length())) + "…, secret=***]";
    }

    private static String requireNonBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
        return value;
    }
}
