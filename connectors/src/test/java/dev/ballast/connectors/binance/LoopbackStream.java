package dev.ballast.connectors.binance;

import dev.ballast.connectors.live.StreamListener;
import dev.ballast.connectors.live.WebSocketStream;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.time.Clock;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/** A bare WebSocket client for tests, until the kit's reconnecting stream is on main: one connection, no watchdog. */
final class LoopbackStream implements WebSocketStream {
    private final OkHttpClient http;
    private final String url;
    private final StreamListener listener;
    private final Clock clock;
    private volatile WebSocket socket;
    private volatile VenueHealth health = VenueHealth.DISCONNECTED;

    LoopbackStream(OkHttpClient http, String url, StreamListener listener, Clock clock) {
        this.http = http;
        this.url = url;
        this.listener = listener;
        this.clock = clock;
    }

    @Override
    public void start() {
        socket = http.newWebSocket(new Request.Builder().url(url).build(), new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                health = VenueHealth.HEALTHY;
                listener.onOpen(webSocket::send);
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
                listener.onMessage(text, clock.nowNs());
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                webSocket.close(1000, null);
            }

            @Override
            public void onClosed(WebSocket webSocket, int code, String reason) {
                health = VenueHealth.DISCONNECTED;
                listener.onDisconnected("closed " + code);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                health = VenueHealth.DISCONNECTED;
                listener.onDisconnected(t.getClass().getSimpleName());
            }
        });
    }

    @Override
    public VenueHealth health() {
        return health;
    }

    @Override
    public long reconnects() {
        return 0;
    }

    @Override
    public void close() {
        WebSocket s = socket;
        if (s != null) {
            s.close(1000, "closed");
        }
    }
}
