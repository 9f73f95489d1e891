package dev.ballast.connectors.kraken;

import dev.ballast.connectors.testing.ConcurrentSink;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ballast.connectors.kraken.KrakenCaptures.Frame;
import dev.ballast.connectors.live.Credentials;
import dev.ballast.core.time.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.slf4j.LoggerFactory;

/**
 * Kraken on loopback: WireMock serves the REST API from the real {@code AssetPairs} capture and XChange's Kraken
 * samples; one MockWebServer upgrades to the public WebSocket and answers subscriptions with frames of the real
 * capture (or a script), another stands in for the private WebSocket, its server side in the test's hands. The
 * venue is built on a hand-driven clock with fake credentials. One per test class ({@link #reset()} between tests,
 * {@link #close()} after the last).
 */
final class KrakenLoopback implements AutoCloseable {
    static final String API_KEY = "kraken-test-api-key-7f3a9c";
    /** A made-up secret (base64, as Kraken's are): what the log test hunts for. */
    static final String SECRET = Base64.getEncoder().encodeToString(
            "made-up kraken secret for loopback tests only".getBytes(StandardCharsets.UTF_8));
    static final String WS_TOKEN = "44444444444444444444444444444444";
    /** The venue's call timeout here; a stub slower than {@link #SLOW} times out. */
    static final Duration CALL_TIMEOUT = Duration.ofMillis(700);
    static final Duration SLOW = Duration.ofMillis(1_100);

    final WireMockServer rest;
    volatile ManualClock clock;
    volatile ConcurrentSink sink;
    final List<String> publicReceived = new CopyOnWriteArrayList<>();
    final List<String> privateReceived = new CopyOnWriteArrayList<>();
    final AtomicReference<WebSocket> publicServerSide = new AtomicReference<>();
    final AtomicReference<WebSocket> privateServerSide = new AtomicReference<>();
    private final MockWebServer publicWs = new MockWebServer();
    private final MockWebServer privateWs = new MockWebServer();
    private volatile BiConsumer<WebSocket, String> publicScript = KrakenLoopback::snapshotsOnly;
    private KrakenVenue venue;

    static {
        // The servers' own debug logging (every Jetty buffer) would slow the tests tenfold.
        for (String noisy : List.of("org.eclipse.jetty", "com.github.tomakehurst", "wiremock", "okhttp3",
                "mockwebserver3", "org.apache.hc")) {
            ((Logger) LoggerFactory.getLogger(noisy)).setLevel(Level.WARN);
        }
    }

    KrakenLoopback() {
        rest = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(8).notifier(new Slf4jNotifier(false)));
        rest.start();
        try {
            publicWs.start(InetAddress.getLoopbackAddress(), 0);
            privateWs.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        publicWs.setDispatcher(upgradeEvery(serverSide(publicServerSide, publicReceived,
                (ws, text) -> publicScript.accept(ws, text))));
        privateWs.setDispatcher(upgradeEvery(serverSide(privateServerSide, privateReceived,
                KrakenLoopback::answerPrivateSubscription)));
        reset();
        warmUp();
    }

