package dev.ballast.connectors.okx;

import dev.ballast.connectors.testing.ConcurrentSink;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ballast.connectors.live.HealthBoard;
import dev.ballast.connectors.testing.SequencedTestBook;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.PublicTrade;
import dev.ballast.core.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public stream fed the real OKX capture frame by frame, without a network: checksums, sequence rules,
 * resyncs, malformed frames and the keepalive watchdog. The loopback WebSocket version is {@link OkxVenueStreamTest}.
 */
class OkxPublicStreamTest {
    private static final String BTC = "BTC-USDT";

    private final ManualClock clock = new ManualClock(1_652_459_225_000_000_000L);
    private final ConcurrentSink sink = new ConcurrentSink();
    private final List<String> sent = new ArrayList<>();
    private OkxPublicStream stream;

    @BeforeEach
    void openStream() {
        HealthBoard health = new HealthBoard(OkxTestData.VENUE, sink, clock::nowNs);
        stream = new OkxPublicStream(OkxTestData.capturedBookInstruments(), sink, health, clock,
                Duration.ofSeconds(15).toNanos());
        stream.awaitSnapshots();
        stream.onOpen(text -> sent.add(text));
    }

    @Test
    void shouldVerifyEveryChecksumOfTheCapturedBooksAndNeverSeeACrossedBook() {
        List<String> frames = OkxTestData.capturedFrames();
        long withChecksum = frames.stream().filter(f -> f.contains("\"books\"") && f.contains("\"checksum\"")).count();
        SequencedTestBook engineBook = new SequencedTestBook(new InstrumentId(OkxTestData.VENUE, BTC));
        int seen = 0;

        for (String frame : frames) {
            stream.onMessage(frame, clock.nowNs());
            List<Event> events = sink.events();
            for (; seen < events.size(); seen++) {
                engineBook.apply(events.get(seen));
                if (engineBook.isSynced()) {
                    assertThat(engineBook.isCrossed()).as("engine book crossed after event %d", seen).isFalse();
                }
            }
        }

        assertThat(withChecksum).isEqualTo(290);
        assertThat(stream.checksumsVerified()).isEqualTo(withChecksum);
        assertThat(stream.checksumMismatches()).isZero();
        assertThat(stream.crossedBooks()).isZero();
        assertThat(stream.gaps()).isZero();
        assertThat(stream.resyncs()).isZero();
        assertThat(stream.malformedMessages()).isZero();
        assertThat(stream.trades()).isPositive();
        assertThat(sink.ofType(BookSnapshot.class)).hasSize(3);
        assertThat(sink.ofType(BookDelta.class)).hasSize(287);
        assertThat(sink.ofType(PublicTrade.class)).hasSize((int) stream.trades());
        assertThat(sink.lastHealth()).isEqualTo(VenueHealth.HEALTHY);
        assertThat(engineBook.bids()).hasSizeGreaterThan(300);
    }

    @Test
    void shouldSubscribeBooksAndTradesOfEveryInstrumentOnOpen() {
        JsonNode subscribe = OkxMapper.tree(sent.get(0));

        assertThat(subscribe.get("op").asText()).isEqualTo("subscribe");
        assertThat(subscribe.get("args").toString())
                .contains("{\"channel\":\"books\",\"instId\":\"BTC-USDT\"}")
                .contains("{\"channel\":\"trades\",\"instId\":\"BTC-USDT\"}")
                .contains("{\"channel\":\"books\",\"instId\":\"UNI-USD-SWAP\"}");
    }

    @Test
    void shouldMarkTheBookInvalidOnABadChecksumResubscribeAndRecoverOnTheFreshSnapshot() {
        List<String> btc = btcBookFrames();
        feed(btc.subList(0, 10));
        assertThat(sink.lastHealth()).isEqualTo(VenueHealth.BOOK_INVALID); // the two other books have no snapshot
        feedOtherSnapshots();
        assertThat(sink.lastHealth()).isEqualTo(VenueHealth.HEALTHY);
        sent.clear();

        stream.onMessage(withChecksum(btc.get(10), 12345), clock.nowNs());

        assertThat(stream.checksumMismatches()).isEqualTo(1);
        assertThat(stream.isBookValid(BTC)).isFalse();
        assertThat(sink.lastHealth()).isEqualTo(VenueHealth.BOOK_INVALID);
        assertThat(sent).containsExactly(
                "{\"op\":\"unsubscribe\",\"args\":[{\"channel\":\"books\",\"instId\":\"BTC-USDT\"}]}",
                "{\"op\":\"subscribe\",\"args\":[{\"channel\":\"books\",\"instId\":\"BTC-USDT\"}]}");

        int deltasBefore = sink.ofType(BookDelta.class).size();
        stream.onMessage(btc.get(11), clock.nowNs()); // still in flight from the old subscription: dropped
        assertThat(sink.ofType(BookDelta.class)).hasSize(deltasBefore);

        feed(btc.subList(0, 3)); // OKX answers the new subscription with a snapshot, then updates

        assertThat(stream.isBookValid(BTC)).isTrue();
        assertThat(sink.lastHealth()).isEqualTo(VenueHealth.HEALTHY);
        assertThat(sink.healthChanges()).endsWith(VenueHealth.HEALTHY, VenueHealth.BOOK_INVALID, VenueHealth.HEALTHY);
        assertThat(sink.ofType(BookSnapshot.class).stream().filter(s -> s.instrument().symbol().equals(BTC)))
                .hasSize(2);
    }

