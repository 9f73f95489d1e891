package dev.ballast.connectors.live;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.time.ManualClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The generic fault matrix at gateway level, against WireMock on loopback; time moved by hand. */
class OkHttpVenueGatewayTest {
    static final Endpoint ACCOUNT = Endpoint.read("GET /api/v3/account", RequestKind.ACCOUNT, 10);
    static final Endpoint ORDER = Endpoint.write("POST /api/v3/order", RequestKind.ORDER, 1);
    static final long T0 = 1_700_000_040L * 1_000_000_000L;
    /** A reply this slow always outlasts {@link #SHORT_TIMEOUT}, however loaded the machine. */
    static final int SLOW_REPLY_MS = 1_500;
    static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OkHttpClient HTTP = new OkHttpClient();
    private static WireMockServer wm;

    private final ManualClock clock = new ManualClock(T0);
    private final WindowBudget budget = WindowBudget.of(
            WindowBudget.Window.weight("weight-1m", Duration.ofMinutes(1), 1200, "x-mbx-used-weight-1m"));
    private final GatewayConfig config = GatewayConfig.defaults("testvenue")
            .withCallTimeout(Duration.ofSeconds(2))
            .withBreaker(50f, 4, Duration.ofSeconds(30))
            .withRetry(3, Duration.ofMillis(1));

