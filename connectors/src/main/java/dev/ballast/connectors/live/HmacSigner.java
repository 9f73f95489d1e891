package dev.ballast.connectors.live;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs request payloads with one API secret: HMAC-SHA256 as hex (Binance) or base64 (OKX), HMAC-SHA512 as base64
 * with a base64-encoded secret (Kraken). What is signed is each venue's business; this only does the arithmetic.
 * Thread-safe (a fresh {@link Mac} per signature). {@link #toString()} never shows the key.
 */
public final class HmacSigner {
    private final String algorithm;
    private final SecretKeySpec key;

    private HmacSigner(String algorithm, byte[] keyBytes) {
        if (keyBytes.length == 0) {
            throw new IllegalArgumentException("an HMAC key must not be empty");
        }
        this.algorithm = algorithm;
        this.key = new SecretKeySpec(keyBytes, algorithm);
        mac(); // fail at construction, not at the first order, if the JDK lacks the algorithm
    }

    /** HMAC-SHA256 keyed with the secret's UTF-8 bytes (Binance, OKX). */
    public static HmacSigner sha256(String secret) {
        Objects.requireNonNull(secret, "secret");
        return new HmacSigner("HmacSHA256", secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * HMAC-SHA512 keyed with the base64-decoded secret (Kraken's "private key" is base64).
     * @throws IllegalArgumentException if the secret is not base64 (the message does not contain it)
     */
    public static HmacSigner sha512Base64Key(String base64Secret) {
        Objects.requireNonNull(base64Secret, "base64Secret");
        byte[] keyBytes;
        try {
            keyBytes = Base64.getDecoder().decode(base64Secret.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the HMAC-SHA512 secret is not valid base64");
        }
        return new HmacSigner("HmacSHA512", keyBytes);
    }

    /** The MAC of {@code message}'s UTF-8 bytes, lower-case hex. */
    public String hex(String message) {
        return HexFormat.of().formatHex(sign(message.getBytes(StandardCharsets.UTF_8)));
    }

    /** The MAC of {@code message}'s UTF-8 bytes, base64. */
    public String base64(String message) {
        return base64(message.getBytes(StandardCharsets.UTF_8));
    }

    /** The MAC of {@code message}, base64. */
    public String base64(byte[] message) {
        return Base64.getEncoder().encodeToString(sign(message));
    }

    /** The raw MAC of {@code message}. */
    public byte[] sign(byte[] message) {
        Mac mac = mac();
        return mac.doFinal(message);
    }

    /** SHA-256 of {@code message}'s UTF-8 bytes (Kraken signs path + SHA256(nonce + body)). */
    public static byte[] sha256Digest(String message) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make " + algorithm + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String toString() {
        return "HmacSigner[" + algorithm + ", key=***]";
    }
}
