package dev.ballast.connectors.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ballast.connectors.live.Credentials;
import dev.ballast.core.VenueId;
import dev.ballast.core.time.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * A Binance on loopback for one product: WireMock serving the REST API from real captures (exchangeInfo, depth
 * snapshots) and documented account shapes, and a MockWebServer serving the market stream (replaying the frames
 * given, on every connection) and the user-data stream ({@code /ws/<listenKey>}, into which tests push events).
 * Listen keys are {@code key-1}, then {@code key-2}, ... for each {@code POST}. The credentials are Binance's own
 * documentation example, so a signature can be checked by hand.
 */
final class BinanceLoopback implements AutoCloseable {
    static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    /** The spot capture's first second (2021-10-12 00:28:32 UTC); the futures capture is earlier, which is fine. */
    static final long START_NS = 1_633_998_512_000_000_000L;

    /** The symbols of the captures (both products), plus BTCUSDT: what the served exchangeInfo keeps. */
    static final java.util.Set<String> CAPTURED_SYMBOLS = java.util.Set.of("NKNUSDT", "BLZETH", "LRCBTC", "RUNEEUR",
            "SUSHIUSDT", "AKROUSDT", "KEEPUSDT", "CTKUSDT", "BTCUSDT");

    final BinanceProduct product;
    final WireMockServer rest;
    final MockWebServer ws;
    final ManualClock clock = new ManualClock(START_NS);
    final OkHttpClient http = new OkHttpClient();
    final AtomicInteger marketConnections = new AtomicInteger();
    private final Map<String, WebSocket> userSockets = new ConcurrentHashMap<>();
    private volatile List<String> marketFrames = List.of();
    private volatile WebSocket marketSocket;

