package dev.ballast.connectors.okx;

import dev.ballast.connectors.live.StreamListener;
import dev.ballast.connectors.live.WebSocketStream;
import dev.ballast.core.VenueHealth;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A test double of the kit's reconnecting stream: one OkHttp WebSocket, frames handed to the listener, a close or
 * failure reported as a disconnect. No reconnect and no watchdog of its own (the venue's watchdog is under test).
 */
final class LoopbackWebSocketStream implements WebSocketStream {
    private final OkHttpClient http;
    private final String url;
    private final StreamListener listener;
    private volatile WebSocket socket;
    private volatile boolean open;

    LoopbackWebSocketStream(OkHttpClient http, String url, StreamListener listener) {
        this.http = http;
        this.url = url;
        this.listener = listener;
    }

    @Override
    public void start() {
        socket = http.newWebSocket(new Request.Builder().url(url).build(), new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                open = true;
                listener.onOpen(webSocket::send);
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
                listener.onMessage(text, System.nanoTime());
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                webSocket.close(1000, null);
                disconnected("closed " + code);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                disconnected(t.getClass().getSimpleName());
            }
        });
    }

    private void disconnected(String reason) {
        if (open) {
            open = false;
            listener.onDisconnected(reason);
        }
    }

    @Override
    public VenueHealth health() {
        return open ? VenueHealth.HEALTHY : VenueHealth.DISCONNECTED;
    }

    @Override
    public long reconnects() {
        return 0;
    }

    @Override
    public void close() {
        WebSocket s = socket;
        if (s != null) {
            s.close(1000, "bye");
        }
    }
}
