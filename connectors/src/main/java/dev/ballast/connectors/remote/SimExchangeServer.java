package dev.ballast.connectors.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ballast.connectors.sim.SimulatedMarket;
import dev.ballast.connectors.sim.SimulatedMarketConfig;
import dev.ballast.connectors.sim.SimulatedVenue;
import dev.ballast.connectors.sim.SimulatedVenueConfig;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.OrderReport;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderStatus;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueId;
import dev.ballast.core.event.Event;
import dev.ballast.core.time.Clock;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated exchange in a process of its own: a {@link SimulatedMarket} with its {@link SimulatedVenue}s, served
 * over HTTP so that a bot in another process trades on it through {@link RemoteVenue} — and so that the exchange's
 * state (books, resting orders, balances, fills) outlives the bot, as a real exchange does when the bot crashes.
 *
 * <pre>{@code
 * SimExchangeServer server = SimExchangeServer.start(marketConfig, List.of(venueA, venueB), new SystemClock(),
 *         SimExchangeSettings.onPort(0));                // its own driving thread, real time
 * URI url = server.url();                                // http://127.0.0.1:<port>
 * ...
 * server.close();
 * }</pre>
 *
 * <p>Wire (see the package documentation for every endpoint): one JSON request per command or query under
 * {@code /venues/<id>/}, and one long-lived streaming response per client on {@code /venues/<id>/events}: one JSON
 * event per line, numbered per connection, a heartbeat line when quiet. Every connection starts with a fresh
 * snapshot of each of the venue's books; events that happen while no client is connected are not kept for the
 * stream (the venue's order history answers {@code orderStatus} and {@code trades}, as an exchange's REST API does).
 *
 * <p>The server remembers every client order id it was ever sent and counts the ones sent again: a bot that
 * recovers correctly after a crash never sends one twice ({@link #duplicateOrderIds()}).
 *
 * <p>Threads: the {@code sim-exchange} thread owns the simulation and calls {@code doWork()} in a loop against the
 * clock ({@link #start}); or, in tests on a {@code ManualClock}, the caller does ({@link #startDrivenByCaller} and
 * {@link #doWork()}). HTTP requests run on a pool of {@code sim-exchange-http} threads, each event stream holding one
 * while it lasts; they reach the venues only through their thread-safe {@code Venue} methods. Every public method is
 * thread-safe except {@link #doWork()}, which belongs to the one driving thread.
 */
public final class SimExchangeServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimExchangeServer.class);
    private static final long IDLE_PARK_NS = 200_000;
    private static final String JSON = "application/json";
    private static final int MAX_LINES_PER_FLUSH = 1024;
    /** The response header of an event stream that carries its id. */
    public static final String STREAM_ID_HEADER = "Ballast-Stream-Id";

    private final SimulatedMarket market;
    private final Map<VenueId, Channel> channels;
    private final SimExchangeSettings settings;
    private final Clock clock;
    private final HttpServer http;
    private final ExecutorService httpThreads;
    private final Thread driver;
    private final Map<ClientOrderId, Received> received = new ConcurrentHashMap<>();
    private final List<ClientOrderId> duplicates = new CopyOnWriteArrayList<>();
    private final AtomicLong nextSessionId = new AtomicLong(1);
    private volatile boolean running = true;
    private volatile Throwable driverFailure;

    /** An order request as it reached the server, before the venue handled it. */
    private record Received(OrderRequest request, long receivedNs) {
    }

    /** One venue, what it emits and the clients streaming it. */
    private static final class Channel {
        final SimulatedVenue venue;
        final RemoteCodec codec;
        final List<EventSession> sessions = new CopyOnWriteArrayList<>();
        final AtomicLong droppedForSlowClients = new AtomicLong();

        Channel(SimulatedVenue venue) {
            this.venue = venue;
            this.codec = new RemoteCodec(venue.id());
        }

        boolean offer(Event e) {
            for (EventSession s : sessions) {
                if (!s.offer(e) && !s.isClosed()) {
                    droppedForSlowClients.incrementAndGet();
                }
            }
            return true; // the venue's own state never depends on who listens
        }
    }

    private SimExchangeServer(SimulatedMarketConfig marketConfig, List<SimulatedVenueConfig> venueConfigs, Clock clock,
                              SimExchangeSettings settings, boolean ownThread) {
        Objects.requireNonNull(marketConfig, "marketConfig");
        Objects.requireNonNull(venueConfigs, "venueConfigs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        if (venueConfigs.isEmpty()) {
            throw new IllegalArgumentException("a simulated exchange needs at least one venue");
        }
        this.market = new SimulatedMarket(marketConfig, clock);
        Map<VenueId, Channel> byId = new LinkedHashMap<>();
        for (SimulatedVenueConfig vc : venueConfigs) {
            Channel channel = new Channel(market.addVenue(vc));
            channel.venue.start(channel::offer);
            byId.put(vc.id(), channel);
        }
        this.channels = Collections.unmodifiableMap(byId);

        AtomicInteger threadNumber = new AtomicInteger();
        this.httpThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sim-exchange-http-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            this.http = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 64);
        } catch (IOException e) {
            httpThreads.shutdownNow();
            throw new UncheckedIOException("cannot listen on " + settings.host() + ":" + settings.port(), e);
        }
        http.setExecutor(httpThreads);
        http.createContext("/venues", this::handle);

        this.driver = ownThread ? new Thread(this::drive, "sim-exchange") : null;
        if (driver != null) {
            driver.setDaemon(true);
            driver.start();
        }
        http.start();
        LOG.info("simulated exchange serving {} on {}", channels.keySet(), url());
    }

    /**
     * Builds the market and its venues and serves them, driven by a thread of its own in real time against
     * {@code clock} (the system clock).
     *
     * @throws IllegalArgumentException when the configs do not fit together (see {@link SimulatedMarket#addVenue})
     * @throws UncheckedIOException     when the port cannot be bound
     */
    public static SimExchangeServer start(SimulatedMarketConfig market, List<SimulatedVenueConfig> venues, Clock clock,
                                          SimExchangeSettings settings) {
        return new SimExchangeServer(market, venues, clock, settings, true);
    }

    /** As {@link #start}, but the simulation moves only when the caller calls {@link #doWork()}: for tests. */
    public static SimExchangeServer startDrivenByCaller(SimulatedMarketConfig market, List<SimulatedVenueConfig> venues,
                                                        Clock clock, SimExchangeSettings settings) {
        return new SimExchangeServer(market, venues, clock, settings, false);
    }

    /**
     * Moves the simulation to the clock's now. Only for a server {@link #startDrivenByCaller driven by its caller},
     * always from the same thread.
     *
     * @return the work done, as {@link SimulatedMarket#doWork()}
     * @throws IllegalStateException when the server has its own driving thread
     */
    public int doWork() {
        if (driver != null) {
            throw new IllegalStateException("this server drives its simulation on its own thread");
        }
        return market.doWork();
    }

    /** The base URL clients connect to, e.g. {@code http://127.0.0.1:40123}. */
    public URI url() {
        return URI.create("http://" + settings.host() + ":" + port());
    }

    /** The port listened on (the one picked when the settings said 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The ids of the venues served, in the order configured. */
    public List<VenueId> venueIds() {
        return List.copyOf(channels.keySet());
    }

    /**
     * The simulated venue itself, for checks against what a client saw: its balances, open orders, order statuses
     * and fills (thread-safe reads). Do not start or close it: the server does.
     *
     * @throws IllegalArgumentException for a venue this server does not serve
     */
    public SimulatedVenue venue(VenueId id) {
        return channel(id).venue;
    }

    /** Every client order id sent to this server (on any venue), each once. */
    public Set<ClientOrderId> receivedOrderIds() {
        return Set.copyOf(received.keySet());
    }

    /** The client order ids that were sent again after their first time, once per repeat, in arrival order. */
    public List<ClientOrderId> duplicateOrderIds() {
        return List.copyOf(duplicates);
    }

    /** The clients streaming a venue's events right now. */
    public int sessionCount(VenueId id) {
        return (int) channel(id).sessions.stream().filter(s -> !s.isClosed()).count();
    }

    /**
     * The number of the last event queued to one event stream of a venue (the stream's id is sent to its client in
     * the {@value #STREAM_ID_HEADER} header; {@link RemoteVenue#streamId()}): 0 before its first event, and when the
     * stream has ended.
     */
    public long lastSequence(VenueId id, long streamId) {
        for (EventSession s : channel(id).sessions) {
            if (s.id() == streamId) {
                return s.lastSequence();
            }
        }
        return 0;
    }

    /**
     * Ends every event stream of a venue now, as a network drop would: its clients reconnect and start again from
     * fresh snapshots. The venue itself is untouched.
     */
    public void dropStreams(VenueId id) {
        channel(id).sessions.forEach(s -> s.close("dropped by the operator"));
    }

    /** Why the driving thread stopped, when it failed; empty while it runs (or when the caller drives). */
    public Optional<Throwable> driverFailure() {
        return Optional.ofNullable(driverFailure);
    }

    /** Ends every event stream, stops listening and stops the simulation. Idempotent. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        for (Channel c : channels.values()) {
            c.sessions.forEach(s -> s.close("server closing"));
        }
        http.stop(0);
        httpThreads.shutdownNow();
        if (driver != null) {
            try {
                driver.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.info("simulated exchange on port {} closed: {} order ids received, {} sent again", port(),
                received.size(), duplicates.size());
    }

    // ---------------------------------------------------------------- driving thread

    private void drive() {
        try {
            while (running) {
                if (market.doWork() == 0) {
                    LockSupport.parkNanos(IDLE_PARK_NS);
                }
            }
        } catch (RuntimeException | Error e) {
            driverFailure = e;
            LOG.error("the simulation failed and stopped; the exchange no longer moves", e);
        }
    }

    // ---------------------------------------------------------------- HTTP threads

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            // "", "venues"[, id[, operation]]
            if (parts.length == 2) {
                requireMethod(exchange, "GET");
                ArrayNode ids = RemoteCodec.array();
                channels.keySet().forEach(id -> ids.add(id.name()));
                reply(exchange, 200, ids);
                return;
            }
            if (parts.length != 4) {
                throw new HttpProblem(404, "no such path");
            }
            Channel channel = channels.get(venueIdOrNull(parts[2]));
            if (channel == null) {
                throw new HttpProblem(404, "no venue '" + parts[2] + "' here; venues: " + channels.keySet());
            }
            operation(exchange, channel, parts[3]);
        } catch (HttpProblem p) {
            replyError(exchange, p.status, p.getMessage());
        } catch (MalformedRemoteMessageException | IllegalArgumentException e) {
            replyError(exchange, 400, e.getMessage());
        } catch (IllegalStateException e) {
            replyError(exchange, 503, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("request {} failed", exchange.getRequestURI(), e);
            replyError(exchange, 500, e.toString());
        } finally {
            exchange.close(); // after the error reply: a try-with-resources would close it before the catch
        }
    }

    private void operation(HttpExchange exchange, Channel channel, String operation) throws IOException {
        SimulatedVenue venue = channel.venue;
        RemoteCodec codec = channel.codec;
        Map<String, String> query = query(exchange.getRequestURI());
        switch (operation) {
            case "instruments" -> {
                requireMethod(exchange, "GET");
                ArrayNode a = RemoteCodec.array();
                venue.instruments().forEach(i -> a.add(codec.instrument(i)));
                reply(exchange, 200, a);
            }
            case "fees" -> {
                requireMethod(exchange, "GET");
                reply(exchange, 200, codec.fees(venue.fees(instrument(venue, query))));
            }
            case "balances" -> {
                requireMethod(exchange, "GET");
                reply(exchange, 200, codec.balances(venue.balances()));
            }
            case "openOrders" -> {
                requireMethod(exchange, "GET");
                ArrayNode a = RemoteCodec.array();
                venue.openOrders().forEach(o -> a.add(codec.openOrder(o)));
                reply(exchange, 200, a);
            }
            case "orderStatus" -> {
                requireMethod(exchange, "GET");
                InstrumentId instrument = instrument(venue, query);
                ClientOrderId id = new ClientOrderId(required(query, "clientOrderId"));
                Optional<OrderReport> report = orderStatus(venue, instrument, id);
                if (report.isEmpty()) {
                    throw new HttpProblem(404, "no order " + id + " on " + instrument);
                }
                reply(exchange, 200, codec.orderReport(report.get()));
            }
            case "trades" -> {
                requireMethod(exchange, "GET");
                String after = query.get("after");
                ArrayNode a = RemoteCodec.array();
                venue.tradesSince(instrument(venue, query), after == null ? null : new TradeId(after))
                        .forEach(f -> a.add(codec.fill(f)));
                reply(exchange, 200, a);
            }
            case "place" -> {
                requireMethod(exchange, "POST");
                OrderRequest request = codec.orderRequest(body(exchange));
                Received first = received.putIfAbsent(request.clientOrderId(), new Received(request, clock.nowNs()));
                if (first != null) {
                    duplicates.add(request.clientOrderId());
                    LOG.warn("{}: client order id {} sent again (first received at {} ns)", venue.id(),
                            request.clientOrderId(), first.receivedNs());
                }
                venue.place(request);
                reply(exchange, 202, RemoteCodec.object());
            }
            case "cancel" -> {
                requireMethod(exchange, "POST");
                JsonNode body = body(exchange);
                venue.cancel(new InstrumentId(venue.id(), RemoteCodec.text(body, "symbol")),
                        new ClientOrderId(RemoteCodec.text(body, "clientOrderId")));
                reply(exchange, 202, RemoteCodec.object());
            }
            case "cancelAll" -> {
                requireMethod(exchange, "POST");
                venue.cancelAll();
                reply(exchange, 202, RemoteCodec.object());
            }
            case "snapshot" -> {
                requireMethod(exchange, "POST");
                venue.requestSnapshot(new InstrumentId(venue.id(), RemoteCodec.text(body(exchange), "symbol")));
                reply(exchange, 202, RemoteCodec.object());
            }
            case "events" -> {
                requireMethod(exchange, "GET");
                stream(exchange, channel);
            }
            default -> throw new HttpProblem(404, "no operation '" + operation + "'");
        }
    }

    /**
     * The venue's report, or — for an order received here that the venue has not handled yet (it is still on its
     * way, within the venue's latency) — an open order with nothing filled, as an exchange reports a new order.
     */
    private Optional<OrderReport> orderStatus(SimulatedVenue venue, InstrumentId instrument, ClientOrderId id) {
        Optional<OrderReport> report = venue.orderStatus(instrument, id);
        if (report.isPresent()) {
            return report;
        }
        Received r = received.get(id);
        if (r == null || !r.request().instrument().equals(instrument)) {
            return Optional.empty();
        }
        OrderRequest q = r.request();
        return Optional.of(new OrderReport(id, null, instrument, q.side(), OrderStatus.OPEN, q.price(), q.size(),
                java.math.BigDecimal.ZERO, r.receivedNs()));
    }

    /** Streams one client's events until it goes away, falls too far behind, or the server closes. */
    private void stream(HttpExchange exchange, Channel channel) throws IOException {
        EventSession session = new EventSession(nextSessionId.getAndIncrement(), settings.sessionQueueCapacity());
        channel.sessions.add(session);
        String client = String.valueOf(exchange.getRemoteAddress());
        LOG.info("{}: client {} connected (stream {})", channel.venue.id(), client, session.id());
        String ended = "server closing";
        try {
            for (Instrument i : channel.venue.instruments()) {
                channel.venue.requestSnapshot(i.id()); // this connection starts every book from a snapshot
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
            exchange.getResponseHeaders().set(STREAM_ID_HEADER, Long.toString(session.id()));
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16);
            byte[] heartbeat = (RemoteCodec.write(RemoteCodec.heartbeat()) + "\n").getBytes(StandardCharsets.UTF_8);
            while (running && !session.isClosed()) {
                EventSession.Numbered next = session.next(settings.heartbeatIntervalMs());
                if (next == null) {
                    out.write(heartbeat);
                } else {
                    int written = 0;
                    do {
                        out.write(line(channel.codec, next));
                        written++;
                    } while (written < MAX_LINES_PER_FLUSH && (next = session.poll()) != null);
                }
                out.flush();
            }
            ended = session.isClosed() ? session.closeReason() : "server closing";
        } catch (IOException e) {
            ended = "connection lost (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            session.close(ended);
            channel.sessions.remove(session);
            LOG.info("{}: client {} disconnected (stream {}): {}", channel.venue.id(), client, session.id(), ended);
        }
    }

    private static byte[] line(RemoteCodec codec, EventSession.Numbered n) {
        var node = codec.event(n.event());
        node.put("seq", n.seq());
        return (RemoteCodec.write(node) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private Channel channel(VenueId id) {
        Channel c = channels.get(id);
        if (c == null) {
            throw new IllegalArgumentException("this server does not serve venue " + id + " (serves "
                    + channels.keySet() + ")");
        }
        return c;
    }

    private static VenueId venueIdOrNull(String name) {
        try {
            return VenueId.of(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static InstrumentId instrument(SimulatedVenue venue, Map<String, String> query) {
        InstrumentId id = new InstrumentId(venue.id(), required(query, "symbol"));
        if (venue.instruments().stream().noneMatch(i -> i.id().equals(id))) {
            throw new HttpProblem(404, venue.id() + " does not trade " + id.symbol());
        }
        return id;
    }

    private static String required(Map<String, String> query, String name) {
        String v = query.get(name);
        if (v == null || v.isEmpty()) {
            throw new HttpProblem(400, "query parameter '" + name + "' is required");
        }
        return v;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return RemoteCodec.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void requireMethod(HttpExchange exchange, String method) {
        if (!method.equals(exchange.getRequestMethod())) {
            throw new HttpProblem(405, exchange.getRequestURI().getPath() + " takes " + method);
        }
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = RemoteCodec.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", JSON);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void replyError(HttpExchange exchange, int status, String message) throws IOException {
        if (exchange.getResponseCode() != -1) {
            return; // the reply had started (a stream): nothing more can be said on it
        }
        reply(exchange, status, RemoteCodec.object().put("error", message == null ? "" : message));
    }

    /** A request the server answers with an error status. */
    private static final class HttpProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        HttpProblem(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** Names of the venues served, for messages. */
    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        channels.keySet().forEach(id -> names.add(id.name()));
        return "SimExchangeServer" + names + " on " + url();
    }
}
