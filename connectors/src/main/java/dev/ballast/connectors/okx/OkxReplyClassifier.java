package dev.ballast.connectors.okx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ballast.connectors.live.ReplyClassifier;
import dev.ballast.connectors.live.ReplyVerdict;
import dev.ballast.connectors.live.RestReply;
import java.util.concurrent.TimeUnit;

/**
 * Reads OKX v5 replies into verdicts. OKX answers with HTTP 200 for most refusals, with {@code code != "0"} and, for
 * order calls, a per-order {@code sCode}/{@code sMsg} in {@code data}, so the HTTP status alone says little:
 * <ul>
 *   <li>HTTP 429, or code/sCode 50011 or 50061 ("Too Many Requests"): {@link ReplyVerdict.Throttled}, honouring a
 *   {@code Retry-After} header (seconds) when OKX sends one;</li>
 *   <li>HTTP 5xx, or code/sCode 50001, 50004, 50005, 50013, 50026 (unavailable, busy, timed out), or an unreadable
 *   body: {@link ReplyVerdict.VenueFailure}, which counts against the circuit breaker;</li>
 *   <li>{@code code} "0", or "2" (a batch that partly succeeded: the caller reads each {@code sCode}):
 *   {@link ReplyVerdict#OK};</li>
 *   <li>any other code: {@link ReplyVerdict.BusinessReject} with the first failed item's {@code sCode}/{@code sMsg}
 *   when there is one (code "1" means "all operations failed, see data"), else {@code code}/{@code msg}.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class OkxReplyClassifier implements ReplyClassifier {
    @Override
    public ReplyVerdict classify(RestReply reply) {
        if (reply.status() == 429) {
            return new ReplyVerdict.Throttled(retryAfterNs(reply));
        }
        if (reply.status() >= 500) {
            return new ReplyVerdict.VenueFailure("HTTP " + reply.status());
        }
        JsonNode root;
        try {
            root = OkxMapper.tree(reply.body());
        } catch (OkxMalformedException e) {
            return new ReplyVerdict.VenueFailure("HTTP " + reply.status() + ", unreadable body");
        }
        String code = OkxMapper.text(root, "code");
        if (code.isEmpty()) {
            return new ReplyVerdict.VenueFailure("HTTP " + reply.status() + ", reply without code");
        }
        if (("0".equals(code) || "2".equals(code)) && reply.status() / 100 == 2) {
            return ReplyVerdict.OK;
        }
        String reason = code;
        String message = OkxMapper.text(root, "msg");
        JsonNode data = root.get("data");
        if (data != null && data.isArray()) {
            for (JsonNode item : data) {
                String sCode = OkxMapper.text(item, "sCode");
                if (!sCode.isEmpty() && !"0".equals(sCode)) {
                    reason = sCode;
                    message = OkxMapper.text(item, "sMsg");
                    break;
                }
            }
        }
        if (OkxErrorCodes.THROTTLED.contains(reason)) {
            return new ReplyVerdict.Throttled(retryAfterNs(reply));
        }
        if (OkxErrorCodes.UNAVAILABLE.contains(reason)) {
            return new ReplyVerdict.VenueFailure("okx " + reason + " " + message);
        }
        return new ReplyVerdict.BusinessReject(reason, message);
    }

    private static long retryAfterNs(RestReply reply) {
        String value = reply.header("Retry-After");
        if (value == null) {
            return 0;
        }
        try {
            return TimeUnit.SECONDS.toNanos(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
