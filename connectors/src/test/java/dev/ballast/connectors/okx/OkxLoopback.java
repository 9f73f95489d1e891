package dev.ballast.connectors.okx;

import dev.ballast.connectors.testing.ConcurrentSink;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.ballast.connectors.live.Credentials;
import dev.ballast.connectors.live.GatewayConfig;
import dev.ballast.connectors.live.OkHttpVenueGateway;
import dev.ballast.connectors.live.OkHttpWebSocketStream;
import dev.ballast.core.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.LoggerFactory;

/**
 * One OKX on loopback for a venue test: WireMock serving the REST API (real instrument lists from {@code OKX.0},
 * fixtures from {@code src/test/resources/okx}, replies that echo the request's {@code clOrdId}), an
 * {@link OkxWsServer} for both streams (templating only where a reply echoes an id: it is slow on big bodies), test credentials, a hand-driven clock, and the venue wired to all of it
 * through the kit's real gateway (with OKX's budget and classifier) and streams, as {@link OkxVenue#create} wires
 * it. The venue's watchdog thread is off: tests call {@code doWork()}; the streams' own watchdogs run but see no
 * silence until a test moves the clock.
 */
final class OkxLoopback implements AutoCloseable {
    static final Credentials CREDENTIALS = new Credentials("okx-test-key-7f3a91", "okx-test-SECRET-never-printed",
            "okx-test-PASSPHRASE-never-printed");
    static final String SPOT = "BTC-USDT";
    /** Generous: the build machine is shared; the timeout test uses its own, shorter one. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private static WireMockServer sharedRest;
    private static OkxWsServer sharedWs;

    final WireMockServer rest;
    final OkxWsServer ws;
    private final boolean ownWs;
    final ManualClock clock = new ManualClock(1_652_459_400_000_000_000L);
    final OkHttpClient http = new OkHttpClient.Builder().readTimeout(0, TimeUnit.MILLISECONDS).build();
    final OkHttpVenueGateway gateway;
    final List<OkHttpWebSocketStream> streams = new CopyOnWriteArrayList<>();
    final ConcurrentSink sink = new ConcurrentSink();
    final OkxVenue venue;

    static {
        quietLibraries();
    }

    OkxLoopback(List<String> symbols, Credentials credentials) {
        this(symbols, credentials, null, CALL_TIMEOUT);
    }

    /**
     * @param ws          a WebSocket server of the test's own, or null for the shared one replaying the capture
     * @param callTimeout the test gateway's call timeout
     */
    OkxLoopback(List<String> symbols, Credentials credentials, OkxWsServer ws, Duration callTimeout) {
        this.rest = sharedRest();
        this.ownWs = ws != null;
        this.ws = ws != null ? ws : sharedWs();
        this.ws.clearReceived();
        this.gateway = new OkHttpVenueGateway(http, OkxRateLimits.budget(), new OkxReplyClassifier(),
                GatewayConfig.defaults("okx").withCallTimeout(callTimeout).withRetry(2, Duration.ofMillis(20)),
                clock::nowNs);
        rest.resetAll();
        stubReferenceData();
        OkxConfig config = OkxConfig.of(symbols, credentials)
                .withUrls(rest.baseUrl(), this.ws.publicUrl(), this.ws.privateUrl())
                .withTimings(callTimeout, Duration.ofSeconds(15), Duration.ofSeconds(25), Duration.ofMillis(20),
                        Duration.ofSeconds(2));
        venue = new OkxVenue(config, gateway, (url, listener) -> {
            OkHttpWebSocketStream stream = new OkHttpWebSocketStream(http, url, listener,
                    OkxVenue.streamConfig(config, url.equals(config.privateWsUrl()) ? "private" : "public"),
                    clock::nowNs);
            streams.add(stream);
            return stream;
        }, clock, false);
    }

