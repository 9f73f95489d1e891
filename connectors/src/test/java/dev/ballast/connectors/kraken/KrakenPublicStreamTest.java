package dev.ballast.connectors.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.connectors.kraken.KrakenCaptures.Frame;
import dev.ballast.connectors.live.HealthBoard;
import dev.ballast.connectors.testing.RecordingSink;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Side;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.book.ApplyResult;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.book.SequenceRule;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.PublicTrade;
import dev.ballast.core.event.VenueStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public stream listener fed the real Kraken v1 capture frame by frame, without a socket. */
class KrakenPublicStreamTest {
    private static final String XMR_BOOK = "{\"name\":\"book\",\"depth\":1000}";
    private final RecordingSink sink = new RecordingSink();
    private final List<String> sent = new ArrayList<>();
    private KrakenPairs pairs;
    private KrakenPublicStream stream;

    @BeforeEach
    void openStream() {
        pairs = KrakenCaptures.pairs();
        stream = newStream(sink);
        stream.onOpen(text -> sent.add(text));
    }

    private KrakenPublicStream newStream(RecordingSink target) {
        HealthBoard health = new HealthBoard(KrakenCaptures.VENUE, target, () -> 0L);
        return new KrakenPublicStream(pairs.require(KrakenCaptures.PAIRS), 1000, target, health);
    }

