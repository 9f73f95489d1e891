package dev.ballast.connectors.live;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.ballast.core.time.ManualClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** No configured secret — nor the API key, nor a signature — ever reaches a log line, a result or a toString. */
class SecretRedactionTest {
    private static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final String PASSPHRASE = "correct-horse-battery";

    private final Credentials credentials = new Credentials(API_KEY, SECRET, PASSPHRASE);
    private final ManualClock clock = new ManualClock(1_700_000_000_000_000_000L);

    @Test
    void shouldNeverPrintTheCredentialsThemselves() {
        String message = "rejected " + API_KEY + " signed with " + SECRET + " for " + PASSPHRASE;

        assertThat(credentials.toString()).doesNotContain(SECRET, API_KEY, PASSPHRASE).contains("vmPU");
        assertThat(credentials.redact(message)).isEqualTo("rejected *** signed with *** for ***");
    }

    @Test
    void shouldKeepKeySecretAndSignatureOutOfEveryGatewayLogAndResult() throws IOException {
        WireMockServer wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        List<Object> results = new ArrayList<>();
        String query = "symbol=BTCUSDT&timestamp=1700000000000&recvWindow=5000";
        String signature = HmacSigner.sha256(credentials.secret()).hex(query);
        try (CapturedLogs logs = new CapturedLogs()) {
            GatewayConfig config = GatewayConfig.defaults("redaction").withCallTimeout(Duration.ofMillis(300))
                    .withRetry(2, Duration.ofMillis(1)).withBreaker(50f, 4, Duration.ofSeconds(1));
            OkHttpVenueGateway gateway = new OkHttpVenueGateway(new OkHttpClient(), RateBudget.unlimited(),
                    OkHttpVenueGatewayTest::classify, config, clock::nowNs);
            List<ResponseDefinitionBuilder> faults = List.of(
                    aResponse().withStatus(500), aResponse().withStatus(503).withBody("<html>" + query),
                    aResponse().withStatus(429), aResponse().withStatus(418).withHeader("Retry-After", "1"),
                    ok("not json"), okJson400(), ok("{}").withFixedDelay(1_200),
                    aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                    aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), ok("{}"));
            for (ResponseDefinitionBuilder fault : faults) {
                wm.stubFor(any(urlPathEqualTo("/api/v3/order")).willReturn(fault));
                for (Endpoint e : List.of(OkHttpVenueGatewayTest.ACCOUNT, OkHttpVenueGatewayTest.ORDER)) {
                    clock.advance(Duration.ofMinutes(5)); // past bans, throttles and open breakers
                    RestRequest request = new RestRequest(e, e.idempotent() ? "GET" : "POST",
                            wm.baseUrl() + "/api/v3/order?" + query + "&signature=" + signature,
                            Map.of("X-MBX-APIKEY", credentials.apiKey()), e.idempotent() ? null : "", null);
                    results.add(gateway.call(request));
                    results.add(request);
                    gateway.health();
                }
            }
            int closedPort;
            try (ServerSocket s = new ServerSocket(0)) {
                closedPort = s.getLocalPort();
            }
            results.add(gateway.call(RestRequest.get(OkHttpVenueGatewayTest.ACCOUNT,
                    "http://127.0.0.1:" + closedPort + "/api/v3/account?signature=" + signature,
                    Map.of("X-MBX-APIKEY", credentials.apiKey()))));

            assertThat(logs.lines()).as("something was logged at all").isNotEmpty();
            assertNoSecretIn(logs.lines(), signature);
            assertNoSecretIn(results.stream().map(String::valueOf).toList(), signature);
        } finally {
            wm.stop();
        }
    }

    @Test
    void shouldKeepAQuerySecretOutOfStreamLogsAndDisconnectReasons() throws IOException {
        List<String> reasons = new ArrayList<>();
        try (MockWebServer server = new MockWebServer(); CapturedLogs logs = new CapturedLogs()) {
            server.start(InetAddress.getLoopbackAddress(), 0);
            server.enqueue(new MockResponse.Builder().code(401).body("bad key " + API_KEY).build());
            server.enqueue(new MockResponse.Builder().code(401).build());
            StreamConfig config = StreamConfig.defaults("redaction-private")
                    .withBackoff(Duration.ofMillis(5), Duration.ofMillis(10)).withWatchdogInterval(Duration.ofHours(1));
            try (OkHttpWebSocketStream stream = new OkHttpWebSocketStream(new OkHttpClient(),
                    server.url("/ws").toString() + "?apiKey=" + API_KEY + "&sign=" + SECRET,
                    new StreamListener() {
                        @Override
                        public void onOpen(StreamSender sender) {
                        }

                        @Override
                        public void onMessage(String text, long receivedNs) {
                        }

                        @Override
                        public void onDisconnected(String reason) {
                            synchronized (reasons) {
                                reasons.add(reason);
                            }
                        }
                    }, config, clock::nowNs)) {
                stream.start();
                await().atMost(Duration.ofSeconds(5)).until(() -> {
                    synchronized (reasons) {
                        return reasons.size() >= 2;
                    }
                });
            }
            assertNoSecretIn(logs.lines(), SECRET);
            synchronized (reasons) {
                assertNoSecretIn(reasons, SECRET);
            }
        }
    }

    private static ResponseDefinitionBuilder okJson400() {
        return aResponse().withStatus(400).withBody("{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions\"}");
    }

    private void assertNoSecretIn(List<String> texts, String signature) {
        for (String text : texts) {
            assertThat(text).doesNotContain(SECRET).doesNotContain(API_KEY).doesNotContain(PASSPHRASE)
                    .doesNotContain(signature);
        }
    }
}
