package dev.ballast.connectors.kraken;

import dev.ballast.connectors.live.Credentials;
import dev.ballast.connectors.live.HmacSigner;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

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
    private final HmacSigner hmac;
    private final LongSupplier epochNanos;
    private final AtomicLong lastNonce = new AtomicLong();

    /** @throws IllegalArgumentException if the secret is not base64 (the message does not show it) */
    KrakenSigner(Credentials credentials, LongSupplier epochNanos) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.epochNanos = Objects.requireNonNull(epochNanos, "epochNanos");
        try {
            this.hmac = HmacSigner.sha512Base64Key(credentials.secret());
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
        byte[] path = uriPath.getBytes(StandardCharsets.UTF_8);
        byte[] digest = HmacSigner.sha256Digest(nonce + postData);
        byte[] message = new byte[path.length + digest.length];
        System.arraycopy(path, 0, message, 0, path.length);
        System.arraycopy(digest, 0, message, path.length, digest.length);
        return hmac.base64(message);
    }
}
