package dev.ballast.connectors.binance;

import dev.ballast.connectors.live.CallResult;
import dev.ballast.connectors.live.HealthBoard;
import dev.ballast.connectors.live.StreamListener;
import dev.ballast.connectors.live.VenueGateway;
import dev.ballast.connectors.live.WebSocketStream;
import dev.ballast.core.Instrument;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.event.EventSink;
import dev.ballast.core.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Binance venue's market data: one combined stream ({@code /stream?streams=<s>@depth@100ms/<s>@trade/...}) for
 * every symbol, each symbol's book kept in sync by its {@link BinanceBookFeed}, and the REST depth snapshots they
 * need, fetched on the venue's background thread (one in flight per symbol, asked again after
 * {@code snapshotRetry} while it does not bridge or cannot be had).
 *
 * <p>On (re)connect every book asks for a fresh snapshot; on disconnect every book turns invalid. Messages that
 * name no symbol of ours are counted as malformed unless they are a subscription reply.
 *
 * <p>Thread-safe: stream callbacks come on the stream's I/O thread, fetches run on the background thread.
 */
final class BinanceMarketData implements StreamListener, BinanceBookFeed.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceMarketData.class);
    private static final String STREAM_FIELD = "\"stream\":\"";

    private final BinanceVenueConfig config;
    private final VenueGateway gateway;
    private final BinanceRest rest;
    private final ScheduledExecutorService background;
    private final Clock clock;
    private final HealthBoard health;
    private final Map<String, BinanceBookFeed> feeds = new LinkedHashMap<>();
    private final Map<String, BinanceBookFeed> byStreamPrefix = new LinkedHashMap<>();
    private final AtomicLong unroutable = new AtomicLong();
    private volatile WebSocketStream stream;
    private volatile boolean closed;

    BinanceMarketData(BinanceVenueConfig config, List<Instrument> instruments, VenueGateway gateway, BinanceRest rest,
                      EventSink sink, ScheduledExecutorService background, Clock clock, HealthBoard health) {
        this.config = config;
        this.gateway = gateway;
        this.rest = rest;
        this.background = background;
        this.clock = clock;
        this.health = health;
        for (Instrument i : instruments) {
            BinanceBookFeed feed = new BinanceBookFeed(i, config.product(), sink, this);
            feeds.put(i.id().symbol(), feed);
            byStreamPrefix.put(i.id().symbol().toLowerCase(Locale.ROOT), feed);
            if (health != null) {
                health.bookInvalid(i.id(), "awaiting the first snapshot");
            }
        }
    }

    /** The combined stream's URL: diffs and trades of every symbol. */
    String streamUrl() {
        String depth = depthChannel();
        return config.publicWsUrl() + "/stream?streams=" + byStreamPrefix.keySet().stream()
                .map(s -> s + "@" + depth + "/" + s + "@trade")
                .collect(Collectors.joining("/"));
    }

    /** {@code depth@100ms}; the plain {@code depth} at each product's default speed (spot 1000 ms, USD-M 250 ms). */
    private String depthChannel() {
        String defaultSpeed = config.product().isFutures() ? "250ms" : "1000ms";
        return config.depthSpeed().equals(defaultSpeed) ? "depth" : "depth@" + config.depthSpeed();
    }

    /** Opens the market stream, watched by the health board as {@code "stream market"}, and starts it. */
    void start(BinanceVenue.StreamFactory streams) {
        WebSocketStream s = streams.open(config.venue() + "-market", streamUrl(), this);
        stream = s;
        health.watchStream("market", s);
        s.start();
    }

    void close() {
        closed = true;
        WebSocketStream s = stream;
        if (s != null) {
            s.close();
        }
    }

    BinanceBookFeed feed(String symbol) {
        return feeds.get(symbol);
    }

    /** The engine asked for a snapshot: the synced book again, or a REST snapshot when not synced. */
    void republish(String symbol) {
        BinanceBookFeed feed = feeds.get(symbol);
        if (feed != null) {
            background.execute(feed::republish);
        }
    }

    /** Malformed messages: skipped by a book's parser, plus those that named no symbol of ours. */
    long malformed() {
        long n = unroutable.get();
        for (BinanceBookFeed f : feeds.values()) {
            n += f.malformed();
        }
        return n;
    }

    @Override
    public void onOpen(StreamSender sender) {
        LOG.info("{}: market stream connected ({} symbols)", config.venue(), feeds.size());
        for (BinanceBookFeed feed : feeds.values()) {
            onSnapshotNeeded(feed);
        }
        health.refresh();
    }

    @Override
    public void onMessage(String text, long receivedNs) {
        BinanceBookFeed feed = route(text);
        if (feed != null) {
            feed.onStreamMessage(text, receivedNs);
        } else if (!text.contains("\"result\"")) {
            if (unroutable.incrementAndGet() == 1) {
                LOG.warn("{}: skipped a market-stream message that names no symbol of ours (further ones only"
                        + " counted)", config.venue());
            }
        }
    }

    @Override
    public void onDisconnected(String reason) {
        LOG.warn("{}: market stream disconnected: {}", config.venue(), reason);
        for (BinanceBookFeed feed : feeds.values()) {
            feed.reset("market stream disconnected");
        }
        health.refresh();
    }

    @Override
    public void onHealthChanged(VenueHealth now) {
        health.refresh();
    }

    @Override
    public void onBookValidity(BinanceBookFeed feed, boolean valid, String detail) {
        if (valid) {
            health.bookValid(feed.instrument().id());
        } else {
            health.bookInvalid(feed.instrument().id(), detail);
        }
    }

    @Override
    public void onSnapshotNeeded(BinanceBookFeed feed) {
        if (!closed && feed.claimFetch()) {
            background.execute(() -> fetchSnapshot(feed));
        }
    }

    /** One snapshot attempt; asks again later while the book is not synced. Runs on the background thread. */
    private void fetchSnapshot(BinanceBookFeed feed) {
        if (closed || feed.isValid()) {
            release(feed);
            return;
        }
        CallResult result = gateway.call(rest.depth(feed.instrument().id().symbol()));
        boolean synced = false;
        if (result instanceof CallResult.Success s) {
            synced = feed.onSnapshotReply(s.reply().body(), clock.nowNs());
        } else {
            LOG.warn("{}: depth snapshot not had: {}", feed.instrument().id(),
                    BinanceOrderEntry.describe(result, config.credentials()));
        }
        if (synced || closed) {
            release(feed);
        } else {
            background.schedule(() -> fetchSnapshot(feed), config.snapshotRetry().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Ends the feed's fetch; a gap that came while it was claimed asks again here rather than being lost. */
    private void release(BinanceBookFeed feed) {
        feed.releaseFetch();
        if (!closed && !feed.isValid()) {
            onSnapshotNeeded(feed);
        }
    }

    private BinanceBookFeed route(String text) {
        int at = text.indexOf(STREAM_FIELD);
        if (at < 0) {
            return null;
        }
        int start = at + STREAM_FIELD.length();
        int end = text.indexOf('@', start);
        if (end < 0) {
            return null;
        }
        return byStreamPrefix.get(text.substring(start, end));
    }
}