    /** One round of REST and JSON before the first test, so that a cold JVM does not make it time out. */
    private void warmUp() {
        KrakenVenue cold = venue(config().withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(5)));
        cold.instruments();
        cold.balances();
        reset();
    }

    /**
     * Back to a fresh Kraken for the next test: closes the venue, resets the REST stubs and request journal, the
     * public script, what the sockets received, the clock and the sink. The servers stay up (starting them is
     * the slow part).
     */
    void reset() {
        closeVenue();
        rest.resetAll();
        stubDefaults();
        publicScript = KrakenLoopback::snapshotsOnly;
        publicReceived.clear();
        privateReceived.clear();
        clock = new ManualClock(1_700_000_000_000_000_000L);
        sink = new ConcurrentSink();
    }

    /** Awaitility polling every 10 ms from the start, for up to 10 s: waits for I/O, never for time to pass. */
    static ConditionFactory await() {
        return Awaitility.await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .atMost(Duration.ofSeconds(10));
    }

    /** What the public server does with each message it receives (default: the ten book snapshots). */
    KrakenLoopback publicScript(BiConsumer<WebSocket, String> script) {
        this.publicScript = script;
        return this;
    }

    KrakenVenueConfig config() {
        return KrakenVenueConfig.of(KrakenCaptures.PAIRS, new Credentials(API_KEY, SECRET, null))
                .withUrls(rest.baseUrl(), wsUrl(publicWs), wsUrl(privateWs))
                .withTimeouts(CALL_TIMEOUT, Duration.ofSeconds(5))
                .withLookup(Duration.ofMillis(1), Duration.ofMillis(20), 2);
    }

    KrakenVenue venue() {
        return venue(config());
    }

    /** The venue as production builds it ({@link KrakenVenue#create}), on this loopback Kraken and clock. */
    KrakenVenue venue(KrakenVenueConfig config) {
        venue = KrakenVenue.create(config, clock);
        return venue;
    }

    /** Sends a frame from the private server to the venue. */
    void pushPrivate(String frame) {
        privateServerSide.get().send(frame);
    }

    /** Sends a frame from the public server to the venue. */
    void pushPublic(String frame) {
        publicServerSide.get().send(frame);
    }

    /** Replaces or adds a REST stub. */
    void stub(MappingBuilder mapping) {
        rest.stubFor(mapping);
    }

    List<LoggedRequest> privateCalls(String method) {
        return rest.findAll(postRequestedFor(urlPathEqualTo("/0/private/" + method)));
    }

    static String fixture(String name) {
        return KrakenCaptures.fixture("xchange-kraken/dto/" + name);
    }

    static String resource(String name) {
        try (InputStream in = KrakenLoopback.class.getResourceAsStream("/kraken/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers the book subscription with the capture's ten snapshots and nothing more. */
    static void snapshotsOnly(WebSocket ws, String received) {
        if (received.contains("\"name\":\"book\"") && received.contains("\"subscribe\"")) {
            for (Frame f : KrakenCaptures.received(KrakenCaptures.BOOKS)) {
                if (f.text().contains("{\"as\":")) {
                    ws.send(f.text());
                }
            }
        }
    }

    /** Answers the book subscription with every frame of the real book capture, in order. */
    static void replayBooks(WebSocket ws, String received) {
        if (received.contains("\"name\":\"book\"") && received.contains("\"subscribe\"")) {
            for (Frame f : KrakenCaptures.received(KrakenCaptures.BOOKS)) {
                ws.send(f.text());
            }
        }
    }

    private static void answerPrivateSubscription(WebSocket ws, String received) {
        for (String channel : List.of("ownTrades", "openOrders")) {
            if (received.contains("\"name\":\"" + channel + "\"") && received.contains(WS_TOKEN)) {
                ws.send("{\"channelName\":\"" + channel + "\",\"event\":\"subscriptionStatus\","
                        + "\"status\":\"subscribed\","
                        + "\"subscription\":{\"name\":\"" + channel + "\"}}");
                if (channel.equals("openOrders")) {
                    ws.send("[[],\"openOrders\",{\"sequence\":1}]");
                }
            }
        }
    }

    private static Dispatcher upgradeEvery(WebSocketListener listener) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().webSocketUpgrade(listener).build();
            }
        };
    }

    private static WebSocketListener serverSide(AtomicReference<WebSocket> holder, List<String> received,
                                                BiConsumer<WebSocket, String> onMessage) {
        return new WebSocketListener() {
            @Override
            public void onOpen(WebSocket ws, Response response) {
                holder.set(ws);
                ws.send("{\"connectionID\":1,\"event\":\"systemStatus\",\"status\":\"online\",\"version\":\"1.8.3\"}");
            }

            @Override
            public void onMessage(WebSocket ws, String text) {
                received.add(text);
                onMessage.accept(ws, text);
            }
        };
    }

    private void stubDefaults() {
        rest.stubFor(get(urlPathEqualTo("/0/public/AssetPairs")).willReturn(okJson(KrakenCaptures.assetPairsBody())));
        privateStub("GetWebSocketsToken", fixture("account/example-krakenWebsocketToken-data.json"));
        privateStub("BalanceEx", resource("balance-ex.json"));
        privateStub("TradeVolume", fixture("account/example-tradevolume-data.json"));
        privateStub("OpenOrders", fixture("trading/example-openorders-data.json"));
        privateStub("ClosedOrders", "{\"error\":[],\"result\":{\"closed\":{},\"count\":0}}");
        privateStub("QueryOrders", "{\"error\":[],\"result\":{}}");
        privateStub("TradesHistory", fixture("trading/example-tradehistory-data.json"));
        privateStub("AddOrder", fixture("trading/example-addorder-response-data.json"));
        privateStub("CancelOrder", fixture("trading/example-cancelorder-data.json"));
        privateStub("CancelAll", "{\"error\":[],\"result\":{\"count\":0}}");
    }

    void privateStub(String method, String body) {
        rest.stubFor(post(urlPathEqualTo("/0/private/" + method)).atPriority(10).willReturn(okJson(body)));
    }

    /** A stub for one method whose request body contains {@code bodyPart}, taking precedence over the defaults. */
    void privateStubWhen(String method, String bodyPart, String body) {
        rest.stubFor(post(urlPathEqualTo("/0/private/" + method)).atPriority(1)
                .withRequestBody(containing(bodyPart))
                .willReturn(okJson(body)));
    }

    /** A stub that answers after {@code delay}: longer than the call timeout, the caller sees a timeout. */
    void privateStubSlow(String method, String body, Duration delay) {
        rest.stubFor(post(urlPathEqualTo("/0/private/" + method)).atPriority(5)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)
                        .withFixedDelay((int) delay.toMillis())));
    }

    private static String wsUrl(MockWebServer server) {
        return "ws://127.0.0.1:" + server.getPort() + "/";
    }

    private void closeVenue() {
        if (venue != null) {
            venue.close();
            venue = null;
        }
        for (AtomicReference<WebSocket> side : List.of(publicServerSide, privateServerSide)) {
            WebSocket ws = side.getAndSet(null);
            if (ws != null) {
                ws.close(1000, "test over");
            }
        }
    }

    @Override
    public void close() {
        closeVenue();
        rest.stop();
        publicWs.close();
        privateWs.close();
    }
}
