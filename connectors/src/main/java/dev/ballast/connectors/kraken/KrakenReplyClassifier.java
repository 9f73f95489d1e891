package dev.ballast.connectors.kraken;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ballast.connectors.live.ReplyClassifier;
import dev.ballast.connectors.live.ReplyVerdict;
import dev.ballast.connectors.live.RestReply;
import dev.ballast.core.event.RejectReason;
import java.util.concurrent.TimeUnit;

/**
 * Reads Kraken's replies. Kraken answers almost everything with HTTP 200 and puts failures in an {@code error}
 * array of strings {@code "<severity><category>:<message>"} ({@code E} for errors, {@code W} for warnings,
 * which do not make a call fail). The first error decides:
 *
 * <table>
 *   <caption>Kraken errors and what they become</caption>
 *   <tr><th>error</th><th>verdict</th><th>reject reason</th></tr>
 *   <tr><td>EAPI:Rate limit exceeded, EOrder:Rate limit exceeded</td><td>Throttled</td><td>RATE_LIMITED</td></tr>
 *   <tr><td>EService:Throttled:&lt;unix time&gt;</td><td>Throttled until then</td><td>RATE_LIMITED</td></tr>
 *   <tr><td>EService:Unavailable, EService:Busy, EService:Internal error, EGeneral:Internal error,
 *       EService:Timeout, EService:Deadline elapsed</td><td>VenueFailure</td><td>VENUE_UNAVAILABLE</td></tr>
 *   <tr><td>EOrder:Post only order</td><td>BusinessReject</td><td>POST_ONLY_WOULD_CROSS</td></tr>
 *   <tr><td>EOrder:Insufficient funds</td><td>BusinessReject</td><td>INSUFFICIENT_BALANCE</td></tr>
 *   <tr><td>EOrder:Unknown order</td><td>BusinessReject</td><td>UNKNOWN_ORDER</td></tr>
 *   <tr><td>EOrder:Order minimum not met, EOrder:Cost minimum not met</td><td>BusinessReject</td>
 *       <td>MIN_NOTIONAL</td></tr>
 *   <tr><td>EGeneral:Invalid arguments…, EOrder:Invalid price, EOrder:Invalid order, EOrder:Duplicate…,
 *       EQuery:Unknown asset pair</td><td>BusinessReject</td><td>INVALID_ORDER</td></tr>
 *   <tr><td>any other E… (EAPI:Invalid key, EAPI:Invalid nonce, EGeneral:Permission denied, …)</td>
 *       <td>BusinessReject</td><td>OTHER</td></tr>
 * </table>
 *
 * HTTP 429 is Throttled (honouring {@code Retry-After}), any other HTTP status >= 500 or a body that is not
 * Kraken's envelope is a VenueFailure. A business reject's code is the Kraken error string itself; its message is
 * the {@link RejectReason} name, which {@link #reason(String)} gives back. Stateless and thread-safe.
 */
public final class KrakenReplyClassifier implements ReplyClassifier {

    @Override
    public ReplyVerdict classify(RestReply reply) {
        if (reply.status() == 429) {
            return new ReplyVerdict.Throttled(retryAfterNs(reply.header("Retry-After")));
        }
        if (reply.status() >= 500) {
            return new ReplyVerdict.VenueFailure("HTTP " + reply.status());
        }
        JsonNode body;
        try {
            body = KrakenMapper.parse(reply.body());
        } catch (MalformedKrakenMessageException e) {
            return new ReplyVerdict.VenueFailure("HTTP " + reply.status() + ", body is not JSON");
        }
        JsonNode errors = body.path("error");
        if (!errors.isArray()) {
            return new ReplyVerdict.VenueFailure("HTTP " + reply.status() + ", no error array");
        }
        for (JsonNode e : errors) {
            String error = e.asText("");
            if (error.startsWith("E")) {
                return verdict(error, reply.receivedNs());
            }
        }
        if (reply.status() >= 400) {
            return new ReplyVerdict.VenueFailure("HTTP " + reply.status());
        }
        if (!body.has("result")) {
            return new ReplyVerdict.VenueFailure("no result");
        }
        return ReplyVerdict.OK;
    }

    /** The reject reason of a business reject's code (a Kraken error string). */
    public static RejectReason reason(String krakenError) {
        if (krakenError.startsWith("EOrder:Post only order")) {
            return RejectReason.POST_ONLY_WOULD_CROSS;
        }
        if (krakenError.startsWith("EOrder:Insufficient funds")) {
            return RejectReason.INSUFFICIENT_BALANCE;
        }
        if (krakenError.startsWith("EOrder:Unknown order")) {
            return RejectReason.UNKNOWN_ORDER;
        }
        if (krakenError.startsWith("EOrder:Order minimum not met") || krakenError.startsWith("EOrder:Cost minimum")) {
            return RejectReason.MIN_NOTIONAL;
        }
        if (krakenError.startsWith("EGeneral:Invalid arguments") || krakenError.startsWith("EOrder:Invalid")
                || krakenError.startsWith("EOrder:Duplicate") || krakenError.startsWith("EQuery:Unknown asset pair")) {
            return RejectReason.INVALID_ORDER;
        }
        if (krakenError.contains("Rate limit exceeded") || krakenError.startsWith("EService:Throttled")) {
            return RejectReason.RATE_LIMITED;
        }
        if (isServiceFailure(krakenError)) {
            return RejectReason.VENUE_UNAVAILABLE;
        }
        return RejectReason.OTHER;
    }

    private static ReplyVerdict verdict(String error, long receivedNs) {
        if (error.contains("Rate limit exceeded")) {
            return new ReplyVerdict.Throttled(0);
        }
        if (error.startsWith("EService:Throttled")) {
            return new ReplyVerdict.Throttled(throttledUntilNs(error, receivedNs));
        }
        if (isServiceFailure(error)) {
            return new ReplyVerdict.VenueFailure(error);
        }
        return new ReplyVerdict.BusinessReject(error, reason(error).name());
    }

    private static boolean isServiceFailure(String error) {
        return error.startsWith("EService:Unavailable") || error.startsWith("EService:Busy")
                || error.startsWith("EService:Internal error") || error.startsWith("EGeneral:Internal error")
                || error.startsWith("EService:Timeout") || error.startsWith("EService:Deadline elapsed");
    }

    /** {@code EService:Throttled:1700000000}: wait until that unix time (0 when unreadable or past). */
    private static long throttledUntilNs(String error, long receivedNs) {
        int colon = error.lastIndexOf(':');
        try {
            long untilNs = TimeUnit.SECONDS.toNanos(Long.parseLong(error.substring(colon + 1).trim()));
            return Math.max(0, untilNs - receivedNs);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long retryAfterNs(String retryAfter) {
        if (retryAfter == null) {
            return 0;
        }
        try {
            return TimeUnit.SECONDS.toNanos(Long.parseLong(retryAfter.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
