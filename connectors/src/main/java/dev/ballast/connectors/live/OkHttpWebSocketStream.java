package dev.ballast.connectors.live;

import dev.ballast.core.VenueHealth;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link WebSocketStream} over OkHttp: connects, hands every text frame to its {@link StreamListener} (binary
 * frames as UTF-8), calls {@link StreamListener#onOpen} on each (re)connect so it resubscribes, and after any
 * close or failure calls {@link StreamListener#onDisconnected} and reconnects after
 * {@link StreamConfig#backoffNs a jittered exponential backoff}. The backoff grows with each connection that
 * brought no frame and starts over once one does.
 *
 * <p>Health: {@code DISCONNECTED} while down (and before the first connect), {@code STREAM_STALE} when no frame
 * came for {@link StreamConfig#silenceBeforeStale()}, else {@code HEALTHY}. WebSocket-level pings are answered by
 * OkHttp and are not seen here: only frames count as traffic (the venues' heartbeats are frames). Beyond
 * {@link StreamConfig#silenceBeforeReconnect()} the connection is dropped and made again.
 *
 * <p>Concurrency: frames and open/close callbacks arrive on OkHttp's reader thread of the current connection,
 * one at a time; callbacks of a replaced connection are ignored. A scheduler this stream owns (one daemon thread
 * named {@code ballast-ws-<name>}) runs the reconnects and the watchdog, and is stopped by {@link #close()}.
 * The connection state is guarded by {@code this}; no lock is held while the listener runs.
 * {@code nanoClock} is epoch nanoseconds: silence is measured with it, so tests move it by hand.
 */
public final class OkHttpWebSocketStream implements WebSocketStream {
    private static final Logger LOG = LoggerFactory.getLogger(OkHttpWebSocketStream.class);

    private final OkHttpClient http;
    private final String url;
    private final StreamListener listener;
    private final StreamConfig config;
    private final LongSupplier nanoClock;
    private final Random random;
    private final ScheduledThreadPoolExecutor scheduler;
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicReference<VenueHealth> reported = new AtomicReference<>(VenueHealth.DISCONNECTED);

    // guarded by this
    private volatile Connection current;
    private int generation;
    private int failures;
    private boolean everOpened;
    private boolean started;
    private boolean closed;
    private volatile long lastFrameNs;

    public OkHttpWebSocketStream(OkHttpClient http, String url, StreamListener listener, StreamConfig config,
                                 LongSupplier nanoClock) {
        this(http, url, listener, config, nanoClock, new Random());
    }

    /** As above, with the jitter's random source given (seeded in tests). */
    public OkHttpWebSocketStream(OkHttpClient http, String url, StreamListener listener, StreamConfig config,
                                 LongSupplier nanoClock, Random random) {
        Objects.requireNonNull(http, "http");
        this.url = Objects.requireNonNull(url, "url");
        new Request.Builder().url(url); // an unusable URL fails here, not later on the scheduler thread
        this.listener = Objects.requireNonNull(listener, "listener");
        this.config = Objects.requireNonNull(config, "config");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.random = Objects.requireNonNull(random, "random");
        this.http = config.pingInterval().isZero() ? http
                : http.newBuilder().pingInterval(config.pingInterval()).build();
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ballast-ws-" + config.name());
            t.setDaemon(true);
            return t;
        });
        this.scheduler.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void start() {
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("stream " + config.name() + " already started");
            }
            if (closed) {
                throw new IllegalStateException("stream " + config.name() + " is closed");
            }
            started = true;
        }
        long intervalNs = config.watchdogInterval().toNanos();
        scheduler.scheduleWithFixedDelay(this::checkSilence, intervalNs, intervalNs, TimeUnit.NANOSECONDS);
        scheduler.execute(this::connect);
    }

    @Override
    public synchronized VenueHealth health() {
        if (current == null || !current.open) {
            return VenueHealth.DISCONNECTED;
        }
        long silentNs = nanoClock.getAsLong() - lastFrameNs;
        return silentNs > config.silenceBeforeStale().toNanos() ? VenueHealth.STREAM_STALE : VenueHealth.HEALTHY;
    }

    /** Successful connects after the first one. */
    @Override
    public long reconnects() {
        return reconnects.get();
    }

    @Override
    public void close() {
        Connection c;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            c = current;
            current = null;
        }
        scheduler.shutdownNow();
        if (c != null && c.socket != null) {
            c.socket.close(1000, "client closing");
        }
        reportHealth();
        LOG.info("{}: stream closed", config.name());
    }

    /**
     * The watchdog's look at the silence: marks the stream stale, and drops a connection silent beyond
     * {@link StreamConfig#silenceBeforeReconnect()}. Runs on the scheduler every
     * {@link StreamConfig#watchdogInterval()}; tests (a venue's too) call it after moving their clock.
     */
    public void checkSilence() {
        Connection drop = null;
        long silentNs;
        synchronized (this) {
            silentNs = nanoClock.getAsLong() - lastFrameNs;
            long reconnectNs = config.silenceBeforeReconnect().toNanos();
            if (current != null && current.open && reconnectNs > 0 && silentNs > reconnectNs) {
                drop = current;
            }
        }
        reportHealth();
        if (drop != null && drop.dropReason != null) {
            down(drop, drop.dropReason); // cancelled a tick ago and still not reported down: do it here
        } else if (drop != null) {
            // The reader thread sees the cancel as a failure and reports it: listener calls stay on that thread.
            drop.dropReason = "silent for " + silentNs / 1_000_000 + " ms";
            drop.socket.cancel();
        }
    }

    private void connect() {
        Connection c;
        synchronized (this) {
            if (closed) {
                return;
            }
            c = new Connection(++generation);
            current = c;
        }
        c.socket = http.newWebSocket(new Request.Builder().url(url).build(), c);
    }

    private void opened(Connection c) {
        synchronized (this) {
            if (closed || c != current) {
                c.socket.close(1000, "replaced");
                return;
            }
            c.open = true;
            lastFrameNs = nanoClock.getAsLong();
            if (everOpened) {
                reconnects.incrementAndGet();
            }
            everOpened = true;
        }
        LOG.debug("{}: connected", config.name());
        WebSocket socket = c.socket;
        try {
            listener.onOpen(socket::send);
        } catch (RuntimeException e) {
            LOG.warn("{}: listener failed on open ({})", config.name(), e.getClass().getSimpleName());
        }
        reportHealth();
    }

    private void frame(Connection c, String text) {
        if (c != current) {
            return;
        }
        long nowNs = nanoClock.getAsLong();
        boolean wasSilent = nowNs - lastFrameNs > config.silenceBeforeStale().toNanos();
        lastFrameNs = nowNs;
        if (!c.brought) {
            c.brought = true;
            synchronized (this) {
                failures = 0;
            }
        }
        try {
            listener.onMessage(text, nowNs);
        } catch (RuntimeException e) {
            c.listenerErrors++;
            if (c.listenerErrors == 1) {
                LOG.warn("{}: listener threw {} on a frame; frame skipped (logged once per connection)",
                        config.name(), e.getClass().getSimpleName());
            }
        }
        if (wasSilent) {
            reportHealth();
        }
    }

    /** The connection {@code c} is gone (closed by either side, failed, or dropped by the watchdog). */
    private void down(Connection c, String reason) {
        long delayNs;
        synchronized (this) {
            if (c.down || closed) {
                c.down = true;
                return;
            }
            c.down = true;
            c.open = false;
            if (c == current) {
                current = null;
            }
            delayNs = config.backoffNs(failures, random);
            failures++;
            scheduler.schedule(this::connect, delayNs, TimeUnit.NANOSECONDS);
        }
        LOG.debug("{}: connection down ({}); reconnecting in {} ms", config.name(), reason, delayNs / 1_000_000);
        try {
            listener.onDisconnected(reason);
        } catch (RuntimeException e) {
            LOG.warn("{}: listener failed on disconnect ({})", config.name(), e.getClass().getSimpleName());
        }
        reportHealth();
    }

    private void reportHealth() {
        VenueHealth now = health();
        VenueHealth before = reported.getAndSet(now);
        if (before != now) {
            LOG.warn("{}: stream {} -> {}", config.name(), before.description(), now.description());
            try {
                listener.onHealthChanged(now);
            } catch (RuntimeException e) {
                LOG.warn("{}: listener failed on health change ({})", config.name(), e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public String toString() {
        return "OkHttpWebSocketStream[" + config.name() + "]";
    }

    /** One connection attempt and its callbacks. */
    private final class Connection extends WebSocketListener {
        private final int id;
        private volatile WebSocket socket;
        private volatile boolean open;
        private volatile boolean brought;
        private volatile String dropReason;
        private boolean down;
        private int listenerErrors;

        Connection(int id) {
            this.id = id;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            socket = webSocket;
            opened(this);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            frame(this, text);
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            frame(this, bytes.utf8());
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            down(this, "closed by the venue (" + code + (reason.isEmpty() ? "" : " " + reason) + ")");
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            down(this, "closed (" + code + ")");
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            String reason = dropReason;
            down(this, reason != null ? reason
                    : OkHttpVenueGateway.sanitize(t.getClass().getSimpleName() + ": " + t.getMessage()));
        }

        @Override
        public String toString() {
            return "connection " + id;
        }
    }
}