    @Test
    void shouldFollowSeqIdChainsIncludingHeartbeatsAndResets() {
        List<String> btc = sequenced(btcBookFrames().subList(0, 6), 1000);
        feed(btc);
        assertThat(stream.isBookValid(BTC)).isTrue();

        // a quiet-book heartbeat: no levels, seqId == prevSeqId == the last seqId, checksum unchanged
        String last = btc.get(btc.size() - 1);
        JsonNode lastData = OkxMapper.tree(last).get("data").get(0);
        long lastSeq = lastData.get("seqId").asLong();
        stream.onMessage(frame(false, List.of(), List.of(), lastSeq, lastSeq, lastData.get("checksum").asInt()),
                clock.nowNs());
        assertThat(stream.isBookValid(BTC)).isTrue();

        // after maintenance OKX may restart seqId lower: fine while prevSeqId chains
        stream.onMessage(frame(false, List.of(), List.of(), 7, lastSeq, lastData.get("checksum").asInt()),
                clock.nowNs());

        assertThat(stream.isBookValid(BTC)).isTrue();
        assertThat(stream.gaps()).isZero();
    }

    @Test
    void shouldDetectASequenceGapAndResync() {
        List<String> btc = sequenced(btcBookFrames().subList(0, 8), 1000);
        feed(btc.subList(0, 5));
        sent.clear();

        stream.onMessage(btc.get(6), clock.nowNs()); // btc.get(5) was lost

        assertThat(stream.gaps()).isEqualTo(1);
        assertThat(stream.isBookValid(BTC)).isFalse();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1)).contains("\"op\":\"subscribe\"").contains("BTC-USDT");
    }

    @Test
    void shouldCountAndSkipMalformedFramesAndCarryOn() {
        List<String> btc = btcBookFrames();
        feed(btc.subList(0, 3));

        stream.onMessage("{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"action\":\"update\",\"data\":[{",
                clock.nowNs());
        stream.onMessage("{\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT\"},\"data\":[{\"px\":\"abc\","
                + "\"sz\":\"1\",\"side\":\"buy\",\"ts\":\"1\"}]}", clock.nowNs());
        stream.onMessage("not json at all", clock.nowNs());
        feed(btc.subList(3, 6));

        assertThat(stream.malformedMessages()).isEqualTo(3);
        assertThat(stream.isBookValid(BTC)).isTrue();
        assertThat(stream.checksumMismatches()).isZero();
    }

    @Test
    void shouldPingOnceWhenQuietForFifteenSecondsAndAgainAfterTraffic() {
        feed(btcBookFrames().subList(0, 2));
        sent.clear();

        clock.advance(Duration.ofSeconds(14));
        assertThat(stream.poll(clock.nowNs())).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(stream.poll(clock.nowNs())).isEqualTo(1);
        clock.advance(Duration.ofSeconds(5));
        assertThat(stream.poll(clock.nowNs())).as("one ping until something arrives").isZero();
        stream.onMessage("pong", clock.nowNs());
        clock.advance(Duration.ofSeconds(15));
        stream.poll(clock.nowNs());

        assertThat(sent).containsExactly("ping", "ping");
    }

    @Test
    void shouldInvalidateEveryBookOnDisconnect() {
        feed(btcBookFrames().subList(0, 2));

        feedOtherSnapshots();
        assertThat(sink.lastHealth()).isEqualTo(VenueHealth.HEALTHY);

        stream.onDisconnected("reset by peer");

        assertThat(stream.isBookValid(BTC)).isFalse();
        assertThat(sink.lastHealth()).isEqualTo(VenueHealth.BOOK_INVALID);
    }

    // ---------------------------------------------------------------- helpers

    private void feed(List<String> frames) {
        for (String f : frames) {
            stream.onMessage(f, clock.nowNs());
        }
    }

    private void feedOtherSnapshots() {
        for (String f : OkxTestData.capturedFrames()) {
            if (f.contains("\"snapshot\"") && !f.contains(BTC)) {
                stream.onMessage(f, clock.nowNs());
            }
        }
    }

    /** The BTC-USDT books frames of the capture: the snapshot, then its updates. */
    private static List<String> btcBookFrames() {
        List<String> out = new ArrayList<>();
        for (String f : OkxTestData.capturedFrames()) {
            if (f.startsWith("{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"}") && f.contains("\"data\"")) {
                out.add(f);
            }
        }
        return out;
    }

    /** The frames with OKX's 2022-06 sequence fields added, numbered from {@code first}. */
    private static List<String> sequenced(List<String> frames, long first) {
        List<String> out = new ArrayList<>();
        long prev = -1;
        long seq = first;
        for (String f : frames) {
            ObjectNode root = (ObjectNode) OkxMapper.tree(f);
            ObjectNode data = (ObjectNode) root.get("data").get(0);
            data.put("seqId", seq).put("prevSeqId", prev);
            out.add(root.toString());
            prev = seq;
            seq += 3;
        }
        return out;
    }

    private static String withChecksum(String frame, int checksum) {
        ObjectNode root = (ObjectNode) OkxMapper.tree(frame);
        ((ObjectNode) root.get("data").get(0)).put("checksum", checksum);
        return root.toString();
    }

    private static String frame(boolean snapshot, List<String[]> bids, List<String[]> asks, long seqId,
                                long prevSeqId, int checksum) {
        ObjectNode root = OkxMapper.JSON.createObjectNode();
        root.putObject("arg").put("channel", "books").put("instId", BTC);
        root.put("action", snapshot ? "snapshot" : "update");
        ObjectNode data = root.putArray("data").addObject();
        ArrayNode b = data.putArray("bids");
        bids.forEach(l -> b.addArray().add(l[0]).add(l[1]).add("0").add("1"));
        ArrayNode a = data.putArray("asks");
        asks.forEach(l -> a.addArray().add(l[0]).add(l[1]).add("0").add("1"));
        data.put("ts", "1652459225464").put("checksum", checksum).put("seqId", seqId).put("prevSeqId", prevSeqId);
        return root.toString();
    }
}
