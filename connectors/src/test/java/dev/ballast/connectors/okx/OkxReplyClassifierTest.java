package dev.ballast.connectors.okx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.connectors.live.ReplyVerdict;
import dev.ballast.connectors.live.RestReply;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How OKX's replies — mostly HTTP 200 with a code — become verdicts the guard acts on. */
class OkxReplyClassifierTest {
    private final OkxReplyClassifier classifier = new OkxReplyClassifier();

    @Test
    void shouldAcceptCodeZeroAndABatchThatPartlySucceeded() {
        assertThat(classifier.classify(reply(200, OkxTestData.resource("place-ok.json")))).isEqualTo(ReplyVerdict.OK);
        assertThat(classifier.classify(reply(200, OkxTestData.resource("cancel-batch.json"))))
                .isEqualTo(ReplyVerdict.OK);
    }

    @Test
    void shouldReadThePerOrderSCodeOfAFailedOrderCall() {
        assertThat(classifier.classify(reply(200, OkxTestData.resource("place-insufficient.json"))))
                .isEqualTo(new ReplyVerdict.BusinessReject("51008",
                        "Order failed. Insufficient USDT balance in account."));
        assertThat(classifier.classify(reply(200, OkxTestData.resource("cancel-unknown.json"))))
                .isInstanceOfSatisfying(ReplyVerdict.BusinessReject.class, r -> assertThat(r.code()).isEqualTo("51400"));
        assertThat(classifier.classify(reply(200, OkxTestData.resource("order-not-found.json"))))
                .isInstanceOfSatisfying(ReplyVerdict.BusinessReject.class, r -> assertThat(r.code()).isEqualTo("51603"));
    }

    @Test
    void shouldTreatTooManyRequestsAsThrottledWhereverOkxPutsIt() {
        assertThat(classifier.classify(reply(200, OkxTestData.resource("place-throttled.json"))))
                .isEqualTo(new ReplyVerdict.Throttled(0));
        assertThat(classifier.classify(reply(200, "{\"code\":\"1\",\"msg\":\"\",\"data\":[{\"clOrdId\":\"a\","
                + "\"sCode\":\"50011\",\"sMsg\":\"Too Many Requests\"}]}"))).isInstanceOf(ReplyVerdict.Throttled.class);
        RestReply http429 = new RestReply(429, Map.of("retry-after", List.of("3")), "", 0);
        assertThat(classifier.classify(http429)).isEqualTo(new ReplyVerdict.Throttled(TimeUnit.SECONDS.toNanos(3)));
    }

    @Test
    void shouldTreatBusyUnavailableAndUnreadableRepliesAsVenueFailures() {
        assertThat(classifier.classify(reply(200, OkxTestData.resource("place-busy.json"))))
                .isInstanceOf(ReplyVerdict.VenueFailure.class);
        assertThat(classifier.classify(reply(200, "{\"code\":\"50001\",\"msg\":\"Service temporarily unavailable\","
                + "\"data\":[]}"))).isInstanceOf(ReplyVerdict.VenueFailure.class);
        assertThat(classifier.classify(reply(503, "<html>down</html>"))).isInstanceOf(ReplyVerdict.VenueFailure.class);
        assertThat(classifier.classify(reply(200, "{\"code\":\"0\",\"data\":[{")))
                .isInstanceOf(ReplyVerdict.VenueFailure.class);
        assertThat(classifier.classify(reply(200, "{\"data\":[]}"))).isInstanceOf(ReplyVerdict.VenueFailure.class);
    }

    @Test
    void shouldRejectOnAnAuthenticationErrorWithoutBlamingTheVenue() {
        assertThat(classifier.classify(reply(401, "{\"code\":\"50113\",\"msg\":\"Invalid Sign\",\"data\":[]}")))
                .isEqualTo(new ReplyVerdict.BusinessReject("50113", "Invalid Sign"));
    }

    private static RestReply reply(int status, String body) {
        return new RestReply(status, Map.of(), body, 0);
    }
}