    BinanceLoopback(BinanceProduct product) {
        this.product = product;
        this.rest = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .notifier(new ConsoleNotifier(false)));
        rest.start();
        this.ws = new MockWebServer();
        ws.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.startsWith("/stream")) {
                    marketConnections.incrementAndGet();
                    return new MockResponse.Builder().webSocketUpgrade(new Replay(marketFrames)).build();
                }
                if (path.startsWith("/ws/")) {
                    String key = path.substring("/ws/".length());
                    return new MockResponse.Builder().webSocketUpgrade(new ServerSide() {
                        @Override
                        public void onOpen(WebSocket webSocket, Response response) {
                            userSockets.put(key, webSocket);
                        }
                    }).build();
                }
                return new MockResponse.Builder().code(404).build();
            }
        });
        try {
            ws.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stubReferenceData();
        warmUp();
    }

    /** One request before the venue's: the first one a fresh WireMock serves can take seconds on a busy machine. */
    private void warmUp() {
        okhttp3.Request request = new okhttp3.Request.Builder()
                .url("http://127.0.0.1:" + rest.port() + prefix() + "/exchangeInfo").build();
        try (Response response = http.newCall(request).execute()) {
            response.body().string();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code /api/v3} or {@code /fapi/v1}. */
    String prefix() {
        return product == BinanceProduct.SPOT ? "/api/v3" : "/fapi/v1";
    }

    /** A config for {@code symbols} pointed here, trading with the example keys, short timings. */
    BinanceVenueConfig config(String... symbols) {
        Credentials credentials = new Credentials(API_KEY, SECRET, null);
        BinanceVenueConfig base = product == BinanceProduct.SPOT
                ? BinanceVenueConfig.spot(VenueId.of("binance"), List.of(symbols), credentials)
                : BinanceVenueConfig.usdM(VenueId.of("binance-usdm"), List.of(symbols), credentials);
        String wsUrl = "ws://127.0.0.1:" + ws.getPort();
        return base.withUrls("http://127.0.0.1:" + rest.port(), wsUrl, wsUrl)
                .withTimings(Duration.ofMillis(200), Duration.ofMinutes(10), Duration.ofMinutes(30),
                        Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(50));
    }

    /**
     * A venue on this loopback as production builds it ({@link BinanceVenue#create}: the kit's gateway and
     * streams), with {@code callTimeout} for REST calls.
     */
    BinanceVenue venue(BinanceVenueConfig config, Duration callTimeout) {
        return BinanceVenue.create(config.withTimeouts(callTimeout, config.streamSilence()), clock);
    }

    BinanceVenue venue(BinanceVenueConfig config) {
        return venue(config, Duration.ofSeconds(5));
    }

    /** Waits for I/O: checks at once, then every 10 ms, for up to 10 s. */
    static ConditionFactory soon() {
        return Awaitility.await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .atMost(Duration.ofSeconds(10));
    }

    /** What the market stream sends on each new connection. */
    void replayOnConnect(List<String> frames) {
        marketFrames = List.copyOf(frames);
    }

    /** Sends a frame on the open market stream. */
    void pushMarket(String frame) {
        soon().until(() -> marketSocket != null);
        marketSocket.send(frame);
    }

    /** Closes the market stream connection from the server's side. */
    void dropMarket() {
        soon().until(() -> marketSocket != null);
        marketSocket.close(1001, "going away");
    }

    /** Closes the user-data stream of {@code listenKey} from the server's side. */
    void dropUser(String listenKey) {
        soon().until(() -> userSockets.containsKey(listenKey));
        userSockets.remove(listenKey).close(1001, "going away");
    }

    /** Sends a frame on the user-data stream opened with {@code listenKey} (waits for it to connect). */
    void pushUser(String listenKey, String frame) {
        soon().until(() -> userSockets.containsKey(listenKey));
        userSockets.get(listenKey).send(frame);
    }

    boolean userConnected(String listenKey) {
        return userSockets.containsKey(listenKey);
    }

    /** A resource of src/test/resources/binance. */
    static String resource(String name) {
        try (InputStream in = BinanceLoopback.class.getResourceAsStream("/binance/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource binance/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stubReferenceData() {
        boolean spot = product == BinanceProduct.SPOT;
        rest.stubFor(get(urlPathEqualTo(prefix() + "/exchangeInfo")).willReturn(json(BinanceCaptures.exchangeInfo(
                spot ? BinanceCaptures.SPOT_INFO : BinanceCaptures.FUTURES_INFO, CAPTURED_SYMBOLS))));
        Map<String, String> snapshots = BinanceCaptures.snapshots(spot ? BinanceCaptures.SPOT_SNAPSHOTS
                : BinanceCaptures.FUTURES_SNAPSHOTS);
        snapshots.forEach((symbol, body) -> rest.stubFor(get(urlPathEqualTo(prefix() + "/depth"))
                .withQueryParam("symbol", equalTo(symbol)).willReturn(json(body))));
        if (spot) {
            rest.stubFor(get(urlPathEqualTo("/api/v3/account")).willReturn(json(resource("spot-account.json"))));
        } else {
            rest.stubFor(get(urlPathEqualTo("/fapi/v2/account")).willReturn(json(resource("usdm-account.json"))));
            rest.stubFor(get(urlPathEqualTo("/fapi/v1/commissionRate"))
                    .willReturn(json(resource("usdm-commission.json"))));
        }
        String keyPath = spot ? "/api/v3/userDataStream" : "/fapi/v1/listenKey";
        for (int i = 1; i <= 5; i++) {
            rest.stubFor(post(urlPathEqualTo(keyPath)).inScenario("listen keys")
                    .whenScenarioStateIs(i == 1 ? Scenario.STARTED : "key-" + (i - 1))
                    .willSetStateTo("key-" + i)
                    .willReturn(json("{\"listenKey\":\"key-" + i + "\"}")));
        }
        rest.stubFor(put(urlPathEqualTo(keyPath)).willReturn(json("{}")));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Override
    public void close() {
        WebSocket market = marketSocket;
        if (market != null) {
            market.close(1001, "test over");
        }
        userSockets.values().forEach(s -> s.close(1001, "test over"));
        http.dispatcher().cancelAll();
        rest.stop();
        ws.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** A server-side socket that answers the client's close, so the server can shut down. */
    private static class ServerSide extends WebSocketListener {
        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
        }
    }

    /** Sends every frame when a market-stream client connects, and keeps the socket for more. */
    private final class Replay extends ServerSide {
        private final List<String> frames;

        Replay(List<String> frames) {
            this.frames = frames;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            marketSocket = webSocket;
            for (String f : frames) {
                webSocket.send(f);
            }
        }
    }
}
