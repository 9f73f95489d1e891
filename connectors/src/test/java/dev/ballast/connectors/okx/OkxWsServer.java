package dev.ballast.connectors.okx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ballast.connectors.live.Credentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A loopback OKX WebSocket server (okhttp's MockWebServer with WebSocket upgrade) on two paths. {@code /ws/v5/public}
 * answers the first {@code books} subscription by replaying the real capture frame by frame, and any later
 * {@code books} subscription of one instrument (a resync) with that instrument's captured snapshot and updates;
 * {@code ping} gets {@code pong}. {@code /ws/v5/private} checks the login signature against the test credentials
 * (OKX's rule: base64 HMAC-SHA256 of {@code timestamp + "GET/users/self/verify"}), confirms subscriptions, and relays
 * whatever order pushes the test sends. Everything the client sent is recorded.
 */
final class OkxWsServer implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final List<String> initialFrames;
    private final Function<String, List<String>> resyncFrames;
    private final Credentials credentials;
    private final List<String> publicReceived = Collections.synchronizedList(new ArrayList<>());
    private final List<String> privateReceived = Collections.synchronizedList(new ArrayList<>());
    private volatile WebSocket publicSocket;
    private volatile WebSocket privateSocket;
    private volatile boolean answerPings = true;

    /**
     * @param initialFrames what the first books subscription is answered with
     * @param resyncFrames  what a later subscription of one instrument's books is answered with
     * @param credentials   the credentials the login must be signed with
     */
    OkxWsServer(List<String> initialFrames, Function<String, List<String>> resyncFrames, Credentials credentials) {
        this.initialFrames = List.copyOf(initialFrames);
        this.resyncFrames = Objects.requireNonNull(resyncFrames, "resyncFrames");
        this.credentials = credentials;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.equals("/ws/v5/public")) {
                    return new MockResponse.Builder().webSocketUpgrade(new PublicSide()).build();
                }
                if (path.equals("/ws/v5/private")) {
                    return new MockResponse.Builder().webSocketUpgrade(new PrivateSide()).build();
                }
                return new MockResponse.Builder().code(404).build();
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server replaying the whole capture, resyncing an instrument with its captured frames. */
    static OkxWsServer replayingCapture(Credentials credentials) {
        return new OkxWsServer(OkxTestData.capturedFrames(), OkxWsServer::capturedBookFrames, credentials);
    }

    /** The captured {@code books} frames of one instrument: its snapshot, then its updates. */
    static List<String> capturedBookFrames(String instId) {
        List<String> out = new ArrayList<>();
        String prefix = "{\"arg\":{\"channel\":\"books\",\"instId\":\"" + instId + "\"}";
        for (String f : OkxTestData.capturedFrames()) {
            if (f.startsWith(prefix) && f.contains("\"data\"")) {
                out.add(f);
            }
        }
        return out;
    }

    String publicUrl() {
        return "ws://" + server.getHostName() + ":" + server.getPort() + "/ws/v5/public";
    }

    String privateUrl() {
        return "ws://" + server.getHostName() + ":" + server.getPort() + "/ws/v5/private";
    }

    /** Sends a frame to the connected public client. */
    void pushPublic(String frame) {
        publicSocket.send(frame);
    }

    /** Sends a frame to the connected private client. */
    void pushPrivate(String frame) {
        privateSocket.send(frame);
    }

    /** Closes the private connection from the server's side (the client reconnects). */
    void dropPrivate() {
        privateSocket.close(1001, "going away");
    }

    /** Closes the public connection from the server's side (the client reconnects). */
    void dropPublic() {
        publicSocket.close(1001, "going away");
    }

    /** Stops answering pings: the connection goes silent. */
    void ignorePings() {
        answerPings = false;
    }

    List<String> publicReceived() {
        synchronized (publicReceived) {
            return List.copyOf(publicReceived);
        }
    }

    List<String> privateReceived() {
        synchronized (privateReceived) {
            return List.copyOf(privateReceived);
        }
    }

    /** Forgets what clients sent (a shared server between tests). */
    void clearReceived() {
        publicReceived.clear();
        privateReceived.clear();
        answerPings = true;
    }

    boolean privateConnected() {
        return privateSocket != null;
    }

    @Override
    public void close() {
        for (WebSocket socket : new WebSocket[] {publicSocket, privateSocket}) {
            if (socket != null) {
                socket.close(1001, "server going away");
            }
        }
        try {
            server.close();
        } catch (RuntimeException | AssertionError e) {
            // MockWebServer may complain that a WebSocket queue did not drain in time; the test is over
        }
    }

    private final class PublicSide extends WebSocketListener {
        private boolean replayed;

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            publicSocket = webSocket;
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            publicReceived.add(text);
            if ("ping".equals(text)) {
                if (answerPings) {
                    webSocket.send("pong");
                }
                return;
            }
            JsonNode msg = OkxMapper.tree(text);
            String op = msg.get("op").asText();
            List<String> books = new ArrayList<>();
            for (JsonNode arg : msg.get("args")) {
                webSocket.send("{\"event\":\"" + op + "\",\"arg\":" + arg + ",\"connId\":\"test\"}");
                if ("books".equals(arg.get("channel").asText())) {
                    books.add(arg.get("instId").asText());
                }
            }
            if (!"subscribe".equals(op) || books.isEmpty()) {
                return;
            }
            if (!replayed) {
                replayed = true;
                initialFrames.forEach(webSocket::send);
            } else {
                books.forEach(instId -> resyncFrames.apply(instId).forEach(webSocket::send));
            }
        }
    }

    private final class PrivateSide extends WebSocketListener {
        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            privateSocket = webSocket;
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            privateReceived.add(text);
            if ("ping".equals(text)) {
                if (answerPings) {
                    webSocket.send("pong");
                }
                return;
            }
            JsonNode msg = OkxMapper.tree(text);
            String op = msg.get("op").asText();
            if ("login".equals(op)) {
                JsonNode args = msg.get("args").get(0);
                String expected = new OkxSigner(credentials, false)
                        .sign(args.get("timestamp").asText() + "GET/users/self/verify");
                boolean ok = credentials.apiKey().equals(args.get("apiKey").asText())
                        && credentials.passphrase().equals(args.get("passphrase").asText())
                        && expected.equals(args.get("sign").asText());
                webSocket.send(ok ? "{\"event\":\"login\",\"code\":\"0\",\"msg\":\"\",\"connId\":\"test\"}"
                        : "{\"event\":\"error\",\"code\":\"60009\",\"msg\":\"Login failed.\",\"connId\":\"test\"}");
                return;
            }
            for (JsonNode arg : msg.get("args")) {
                webSocket.send("{\"event\":\"" + op + "\",\"arg\":" + arg + ",\"connId\":\"test\"}");
            }
        }
    }
}
