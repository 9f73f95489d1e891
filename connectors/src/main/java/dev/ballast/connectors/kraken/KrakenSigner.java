package dev.ballast.connectors.kraken;

import dev.ballast.connectors.live.Credentials;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs Kraken private REST calls: {@code API-Key} is the key, {@code API-Sign} is
 * {@code base64(HMAC-SHA512(base64decode(secret), uriPath + SHA256(nonce + postData)))}, where {@code postData}
 * is the URL-encoded body, which itself starts with {@code nonce=<nonce>}.
 *
 * <p>Nonces must increase for every call made with the key. They are the clock's epoch microseconds, bumped by
 * one when two calls fall in the same microsecond or the clock steps back, so they increase in the order
 * requests are signed; a request is signed just before it is sent, so a resend always carries a new nonce
 * (Kraken refuses a nonce it has seen: {@code EAPI:Invalid nonce}).
 *
 * <p>Thread-safe. Never logs, prints or puts in an exception the secret or the signature.
 */
final class KrakenSigner {
    private final Credentials credentials;
    private final byte[] secret;
    private final LongSupplier epochNanos;
    private final AtomicLong lastNonce = new AtomicLong();

    /** @throws IllegalArgumentException if the secret is not base64 (the message does not show it) */
    KrakenSigner(Credentials credentials, LongSupplier epochNanos) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.epochNanos = Objects.requireNonNull(epochNanos, "epochNanos");
        try {
            this.secret = Base64.getDecoder().decode(credentials.secret());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kraken API secret is not base64 (" + credentials + ")");
        }
    }

    /** A nonce greater than every one made before by this signer. */
    long nextNonce() {
        long now = epochNanos.getAsLong() / 1_000L;
        return lastNonce.updateAndGet(last -> Math.max(last + 1, now));
    }

    /** The {@code API-Key} and {@code API-Sign} headers for one call. */
    Map<String, String> headers(String uriPath, long nonce, String postData) {
        return Map.of("API-Key", credentials.apiKey(), "API-Sign", sign(uriPath, nonce, postData));
    }

    /** Kraken's {@code API-Sign} for a call to {@code uriPath} (e.g. {@code /0/private/AddOrder}). */
    String sign(String uriPath, long nonce, String postData) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((nonce + postData).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret, "HmacSHA512"));
            mac.update(uriPath.getBytes(StandardCharsets.UTF_8));
            mac.update(digest);
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA512 or SHA-256 unavailable in this JVM", e);
        }
    }
}
