package dev.ballast.connectors.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.ballast.connectors.SharedData;
import dev.ballast.connectors.binance.BinanceMessageParser.MessageType;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The strict reader (the parser's fast path) against Jackson alone ({@link BinanceMessageParser#jacksonOnly}):
 * every message must come out the same — same type, same event, or the same refusal — whichever reader took it.
 */
class BinanceStrictReaderTest {
    private static final String DIR = "market/binance-btc-2024-08-08/";

    /** Real messages of every kind the recordings hold (level lists shortened), the seeds of the mutations. */
    private static final List<String> TEMPLATES = List.of(
            "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1723161255208,\"s\":\"BTCUSDT\","
                    + "\"U\":50093239189,\"u\":50093239202,\"b\":[[\"61737.63000000\",\"0.00000000\"],"
                    + "[\"56854.58000000\",\"0.00016000\"]],\"a\":[[\"61837.64000000\",\"1.54698000\"]]}}",
            "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255343,\"s\":\"BTCUSDT\","
                    + "\"t\":3735683259,\"p\":\"61837.63000000\",\"q\":\"0.02000000\",\"T\":1723161255342,\"m\":true,"
                    + "\"M\":true}}",
            "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":50093239218,\"s\":\"BTCUSDT\",\"b\":\"61837.63000000\","
                    + "\"B\":\"3.78826000\",\"a\":\"61837.64000000\",\"A\":\"1.54698000\"}}",
            "{\"lastUpdateId\":50093239218,\"bids\":[[\"61837.63000000\",\"3.78826000\"]],"
                    + "\"asks\":[[\"61837.64000000\",\"1.54698000\"],[\"200000.00000000\",\"25.42618900\"]]}",
            "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"U\":5,"
                    + "\"u\":6,\"b\":[],\"a\":[[\"1.00\",\"0.0\"]],\"x\":[null,false,{\"y\":[[]]}],\"symbol\":\"BTCUSDT\"}}");

    /** Bytes a mutation may write: JSON's structure, what the strict subset refuses, and what the values hold. */
    private static final byte[] MUTATION_BYTES = " \t\n\\\"{}[]:,.-+eE0123456789tfnulsx@\u00e9"
            .getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void shouldReadEveryRecordedSpotLineAsJacksonDoes() throws IOException {
        // the first day holds three sizes off the lot grid: the strict reader leaves them to Jackson, which rounds
        assertEveryLineAgrees(BinanceMarket.SPOT, "binance-spot_btcusdt_20240808.gz");
    }

    @Test
    void shouldReadEveryRecordedUsdmLineAsJacksonDoes() throws IOException {
        assertEveryLineAgrees(BinanceMarket.USDM, "binance-usdm_btcusdt_20240808.gz");
    }

    @Test
    void shouldReadEveryRecordedCoinmLineAsJacksonDoes() throws IOException {
        assertEveryLineAgrees(BinanceMarket.COINM, "binance-coinm_btcusd_perp_20240808.gz");
    }

    @Test
    void shouldAgreeWithJacksonOnMutatedMessages() {
        qt().withExamples(2_000)
                .forAll(integers().between(0, TEMPLATES.size() - 1),
                        lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 4))
                .checkAssert((template, edits) -> {
                    byte[] message = mutate(TEMPLATES.get(template).getBytes(StandardCharsets.US_ASCII), edits);
                    BinanceMessageParser strict = new BinanceMessageParser(BinanceMarket.SPOT);
                    BinanceMessageParser jackson = BinanceMessageParser.jacksonOnly(BinanceMarket.SPOT);
                    assertThat(outcome(strict, message))
                            .as("%s", new String(message, StandardCharsets.ISO_8859_1))
                            .isEqualTo(outcome(jackson, message));
                    assertThat(strict.roundedSizes()).isEqualTo(jackson.roundedSizes());
                });
    }

    @Test
    void shouldLeaveWhatTheSubsetExcludesToJackson() {
        BinanceMessageParser parser = new BinanceMessageParser(BinanceMarket.SPOT);
        String trade = "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"p\":\"61837.63\","
                + "\"q\":\"0.02\",\"m\":true}}";

        for (String message : new String[] {trade, trade.replace(",\"m\"", ", \"m\""), trade.replace("E", "\\u0045"),
                trade.replace("\"E\":1", "\"E\":1.0"), trade.replace("0.02", "0.020001"), trade + " "}) {
            outcome(parser, message.getBytes(StandardCharsets.US_ASCII));
        }

        assertThat(parser.strictMessages()).isEqualTo(1);
    }

    /** Every line of the files, through both readers, one message at a time; most must take the strict path. */
    private static void assertEveryLineAgrees(BinanceMarket market, String... files) throws IOException {
        BinanceMessageParser strict = new BinanceMessageParser(market);
        BinanceMessageParser jackson = BinanceMessageParser.jacksonOnly(market);
        long lines = 0;
        for (String file : files) {
            Path path = SharedData.resolve(DIR + file);
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(path)), StandardCharsets.US_ASCII))) {
                String line;
                RecordingHandler fromJackson = new RecordingHandler();
                RecordingHandler fromStrict = new RecordingHandler();
                while ((line = in.readLine()) != null) {
                    byte[] message = line.substring(line.indexOf(' ') + 1).getBytes(StandardCharsets.US_ASCII);
                    // the recorded lines are all well formed: compare the events, and describe them only if they differ
                    fromJackson.values.clear();
                    fromStrict.values.clear();
                    MessageType expected = parseWellFormed(jackson, message, fromJackson);
                    MessageType actual = parseWellFormed(strict, message, fromStrict);
                    if (actual != expected || !sameEvents(fromStrict.values, fromJackson.values)) {
                        assertThat(outcome(strict, message)).as("%s line %d", file, lines + 1)
                                .isEqualTo(outcome(jackson, message));
                    }
                    lines++;
                }
            }
        }
        assertThat(strict.roundedSizes()).isEqualTo(jackson.roundedSizes());
        assertThat(strict.strictMessages()).as("messages read by the strict reader").isGreaterThan(lines * 99 / 100);
    }

    private static MessageType parseWellFormed(BinanceMessageParser parser, byte[] message, RecordingHandler handler) {
        try {
            return parser.parse(message, 0, message.length, 7, handler);
        } catch (MalformedMessageException e) {
            throw new AssertionError("a recorded line was refused: " + e.getMessage(), e);
        }
    }

    private static boolean sameEvents(List<Object> a, List<Object> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            boolean same = x instanceof BookDelta d && y instanceof BookDelta e ? sameDelta(d, e)
                    : x instanceof BookSnapshot || y instanceof BookSnapshot ? describe(x).equals(describe(y))
                    : x.equals(y);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameDelta(BookDelta d, BookDelta e) {
        return d.instrument().equals(e.instrument()) && d.firstUpdateId() == e.firstUpdateId()
                && d.lastUpdateId() == e.lastUpdateId() && d.prevUpdateId() == e.prevUpdateId()
                && d.timestampNs() == e.timestampNs()
                && Arrays.equals(d.bidTicks(), 0, d.bidCount(), e.bidTicks(), 0, e.bidCount())
                && Arrays.equals(d.bidLots(), 0, d.bidCount(), e.bidLots(), 0, e.bidCount())
                && Arrays.equals(d.askTicks(), 0, d.askCount(), e.askTicks(), 0, e.askCount())
                && Arrays.equals(d.askLots(), 0, d.askCount(), e.askLots(), 0, e.askCount());
    }

    /** What parsing the message gave, as text: the type and the event, or the refusal and its reason. */
    private static String outcome(BinanceMessageParser parser, byte[] message) {
        RecordingHandler handler = new RecordingHandler();
        try {
            return parser.parse(message, 0, message.length, 7, handler) + " " + handler.values.stream()
                    .map(BinanceStrictReaderTest::describe).toList();
        } catch (MalformedMessageException e) {
            return "malformed: " + e.getMessage();
        }
    }

    private static String describe(Object value) {
        if (value instanceof BookDelta d) {
            return "BookDelta[" + d.instrument() + ", " + d.firstUpdateId() + ".." + d.lastUpdateId() + " after "
                    + d.prevUpdateId() + ", bids " + levels(d.bidTicks(), d.bidLots(), d.bidCount()) + ", asks "
                    + levels(d.askTicks(), d.askLots(), d.askCount()) + " at " + d.timestampNs() + "]";
        }
        if (value instanceof BookSnapshot s) {
            return "BookSnapshot[" + s.instrument() + ", " + s.updateId() + ", bids "
                    + levels(s.bidTicks(), s.bidLots(), s.bidCount()) + ", asks "
                    + levels(s.askTicks(), s.askLots(), s.askCount()) + " at " + s.timestampNs() + "]";
        }
        return String.valueOf(value); // trades and book tickers are records of values
    }

    private static String levels(long[] ticks, long[] lots, int count) {
        return Arrays.toString(Arrays.copyOf(ticks, count)) + " x " + Arrays.toString(Arrays.copyOf(lots, count));
    }

    /** Each edit picks a position and an operation from one random int: insert, replace, delete or cut there. */
    private static byte[] mutate(byte[] message, List<Integer> edits) {
        byte[] m = message;
        for (int edit : edits) {
            int at = edit % (m.length + 1);
            int op = (edit / (m.length + 1)) % 4;
            byte b = MUTATION_BYTES[(edit / (m.length + 1) / 4) % MUTATION_BYTES.length];
            m = switch (op) {
                case 0 -> concat(Arrays.copyOf(m, at), new byte[] {b}, Arrays.copyOfRange(m, at, m.length));
                case 1 -> at < m.length ? replaceAt(m, at, b) : m;
                case 2 -> at < m.length ? concat(Arrays.copyOf(m, at), Arrays.copyOfRange(m, at + 1, m.length)) : m;
                default -> Arrays.copyOf(m, at);
            };
        }
        return m;
    }

    private static byte[] replaceAt(byte[] m, int at, byte b) {
        byte[] copy = m.clone();
        copy[at] = b;
        return copy;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
