package dev.ballast.connectors.binance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ballast.connectors.live.ReplyClassifier;
import dev.ballast.connectors.live.ReplyVerdict;
import dev.ballast.connectors.live.RestReply;
import dev.ballast.connectors.live.RetryAfter;

/**
 * Reads Binance REST replies into verdicts. Binance puts errors in the HTTP status with a JSON body
 * {@code {"code":-2010,"msg":"..."}}:
 * <ul>
 *   <li>2xx: ok (a USD-M reply {@code {"code":200,"msg":"..."}} to cancel-all is a success too);</li>
 *   <li>429, or code -1003 (too much request weight) / -1015 (too many new orders): throttled, for
 *       {@code Retry-After} seconds;</li>
 *   <li>418: the IP is banned for {@code Retry-After} seconds;</li>
 *   <li>5xx, 403 (WAF), codes -1000/-1001/-1006/-1007/-1008 (internal error, backend timeout, server busy) and
 *       bodies that are not Binance's envelope: a venue failure. Binance says a 5xx leaves an order's fate
 *       unknown; the venue resolves such an order by client id, never by sending it again;</li>
 *   <li>any other 4xx with a code: a business reject (insufficient balance, post-only would cross, unknown
 *       order, bad parameter, -1021 timestamp outside recvWindow), never counted against the breaker.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class BinanceReplyClassifier implements ReplyClassifier {
    @Override
    public ReplyVerdict classify(RestReply reply) {
        int status = reply.status();
        if (status >= 200 && status < 300) {
            return ReplyVerdict.OK;
        }
        long retryAfterNs = retryAfterNs(reply);
        if (status == 418) {
            return new ReplyVerdict.Banned(retryAfterNs);
        }
        if (status == 429) {
            return new ReplyVerdict.Throttled(retryAfterNs);
        }
        if (status >= 500 || status == 403) {
            return new ReplyVerdict.VenueFailure("HTTP " + status + envelopeText(reply));
        }
        JsonNode body = BinanceJson.readOrNull(reply.body());
        if (body == null || !body.path("code").isIntegralNumber()) {
            return new ReplyVerdict.VenueFailure("HTTP " + status + " without Binance's error envelope");
        }
        int code = body.path("code").asInt();
        String msg = body.path("msg").asText("");
        return switch (code) {
            case -1003, -1015 -> new ReplyVerdict.Throttled(retryAfterNs);
            case -1000, -1001, -1006, -1007, -1008 -> new ReplyVerdict.VenueFailure(code + " " + msg);
            default -> new ReplyVerdict.BusinessReject(Integer.toString(code), msg);
        };
    }

    private static String envelopeText(RestReply reply) {
        JsonNode body = BinanceJson.readOrNull(reply.body());
        if (body == null || !body.path("code").isIntegralNumber()) {
            return "";
        }
        return ": " + body.path("code").asInt() + " " + body.path("msg").asText("");
    }

    /** {@code Retry-After} (seconds, or an HTTP date counted from the reply's arrival) in nanoseconds; 0 when absent. */
    static long retryAfterNs(RestReply reply) {
        return RetryAfter.nanosFrom(reply, reply.receivedNs());
    }
}
