package dev.ballast.connectors.kraken;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ballast.connectors.codec.DecimalGrid;
import dev.ballast.connectors.codec.MalformedDecimalException;
import dev.ballast.connectors.live.HealthBoard;
import dev.ballast.connectors.live.StreamListener;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.Instrument;
import dev.ballast.core.Side;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.EventSink;
import dev.ballast.core.event.PublicTrade;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kraken's public WebSocket (v1) for our pairs: the {@code book} channel at the configured depth, checked
 * against Kraken's CRC32 checksum on every update, and the {@code trade} channel. Turns them into
 * {@link BookSnapshot}, {@link BookDelta} and {@link PublicTrade} events on the sink.
 *
 * <h2>Book sync</h2>
 * Each (re)connect subscribes; Kraken answers each pair with a snapshot, then updates. An update is applied to
 * the connector's own {@link KrakenBook} and its checksum verified <em>before</em> the delta is emitted, so the
 * engine never sees a level change that fails the checksum. On a mismatch (or when the sink cannot take a book
 * event) the pair is marked invalid ({@code BOOK_INVALID}), its updates are dropped, and the pair's book
 * subscription is renewed (unsubscribe, subscribe) to get a fresh snapshot; the snapshot makes it valid again.
 * Heartbeats carry no data: they only count as traffic for the stream's silence watchdog.
 *
 * <p>A message that cannot be read is counted, the first one logged as a warning (the rest at debug), and
 * skipped. Not thread-safe: called on the stream's I/O thread only; the counters may be read from any thread.
 */
final class KrakenPublicStream implements StreamListener {
    private static final Logger LOG = LoggerFactory.getLogger(KrakenPublicStream.class);

    private final List<KrakenPair> pairs;
    private final Map<String, KrakenBook> books = new HashMap<>();
    private final Map<String, DecimalGrid[]> tradeGrids = new HashMap<>();
    private final int depth;
    private final EventSink sink;
    private final HealthBoard health;
    private final AtomicLong checksumsVerified = new AtomicLong();
    private final AtomicLong checksumMismatches = new AtomicLong();
    private final AtomicLong resyncs = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private volatile StreamSender sender;

    KrakenPublicStream(List<KrakenPair> pairs, int depth, EventSink sink, HealthBoard health) {
        this.pairs = List.copyOf(pairs);
        this.depth = depth;
        this.sink = Objects.requireNonNull(sink, "sink");
        this.health = Objects.requireNonNull(health, "health");
        for (KrakenPair p : this.pairs) {
            Instrument i = p.instrument();
            books.put(p.wsName(), new KrakenBook(i, depth));
            tradeGrids.put(p.wsName(), new DecimalGrid[] {new DecimalGrid(i.tickSize()), new DecimalGrid(i.lotSize())});
        }
    }

    /** The connector's book of one pair, or null: for tests. */
    KrakenBook book(String wsName) {
        return books.get(wsName);
    }

    KrakenStreamCounters counters() {
        return new KrakenStreamCounters(checksumsVerified.get(), checksumMismatches.get(), resyncs.get(),
                malformed.get());
    }

    @Override
    public void onOpen(StreamSender sender) {
        this.sender = sender;
        for (KrakenPair p : pairs) {
            books.get(p.wsName()).invalidate();
            health.bookInvalid(p.id(), "awaiting snapshot");
        }
        List<String> names = pairs.stream().map(KrakenPair::wsName).toList();
        sender.send(subscription("subscribe", names, bookSubscription()));
        sender.send(subscription("subscribe", names, Map.of("name", "trade")));
    }

    @Override
    public void onHealthChanged(VenueHealth streamHealth) {
        health.refresh();
    }

    @Override
    public void onDisconnected(String reason) {
        for (KrakenPair p : pairs) {
            books.get(p.wsName()).invalidate();
            health.bookInvalid(p.id(), "stream disconnected");
        }
    }

