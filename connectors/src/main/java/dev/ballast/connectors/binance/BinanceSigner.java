package dev.ballast.connectors.binance;

import dev.ballast.connectors.live.Credentials;
import dev.ballast.connectors.live.HmacSigner;
import java.util.Objects;

/**
 * Signs Binance requests: the {@code signature} parameter is the lower-case hex HMAC-SHA256, keyed with the API
 * secret, of the query string followed by the request body ({@code totalParams} in Binance's docs). The arithmetic
 * is the kit's {@link HmacSigner}; the secret never leaves it. Thread-safe.
 */
final class BinanceSigner {
    private final HmacSigner hmac;

    BinanceSigner(Credentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        this.hmac = HmacSigner.sha256(credentials.secret());
    }

    /** The signature of {@code query} + {@code body} (either may be empty or null). */
    String sign(String query, String body) {
        return hmac.hex((query == null ? "" : query) + (body == null ? "" : body));
    }
}