    /** One WireMock for all OKX tests of this JVM (stubs and journal are reset per test): it starts slowly. */
    private static synchronized WireMockServer sharedRest() {
        if (sharedRest == null) {
            sharedRest = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                    .templatingEnabled(true).globalTemplating(false));
            sharedRest.start();
        }
        return sharedRest;
    }

    /**
     * One WebSocket server for all OKX tests of this JVM (state is per connection), replaying the captured BTC-USDT
     * book (snapshot and 97 updates) on every subscription. The whole capture, other instruments and trades
     * included, is replayed by the tests that need it.
     */
    private static synchronized OkxWsServer sharedWs() {
        if (sharedWs == null) {
            sharedWs = new OkxWsServer(OkxWsServer.capturedBookFrames(SPOT), OkxWsServer::capturedBookFrames,
                    CREDENTIALS);
        }
        return sharedWs;
    }

    /** A trading venue on BTC-USDT with the test credentials. */
    static OkxLoopback trading() {
        return new OkxLoopback(List.of(SPOT), CREDENTIALS);
    }

    private void stubReferenceData() {
        rest.stubFor(get(urlPathEqualTo("/api/v5/public/instruments")).withQueryParam("instType", WireMock.equalTo(
                "SPOT")).willReturn(json(OkxTestData.capturedRest(
                "https://www.okx.com/api/v5/public/instruments?instType=SPOT"))));
        rest.stubFor(get(urlPathEqualTo("/api/v5/public/instruments")).withQueryParam("instType", WireMock.equalTo(
                "SWAP")).willReturn(json(OkxTestData.capturedRest(
                "https://www.okx.com/api/v5/public/instruments?instType=SWAP"))));
        stubGet("/api/v5/account/trade-fee", "trade-fee-spot.json");
        rest.stubFor(get(urlPathEqualTo("/api/v5/account/trade-fee")).withQueryParam("instType",
                WireMock.equalTo("SWAP")).willReturn(json(OkxTestData.resource("trade-fee-swap.json"))));
        stubGet("/api/v5/account/balance", "balance.json");
        stubGet("/api/v5/trade/orders-pending", "orders-pending.json");
        stubGet("/api/v5/trade/fills", "fills.json");
        stubGet("/api/v5/trade/order", "order-live.json");
        stubPost("/api/v5/trade/order", "place-ok.json");
        stubPost("/api/v5/trade/cancel-order", "cancel-ok.json");
        stubPost("/api/v5/trade/cancel-batch-orders", "cancel-batch.json");
    }

    /** Serves a fixture for GETs of {@code path}; {@code CLORDID} echoes the query's client order id. */
    void stubGet(String path, String fixture) {
        rest.stubFor(get(urlPathEqualTo(path)).willReturn(json(OkxTestData.resource(fixture)
                .replace("CLORDID", "{{request.query.clOrdId}}")).withTransformers("response-template")));
    }

    /** Serves a fixture for POSTs of {@code path}; {@code CLORDID} echoes the body's client order id. */
    void stubPost(String path, String fixture) {
        rest.stubFor(post(urlPathEqualTo(path)).willReturn(json(OkxTestData.resource(fixture)
                .replace("CLORDID", "{{jsonPath request.body '$.clOrdId'}}")).withTransformers("response-template")));
    }

    void stub(MappingBuilder mapping) {
        rest.stubFor(mapping);
    }

    /** POSTs received at {@code path}. */
    int posts(String path) {
        return rest.countRequestsMatching(postRequestedFor(urlPathEqualTo(path)).build()).getCount();
    }

    /** A private-stream push from a fixture with our client order id. */
    void pushOrder(String fixture, String clOrdId) {
        ws.pushPrivate(OkxTestData.resource(fixture).replace("CLORDID", clOrdId).replace("\n", ""));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** Keeps WireMock's Jetty and OkHttp at WARN so the test log stays readable. */
    static void quietLibraries() {
        for (String name : List.of("org.eclipse.jetty", "wiremock", "com.github.tomakehurst", "WireMock", "okhttp3",
                "mockwebserver3", "org.apache.hc", "org.xmlunit", "com.jayway", "handlebars")) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
        }
    }

    @Override
    public void close() {
        venue.close();
        if (ownWs) {
            ws.close();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