    @BeforeAll
    static void startServer() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        wm.stubFor(get(urlPathEqualTo("/warm-up")).willReturn(ok()));
        try (okhttp3.Response r = HTTP.newCall(new okhttp3.Request.Builder().url(wm.baseUrl() + "/warm-up").build())
                .execute()) {
            assertThat(r.code()).isEqualTo(200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopServer() {
        wm.stop();
    }

    @BeforeEach
    void reset() {
        wm.resetAll();
    }

    /** A venue classifier like Binance's: JSON or a failure; HTTP 4xx with {code, msg} is a business reject. */
    static ReplyVerdict classify(RestReply reply) {
        JsonNode node;
        try {
            node = JSON.readTree(reply.body());
        } catch (IOException e) {
            return new ReplyVerdict.VenueFailure("unreadable body");
        }
        if (node == null || node.isMissingNode()) {
            return new ReplyVerdict.VenueFailure("empty body");
        }
        if (reply.status() >= 400) {
            return new ReplyVerdict.BusinessReject(node.path("code").asText(), node.path("msg").asText());
        }
        return ReplyVerdict.OK;
    }

    OkHttpVenueGateway gateway(GatewayConfig c) {
        return new OkHttpVenueGateway(HTTP, budget, OkHttpVenueGatewayTest::classify, c, clock::nowNs);
    }

    OkHttpVenueGateway gateway() {
        return gateway(config);
    }

    static RestRequest read(String baseUrl) {
        return RestRequest.get(ACCOUNT, baseUrl + "/api/v3/account?timestamp=1&signature=abc", Map.of());
    }

    static RestRequest order(String baseUrl) {
        return new RestRequest(ORDER, "POST", baseUrl + "/api/v3/order",
                Map.of("X-MBX-APIKEY", "key"), "symbol=BTCUSDT&newClientOrderId=c1&signature=abc", null);
    }

    RestRequest read() {
        return read(wm.baseUrl());
    }

    RestRequest order() {
        return order(wm.baseUrl());
    }

    void stubAccount(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        wm.stubFor(get(urlPathEqualTo("/api/v3/account")).willReturn(response));
    }

    void stubOrder(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        wm.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(response));
    }

    int accountRequests() {
        return wm.countRequestsMatching(getRequestedFor(urlPathEqualTo("/api/v3/account")).build()).getCount();
    }

    int orderRequests() {
        return wm.countRequestsMatching(postRequestedFor(urlPathEqualTo("/api/v3/order")).build()).getCount();
    }

    @Test
    void shouldReturnTheReplyOfASuccessfulCallWithItsHeaders() {
        stubAccount(okJson("{\"balances\":[]}").withHeader("X-MBX-USED-WEIGHT-1M", "42"));

        CallResult result = gateway().call(read());

        assertThat(result).isInstanceOfSatisfying(CallResult.Success.class, s -> {
            assertThat(s.reply().body()).isEqualTo("{\"balances\":[]}");
            assertThat(s.reply().header("X-MBX-USED-WEIGHT-1M")).isEqualTo("42");
        });
        assertThat(budget.used("weight-1m", clock.nowNs())).as("raised to the venue's count").isEqualTo(42);
    }

    @Test
    void shouldSendTheMethodHeadersAndBodyOfAnOrder() {
        stubOrder(okJson("{\"orderId\":1}"));

        gateway().call(order());

        wm.verify(postRequestedFor(urlPathEqualTo("/api/v3/order"))
                .withHeader("X-MBX-APIKEY", com.github.tomakehurst.wiremock.client.WireMock.equalTo("key"))
                .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock
                        .containing("application/x-www-form-urlencoded"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo("symbol=BTCUSDT&newClientOrderId=c1&signature=abc")));
    }

    @Test
    void shouldRefuseCallsUntilRetryAfterEndsWhenThrottled() {
        stubAccount(aResponse().withStatus(429).withHeader("Retry-After", "3").withBody("{\"code\":-1003}"));
        OkHttpVenueGateway gateway = gateway();

        CallResult throttled = gateway.call(read());
        clock.advance(Duration.ofSeconds(2));
        CallResult held = gateway.call(read());

        assertThat(throttled).isEqualTo(new CallResult.NotDone(CallResult.Failure.RATE_LIMITED,
                "throttled (HTTP 429)", Duration.ofSeconds(3).toNanos()));
        assertThat(held).isInstanceOfSatisfying(CallResult.NotDone.class, n -> {
            assertThat(n.failure()).isEqualTo(CallResult.Failure.RATE_LIMITED);
            assertThat(n.retryAfterNs()).isEqualTo(Duration.ofSeconds(1).toNanos());
        });
        assertThat(gateway.health()).isEqualTo(VenueHealth.RATE_LIMITED);
        assertThat(accountRequests()).as("429 is not retried, the held call not sent").isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        stubAccount(okJson("{}"));
        assertThat(gateway.health()).isEqualTo(VenueHealth.HEALTHY);
        assertThat(gateway.call(read())).isInstanceOf(CallResult.Success.class);
        assertThat(accountRequests()).isEqualTo(2);
        assertThat(gateway.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void shouldHonourRetryAfterGivenAsAnHttpDate() {
        Instant until = Instant.ofEpochSecond(0, T0).plusSeconds(5);
        stubAccount(aResponse().withStatus(429)
                .withHeader("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(until.atZone(ZoneOffset.UTC))));
        OkHttpVenueGateway gateway = gateway();

        CallResult throttled = gateway.call(read());

        assertThat(((CallResult.NotDone) throttled).retryAfterNs()).isEqualTo(Duration.ofSeconds(5).toNanos());
        clock.advance(Duration.ofMillis(4_999));
        assertThat(gateway.call(read())).isInstanceOf(CallResult.NotDone.class);
        clock.advance(Duration.ofMillis(1));
        stubAccount(okJson("{}"));
        assertThat(gateway.call(read())).isInstanceOf(CallResult.Success.class);
    }

    @Test
    void shouldBanTheVenueOn418AndSendNothingUntilTheBanEnds() {
        stubOrder(aResponse().withStatus(418).withHeader("Retry-After", "120").withBody("{\"code\":-1003}"));
        OkHttpVenueGateway gateway = gateway();

        CallResult banned = gateway.call(order());
        clock.advance(Duration.ofSeconds(60));
        CallResult duringBan = gateway.call(order());
        CallResult readDuringBan = gateway.call(read());

        assertThat(banned).isEqualTo(new CallResult.NotDone(CallResult.Failure.BANNED, "banned (HTTP 418)",
                Duration.ofSeconds(120).toNanos()));
        assertThat(duringBan).isEqualTo(new CallResult.NotDone(CallResult.Failure.BANNED, "banned by the venue",
                Duration.ofSeconds(60).toNanos()));
        assertThat(readDuringBan).isInstanceOf(CallResult.NotDone.class);
        assertThat(gateway.health()).isEqualTo(VenueHealth.BANNED);
        assertThat(orderRequests()).isEqualTo(1);
        assertThat(accountRequests()).isZero();

        clock.advance(Duration.ofSeconds(60));
        stubOrder(okJson("{\"orderId\":1}"));
        assertThat(gateway.health()).isEqualTo(VenueHealth.HEALTHY);
        assertThat(gateway.call(order())).isInstanceOf(CallResult.Success.class);
        assertThat(orderRequests()).isEqualTo(2);
    }

    @Test
    void shouldBanForTheConfiguredDefaultWhenA418HasNoRetryAfter() {
        stubAccount(aResponse().withStatus(418));
        OkHttpVenueGateway gateway = gateway();

        CallResult banned = gateway.call(read());

        assertThat(((CallResult.NotDone) banned).retryAfterNs()).isEqualTo(config.defaultBan().toNanos());
        clock.advance(config.defaultBan().minusNanos(1));
        assertThat(gateway.health()).isEqualTo(VenueHealth.BANNED);
        clock.advanceNs(1);
        assertThat(gateway.health()).isEqualTo(VenueHealth.HEALTHY);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 503})
    void shouldOpenTheBreakerAfterTheThresholdOfServerErrorsAndProbeAfterTheOpenPeriod(int status) {
        stubAccount(aResponse().withStatus(status).withBody("<html>down</html>"));
        OkHttpVenueGateway gateway = gateway(config.withRetry(1, Duration.ofMillis(1)));

        for (int i = 0; i < 4; i++) {
            assertThat(gateway.call(read())).isInstanceOfSatisfying(CallResult.NotDone.class,
                    n -> assertThat(n.failure()).isEqualTo(CallResult.Failure.SERVER_ERROR));
        }
        CallResult refused = gateway.call(read());

        assertThat(refused).isInstanceOfSatisfying(CallResult.NotDone.class, n -> {
            assertThat(n.failure()).isEqualTo(CallResult.Failure.CIRCUIT_OPEN);
            assertThat(n.retryAfterNs()).isEqualTo(Duration.ofSeconds(30).toNanos());
        });
        assertThat(accountRequests()).isEqualTo(4);
        assertThat(gateway.health()).isEqualTo(VenueHealth.CIRCUIT_OPEN);
        assertThat(budget.used("weight-1m", clock.nowNs())).as("the refused call was refunded").isEqualTo(40);

        clock.advance(Duration.ofSeconds(30).plusNanos(1));
        assertThat(gateway.health()).as("half open: probes allowed").isEqualTo(VenueHealth.HEALTHY);
        stubAccount(okJson("{}"));
        for (int i = 0; i < config.breakerHalfOpenCalls(); i++) {
            assertThat(gateway.call(read())).isInstanceOf(CallResult.Success.class);
        }
        assertThat(gateway.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void shouldNeverOpenTheBreakerOnBusinessRejects() {
        stubOrder(aResponse().withStatus(400).withBody("{\"code\":-2010,\"msg\":\"Account has insufficient balance\"}"));
        OkHttpVenueGateway gateway = gateway();

        for (int i = 0; i < 10; i++) {
            assertThat(gateway.call(order())).isInstanceOfSatisfying(CallResult.Rejected.class, r -> {
                assertThat(r.code()).isEqualTo("-2010");
                assertThat(r.message()).isEqualTo("Account has insufficient balance");
            });
        }

        assertThat(gateway.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(gateway.health()).isEqualTo(VenueHealth.HEALTHY);
        assertThat(orderRequests()).as("rejects are never retried").isEqualTo(10);
    }

    @Test
    void shouldRetryAReadThatTimesOutAndReturnTheLaterAnswer() {
        wm.stubFor(get(urlPathEqualTo("/api/v3/account")).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{}").withFixedDelay(SLOW_REPLY_MS)).willSetStateTo("fast"));
        wm.stubFor(get(urlPathEqualTo("/api/v3/account")).inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(okJson("{\"balances\":[]}")));

        CallResult result = gateway(config.withCallTimeout(SHORT_TIMEOUT)).call(read());

        assertThat(result).isInstanceOfSatisfying(CallResult.Success.class,
                s -> assertThat(s.reply().body()).isEqualTo("{\"balances\":[]}"));
        assertThat(accountRequests()).isEqualTo(2);
    }

    @Test
    void shouldLeaveAnOrderThatTimesOutUnknownAndNeverSendItAgain() {
        stubOrder(okJson("{\"orderId\":1}").withFixedDelay(SLOW_REPLY_MS));

        CallResult result = gateway(config.withCallTimeout(SHORT_TIMEOUT)).call(order());

        assertThat(result).isInstanceOfSatisfying(CallResult.Unknown.class,
                u -> assertThat(u.failure()).isEqualTo(CallResult.Failure.TIMEOUT));
        assertThat(orderRequests()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "RANDOM_DATA_THEN_CLOSE", "EMPTY_RESPONSE"})
    void shouldLeaveAnOrderUnknownWhenTheConnectionBreaksMidResponse(Fault fault) {
        stubOrder(aResponse().withFault(fault));

        CallResult result = gateway().call(order());

        assertThat(result).isInstanceOfSatisfying(CallResult.Unknown.class,
                u -> assertThat(u.failure()).isEqualTo(CallResult.Failure.TRANSPORT));
        assertThat(orderRequests()).as("OkHttp's silent retry is off for orders").isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "RANDOM_DATA_THEN_CLOSE"})
    void shouldRetryAReadWhenTheConnectionBreaksMidResponse(Fault fault) {
        wm.stubFor(get(urlPathEqualTo("/api/v3/account")).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(fault)).willSetStateTo("fine"));
        wm.stubFor(get(urlPathEqualTo("/api/v3/account")).inScenario("reset").whenScenarioStateIs("fine")
                .willReturn(okJson("{}")));

        CallResult result = gateway().call(read());

        assertThat(result).isInstanceOf(CallResult.Success.class);
        assertThat(accountRequests()).isEqualTo(2);
        assertThat(budget.used("weight-1m", clock.nowNs())).as("each attempt drew on the budget").isEqualTo(20);
    }

    @Test
    void shouldReportNotDoneWhenTheVenueCannotBeReachedBecauseNothingWasSent() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }

        CallResult result = gateway().call(order("http://127.0.0.1:" + closedPort));

        assertThat(result).isInstanceOfSatisfying(CallResult.NotDone.class,
                n -> assertThat(n.failure()).isEqualTo(CallResult.Failure.TRANSPORT));
    }

    @Test
    void shouldTreatAMalformedBodyAsAVenueFailureRetriedForReadsAndUnknownForOrders() {
        stubAccount(ok("<html>maintenance</html>"));
        stubOrder(ok("{\"orderId\":"));
        OkHttpVenueGateway gateway = gateway();

        CallResult read = gateway.call(read());
        CallResult order = gateway.call(order());

        assertThat(read).isInstanceOfSatisfying(CallResult.NotDone.class,
                n -> assertThat(n.failure()).isEqualTo(CallResult.Failure.MALFORMED_REPLY));
        assertThat(accountRequests()).isEqualTo(3);
        assertThat(order).isInstanceOfSatisfying(CallResult.Unknown.class,
                u -> assertThat(u.failure()).isEqualTo(CallResult.Failure.MALFORMED_REPLY));
        assertThat(orderRequests()).isEqualTo(1);
    }

    @Test
    void shouldTreatAClassifierThatThrowsAsAnUnreadableReply() {
        stubAccount(okJson("{}"));
        OkHttpVenueGateway gateway = new OkHttpVenueGateway(HTTP, budget, r -> {
            throw new IllegalStateException("boom");
        }, config.withRetry(1, Duration.ofMillis(1)), clock::nowNs);

        assertThat(gateway.call(read())).isInstanceOfSatisfying(CallResult.NotDone.class,
                n -> assertThat(n.failure()).isEqualTo(CallResult.Failure.MALFORMED_REPLY));
    }

    @Test
    void shouldNotSendWhenTheBudgetIsSpentAndReportRateLimitedUntilItRefills() {
        stubAccount(okJson("{}").withHeader("X-MBX-USED-WEIGHT-1M", "1195"));
        OkHttpVenueGateway gateway = gateway();
        gateway.call(read());

        CallResult refused = gateway.call(read());

        assertThat(refused).isInstanceOfSatisfying(CallResult.NotDone.class, n -> {
            assertThat(n.failure()).isEqualTo(CallResult.Failure.RATE_LIMITED);
            assertThat(n.retryAfterNs()).isEqualTo(Duration.ofMinutes(1).toNanos());
        });
        assertThat(accountRequests()).isEqualTo(1);
        assertThat(gateway.health()).isEqualTo(VenueHealth.RATE_LIMITED);
        clock.advance(Duration.ofMinutes(1));
        assertThat(gateway.health()).isEqualTo(VenueHealth.HEALTHY);
    }

    @Test
    void shouldStopRetryingWhenTheBudgetHasNoRoomForTheRetry() {
        stubAccount(aResponse().withStatus(500));
        WindowBudget tight = WindowBudget.of(WindowBudget.Window.weight("weight-1m", Duration.ofMinutes(1), 15, null));
        OkHttpVenueGateway gateway = new OkHttpVenueGateway(HTTP, tight, OkHttpVenueGatewayTest::classify, config,
                clock::nowNs);

        CallResult result = gateway.call(read());

        assertThat(result).isInstanceOfSatisfying(CallResult.NotDone.class,
                n -> assertThat(n.failure()).isEqualTo(CallResult.Failure.RATE_LIMITED));
        assertThat(accountRequests()).isEqualTo(1);
    }

    @Test
    void shouldOpenTheBreakerAgainWhenAProbeFails() {
        stubAccount(aResponse().withStatus(502));
        OkHttpVenueGateway gateway = gateway(config.withRetry(1, Duration.ofMillis(1)));
        for (int i = 0; i < 4; i++) {
            gateway.call(read());
        }
        clock.advance(Duration.ofSeconds(31));
        assertThat(gateway.health()).isEqualTo(VenueHealth.HEALTHY);

        for (int i = 0; i < config.breakerHalfOpenCalls(); i++) {
            gateway.call(read());
        }

        assertThat(gateway.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(gateway.health()).isEqualTo(VenueHealth.CIRCUIT_OPEN);
        assertThat(accountRequests()).isEqualTo(4 + config.breakerHalfOpenCalls());
    }

    @Test
    void shouldLogOneWarningPerHealthChange() {
        stubAccount(aResponse().withStatus(429).withHeader("Retry-After", "1"));
        OkHttpVenueGateway gateway = gateway();
        try (CapturedLogs logs = new CapturedLogs()) {
            gateway.call(read());
            gateway.call(read());
            gateway.health();
            clock.advance(Duration.ofSeconds(1));
            gateway.health();
            gateway.health();

            assertThat(logs.warnings(OkHttpVenueGateway.class)).containsExactly(
                    "WARN " + OkHttpVenueGateway.class.getName() + " testvenue: REST gateway healthy -> rate limited",
                    "WARN " + OkHttpVenueGateway.class.getName() + " testvenue: REST gateway rate limited -> healthy");
        }
    }
}
