package dev.ballast.connectors.okx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ballast.connectors.codec.MalformedDecimalException;
import dev.ballast.connectors.live.HealthBoard;
import dev.ballast.connectors.live.StreamListener;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.EventSink;
import dev.ballast.core.event.PublicTrade;
import dev.ballast.core.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public side of OKX: the {@code books} (400 levels) and {@code trades} channels of every instrument, checked
 * and turned into core events.
 *
 * <p>Books. Each instrument's {@link OkxBook} takes OKX's snapshot, then updates that must chain by
 * {@code seqId}/{@code prevSeqId} and match OKX's checksum. Only then does the engine see them: one
 * {@link BookSnapshot}, then one {@link BookDelta} per update, numbered by this stream one after another
 * ({@link dev.ballast.core.book.SequenceRule#SEQUENTIAL}) because the engine's book needs no OKX rules once the
 * stream has checked them. A gap, a checksum mismatch or a crossed book makes the book BOOK_INVALID, and the stream
 * unsubscribes and subscribes that instrument's {@code books} again, which makes OKX send a fresh snapshot; when it
 * checks out the engine gets it as a BookSnapshot and the book is HEALTHY again.
 *
 * <p>Health. Each book's validity goes to the venue's {@link HealthBoard} ({@code bookInvalid} / {@code bookValid});
 * the connection's own state (disconnected, stale after a silence) is the kit stream's, which the board watches, and
 * its changes make this listener refresh the board. Keepalive: OKX closes a connection that carries nothing for
 * 30 s, so after {@code pingAfterQuiet} of quiet {@link #poll(long)} sends the text {@code ping} (OKX answers
 * {@code pong}). A malformed message is counted, logged once, and skipped (a lost book update then shows as a
 * checksum mismatch and resyncs).
 *
 * <p>Thread-safety: the stream's I/O thread calls the listener methods, the venue's watchdog calls {@link #poll},
 * the engine thread calls {@link #requestSnapshot}; they share one lock, held only for in-memory work and
 * non-blocking sends.
 */
final class OkxPublicStream implements StreamListener {
    private static final Logger LOG = LoggerFactory.getLogger(OkxPublicStream.class);
    /** The book of one instrument and the numbering of what the engine was sent from it. */
    private static final class BookState {
        final OkxBook book;
        final InstrumentId id;
        long emittedUpdateId;

        BookState(OkxInstrument instrument) {
            this.book = new OkxBook(instrument);
            this.id = instrument.instrument().id();
        }
    }

    private final Map<String, BookState> books = new LinkedHashMap<>();
    private final EventSink sink;
    private final HealthBoard health;
    private final Clock clock;
    private final OkxKeepalive keepalive;

    private StreamSender sender;
    private long malformed;
    private long gaps;
    private long checksumMismatches;
    private long crossedBooks;
    private long resyncs;
    private long trades;

    OkxPublicStream(Collection<OkxInstrument> instruments, EventSink sink, HealthBoard health, Clock clock,
                    long pingAfterNs) {
        for (OkxInstrument i : instruments) {
            books.put(i.instId(), new BookState(i));
        }
        this.sink = Objects.requireNonNull(sink, "sink");
        this.health = Objects.requireNonNull(health, "health");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keepalive = new OkxKeepalive(pingAfterNs, clock.nowNs());
    }

    /** Tells the board every book awaits its first snapshot (called once the board watches everything). */
    synchronized void awaitSnapshots() {
        for (BookState b : books.values()) {
            health.bookInvalid(b.id, "awaiting snapshot");
        }
    }

    @Override
    public synchronized void onOpen(StreamSender streamSender) {
        this.sender = streamSender;
        keepalive.onTraffic(clock.nowNs());
        ObjectNode subscribe = OkxMapper.JSON.createObjectNode().put("op", "subscribe");
        ArrayNode args = subscribe.putArray("args");
        for (String instId : books.keySet()) {
            BookState b = books.get(instId);
            b.book.invalidate();
            health.bookInvalid(b.id, "awaiting snapshot");
            args.addObject().put("channel", "books").put("instId", instId);
            args.addObject().put("channel", "trades").put("instId", instId);
        }
        streamSender.send(subscribe.toString());
    }

    @Override
    public synchronized void onMessage(String text, long receivedNs) {
        keepalive.onTraffic(clock.nowNs());
        if ("pong".equals(text)) {
            return;
        }
        try {
            JsonNode root = OkxMapper.tree(text);
            switch (OkxMapper.channel(root)) {
                case "books" -> onBooks(OkxMapper.book(root));
                case "trades" -> onTrades(root);
                case "" -> onEvent(root);
                default -> {
                    // another channel's push (none subscribed): nothing to do
                }
            }
        } catch (OkxMalformedException | IllegalArgumentException e) { // MalformedDecimalException included
            malformed++;
            if (malformed == 1) {
                LOG.warn("okx public stream: malformed message skipped (further ones are counted): {}",
                        e.getMessage());
            } else {
                LOG.debug("okx public stream: malformed message skipped ({} so far): {}", malformed, e.getMessage());
            }
        }
    }

    @Override
    public synchronized void onDisconnected(String reason) {
        sender = null;
        for (BookState b : books.values()) {
            b.book.invalidate();
            health.bookInvalid(b.id, "stream disconnected");
        }
    }

    /** The kit stream's own state changed (connected, stale, dropped): the board reads it again. */
    @Override
    public void onHealthChanged(VenueHealth streamHealth) {
        health.refresh();
    }

    /** The engine asks for a fresh snapshot of one book: resubscribe it. Unknown instruments are ignored. */
    synchronized void requestSnapshot(InstrumentId instrument) {
        BookState b = books.get(instrument.symbol());
        if (b != null && b.id.equals(instrument)) {
            resync(b, "snapshot requested");
        }
    }

    /**
     * The keepalive: pings after {@code pingAfterQuiet} of quiet. Called every second or so by the venue's watchdog
     * (tests: by hand, with a hand-driven clock).
     *
     * @return 1 when it sent a ping, else 0
     */
    synchronized int poll(long nowNs) {
        return keepalive.poll(nowNs, sender);
    }

    private void onBooks(OkxMapper.BookMessage m) {
        BookState b = books.get(m.instId());
        if (b == null) {
            return;
        }
        long tsNs = m.timestampMs() * 1_000_000L;
        OkxBook.Outcome outcome;
        try {
            outcome = m.snapshot()
                    ? b.book.applySnapshot(m.bids(), m.asks(), m.seqId(), m.checksum())
                    : b.book.applyUpdate(m.bids(), m.asks(), m.seqId(), m.prevSeqId(), m.checksum());
        } catch (MalformedDecimalException e) {
            malformed++;
            LOG.warn("okx {}: unreadable book level ({}); resyncing", m.instId(), e.getMessage());
            resync(b, "unreadable book level");
            return;
        }
        switch (outcome) {
            case APPLIED -> emit(b, m.snapshot(), tsNs);
            case NOT_SYNCED -> {
                // an update from before the snapshot we wait for: dropped
            }
            case GAP -> {
                gaps++;
                resync(b, "sequence gap (prevSeqId " + m.prevSeqId() + ")");
            }
            case CHECKSUM_MISMATCH -> {
                checksumMismatches++;
                resync(b, "checksum mismatch (okx " + m.checksum() + ", ours " + b.book.lastComputedChecksum() + ")");
            }
            case CROSSED -> {
                crossedBooks++;
                resync(b, "crossed book");
            }
        }
    }

    private void emit(BookState b, boolean snapshot, long tsNs) {
        if (snapshot) {
            long[][] bidSide = b.book.copySide(true);
            long[][] askSide = b.book.copySide(false);
            b.emittedUpdateId++;
            sink.offer(new BookSnapshot(b.id, b.emittedUpdateId, bidSide[0], bidSide[1], bidSide[0].length,
                    askSide[0], askSide[1], askSide[0].length, tsNs));
            health.bookValid(b.id);
        } else {
            long[][] bidChanges = b.book.lastChanges(true);
            long[][] askChanges = b.book.lastChanges(false);
            b.emittedUpdateId++;
            sink.offer(new BookDelta(b.id, b.emittedUpdateId, b.emittedUpdateId, -1, bidChanges[0], bidChanges[1],
                    bidChanges[0].length, askChanges[0], askChanges[1], askChanges[0].length, tsNs));
        }
    }

    private void resync(BookState b, String why) {
        resyncs++;
        b.book.invalidate();
        health.bookInvalid(b.id, why);
        LOG.info("okx {}: book invalid ({}), resubscribing for a fresh snapshot", b.id.symbol(), why);
        if (sender != null) {
            String arg = "{\"channel\":\"books\",\"instId\":\"" + b.id.symbol() + "\"}";
            sender.send("{\"op\":\"unsubscribe\",\"args\":[" + arg + "]}");
            sender.send("{\"op\":\"subscribe\",\"args\":[" + arg + "]}");
        }
    }

    private void onTrades(JsonNode root) {
        BookState b = books.get(OkxMapper.require(root.get("arg"), "instId"));
        if (b == null) {
            return;
        }
        for (PublicTrade t : OkxMapper.trades(root, b.book.instrument())) {
            trades++;
            sink.offer(t);
        }
    }

    private void onEvent(JsonNode root) {
        String event = OkxMapper.text(root, "event");
        if ("error".equals(event)) {
            LOG.warn("okx public stream error {}: {}", OkxMapper.text(root, "code"), OkxMapper.text(root, "msg"));
        } else if (event.isEmpty()) {
            throw new OkxMalformedException("neither a push nor an event");
        }
    }

    // ---------------------------------------------------------------- counters (status and tests)

    synchronized long malformedMessages() {
        return malformed;
    }

    synchronized long gaps() {
        return gaps;
    }

    synchronized long checksumMismatches() {
        return checksumMismatches;
    }

    synchronized long crossedBooks() {
        return crossedBooks;
    }

    synchronized long resyncs() {
        return resyncs;
    }

    synchronized long trades() {
        return trades;
    }

    /** Book messages whose checksum matched, over all instruments. */
    synchronized long checksumsVerified() {
        long n = 0;
        for (BookState b : books.values()) {
            n += b.book.checksumsVerified();
        }
        return n;
    }

    synchronized boolean isBookValid(String instId) {
        BookState b = books.get(instId);
        return b != null && b.book.isValid();
    }
}