    /**
     * Asks Kraken for a fresh snapshot of one pair's book by renewing its subscription (the engine saw a gap, or
     * our checksum failed). The pair is BOOK_INVALID until the snapshot arrives. Thread-safe: sending on the
     * socket is, and the book itself is only replaced by the snapshot, on the stream's thread.
     */
    void requestResync(String wsName, String why) {
        KrakenBook book = books.get(wsName);
        if (book == null) {
            return;
        }
        resyncs.incrementAndGet();
        health.bookInvalid(book.instrument().id(), why);
        StreamSender s = sender;
        if (s != null) {
            s.send(subscription("unsubscribe", List.of(wsName), bookSubscription()));
            s.send(subscription("subscribe", List.of(wsName), bookSubscription()));
        }
    }

    /** On the stream's thread: stops applying updates to the pair until the new snapshot, and asks for it. */
    private void resync(String wsName, String why) {
        KrakenBook book = books.get(wsName);
        if (book != null) {
            book.invalidate();
            requestResync(wsName, why);
        }
    }

    @Override
    public void onMessage(String text, long receivedNs) {
        try {
            JsonNode msg = KrakenMapper.parse(text);
            if (msg.isObject()) {
                onEvent(msg);
            } else if (msg.isArray() && msg.size() >= 4) {
                onChannelMessage(msg, receivedNs);
            } else {
                throw new MalformedKrakenMessageException("neither an event nor a channel message");
            }
        } catch (MalformedKrakenMessageException | MalformedDecimalException e) {
            onMalformed(e.getMessage());
        }
    }

    private void onEvent(JsonNode msg) {
        String event = msg.path("event").asText("");
        switch (event) {
            case "heartbeat", "pong" -> {
            }
            case "systemStatus" -> LOG.info("kraken public stream: system {}", msg.path("status").asText("?"));
            case "subscriptionStatus" -> {
                if ("error".equals(msg.path("status").asText())) {
                    LOG.warn("kraken public stream: subscription of {} refused: {}", msg.path("pair").asText("?"),
                            msg.path("errorMessage").asText("?"));
                }
            }
            default -> throw new MalformedKrakenMessageException("unknown event '" + event + "'");
        }
    }

    private void onChannelMessage(JsonNode msg, long receivedNs) {
        int n = msg.size();
        String channel = msg.get(n - 2).asText("");
        String pair = msg.get(n - 1).asText("");
        if (channel.startsWith("book")) {
            KrakenBook book = books.get(pair);
            if (book == null) {
                throw new MalformedKrakenMessageException("book of a pair we did not ask for: '" + pair + "'");
            }
            onBook(book, pair, msg, n - 2, receivedNs);
        } else if (channel.equals("trade")) {
            onTrades(pair, msg.get(1));
        } else {
            throw new MalformedKrakenMessageException("unknown channel '" + channel + "'");
        }
    }

    private void onBook(KrakenBook book, String pair, JsonNode msg, int end, long receivedNs) {
        JsonNode first = msg.get(1);
        if (first.has("as") || first.has("bs")) {
            List<String[]> asks = levels(first.path("as"));
            List<String[]> bids = levels(first.path("bs"));
            BookSnapshot snapshot;
            try {
                snapshot = book.applySnapshot(asks, bids, latestNs(asks, bids, receivedNs));
            } catch (MalformedDecimalException e) {
                resync(pair, "unreadable snapshot");
                throw e;
            }
            if (!sink.offer(snapshot)) {
                resync(pair, "inbox full");
                return;
            }
            health.bookValid(book.instrument().id());
            return;
        }
        if (!book.isSynced()) {
            return; // waiting for the snapshot a resync asked for
        }
        List<String[]> asks = new ArrayList<>();
        List<String[]> bids = new ArrayList<>();
        String checksum = null;
        for (int i = 1; i < end; i++) {
            JsonNode part = msg.get(i);
            if (!part.isObject()) {
                throw new MalformedKrakenMessageException(pair + ": book update part is not an object");
            }
            asks.addAll(levels(part.path("a")));
            bids.addAll(levels(part.path("b")));
            if (part.has("c")) {
                checksum = part.get("c").asText();
            }
        }
        BookDelta delta;
        try {
            delta = book.applyUpdate(asks, bids, checksum, latestNs(asks, bids, receivedNs));
        } catch (MalformedDecimalException | MalformedKrakenMessageException e) {
            resync(pair, "unreadable update"); // part of it may have been applied: the book cannot be trusted
            throw e;
        }
        if (delta == null) {
            checksumMismatches.incrementAndGet();
            LOG.warn("kraken {}: book checksum mismatch, resyncing", pair);
            resync(pair, "checksum mismatch");
            return;
        }
        if (checksum != null) {
            checksumsVerified.incrementAndGet();
        }
        if (!sink.offer(delta)) {
            resync(pair, "inbox full");
        }
    }

