package dev.ballast.connectors.kraken;

import dev.ballast.connectors.live.StreamListener;
import dev.ballast.connectors.live.WebSocketStream;
import dev.ballast.core.VenueHealth;
import java.time.Duration;
import java.util.function.LongSupplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A small test double of the kit's WebSocket stream: one OkHttp connection (no reconnect), frames handed to the
 * listener with the hand-driven clock's time, and a silence watchdog on that clock (STREAM_STALE once nothing has
 * arrived for longer than the limit).
 */
final class LoopbackStream implements WebSocketStream {
    private final OkHttpClient http = new OkHttpClient();
    private final String url;
    private final StreamListener listener;
    private final LongSupplier clock;
    private final long silenceNs;
    private volatile WebSocket socket;
    private volatile boolean open;
    private volatile long lastMessageNs;

    LoopbackStream(String url, StreamListener listener, LongSupplier clock, Duration silence) {
        this.url = url;
        this.listener = listener;
        this.clock = clock;
        this.silenceNs = silence.toNanos();
    }

    @Override
    public void start() {
        socket = http.newWebSocket(new Request.Builder().url(url).build(), new WebSocketListener() {
            @Override
            public void onOpen(WebSocket ws, Response response) {
                open = true;
                lastMessageNs = clock.getAsLong();
                listener.onOpen(ws::send);
            }

            @Override
            public void onMessage(WebSocket ws, String text) {
                lastMessageNs = clock.getAsLong();
                listener.onMessage(text, lastMessageNs);
            }

            @Override
            public void onClosing(WebSocket ws, int code, String reason) {
                open = false;
                listener.onDisconnected(reason);
            }

            @Override
            public void onFailure(WebSocket ws, Throwable t, Response response) {
                open = false;
                listener.onDisconnected(t.toString());
            }
        });
    }

    @Override
    public VenueHealth health() {
        if (!open) {
            return VenueHealth.DISCONNECTED;
        }
        return clock.getAsLong() - lastMessageNs > silenceNs ? VenueHealth.STREAM_STALE : VenueHealth.HEALTHY;
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
        http.dispatcher().executorService().shutdown();
    }
}
