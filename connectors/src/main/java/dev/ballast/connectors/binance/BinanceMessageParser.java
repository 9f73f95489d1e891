package dev.ballast.connectors.binance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import dev.ballast.connectors.codec.DecimalGrid;
import dev.ballast.connectors.codec.MalformedDecimalException;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Side;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.PublicTrade;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Binance mapper: turns one market's JSON messages into core events. Reads the combined-stream envelope
 * ({@code {"stream":..,"data":..}}) carrying {@code depthUpdate}, {@code trade} or {@code bookTicker}, and the
 * raw REST depth response ({@code lastUpdateId}, {@code bids}, {@code asks}). Fields are read into reusable
 * scratch state in whatever order they come, decimals go straight from characters to ticks and lots, and the
 * message's kind is decided once the object is read.
 *
 * <p>Two readers fill that state. A {@link StrictJsonCursor} reads the subset of JSON Binance actually sends
 * (no whitespace, no escapes, plain integers) byte by byte, in one pass and without Jackson's token machinery;
 * a message it does not take whole — outside the subset, or holding a value that needs Jackson's path (an
 * off-grid size to round, a value to refuse) — is read again from its start by Jackson's streaming parser,
 * which has the last word on everything else (what is malformed, and why). Both give a message the same
 * meaning; tests hold them to it on every recorded line and on mutated messages.
 *
 * <p>Prices must lie on the tick grid: a trade price that does not makes the message malformed. A book
 * level whose price is off the grid is skipped and counted in {@link #skippedLevels()}: real REST snapshots
 * show resting orders placed under an older, finer tick (spot NKNUSDT at 0.00001 when its tick is 0.0001,
 * USD-M CTKUSDT at 0.00001 for 0.001, far from the touch, cryptofeed's 2021 captures); a later diff for such
 * a level is off the grid too and skipped alike, so the book stays consistent without them. Sizes are exact
 * lots too, with one exception seen in real data: Binance spot still shows resting orders sized on its
 * old, finer lot (0.000001 BTC; e.g. {@code ["200000.00000000","25.42618900"]}, far from the touch). Such a
 * size is rounded up to the next lot rather than refused (refusing would drop the diff and break the book's
 * sequence for a sub-lot difference; rounding up keeps a resting level non-empty), and counted in
 * {@link #roundedSizes()}.
 *
 * <p>Event time is the venue's {@code E} (ms) in ns. Spot's REST snapshot and spot's {@code bookTicker}
 * carry no {@code E}; for them the local receive time stands in. A depth update becomes a {@link BookDelta}
 * with {@code prevUpdateId = pu} on futures and -1 on spot. A trade's aggressor is SELL when {@code m}
 * (buyer is maker) is true, else BUY. Messages of other kinds or for another symbol are ignored.
 *
 * <p>Not thread-safe: one parser per connection (I/O) thread.
 */
public final class BinanceMessageParser {
    /** What a message turned out to be. */
    public enum MessageType { SNAPSHOT, DELTA, TRADE, BOOK_TICKER, IGNORED }

    private static final Logger LOG = LoggerFactory.getLogger(BinanceMessageParser.class);
    private static final JsonFactory JSON = new JsonFactory();

    /** {@link #levelPrice} of a level that is off the tick grid. */
    private static final long OFF_GRID = -1;

    private static final int KIND_NONE = 0;
    private static final int KIND_DEPTH = 1;
    private static final int KIND_TRADE = 2;
    private static final int KIND_BOOK_TICKER = 3;
    private static final int KIND_OTHER = 4;

    // bits of `seen`: which fields the message held
    private static final int LAST_UPDATE_ID = 1;
    private static final int BIDS = 1 << 1;
    private static final int ASKS = 1 << 2;
    private static final int EVENT_TIME = 1 << 3;
    private static final int FIRST_ID = 1 << 4;
    private static final int LAST_ID = 1 << 5;
    private static final int PREV_ID = 1 << 6;
    private static final int BID_PRICE = 1 << 7;
    private static final int ASK_PRICE = 1 << 8;
    private static final int BID_SIZE = 1 << 9;
    private static final int ASK_SIZE = 1 << 10;
    private static final int TRADE_PRICE = 1 << 11;
    private static final int TRADE_SIZE = 1 << 12;
    private static final int BUYER_MAKER = 1 << 13;

    private static final int DEPTH_FIELDS = EVENT_TIME | FIRST_ID | LAST_ID | BIDS | ASKS;
    private static final int TRADE_FIELDS = EVENT_TIME | TRADE_PRICE | TRADE_SIZE | BUYER_MAKER;
    private static final int TICKER_FIELDS = LAST_ID | BID_PRICE | BID_SIZE | ASK_PRICE | ASK_SIZE;

    /** The recorded market this parser reads, or null for a live instrument. */
    private final BinanceMarket market;
    private final boolean futures;
    private final InstrumentId instrumentId;
    private final String symbol;
    private final DecimalGrid priceGrid;
    private final DecimalGrid sizeGrid;
    /** How this symbol's book ticker messages start in the combined stream, as Binance orders the fields. */
    private final byte[] bookTickerPrefix;

    /** Whether messages are tried with the {@link StrictJsonCursor} before Jackson. */
    private final boolean strictFirst;
    private final StrictJsonCursor cursor = new StrictJsonCursor();
    private long strictMessages;
    private JsonParser json;
    private final TextView textView = new TextView();
    private ByteArrayFeeder feeder;
    /** Bytes fed to {@link #json} since it was made: its byte offsets count from there. */
    private long fedBytes;
    private final Levels bids = new Levels();
    private final Levels asks = new Levels();
    private int seen;
    private int streamKind;
    private int eventKind;
    private boolean otherSymbol;
    private long snapshotUpdateId;
    private long eventTimeMs;
    private long firstId;
    private long lastId;
    private long prevId;
    private long bidTicks;
    private long bidLots;
    private long askTicks;
    private long askLots;
    private long tradeTicks;
    private long tradeLots;
    private boolean buyerMaker;
    /** What the message built: a BookSnapshot, BookDelta, PublicTrade or BinanceBookTicker; null if ignored. */
    private Object built;
    private long roundedSizes;
    private long skippedLevels;

    /** A parser for one of the recorded markets. */
    public BinanceMessageParser(BinanceMarket market) {
        this(Objects.requireNonNull(market, "market"), market.instrument(), market.isFutures(), market.priceGrid(),
                market.sizeGrid(), true);
    }

    /**
     * A parser for any Binance instrument, such as one a live venue read from {@code exchangeInfo}.
     *
     * @param futures true for USD-M and COIN-M, whose depth updates carry {@code pu}
     */
    public BinanceMessageParser(Instrument instrument, boolean futures) {
        this(null, instrument, futures, new DecimalGrid(instrument.tickSize()), new DecimalGrid(instrument.lotSize()),
                true);
    }

    /**
     * A parser that reads every message with Jackson alone: the reference the strict reader is checked against
     * in tests.
     */
    static BinanceMessageParser jacksonOnly(BinanceMarket market) {
        return new BinanceMessageParser(market, market.instrument(), market.isFutures(), market.priceGrid(),
                market.sizeGrid(), false);
    }

    private BinanceMessageParser(BinanceMarket market, Instrument instrument, boolean futures, DecimalGrid priceGrid,
                                 DecimalGrid sizeGrid, boolean strictFirst) {
        this.strictFirst = strictFirst;
        this.market = market;
        this.futures = futures;
        this.instrumentId = instrument.id();
        this.symbol = instrumentId.symbol();
        this.priceGrid = priceGrid;
        this.sizeGrid = sizeGrid;
        this.bookTickerPrefix = ("{\"stream\":\"" + symbol.toLowerCase(Locale.ROOT) + "@bookTicker\",")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * True when the message in {@code bytes[offset .. offset+length)} starts as this symbol's
     * {@code bookTicker} in the combined-stream envelope ({@code {"stream":"btcusdt@bookTicker",}), judged
     * from those bytes alone without parsing: for callers that pass book tickers over. False for any other
     * start, including a book ticker whose fields come in another order (it is then parsed as usual).
     */
    public boolean isBookTicker(byte[] bytes, int offset, int length) {
        byte[] prefix = bookTickerPrefix;
        if (length < prefix.length) {
            return false;
        }
        return Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    /** The recorded market this parser was made for; null when made for a live instrument. */
    public BinanceMarket market() {
        return market;
    }

    /** The instrument whose messages this parser reads. */
    public InstrumentId instrumentId() {
        return instrumentId;
    }

    /** Book levels so far whose price was off the tick grid, skipped (see the class notes). */
    public long skippedLevels() {
        return skippedLevels;
    }

    /** Messages so far read by the strict reader rather than Jackson (for tests). */
    long strictMessages() {
        return strictMessages;
    }

    /** Sizes so far that were off the lot grid and rounded up to whole lots. */
    public long roundedSizes() {
        return roundedSizes;
    }

    /**
     * Parses the JSON message in {@code bytes[offset .. offset+length)} and hands what it holds to
     * {@code handler}.
     *
     * @param localNs when the message was received here (stands in for event time where Binance sends none)
     * @return what the message was; IGNORED (nothing handed over) for other kinds and other symbols
     * @throws MalformedMessageException if it is not valid JSON, lacks a field its kind needs, or holds a
     *                                   decimal off the instrument's grid; nothing is handed over then
     */
    public MessageType parse(byte[] bytes, int offset, int length, long localNs, BinanceMessageHandler handler)
            throws MalformedMessageException {
        reset();
        boolean parsed = false;
        try {
            if (strictFirst && readStrict(bytes, offset, length)) {
                strictMessages++;
            } else {
                // not in the strict subset, or a value the strict reader leaves alone: Jackson reads it afresh
                reset();
                JsonParser parser = feed(bytes, offset, length);
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new MalformedMessageException("not a JSON object");
                }
                readObject(parser, true);
                if (!feeder.needMoreInput() && !onlyWhitespaceLeft(bytes, offset + length)) {
                    throw new MalformedMessageException("content after the JSON object");
                }
            }
            parsed = true;
            build(localNs);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("bad JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedMessageException("unreadable: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // an off-grid decimal, or a value an event refuses (e.g. a zero-size trade)
            throw new MalformedMessageException(e.getMessage(), e);
        } finally {
            if (!parsed) {
                // stopped inside the message: the parser's state is unknown, start the next one afresh
                json = null;
            }
        }
        // hand over outside the try: what the handler throws is its own, not a malformed message
        Object value = built;
        built = null;
        if (value instanceof BookDelta delta) {
            handler.onDelta(delta, localNs);
            return MessageType.DELTA;
        } else if (value instanceof BinanceBookTicker ticker) {
            handler.onBookTicker(ticker, localNs);
            return MessageType.BOOK_TICKER;
        } else if (value instanceof PublicTrade trade) {
            handler.onTrade(trade, localNs);
            return MessageType.TRADE;
        } else if (value instanceof BookSnapshot snapshot) {
            handler.onSnapshot(snapshot, localNs);
            return MessageType.SNAPSHOT;
        }
        return MessageType.IGNORED;
    }

    /**
     * The parser, fed the message. One non-blocking parser reads message after message (each a root-level
     * value, fed once the previous one has been read to its end), so no parser is built per message: that
     * was most of the parse's cost and allocation. A message that ends inside a value makes the parser
     * answer NOT_AVAILABLE, which every read below takes as malformed.
     */
    private JsonParser feed(byte[] bytes, int offset, int length) throws IOException {
        if (json == null) {
            json = JSON.createNonBlockingByteArrayParser();
            feeder = (ByteArrayFeeder) json.getNonBlockingInputFeeder();
            fedBytes = 0;
        }
        feeder.feedInput(bytes, offset, offset + length);
        fedBytes += length;
        return json;
    }

    /** True when the bytes the parser has not read, before {@code end}, are all whitespace (rare: a slow check). */
    private boolean onlyWhitespaceLeft(byte[] bytes, int end) {
        long unread = fedBytes - json.currentLocation().getByteOffset();
        for (int i = end - (int) unread; i < end; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private void reset() {
        built = null;
        seen = 0;
        streamKind = KIND_NONE;
        eventKind = KIND_NONE;
        otherSymbol = false;
        bids.count = 0;
        asks.count = 0;
    }

    private void readObject(JsonParser p, boolean topLevel) throws IOException, MalformedMessageException {
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "stream":
                    streamKind = streamKind(text(p, value, name));
                    break;
                case "data":
                    if (!topLevel || value != JsonToken.START_OBJECT) {
                        throw new MalformedMessageException("'data' must be the envelope's object");
                    }
                    readObject(p, false);
                    break;
                case "lastUpdateId":
                    snapshotUpdateId = longValue(p, value, name);
                    seen |= LAST_UPDATE_ID;
                    break;
                case "bids":
                    readLevels(p, value, bids, name);
                    seen |= BIDS;
                    break;
                case "asks":
                    readLevels(p, value, asks, name);
                    seen |= ASKS;
                    break;
                case "e":
                    eventKind = eventKind(text(p, value, name));
                    break;
                case "E":
                    eventTimeMs = longValue(p, value, name);
                    seen |= EVENT_TIME;
                    break;
                case "s":
                case "symbol":
                    otherSymbol = !symbol.contentEquals(text(p, value, name));
                    break;
                case "U":
                    firstId = longValue(p, value, name);
                    seen |= FIRST_ID;
                    break;
                case "u":
                    lastId = longValue(p, value, name);
                    seen |= LAST_ID;
                    break;
                case "pu":
                    prevId = longValue(p, value, name);
                    seen |= PREV_ID;
                    break;
                case "b":
                    if (value == JsonToken.START_ARRAY) {
                        readLevels(p, value, bids, name);
                        seen |= BIDS;
                    } else {
                        bidTicks = price(p, value, name);
                        seen |= BID_PRICE;
                    }
                    break;
                case "a":
                    if (value == JsonToken.START_ARRAY) {
                        readLevels(p, value, asks, name);
                        seen |= ASKS;
                    } else {
                        askTicks = price(p, value, name);
                        seen |= ASK_PRICE;
                    }
                    break;
                case "B":
                    bidLots = size(p, value, name);
                    seen |= BID_SIZE;
                    break;
                case "A":
                    askLots = size(p, value, name);
                    seen |= ASK_SIZE;
                    break;
                case "p":
                    tradeTicks = price(p, value, name);
                    seen |= TRADE_PRICE;
                    break;
                case "q":
                    tradeLots = size(p, value, name);
                    seen |= TRADE_SIZE;
                    break;
                case "m":
                    if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
                        throw new MalformedMessageException("'m' must be a boolean");
                    }
                    buyerMaker = value == JsonToken.VALUE_TRUE;
                    seen |= BUYER_MAKER;
                    break;
                default:
                    skipValue(p, value);
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new MalformedMessageException("unterminated object");
        }
    }

    // ---------------------------------------------------------------- the strict reader (the fast path)

    /**
     * Reads the message with the {@link StrictJsonCursor} into the same scratch state {@link #readObject} fills,
     * with the same meaning for every field. Answers false, having counted and logged nothing, as soon as the
     * message leaves the strict subset or a field holds a value {@link #readObject} would refuse or treat
     * specially (a price off the grid or not above zero, a size off the lot grid, a value of the wrong type, a
     * nested {@code data}, content after the object): the caller then resets and lets Jackson read the whole
     * message, which decides as before. So the result of a message is the same whichever reader took it.
     */
    private boolean readStrict(byte[] bytes, int offset, int length) {
        StrictJsonCursor c = cursor;
        c.reset(bytes, offset, length);
        return strictObject(c, true) && c.atEnd();
    }

    private boolean strictObject(StrictJsonCursor c, boolean topLevel) {
        if (!c.consume('{')) {
            return false;
        }
        if (c.consume('}')) {
            return true;
        }
        do {
            if (!c.string() || !c.consume(':') || !strictField(c, topLevel)) {
                return false;
            }
        } while (c.consume(','));
        return c.consume('}');
    }

    /** One field, its name just read into the cursor's text: {@link #readObject}'s switch, for the strict subset. */
    private boolean strictField(StrictJsonCursor c, boolean topLevel) {
        if (c.textLength() == 1) {
            switch (c.bytes()[c.textStart()]) {
                case 'e':
                    if (!c.string()) {
                        return false;
                    }
                    eventKind = eventKind(c.text());
                    return true;
                case 'E':
                    eventTimeMs = c.integer();
                    return seen(eventTimeMs >= 0, EVENT_TIME);
                case 's':
                    return strictSymbol(c);
                case 'U':
                    firstId = c.integer();
                    return seen(firstId >= 0, FIRST_ID);
                case 'u':
                    lastId = c.integer();
                    return seen(lastId >= 0, LAST_ID);
                case 'b':
                    if (c.peek() == '[') {
                        return seen(strictLevels(c, bids), BIDS);
                    }
                    bidTicks = strictPrice(c);
                    return seen(bidTicks > 0, BID_PRICE);
                case 'a':
                    if (c.peek() == '[') {
                        return seen(strictLevels(c, asks), ASKS);
                    }
                    askTicks = strictPrice(c);
                    return seen(askTicks > 0, ASK_PRICE);
                case 'B':
                    bidLots = strictSize(c);
                    return seen(bidLots >= 0, BID_SIZE);
                case 'A':
                    askLots = strictSize(c);
                    return seen(askLots >= 0, ASK_SIZE);
                case 'p':
                    tradeTicks = strictPrice(c);
                    return seen(tradeTicks > 0, TRADE_PRICE);
                case 'q':
                    tradeLots = strictSize(c);
                    return seen(tradeLots >= 0, TRADE_SIZE);
                case 'm':
                    int bool = c.bool();
                    buyerMaker = bool == 1;
                    return seen(bool >= 0, BUYER_MAKER);
                default:
                    return c.skipValue();
            }
        }
        if (c.textIs("stream")) {
            if (!c.string()) {
                return false;
            }
            streamKind = streamKind(c.text());
            return true;
        }
        if (c.textIs("data")) {
            return topLevel && c.peek() == '{' && strictObject(c, false);
        }
        if (c.textIs("pu")) {
            prevId = c.integer();
            return seen(prevId >= 0, PREV_ID);
        }
        if (c.textIs("bids")) {
            return seen(strictLevels(c, bids), BIDS);
        }
        if (c.textIs("asks")) {
            return seen(strictLevels(c, asks), ASKS);
        }
        if (c.textIs("lastUpdateId")) {
            snapshotUpdateId = c.integer();
            return seen(snapshotUpdateId >= 0, LAST_UPDATE_ID);
        }
        if (c.textIs("symbol")) {
            return strictSymbol(c);
        }
        return c.skipValue();
    }

    /** Marks {@code field} as seen when {@code ok}; answers {@code ok}. */
    private boolean seen(boolean ok, int field) {
        if (ok) {
            seen |= field;
        }
        return ok;
    }

    private boolean strictSymbol(StrictJsonCursor c) {
        if (!c.string()) {
            return false;
        }
        otherSymbol = !symbol.contentEquals(c.text());
        return true;
    }

    private boolean strictLevels(StrictJsonCursor c, Levels into) {
        if (!c.consume('[')) {
            return false;
        }
        into.count = 0;
        if (c.consume(']')) {
            return true;
        }
        do {
            if (!c.consume('[')) {
                return false;
            }
            long ticks = strictPrice(c);
            if (ticks <= 0 || !c.consume(',')) {
                return false;
            }
            long lots = strictSize(c);
            if (lots < 0 || !c.consume(']')) {
                return false;
            }
            into.add(ticks, lots);
        } while (c.consume(','));
        return c.consume(']');
    }

    /** A price string on the tick grid in ticks; -1 for anything else (not a string, off the grid, not > 0). */
    private long strictPrice(StrictJsonCursor c) {
        if (!c.stringSpan()) {
            return -1;
        }
        try {
            long ticks = priceGrid.toSteps(c.bytes(), c.textStart(), c.textLength());
            return ticks > 0 ? ticks : -1;
        } catch (MalformedDecimalException e) {
            return -1;
        }
    }

    /** A size string on the lot grid in lots; -1 for anything else (off the lot grid: Jackson's path rounds it). */
    private long strictSize(StrictJsonCursor c) {
        if (!c.stringSpan()) {
            return -1;
        }
        try {
            return sizeGrid.toSteps(c.bytes(), c.textStart(), c.textLength());
        } catch (MalformedDecimalException e) {
            return -1;
        }
    }

    /** Decides what the message was from the fields read and builds its value into {@link #built} (null: ignored). */
    private void build(long localNs) throws MalformedMessageException {
        if (streamKind == KIND_OTHER) {
            return; // a stream we do not map: aggTrade, partial depth, ...
        }
        if ((seen & LAST_UPDATE_ID) != 0 && streamKind == KIND_NONE) {
            require(LAST_UPDATE_ID | BIDS | ASKS, "depth snapshot");
            if (!otherSymbol) {
                long timestampNs = (seen & EVENT_TIME) != 0 ? eventTimeMs * 1_000_000 : localNs;
                built = new BookSnapshot(instrumentId, snapshotUpdateId, bids.prices(), bids.sizes(), bids.count,
                        asks.prices(), asks.sizes(), asks.count, timestampNs);
            }
            return;
        }
        int kind = eventKind != KIND_NONE ? eventKind : streamKind;
        if (eventKind != KIND_NONE && streamKind != KIND_NONE && eventKind != streamKind) {
            throw new MalformedMessageException("event type disagrees with the stream name");
        }
        if (kind == KIND_NONE) {
            throw new MalformedMessageException("neither a stream message nor a depth snapshot");
        }
        if (kind == KIND_OTHER || otherSymbol) {
            return;
        }
        switch (kind) {
            case KIND_DEPTH:
                require(futures ? DEPTH_FIELDS | PREV_ID : DEPTH_FIELDS, "depth update");
                built = new BookDelta(instrumentId, firstId, lastId, futures ? prevId : -1,
                        bids.prices(), bids.sizes(), bids.count, asks.prices(), asks.sizes(), asks.count,
                        eventTimeMs * 1_000_000);
                break;
            case KIND_TRADE:
                require(TRADE_FIELDS, "trade");
                built = new PublicTrade(instrumentId, tradeTicks, tradeLots, buyerMaker ? Side.SELL : Side.BUY,
                        eventTimeMs * 1_000_000);
                break;
            default:
                require(TICKER_FIELDS, "book ticker");
                long timestampNs = (seen & EVENT_TIME) != 0 ? eventTimeMs * 1_000_000 : localNs;
                built = new BinanceBookTicker(instrumentId, lastId, bidTicks, bidLots, askTicks, askLots,
                        timestampNs);
        }
    }

    private void require(int fields, String what) throws MalformedMessageException {
        int missing = fields & ~seen;
        if (missing != 0) {
            throw new MalformedMessageException(what + " lacks fields (mask " + Integer.toBinaryString(missing) + ")");
        }
    }

    private void readLevels(JsonParser p, JsonToken value, Levels into, String name)
            throws IOException, MalformedMessageException {
        if (value != JsonToken.START_ARRAY) {
            throw new MalformedMessageException("'" + name + "' must be an array of levels");
        }
        into.count = 0;
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.START_ARRAY) {
            long ticks = levelPrice(p, p.nextToken(), name);
            long lots = size(p, p.nextToken(), name);
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw new MalformedMessageException("a level in '" + name + "' is not [price, size]");
            }
            if (ticks != OFF_GRID) {
                into.add(ticks, lots);
            }
        }
        if (token != JsonToken.END_ARRAY) {
            throw new MalformedMessageException("'" + name + "' must hold [price, size] arrays");
        }
    }

    /** A book level's price in ticks, or {@link #OFF_GRID} (counted, logged once) when it is off the tick grid. */
    private long levelPrice(JsonParser p, JsonToken value, String name) throws IOException, MalformedMessageException {
        try {
            return price(p, value, name);
        } catch (MalformedDecimalException e) {
            if (!e.offGrid()) {
                throw e;
            }
            skippedLevels++;
            if (skippedLevels == 1) {
                LOG.warn("{}: level price {} in '{}' is off the tick grid; level skipped (further ones only counted)",
                        instrumentId, p.getText(), name);
            }
            return OFF_GRID;
        }
    }

    private long price(JsonParser p, JsonToken value, String name) throws IOException, MalformedMessageException {
        requireString(value, name);
        long ticks = priceGrid.toSteps(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        if (ticks <= 0) {
            throw new MalformedMessageException("price in '" + name + "' must be > 0");
        }
        return ticks;
    }

    /** A size in lots; one off the lot grid is rounded up (see the class notes), counted, and logged once. */
    private long size(JsonParser p, JsonToken value, String name) throws IOException, MalformedMessageException {
        requireString(value, name);
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        try {
            return sizeGrid.toSteps(chars, offset, length);
        } catch (MalformedDecimalException e) {
            if (!e.offGrid()) {
                throw e;
            }
            roundedSizes++;
            if (roundedSizes == 1) {
                LOG.warn("{}: size {} in '{}' is off the lot grid; rounded up to whole lots (further ones only"
                        + " counted)", instrumentId, new String(chars, offset, length), name);
            }
            return sizeGrid.toStepsRoundingUp(chars, offset, length);
        }
    }

    /** Skips a value of a field we do not read; an object or array to its end. */
    private static void skipValue(JsonParser p, JsonToken value) throws IOException, MalformedMessageException {
        if (value == JsonToken.NOT_AVAILABLE || value == null) {
            throw new MalformedMessageException("the message ends inside a value");
        }
        if (value != JsonToken.START_OBJECT && value != JsonToken.START_ARRAY) {
            return;
        }
        int depth = 1;
        while (depth > 0) {
            JsonToken token = p.nextToken();
            if (token == null || token == JsonToken.NOT_AVAILABLE) {
                throw new MalformedMessageException("the message ends inside a value");
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                depth++;
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                depth--;
            }
        }
    }

    private static long longValue(JsonParser p, JsonToken value, String name)
            throws IOException, MalformedMessageException {
        if (value != JsonToken.VALUE_NUMBER_INT) {
            throw new MalformedMessageException("'" + name + "' must be an integer");
        }
        return p.getLongValue();
    }

    /** The string value as a char view (valid until the next token), no String made. */
    private CharSequence text(JsonParser p, JsonToken value, String name)
            throws IOException, MalformedMessageException {
        requireString(value, name);
        return textView.of(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    private static void requireString(JsonToken value, String name) throws MalformedMessageException {
        if (value != JsonToken.VALUE_STRING) {
            throw new MalformedMessageException("'" + name + "' must be a string");
        }
    }

    /**
     * {@code btcusdt@depth} and {@code btcusdt@depth@100ms} → depth diffs, {@code btcusdt@trade} → trade,
     * {@code btcusdt@bookTicker} → ticker; anything else (partial depth {@code @depth20}, {@code @aggTrade}) → other.
     */
    private static int streamKind(CharSequence stream) {
        int channel = 0; // after the first '@'; the whole name when there is none
        for (int i = 0; i < stream.length(); i++) {
            if (stream.charAt(i) == '@') {
                channel = i + 1;
                break;
            }
        }
        if (restIs(stream, channel, "depth") || restStartsWith(stream, channel, "depth@")) {
            return KIND_DEPTH;
        }
        if (restIs(stream, channel, "trade")) {
            return KIND_TRADE;
        }
        if (restIs(stream, channel, "bookTicker")) {
            return KIND_BOOK_TICKER;
        }
        return KIND_OTHER;
    }

    private static int eventKind(CharSequence type) {
        if ("depthUpdate".contentEquals(type)) {
            return KIND_DEPTH;
        }
        if ("trade".contentEquals(type)) {
            return KIND_TRADE;
        }
        if ("bookTicker".contentEquals(type)) {
            return KIND_BOOK_TICKER;
        }
        return KIND_OTHER;
    }

    /** True when {@code s} from {@code from} on is exactly {@code text}. */
    private static boolean restIs(CharSequence s, int from, String text) {
        return s.length() - from == text.length() && restStartsWith(s, from, text);
    }

    private static boolean restStartsWith(CharSequence s, int from, String prefix) {
        if (from > s.length() || s.length() - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (s.charAt(from + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A reusable view of a parser's text characters, so reading a string field makes no object. */
    private static final class TextView implements CharSequence {
        private char[] chars;
        private int offset;
        private int length;

        TextView of(char[] c, int off, int len) {
            chars = c;
            offset = off;
            length = len;
            return this;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return chars[offset + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().substring(start, end);
        }

        @Override
        public String toString() {
            return new String(chars, offset, length);
        }
    }

    /** Scratch for one side's levels; the event gets exact-size copies (events own their arrays). */
    private static final class Levels {
        long[] ticks = new long[64];
        long[] lots = new long[64];
        int count;

        void add(long t, long l) {
            if (count == ticks.length) {
                ticks = Arrays.copyOf(ticks, count * 2);
                lots = Arrays.copyOf(lots, count * 2);
            }
            ticks[count] = t;
            lots[count] = l;
            count++;
        }

        long[] prices() {
            return Arrays.copyOf(ticks, count);
        }

        long[] sizes() {
            return Arrays.copyOf(lots, count);
        }
    }
}
