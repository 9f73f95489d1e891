package dev.ballast.connectors.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ballast.connectors.Venue;
import dev.ballast.core.Asset;
import dev.ballast.core.Balance;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.FeeSchedule;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.OpenOrder;
import dev.ballast.core.OrderReport;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.VenueId;
import dev.ballast.core.event.CancelRejected;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.EventSink;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.RejectReason;
import dev.ballast.core.event.VenueStatus;
import dev.ballast.core.time.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A venue of a {@link SimExchangeServer} in another process (or thread), reached over HTTP: what a paper bot uses
 * when the simulated exchange must outlive it.
 *
 * <p>Order entry ({@link #place}, {@link #cancel}, {@link #cancelAll}, {@link #requestSnapshot}) only queues the
 * command: one {@code remote-<id>-orders} thread sends them, in the order given, one HTTP request each, and the
 * outcome comes back on the event stream. An order is never sent twice. When a place request fails:
 * <ul>
 *   <li>before anything was sent (connection refused), or refused by the server itself (a 4xx/5xx): an
 *       {@link OrderRejected} ({@code VENUE_UNAVAILABLE}, or {@code INVALID_ORDER} for a 4xx) — it never reached the
 *       venue;</li>
 *   <li>after it may have been sent (a timeout, a reset): its fate is settled by asking the server for its client
 *       order id; unknown there, it is rejected as above; known, its events come on the stream; when even that
 *       question fails, it stays unresolved for reconciliation (logged).</li>
 * </ul>
 * A cancel that fails comes back as {@link CancelRejected} ({@code VENUE_UNAVAILABLE}).
 *
 * <p>Events: one {@code remote-<id>-events} thread holds a streaming request open, reads one JSON event per line,
 * checks each line's number follows the last (a gap reconnects), and offers the events to the sink. Silence longer
 * than {@link RemoteVenueConfig#streamSilenceTimeoutMs()} (the server sends heartbeats) or a lost connection is
 * reported as {@link VenueStatus} {@code DISCONNECTED}, and the stream is opened again after
 * {@link RemoteVenueConfig#reconnectDelayMs()}; a new connection starts with a fresh snapshot of every book (the
 * server sends them) and is reported {@code HEALTHY}. Our own order events that happened while disconnected are not
 * replayed: {@link #orderStatus} and {@link #tradesSince} answer for them, as reconciliation asks.
 *
 * <p>The reference and account calls ({@link #instruments}, {@link #fees}, {@link #balances}, {@link #openOrders},
 * {@link #orderStatus}, {@link #tradesSince}) are blocking HTTP requests on the caller's thread, bounded by
 * {@link RemoteVenueConfig#requestTimeoutMs()}; instruments and fees are fetched once. They throw
 * {@link UncheckedIOException} when the server cannot answer.
 *
 * <p>Thread-safe: every method may be called from any thread (in the bot, the engine's).
 */
public final class RemoteVenue implements Venue {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteVenue.class);
    private static final MediaType JSON = MediaType.get("application/json");

    private final RemoteVenueConfig config;
    private final Clock clock;
    private final RemoteCodec codec;
    private final HttpUrl base;
    private final OkHttpClient http;
    private final OkHttpClient streamHttp;
    private final ExecutorService commands;
    private final AtomicInteger pendingCommands = new AtomicInteger();
    private final AtomicReference<EventSink> sink = new AtomicReference<>();
    private final AtomicReference<Call> streamCall = new AtomicReference<>();
    private final Map<InstrumentId, FeeSchedule> fees = new ConcurrentHashMap<>();
    private final AtomicLong droppedEvents = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private volatile List<Instrument> instruments;
    private volatile VenueHealth health;
    private volatile long lastSequence;
    private volatile long streamId;
    private volatile boolean closed;
    private Thread streamThread;

    public RemoteVenue(RemoteVenueConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.codec = new RemoteCodec(config.id());
        HttpUrl server = HttpUrl.get(config.serverUrl().toString());
        this.base = server.newBuilder().addPathSegment("venues").addPathSegment(config.id().name()).build();
        this.http = new OkHttpClient.Builder()
                .callTimeout(Duration.ofMillis(config.requestTimeoutMs()))
                .connectTimeout(Duration.ofMillis(config.requestTimeoutMs()))
                .readTimeout(Duration.ofMillis(config.requestTimeoutMs()))
                // never a silent second send of an order: every request is sent once, its failure handled here
                .retryOnConnectionFailure(false)
                // idle connections go before the server's own idle timeout closes them under a request
                .connectionPool(new ConnectionPool(4, 10, TimeUnit.SECONDS))
                .build();
        this.streamHttp = http.newBuilder()
                .callTimeout(Duration.ZERO)
                .readTimeout(Duration.ofMillis(config.streamSilenceTimeoutMs()))
                .build();
        String name = "remote-" + config.id().name();
        this.commands = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name + "-orders");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public VenueId id() {
        return config.id();
    }

    public RemoteVenueConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- blocking reference and account calls

    @Override
    public List<Instrument> instruments() {
        List<Instrument> known = instruments;
        if (known == null) {
            List<Instrument> fetched = new ArrayList<>();
            for (JsonNode n : RemoteCodec.elements(get("instruments", Map.of()))) {
                fetched.add(codec.instrumentSpec(n));
            }
            known = List.copyOf(fetched);
            instruments = known;
        }
        return known;
    }

    /** @throws IllegalArgumentException for an instrument this venue does not trade */
    @Override
    public FeeSchedule fees(InstrumentId instrument) {
        requireKnown(instrument);
        return fees.computeIfAbsent(instrument, i -> codec.fees(get("fees", Map.of("symbol", i.symbol()))));
    }

    @Override
    public Map<Asset, Balance> balances() {
        return codec.balances(get("balances", Map.of()));
    }

    @Override
    public List<OpenOrder> openOrders() {
        List<OpenOrder> out = new ArrayList<>();
        for (JsonNode n : RemoteCodec.elements(get("openOrders", Map.of()))) {
            out.add(codec.openOrder(n));
        }
        return out;
    }

    @Override
    public Optional<OrderReport> orderStatus(InstrumentId instrument, ClientOrderId clientOrderId) {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        requireKnown(instrument);
        Request request = new Request.Builder().url(url("orderStatus",
                Map.of("symbol", instrument.symbol(), "clientOrderId", clientOrderId.value()))).get().build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() == 404) {
                return Optional.empty();
            }
            return Optional.of(codec.orderReport(json(response)));
        } catch (IOException e) {
            throw unreachable("orderStatus", e);
        } catch (RemoteCallFailed e) {
            throw unreachable("orderStatus", new IOException(e.getMessage(), e));
        }
    }

    @Override
    public List<Fill> tradesSince(InstrumentId instrument, TradeId afterExclusive) {
        requireKnown(instrument);
        Map<String, String> query = afterExclusive == null ? Map.of("symbol", instrument.symbol())
                : Map.of("symbol", instrument.symbol(), "after", afterExclusive.value());
        List<Fill> out = new ArrayList<>();
        for (JsonNode n : RemoteCodec.elements(get("trades", query))) {
            out.add(codec.fill(n));
        }
        return out;
    }

    // ---------------------------------------------------------------- streaming and order entry

    /**
     * Opens the event stream into {@code sink} (on its own thread; the first connection's snapshots follow).
     *
     * @throws IllegalStateException if already started or closed
     */
    @Override
    public void start(EventSink sink) {
        Objects.requireNonNull(sink, "sink");
        if (closed) {
            throw new IllegalStateException(config.id() + ": closed");
        }
        if (!this.sink.compareAndSet(null, sink)) {
            throw new IllegalStateException(config.id() + ": already started");
        }
        streamThread = new Thread(this::streamLoop, "remote-" + config.id().name() + "-events");
        streamThread.setDaemon(true);
        streamThread.start();
    }

    /** @throws IllegalStateException before {@link #start} or after {@link #close} */
    @Override
    public void requestSnapshot(InstrumentId instrument) {
        requireKnown(instrument);
        submit(() -> {
            try {
                post("snapshot", RemoteCodec.object().put("symbol", instrument.symbol()));
            } catch (IOException | RemoteCallFailed e) {
                LOG.warn("{}: snapshot request for {} failed: {}", config.id(), instrument.symbol(), e.getMessage());
            }
        });
    }

    /** @throws IllegalStateException before {@link #start} or after {@link #close} */
    @Override
    public void place(OrderRequest request) {
        Objects.requireNonNull(request, "request");
        submit(() -> sendPlace(request));
    }

    /** @throws IllegalStateException before {@link #start} or after {@link #close} */
    @Override
    public void cancel(InstrumentId instrument, ClientOrderId clientOrderId) {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        submit(() -> {
            try {
                post("cancel", RemoteCodec.object().put("symbol", instrument.symbol())
                        .put("clientOrderId", clientOrderId.value()));
            } catch (IOException | RemoteCallFailed e) {
                offer(new CancelRejected(instrument, clientOrderId, RejectReason.VENUE_UNAVAILABLE,
                        "cancel not confirmed sent: " + e.getMessage(), clock.nowNs()));
            }
        });
    }

    /** @throws IllegalStateException before {@link #start} or after {@link #close} */
    @Override
    public void cancelAll() {
        submit(() -> {
            try {
                post("cancelAll", RemoteCodec.object());
            } catch (IOException | RemoteCallFailed e) {
                LOG.error("{}: cancel-all failed, our orders may still rest there: {}", config.id(), e.getMessage());
            }
        });
    }

    /**
     * Stops the event stream and the command thread; commands already queued are given the request timeout to go
     * out. Orders are left as they are (the engine cancels them first).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Call call = streamCall.get();
        if (call != null) {
            call.cancel();
        }
        if (streamThread != null) {
            streamThread.interrupt();
        }
        commands.shutdown();
        try {
            if (!commands.awaitTermination(config.requestTimeoutMs(), TimeUnit.MILLISECONDS)) {
                commands.shutdownNow();
            }
        } catch (InterruptedException e) {
            commands.shutdownNow();
            Thread.currentThread().interrupt();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    // ---------------------------------------------------------------- diagnostics

    /** Commands queued or being sent. */
    public int pendingCommands() {
        return pendingCommands.get();
    }

    /** True while the event stream is connected. */
    public boolean isConnected() {
        return health == VenueHealth.HEALTHY;
    }

    /** How many times the event stream has connected. */
    public long connectionCount() {
        return connections.get();
    }

    /** The number of the last event offered to the sink, on the current connection (0 before the first). */
    public long lastSequence() {
        return lastSequence;
    }

    /** The server's id of the current event stream (0 before the first connection). */
    public long streamId() {
        return streamId;
    }

    /** True once {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** Events the sink refused (full) and that were therefore lost. */
    public long droppedEventCount() {
        return droppedEvents.get();
    }

    // ---------------------------------------------------------------- command thread

    private void submit(Runnable command) {
        if (sink.get() == null) {
            throw new IllegalStateException(config.id() + ": not started");
        }
        if (closed) {
            throw new IllegalStateException(config.id() + ": closed");
        }
        pendingCommands.incrementAndGet();
        try {
            commands.execute(() -> {
                try {
                    command.run();
                } catch (RuntimeException e) {
                    LOG.error("{}: command failed", config.id(), e);
                } finally {
                    pendingCommands.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            pendingCommands.decrementAndGet();
            throw new IllegalStateException(config.id() + ": closed", e);
        }
    }

    private void sendPlace(OrderRequest r) {
        try {
            post("place", codec.orderRequest(r));
        } catch (RemoteCallFailed refused) {
            RejectReason reason = refused.status >= 500 ? RejectReason.VENUE_UNAVAILABLE : RejectReason.INVALID_ORDER;
            offer(new OrderRejected(r.instrument(), r.clientOrderId(), reason, "refused by the server: "
                    + refused.getMessage(), clock.nowNs()));
        } catch (ConnectException notSent) {
            offer(new OrderRejected(r.instrument(), r.clientOrderId(), RejectReason.VENUE_UNAVAILABLE,
                    "not sent: " + notSent.getMessage(), clock.nowNs()));
        } catch (IOException maybeSent) {
            settleLostPlace(r, maybeSent);
        }
    }

    /** A place whose request may or may not have reached the server: ask by client order id, never send it again. */
    private void settleLostPlace(OrderRequest r, IOException failure) {
        try {
            if (orderStatus(r.instrument(), r.clientOrderId()).isEmpty()) {
                offer(new OrderRejected(r.instrument(), r.clientOrderId(), RejectReason.VENUE_UNAVAILABLE,
                        "not received by the venue: " + failure.getMessage(), clock.nowNs()));
            } else {
                LOG.warn("{}: order {} reached the venue although its request failed ({}); its events follow on the"
                        + " stream", config.id(), r.clientOrderId(), failure.getMessage());
            }
        } catch (RuntimeException unresolved) {
            LOG.warn("{}: order {} may or may not have reached the venue ({}; asking failed too: {}); reconciliation"
                    + " settles it", config.id(), r.clientOrderId(), failure.getMessage(), unresolved.getMessage());
        }
    }

    // ---------------------------------------------------------------- stream thread

    private void streamLoop() {
        while (!closed) {
            String lost;
            try {
                lost = readStream();
            } catch (IOException | MalformedRemoteMessageException e) {
                lost = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            if (closed) {
                return;
            }
            changeHealth(VenueHealth.DISCONNECTED, lost);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(config.reconnectDelayMs()));
        }
    }

    /** Reads one connection until it ends. @return why it ended */
    private String readStream() throws IOException {
        Call call = streamHttp.newCall(new Request.Builder().url(url("events", Map.of())).get().build());
        streamCall.set(call);
        if (closed) {
            call.cancel();
        }
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                return "event stream refused: HTTP " + response.code();
            }
            lastSequence = 0;
            String stream = response.header(SimExchangeServer.STREAM_ID_HEADER);
            streamId = stream == null ? 0 : Long.parseLong(stream);
            connections.incrementAndGet();
            changeHealth(VenueHealth.HEALTHY, "event stream connected");
            BufferedSource source = response.body().source();
            long expected = 1;
            String line;
            while (!closed && (line = source.readUtf8Line()) != null) {
                JsonNode n = RemoteCodec.read(line);
                if (RemoteCodec.HEARTBEAT.equals(n.path("type").asText())) {
                    continue;
                }
                long seq = n.path("seq").asLong(-1);
                if (seq != expected) {
                    return "event " + seq + " arrived where " + expected + " was due";
                }
                expected++;
                offer(codec.event(n));
                lastSequence = seq;
            }
            return "event stream ended by the server";
        }
    }

    private void changeHealth(VenueHealth next, String detail) {
        if (health == next) {
            return;
        }
        health = next;
        if (next.usable()) {
            LOG.info("{}: {}", config.id(), detail);
        } else {
            LOG.warn("{}: {} ({})", config.id(), next.description(), detail);
        }
        offer(new VenueStatus(config.id(), next, detail, clock.nowNs()));
    }

    private void offer(Event e) {
        if (!sink.get().offer(e)) {
            droppedEvents.incrementAndGet();
        }
    }

    // ---------------------------------------------------------------- HTTP

    private JsonNode get(String operation, Map<String, String> query) {
        Request request = new Request.Builder().url(url(operation, query)).get().build();
        try (Response response = http.newCall(request).execute()) {
            return json(response);
        } catch (IOException e) {
            throw unreachable(operation, e);
        } catch (RemoteCallFailed e) {
            throw unreachable(operation, new IOException(e.getMessage(), e));
        }
    }

    private void post(String operation, ObjectNode body) throws IOException {
        Request request = new Request.Builder().url(url(operation, Map.of()))
                .post(RequestBody.create(RemoteCodec.write(body), JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            json(response);
        }
    }

    /** The reply's JSON. @throws RemoteCallFailed for a status other than 2xx */
    private static JsonNode json(Response response) throws IOException {
        ResponseBody body = response.body();
        String text = body.string();
        if (!response.isSuccessful()) {
            String message = text;
            try {
                message = RemoteCodec.read(text).path("error").asText(text);
            } catch (MalformedRemoteMessageException notJson) {
                // the raw text says it
            }
            throw new RemoteCallFailed(response.code(), message);
        }
        return RemoteCodec.read(text);
    }

    private HttpUrl url(String operation, Map<String, String> query) {
        HttpUrl.Builder b = base.newBuilder().addPathSegment(operation);
        query.forEach(b::addQueryParameter);
        return b.build();
    }

    private UncheckedIOException unreachable(String operation, IOException e) {
        return new UncheckedIOException(config.id() + ": " + operation + " failed: " + e.getMessage(), e);
    }

    /** @throws IllegalArgumentException for an instrument the server does not list for this venue */
    private void requireKnown(InstrumentId instrument) {
        Objects.requireNonNull(instrument, "instrument");
        for (Instrument i : instruments()) {
            if (i.id().equals(instrument)) {
                return;
            }
        }
        throw new IllegalArgumentException(config.id() + " does not trade " + instrument);
    }

    /** The server answered with an error status. */
    private static final class RemoteCallFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        RemoteCallFailed(int status, String message) {
            super("HTTP " + status + ": " + message, null, false, false);
            this.status = status;
        }
    }
}