    @Test
    void shouldSubscribeToTheBookAtDepth1000AndToTradesForEveryPair() {
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).contains("\"event\":\"subscribe\"", "\"name\":\"book\"", "\"depth\":1000",
                "\"XBT/CHF\"", "\"ADA/XBT\"");
        assertThat(sent.get(1)).contains("\"name\":\"trade\"");
    }

    @Test
    void shouldVerifyEveryChecksumOfTheRealCaptureAndNeverCrossTheBook() {
        Map<InstrumentId, OrderBook> engineBooks = new HashMap<>();
        for (String p : KrakenCaptures.PAIRS) {
            Instrument i = pairs.byWsName(p).orElseThrow().instrument();
            engineBooks.put(i.id(), new OrderBook(i, SequenceRule.SEQUENTIAL, 1 << 12));
        }
        int applied = 0;
        for (Frame f : KrakenCaptures.received(KrakenCaptures.BOOKS)) {
            stream.onMessage(f.text(), f.receivedNs());
            for (; applied < sink.events().size(); applied++) {
                Event e = sink.events().get(applied);
                if (e instanceof BookSnapshot s) {
                    engineBooks.get(s.instrument()).applySnapshot(s);
                } else if (e instanceof BookDelta d) {
                    OrderBook book = engineBooks.get(d.instrument());
                    assertThat(book.applyDelta(d)).isEqualTo(ApplyResult.APPLIED);
                    assertThat(book.isCrossed()).as("%s after update %d", d.instrument(), d.lastUpdateId()).isFalse();
                }
            }
        }

        long expected = KrakenCaptures.framesWithChecksum(KrakenCaptures.BOOKS);
        assertThat(expected).isEqualTo(4269);
        assertThat(stream.counters()).isEqualTo(new KrakenStreamCounters(expected, 0, 0, 0));
        assertThat(sink.ofType(BookSnapshot.class)).hasSize(10);
        for (String p : KrakenCaptures.PAIRS) {
            KrakenBook ours = stream.book(p);
            OrderBook engine = engineBooks.get(ours.instrument().id());
            assertThat(engine.bestBidTicks()).as(p).isEqualTo(ours.bestTicks(true));
            assertThat(engine.bestAskTicks()).as(p).isEqualTo(ours.bestTicks(false));
            assertThat(engine.levels(Side.BUY)).as(p).isEqualTo(ours.levels(true));
        }
        assertThat(sink.ofType(VenueStatus.class)).last()
                .satisfies(s -> assertThat(s.health()).isEqualTo(VenueHealth.HEALTHY));
    }

    @Test
    void shouldDetectACorruptedVolumeByItsChecksumAndResyncFromAFreshSnapshot() {
        List<Frame> frames = KrakenCaptures.received(KrakenCaptures.BOOKS);
        int corruptAt = indexOfTopOfBookUpdate(frames, "XMR/USD", 5);
        RecordingSink referenceSink = new RecordingSink();
        KrakenPublicStream reference = newStream(referenceSink);
        reference.onOpen(text -> true);
        for (int i = 0; i < corruptAt; i++) {
            stream.onMessage(frames.get(i).text(), frames.get(i).receivedNs());
            reference.onMessage(frames.get(i).text(), frames.get(i).receivedNs());
        }
        sent.clear();
        int eventsBefore = sink.events().size();

        stream.onMessage(changeFirstVolume(frames.get(corruptAt).text()), frames.get(corruptAt).receivedNs());
        reference.onMessage(frames.get(corruptAt).text(), frames.get(corruptAt).receivedNs());

        assertThat(stream.counters().checksumMismatches()).isEqualTo(1);
        assertThat(stream.counters().resyncs()).isEqualTo(1);
        List<Event> afterCorruption = sink.events().subList(eventsBefore, sink.events().size());
        assertThat(afterCorruption).noneMatch(e -> e instanceof BookDelta);
        assertThat(afterCorruption).singleElement().isInstanceOfSatisfying(VenueStatus.class, s -> {
            assertThat(s.health()).isEqualTo(VenueHealth.BOOK_INVALID);
            assertThat(s.detail()).contains("XMR/USD", "checksum mismatch");
        });
        assertThat(sent).containsExactly(
                "{\"event\":\"unsubscribe\",\"pair\":[\"XMR/USD\"],\"subscription\":" + XMR_BOOK + "}",
                "{\"event\":\"subscribe\",\"pair\":[\"XMR/USD\"],\"subscription\":" + XMR_BOOK + "}");

        // Kraken answers the new subscription with a snapshot of the book as it now stands.
        int next = corruptAt + 1;
        for (; !frames.get(next).text().endsWith("\"XMR/USD\"]"); next++) {
            stream.onMessage(frames.get(next).text(), frames.get(next).receivedNs());
            reference.onMessage(frames.get(next).text(), frames.get(next).receivedNs());
        }
        stream.onMessage(snapshotOf(reference.book("XMR/USD"), 992), frames.get(next).receivedNs());
        for (int i = next; i < frames.size(); i++) {
            stream.onMessage(frames.get(i).text(), frames.get(i).receivedNs());
            reference.onMessage(frames.get(i).text(), frames.get(i).receivedNs());
        }

        assertThat(stream.counters().checksumMismatches()).isEqualTo(1);
        assertThat(stream.book("XMR/USD").isSynced()).isTrue();
        assertThat(stream.book("XMR/USD").checksum()).isEqualTo(reference.book("XMR/USD").checksum());
        assertThat(sink.ofType(VenueStatus.class)).last()
                .satisfies(s -> assertThat(s.health()).isEqualTo(VenueHealth.HEALTHY));
    }

    @Test
    void shouldCountAndSkipMalformedMessagesAndCarryOn() {
        List<Frame> frames = KrakenCaptures.received(KrakenCaptures.BOOKS);
        int half = frames.size() / 2;
        for (int i = 0; i < half; i++) {
            stream.onMessage(frames.get(i).text(), frames.get(i).receivedNs());
        }

        stream.onMessage("{not json", 0);
        stream.onMessage("[992,{\"a\":[[\"x.1\",\"1\"]]},\"book-1000\",\"XMR/USD\"]", 0);
        stream.onMessage("[42,\"what\"]", 0);
        for (int i = half; i < frames.size(); i++) {
            stream.onMessage(frames.get(i).text(), frames.get(i).receivedNs());
        }

        assertThat(stream.counters().malformedMessages()).isEqualTo(3);
        assertThat(stream.counters().checksumMismatches()).isZero();
    }

    @Test
    void shouldTurnEveryRealTradeIntoAPublicTrade() {
        List<Frame> frames = KrakenCaptures.received(KrakenCaptures.TRADES);
        long expected = 0;
        Pattern entry = Pattern.compile("\\[\"[0-9.]+\",\"[0-9.]+\",\"[0-9.]+\",\"[bs]\"");
        for (Frame f : frames) {
            Matcher m = entry.matcher(f.text());
            while (m.find()) {
                expected++;
            }
            stream.onMessage(f.text(), f.receivedNs());
        }

        List<PublicTrade> trades = sink.ofType(PublicTrade.class);
        assertThat(trades).hasSize((int) expected).isNotEmpty();
        Instrument xmr = pairs.byWsName("XMR/USD").orElseThrow().instrument();
        assertThat(trades.get(0).instrument()).isEqualTo(xmr.id());
        assertThat(xmr.ticksToPrice(trades.get(0).priceTicks())).isEqualByComparingTo("354.11");
        assertThat(xmr.lotsToSize(trades.get(0).sizeLots())).isEqualByComparingTo("0.89594024");
        assertThat(trades.get(0).aggressor()).isEqualTo(Side.SELL);
        assertThat(trades.get(0).timestampNs()).isEqualTo(1_618_678_142_557_535_000L);
        assertThat(stream.counters().malformedMessages()).isZero();
    }

    /**
     * The index of the n-th update of {@code pair} that sets a level inside the 10 levels the checksum covers (a
     * change deeper than that is, by Kraken's design, invisible to the checksum).
     */
    private int indexOfTopOfBookUpdate(List<Frame> frames, String pair, int n) {
        KrakenPublicStream scout = newStream(new RecordingSink());
        scout.onOpen(text -> true);
        Pattern firstLevel = Pattern.compile("\\{\"([ab])\":\\[\\[\"([0-9.]+)\",\"([0-9.]+)\"");
        int seen = 0;
        for (int i = 0; i < frames.size(); i++) {
            String t = frames.get(i).text();
            scout.onMessage(t, frames.get(i).receivedNs());
            Matcher m = firstLevel.matcher(t);
            if (!t.endsWith("\"" + pair + "\"]") || !t.contains("\"c\":\"") || !m.find()
                    || new BigDecimal(m.group(3)).signum() == 0) {
                continue;
            }
            List<String[]> top = scout.book(pair).rawLevels(m.group(1).equals("b"));
            boolean inTop10 = top.stream().limit(KrakenBook.CHECKSUM_LEVELS).anyMatch(l -> l[0].equals(m.group(2)));
            if (inTop10 && ++seen == n) {
                return i;
            }
        }
        throw new IllegalStateException("fewer than " + n + " top-of-book updates of " + pair);
    }

    /** The frame with its first level's volume changed by one in the last digit. */
    private static String changeFirstVolume(String frame) {
        Matcher m = Pattern.compile("\\[\"[0-9.]+\",\"([0-9.]+)\"").matcher(frame);
        assertThat(m.find()).isTrue();
        String volume = m.group(1);
        char last = volume.charAt(volume.length() - 1);
        String changed = volume.substring(0, volume.length() - 1) + (last == '9' ? '8' : (char) (last + 1));
        return frame.substring(0, m.start(1)) + changed + frame.substring(m.end(1));
    }

    /** A Kraken v1 snapshot frame of a book as it stands. */
    private static String snapshotOf(KrakenBook book, int channelId) {
        StringBuilder sb = new StringBuilder("[").append(channelId).append(",{\"as\":");
        appendLevels(sb, book.rawLevels(false));
        sb.append(",\"bs\":");
        appendLevels(sb, book.rawLevels(true));
        return sb.append("},\"book-1000\",\"").append(book.instrument().id().symbol()).append("\"]").toString();
    }

    private static void appendLevels(StringBuilder sb, List<String[]> levels) {
        sb.append('[');
        for (int i = 0; i < levels.size(); i++) {
            sb.append(i == 0 ? "" : ",").append("[\"").append(levels.get(i)[0]).append("\",\"")
                    .append(levels.get(i)[1]).append("\",\"1618678200.000000\"]");
        }
        sb.append(']');
    }
}
