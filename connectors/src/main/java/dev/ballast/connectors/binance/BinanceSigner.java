package dev.ballast.connectors.binance;

import dev.ballast.connectors.live.Credentials;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs Binance requests: the {@code signature} parameter is the lower-case hex HMAC-SHA256, keyed with the API
 * secret, of the query string followed by the request body ({@code totalParams} in Binance's docs). The secret
 * never leaves this class. Thread-safe (a MAC per call).
 */
final class BinanceSigner {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    BinanceSigner(Credentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        this.key = new SecretKeySpec(credentials.secret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The signature of {@code query} + {@code body} (either may be empty or null). */
    String sign(String query, String body) {
        String total = (query == null ? "" : query) + (body == null ? "" : body);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(total.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