    private void onTrades(String pair, JsonNode trades) {
        DecimalGrid[] grids = tradeGrids.get(pair);
        if (grids == null || !trades.isArray()) {
            throw new MalformedKrakenMessageException("trades of an unknown pair '" + pair + "'");
        }
        for (JsonNode t : trades) {
            if (!t.isArray() || t.size() < 4) {
                throw new MalformedKrakenMessageException(pair + ": trade is not [price, volume, time, side, ...]");
            }
            long priceTicks = grids[0].toSteps(t.get(0).asText());
            long sizeLots = grids[1].toSteps(t.get(1).asText());
            Side aggressor = switch (t.get(3).asText()) {
                case "b" -> Side.BUY;
                case "s" -> Side.SELL;
                default -> throw new MalformedKrakenMessageException(pair + ": trade side '" + t.get(3) + "'");
            };
            if (priceTicks > 0 && sizeLots > 0) {
                sink.offer(new PublicTrade(books.get(pair).instrument().id(), priceTicks, sizeLots, aggressor,
                        KrakenMapper.secondsToNs(t.get(2))));
            }
        }
    }

    private static List<String[]> levels(JsonNode array) {
        if (array.isMissingNode()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new MalformedKrakenMessageException("book levels are not an array");
        }
        List<String[]> out = new ArrayList<>(array.size());
        for (JsonNode l : array) {
            if (!l.isArray() || l.size() < 3 || !l.get(0).isTextual() || !l.get(1).isTextual()) {
                throw new MalformedKrakenMessageException("book level is not [price, volume, time]: " + l);
            }
            out.add(new String[] {l.get(0).textValue(), l.get(1).textValue(), l.get(2).asText()});
        }
        return out;
    }

    /** The venue time of a book message: its latest level time, or the receive time when it has none. */
    private static long latestNs(List<String[]> asks, List<String[]> bids, long fallbackNs) {
        long latest = Long.MIN_VALUE;
        for (List<String[]> side : List.of(asks, bids)) {
            for (String[] l : side) {
                latest = Math.max(latest, secondsToNs(l[2]));
            }
        }
        return latest == Long.MIN_VALUE ? fallbackNs : latest;
    }

    private static long secondsToNs(String seconds) {
        try {
            return new BigDecimal(seconds).movePointRight(9).longValue();
        } catch (NumberFormatException e) {
            throw new MalformedKrakenMessageException("level time '" + seconds + "' is not a number", e);
        }
    }

    private void onMalformed(String why) {
        long count = malformed.incrementAndGet();
        if (count == 1) {
            LOG.warn("kraken public stream: skipped a message that cannot be read ({}); further ones are counted",
                    why);
        } else {
            LOG.debug("kraken public stream: skipped malformed message #{} ({})", count, why);
        }
    }

    private Map<String, Object> bookSubscription() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "book");
        m.put("depth", depth);
        return m;
    }

    private static String subscription(String event, List<String> pairNames, Map<String, Object> subscription) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", event);
        m.put("pair", pairNames);
        m.put("subscription", subscription);
        return KrakenMapper.write(m);
    }
}
