package dev.ballast.connectors.okx;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ballast.connectors.live.Credentials;
import dev.ballast.connectors.live.HmacSigner;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Signs OKX v5 requests. REST: {@code OK-ACCESS-SIGN = base64(HMAC-SHA256(secret, timestamp + method +
 * requestPath + body))}, where the timestamp is ISO-8601 UTC with milliseconds ({@code 2020-12-08T09:08:57.715Z}),
 * the method upper case, the request path includes the query string ({@code /api/v5/trade/order?instId=BTC-USDT}),
 * and the body is empty for a GET. WebSocket login: the same HMAC over {@code unixSeconds + "GET" +
 * "/users/self/verify"}. The secret never leaves this class (the kit's {@link HmacSigner} holds it); the passphrase
 * only goes into the headers and the login frame. Thread-safe.
 */
final class OkxSigner {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String LOGIN_PATH = "/users/self/verify";

    private final Credentials credentials;
    private final HmacSigner hmac;
    private final boolean demoTrading;

    OkxSigner(Credentials credentials, boolean demoTrading) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.hmac = HmacSigner.sha256(credentials.secret());
        this.demoTrading = demoTrading;
    }

    /** OKX's timestamp text for an epoch time in milliseconds. */
    static String isoTimestamp(long epochMs) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(epochMs));
    }

    /** base64(HMAC-SHA256(secret, prehash)). */
    String sign(String prehash) {
        return hmac.base64(prehash);
    }

    /**
     * The authentication headers of one private REST request.
     *
     * @param requestPathAndQuery the path with its query string, exactly as sent
     * @param body                the body exactly as sent, or null
     */
    Map<String, String> headers(long epochMs, String method, String requestPathAndQuery, String body) {
        String timestamp = isoTimestamp(epochMs);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("OK-ACCESS-KEY", credentials.apiKey());
        headers.put("OK-ACCESS-SIGN", sign(timestamp + method + requestPathAndQuery + (body == null ? "" : body)));
        headers.put("OK-ACCESS-TIMESTAMP", timestamp);
        headers.put("OK-ACCESS-PASSPHRASE", credentials.passphrase());
        if (demoTrading) {
            headers.put("x-simulated-trading", "1");
        }
        return headers;
    }

    /** The private stream's login frame at {@code epochSeconds}. Never log it: it carries the key and passphrase. */
    String loginFrame(long epochSeconds) {
        String timestamp = Long.toString(epochSeconds);
        ObjectNode frame = OkxMapper.JSON.createObjectNode().put("op", "login");
        frame.putArray("args").addObject()
                .put("apiKey", credentials.apiKey())
                .put("passphrase", credentials.passphrase())
                .put("timestamp", timestamp)
                .put("sign", sign(timestamp + "GET" + LOGIN_PATH));
        return frame.toString();
    }

    /** Scrubs the key, secret and passphrase from text before it is logged. */
    String redact(String text) {
        return credentials.redact(text);
    }

    @Override
    public String toString() {
        return "OkxSigner[" + credentials + "]";
    }
}
