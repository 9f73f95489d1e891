package dev.ballast.connectors.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.connectors.live.ReplyVerdict;
import dev.ballast.connectors.live.RestReply;
import dev.ballast.core.event.RejectReason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Binance's replies read into verdicts and reject reasons, on the real error bodies users have quoted. */
class BinanceReplyClassifierTest {
    private final BinanceReplyClassifier classifier = new BinanceReplyClassifier();

    private static RestReply reply(int status, String body, String... headers) {
        Map<String, List<String>> h = new java.util.HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i].toLowerCase(java.util.Locale.ROOT), List.of(headers[i + 1]));
        }
        return new RestReply(status, h, body, 0);
    }

    @Test
    void shouldReadA2xxAsOkIncludingUsdmsCode200Envelope() {
        assertThat(classifier.classify(reply(200, "{\"orderId\":1}"))).isInstanceOf(ReplyVerdict.Ok.class);
        assertThat(classifier.classify(reply(200, "{\"code\":200,\"msg\":\"The operation of cancel all open order is"
                + " done.\"}"))).isInstanceOf(ReplyVerdict.Ok.class);
    }

    @Test
    void shouldReadTheObservedRateLimitRepliesAsThrottledForTheirRetryAfter() {
        String body = BinanceErrorSamples.body(-1003, "Too much request weight");
        int status = BinanceErrorSamples.status(-1003, "Too much request weight");

        assertThat(classifier.classify(reply(status, body, "Retry-After", "7")))
                .isEqualTo(new ReplyVerdict.Throttled(7_000_000_000L));
        assertThat(classifier.classify(reply(400, BinanceErrorSamples.body(-1003, "Too many requests"))))
                .isEqualTo(new ReplyVerdict.Throttled(0));
    }

    @Test
    void shouldReadA418AsABanForItsRetryAfter() {
        assertThat(classifier.classify(reply(418, "{\"code\":-1003,\"msg\":\"Way too much request weight used; IP"
                + " banned until 1633999999999.\"}", "Retry-After", "120")))
                .isEqualTo(new ReplyVerdict.Banned(120_000_000_000L));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "500|{\"code\":-1001,\"msg\":\"Internal error; unable to process your request. Please try again.\"}",
            "503|Service Unavailable",
            "403|<html>WAF</html>",
            "400|{\"code\":-1007,\"msg\":\"Timeout waiting for response from backend server. Send status unknown;"
                    + " execution status unknown.\"}",
            "400|not json"})
    void shouldReadServerTroubleAsAVenueFailure(int status, String body) {
        assertThat(classifier.classify(reply(status, body))).isInstanceOf(ReplyVerdict.VenueFailure.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-2010|immediately match|POST_ONLY_WOULD_CROSS",
            "-2010|insufficient balance|INSUFFICIENT_BALANCE",
            "-2011|Unknown order sent.|UNKNOWN_ORDER",
            "-2011|UNKNOWN_ORDER|UNKNOWN_ORDER",
            "-1021|Timestamp for this request|OTHER",
            "-1106|Parameter 'timeInForce' sent when not required.|INVALID_ORDER"})
    void shouldReadTheObservedOrderRefusalsAsBusinessRejectsWithTheirReason(int code, String wording,
                                                                           RejectReason reason) {
        ReplyVerdict verdict = classifier.classify(reply(BinanceErrorSamples.status(code, wording),
                BinanceErrorSamples.body(code, wording)));

        assertThat(verdict).isInstanceOfSatisfying(ReplyVerdict.BusinessReject.class, r -> {
            assertThat(r.code()).isEqualTo(Integer.toString(code));
            assertThat(BinanceErrors.rejectReason(r.code(), r.message())).isEqualTo(reason);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-5022|Due to the order could not be executed as maker, the Post Only order will be rejected.|POST_ONLY_WOULD_CROSS",
            "-2019|Margin is insufficient.|INSUFFICIENT_BALANCE",
            "-1013|Filter failure: NOTIONAL|MIN_NOTIONAL",
            "-1013|Filter failure: PRICE_FILTER|INVALID_ORDER",
            "-4164|Order's notional must be no smaller than 5 (unless you choose reduce only)|MIN_NOTIONAL",
            "-2010|Duplicate order sent.|INVALID_ORDER",
            "-2015|Invalid API-key, IP, or permissions for action.|OTHER"})
    void shouldMapDocumentedOrderRefusalsToTheirReason(String code, String message, RejectReason reason) {
        assertThat(BinanceErrors.rejectReason(code, message)).isEqualTo(reason);
    }
}
