package dev.ballast.connectors.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.connectors.live.ReplyVerdict;
import dev.ballast.connectors.live.RestReply;
import dev.ballast.core.event.RejectReason;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KrakenReplyClassifierTest {
    private final KrakenReplyClassifier classifier = new KrakenReplyClassifier();

    @Test
    void shouldFindAnEmptyErrorArrayWithAResultOk() {
        assertThat(classify(200, KrakenLoopback.fixture("trading/example-addorder-response-data.json")))
                .isEqualTo(ReplyVerdict.OK);
    }

    @Test
    void shouldIgnoreWarningsAndJudgeByErrorsOnly() {
        assertThat(classify(200, "{\"error\":[\"WGeneral:Deprecated\"],\"result\":{}}")).isEqualTo(ReplyVerdict.OK);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "EOrder:Post only order, POST_ONLY_WOULD_CROSS",
            "EOrder:Insufficient funds, INSUFFICIENT_BALANCE",
            "EOrder:Unknown order, UNKNOWN_ORDER",
            "EGeneral:Invalid arguments, INVALID_ORDER",
            "EGeneral:Invalid arguments:volume, INVALID_ORDER",
            "EOrder:Invalid price:XBTUSD price can only be specified up to 1 decimals., INVALID_ORDER",
            "EOrder:Order minimum not met, MIN_NOTIONAL",
            "EOrder:Cost minimum not met, MIN_NOTIONAL",
            "EAPI:Invalid key, OTHER",
            "EAPI:Invalid nonce, OTHER",
            "EGeneral:Permission denied, OTHER"})
    void shouldReadBusinessRejectsWithTheirReason(String error, RejectReason reason) {
        ReplyVerdict verdict = classify(200, "{\"error\":[\"" + error + "\"]}");

        assertThat(verdict).isEqualTo(new ReplyVerdict.BusinessReject(error, reason.name()));
        assertThat(KrakenReplyClassifier.reason(error)).isEqualTo(reason);
    }

    @ParameterizedTest
    @CsvSource({"EService:Unavailable", "EService:Busy", "EGeneral:Internal error", "EService:Deadline elapsed"})
    void shouldCountServiceFailuresAgainstTheVenue(String error) {
        assertThat(classify(200, "{\"error\":[\"" + error + "\"]}")).isEqualTo(new ReplyVerdict.VenueFailure(error));
    }

    @ParameterizedTest
    @CsvSource({"EAPI:Rate limit exceeded", "EOrder:Rate limit exceeded"})
    void shouldReadRateLimitErrorsAsThrottled(String error) {
        assertThat(classify(200, "{\"error\":[\"" + error + "\"]}")).isEqualTo(new ReplyVerdict.Throttled(0));
        assertThat(KrakenReplyClassifier.reason(error)).isEqualTo(RejectReason.RATE_LIMITED);
    }

    @Test
    void shouldWaitUntilTheTimeKrakenNamesWhenThrottledForConcurrency() {
        long receivedNs = TimeUnit.SECONDS.toNanos(1_700_000_000L);
        RestReply reply = new RestReply(200, Map.of(), "{\"error\":[\"EService:Throttled:1700000007\"]}", receivedNs);

        assertThat(classifier.classify(reply)).isEqualTo(new ReplyVerdict.Throttled(TimeUnit.SECONDS.toNanos(7)));
    }

    @Test
    void shouldHonourRetryAfterOnHttp429() {
        RestReply reply = new RestReply(429, Map.of("retry-after", List.of("3")), "", 0);

        assertThat(classifier.classify(reply)).isEqualTo(new ReplyVerdict.Throttled(TimeUnit.SECONDS.toNanos(3)));
    }

    @Test
    void shouldCountServerErrorsAndUnreadableBodiesAgainstTheVenue() {
        assertThat(classify(502, "<html>Bad gateway</html>")).isInstanceOf(ReplyVerdict.VenueFailure.class);
        assertThat(classify(200, "<html>maintenance</html>")).isInstanceOf(ReplyVerdict.VenueFailure.class);
        assertThat(classify(200, "{\"result\":{}}")).isInstanceOf(ReplyVerdict.VenueFailure.class);
        assertThat(classify(200, "{\"error\":[]}")).isInstanceOf(ReplyVerdict.VenueFailure.class);
    }

    private ReplyVerdict classify(int status, String body) {
        return classifier.classify(new RestReply(status, Map.of(), body, 0));
    }
}
