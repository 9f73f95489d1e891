package dev.ballast.connectors.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ballast.core.VenueHealth;
import dev.ballast.core.time.ManualClock;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reconnecting stream against a MockWebServer WebSocket on loopback; silence measured on a hand-driven clock. */
class OkHttpWebSocketStreamTest {
    private static final OkHttpClient HTTP = new OkHttpClient();
    private static final Duration AWAIT = Duration.ofSeconds(5);

    private final ManualClock clock = new ManualClock(1_700_000_000_000_000_000L);
    private final StreamConfig config = StreamConfig.defaults("test-public")
            .withSilence(Duration.ofSeconds(10), Duration.ofSeconds(30))
            .withBackoff(Duration.ofMillis(5), Duration.ofMillis(40))
            .withWatchdogInterval(Duration.ofHours(1)); // tests run the watchdog by hand
    private final RecordingListener listener = new RecordingListener();
    private final MockWebServer server = new MockWebServer();
    private OkHttpWebSocketStream stream;

    @BeforeEach
    void startServer() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.close();
        }
        server.close();
    }

    private OkHttpWebSocketStream stream() {
        stream = new OkHttpWebSocketStream(HTTP, server.url("/ws").toString(), listener, config, clock::nowNs,
                new Random(7));
        return stream;
    }

    private VenueSide acceptConnection() {
        VenueSide side = new VenueSide();
        server.enqueue(new MockResponse.Builder().webSocketUpgrade(side).build());
        return side;
    }

    @Test
    void shouldDeliverFramesAndReportHealthyOnceConnected() {
        VenueSide venue = acceptConnection();
        OkHttpWebSocketStream s = stream();
        assertThat(s.health()).isEqualTo(VenueHealth.DISCONNECTED);

        s.start();
        await().atMost(AWAIT).until(() -> venue.received.contains("subscribe"));
        venue.socket.send("{\"book\":1}");

        await().atMost(AWAIT).until(() -> listener.frames.contains("{\"book\":1}"));
        assertThat(s.health()).isEqualTo(VenueHealth.HEALTHY);
        assertThat(listener.healths).containsExactly(VenueHealth.HEALTHY);
        assertThat(s.reconnects()).isZero();
    }

    @Test
    void shouldReconnectAndResubscribeAfterTheVenueClosesTheConnection() {
        VenueSide first = acceptConnection();
        VenueSide second = acceptConnection();
        OkHttpWebSocketStream s = stream();
        s.start();
        await().atMost(AWAIT).until(() -> first.received.contains("subscribe"));

        first.socket.close(1001, "going away");

        await().atMost(AWAIT).until(() -> second.received.contains("subscribe"));
        await().atMost(AWAIT).until(() -> s.health() == VenueHealth.HEALTHY);
        assertThat(listener.opens).isEqualTo(2);
        assertThat(listener.disconnects).singleElement().asString().contains("1001");
        assertThat(s.reconnects()).isEqualTo(1);
        assertThat(listener.healths).containsExactly(VenueHealth.HEALTHY, VenueHealth.DISCONNECTED,
                VenueHealth.HEALTHY);
    }

    @Test
    void shouldKeepTryingWhileTheVenueRefusesAndReportDisconnectedMeanwhile() {
        VenueSide first = acceptConnection();
        OkHttpWebSocketStream s = stream();
        s.start();
        await().atMost(AWAIT).until(() -> first.received.contains("subscribe"));
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(503).build());
        VenueSide third = acceptConnection();

        first.socket.close(1001, "going away");

        await().atMost(AWAIT).until(() -> listener.disconnects.size() >= 2);
        await().atMost(AWAIT).until(() -> third.received.contains("subscribe"));
        assertThat(listener.disconnects).hasSize(3);
        assertThat(s.reconnects()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void shouldMarkTheStreamStaleAfterSilenceAndHealthyAtTheNextFrame() {
        VenueSide venue = acceptConnection();
        OkHttpWebSocketStream s = stream();
        s.start();
        await().atMost(AWAIT).until(() -> venue.received.contains("subscribe"));

        clock.advance(Duration.ofSeconds(10));
        s.checkSilence();
        assertThat(s.health()).isEqualTo(VenueHealth.HEALTHY);
        clock.advanceNs(1);
        s.checkSilence();
        assertThat(s.health()).isEqualTo(VenueHealth.STREAM_STALE);

        venue.socket.send("{\"heartbeat\":1}");
        await().atMost(AWAIT).until(() -> s.health() == VenueHealth.HEALTHY);
        assertThat(listener.healths).containsExactly(VenueHealth.HEALTHY, VenueHealth.STREAM_STALE,
                VenueHealth.HEALTHY);
        assertThat(listener.disconnects).isEmpty();
    }

    @Test
    void shouldDropAndRemakeAConnectionSilentBeyondTheReconnectLimit() {
        VenueSide first = acceptConnection();
        VenueSide second = acceptConnection();
        OkHttpWebSocketStream s = stream();
        s.start();
        await().atMost(AWAIT).until(() -> first.received.contains("subscribe"));

        clock.advance(Duration.ofSeconds(31));
        s.checkSilence();

        await().atMost(AWAIT).until(() -> !listener.disconnects.isEmpty());
        assertThat(listener.disconnects).singleElement().asString().startsWith("silent for 31000 ms");
        await().atMost(AWAIT).until(() -> second.received.contains("subscribe"));
        assertThat(listener.opens).isEqualTo(2);
        assertThat(s.reconnects()).isEqualTo(1);
    }

    @Test
    void shouldCloseCleanlyAndNeverReconnectAfterwards() {
        VenueSide venue = acceptConnection();
        acceptConnection();
        OkHttpWebSocketStream s = stream();
        s.start();
        await().atMost(AWAIT).until(() -> venue.received.contains("subscribe"));

        s.close();

        await().atMost(AWAIT).until(() -> venue.closeCode == 1000);
        assertThat(s.health()).isEqualTo(VenueHealth.DISCONNECTED);
        assertThat(listener.disconnects).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldSkipAFrameTheListenerChokesOnAndKeepTheConnection() {
        VenueSide venue = acceptConnection();
        listener.chokeOn = "garbage";
        OkHttpWebSocketStream s = stream();
        s.start();
        await().atMost(AWAIT).until(() -> venue.received.contains("subscribe"));

        venue.socket.send("garbage");
        venue.socket.send("{\"book\":2}");

        await().atMost(AWAIT).until(() -> listener.frames.contains("{\"book\":2}"));
        assertThat(listener.disconnects).isEmpty();
        assertThat(s.health()).isEqualTo(VenueHealth.HEALTHY);
    }

    @Test
    void shouldKeepEachBackoffBetweenTheFloorAndTheExponentialCap() {
        Random random = new Random(42);
        long minNs = config.backoffMin().toNanos();
        long maxNs = config.backoffMax().toNanos();
        long largest = 0;
        for (int failures = 0; failures < 40; failures++) {
            for (int draw = 0; draw < 50; draw++) {
                long capNs = Math.min(maxNs, minNs << Math.min(failures, 20));
                long ns = config.backoffNs(failures, random);
                assertThat(ns).isBetween(minNs, capNs);
                largest = Math.max(largest, ns);
            }
        }
        assertThat(config.backoffNs(0, random)).as("the first reconnect waits the floor").isEqualTo(minNs);
        assertThat(largest).as("the jitter reaches near the cap").isGreaterThan(maxNs * 9 / 10);
        assertThat(config.backoffNs(3, new Random(1))).as("seeded: repeatable")
                .isEqualTo(config.backoffNs(3, new Random(1)));
        assertThat(StreamConfig.defaults("x").backoffNs(1_000, random)).isLessThanOrEqualTo(
                Duration.ofSeconds(30).toNanos());
    }

    /** The venue's end of one connection: records what the client sends, keeps the socket to push frames. */
    static final class VenueSide extends WebSocketListener {
        final List<String> received = new CopyOnWriteArrayList<>();
        volatile WebSocket socket;
        volatile int closeCode;

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            socket = webSocket;
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            received.add(text);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            closeCode = code;
            webSocket.close(1000, null);
        }
    }

    /** Subscribes on each open, records everything. */
    static final class RecordingListener implements StreamListener {
        final List<String> frames = new CopyOnWriteArrayList<>();
        final List<String> disconnects = new CopyOnWriteArrayList<>();
        final List<VenueHealth> healths = new CopyOnWriteArrayList<>();
        volatile int opens;
        volatile String chokeOn;

        @Override
        public void onOpen(StreamSender sender) {
            opens++;
            sender.send("subscribe");
        }

        @Override
        public void onMessage(String text, long receivedNs) {
            if (text.equals(chokeOn)) {
                throw new IllegalStateException("cannot parse");
            }
            frames.add(text);
        }

        @Override
        public void onDisconnected(String reason) {
            disconnects.add(reason);
        }

        @Override
        public void onHealthChanged(VenueHealth health) {
            healths.add(health);
        }
    }
}
