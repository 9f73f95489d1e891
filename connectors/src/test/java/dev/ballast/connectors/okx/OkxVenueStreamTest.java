package dev.ballast.connectors.okx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ballast.connectors.live.OkHttpWebSocketStream;
import dev.ballast.connectors.testing.SequencedTestBook;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The venue's book stream end to end on loopback WebSockets (the kit's reconnecting stream, a MockWebServer
 * replaying the real capture): checksum mismatch and sequence gap make the venue BOOK_INVALID, it resubscribes, the
 * fresh snapshot makes it HEALTHY; a malformed frame is skipped; a silent stream is STREAM_STALE (clock moved by
 * hand); a dropped connection is reconnected, resubscribed and resynced.
 */
class OkxVenueStreamTest {
    private static final InstrumentId BTC_USDT = new InstrumentId(OkxTestData.VENUE, "BTC-USDT");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private OkxLoopback okx;

    @AfterEach
    void close() {
        okx.close();
    }

    @Test
    void shouldReplayTheWholeCaptureSkippingWhatItDoesNotTradeAndVerifyEveryBtcChecksum() {
        okx = publicOnly(OkxWsServer.replayingCapture(OkxLoopback.CREDENTIALS));

        okx.venue.start(okx.sink);

        await().atMost(WAIT).until(() -> okx.venue.publicStream().checksumsVerified() == 98);
        assertThat(okx.venue.publicStream().checksumMismatches()).isZero();
        assertThat(okx.venue.publicStream().malformedMessages()).isZero();
        assertThat(okx.venue.publicStream().trades()).isPositive();
        assertThat(okx.sink.lastHealth()).isEqualTo(VenueHealth.HEALTHY);
    }

    @Test
    void shouldResyncAfterABadChecksumAndBeHealthyAgain() {
        okx = publicOnly(null);
        syncBook();
        String lastUpdate = last(OkxWsServer.capturedBookFrames("BTC-USDT"));

        okx.ws.pushPublic(withChecksum(lastUpdate, 42));

        await().atMost(WAIT).until(() -> snapshots() == 2 && okx.sink.lastHealth() == VenueHealth.HEALTHY);
        assertThat(okx.sink.healthChanges()).endsWith(VenueHealth.HEALTHY, VenueHealth.BOOK_INVALID,
                VenueHealth.HEALTHY);
        assertThat(okx.venue.publicStream().checksumMismatches()).isEqualTo(1);
        assertThat(okx.ws.publicReceived()).contains(
                "{\"op\":\"unsubscribe\",\"args\":[{\"channel\":\"books\",\"instId\":\"BTC-USDT\"}]}");
        assertEngineBookChainsAndIsNeverCrossed();
    }

    @Test
    void shouldResyncAfterASequenceGap() {
        List<String> sequenced = sequenced(OkxWsServer.capturedBookFrames("BTC-USDT").subList(0, 20));
        okx = publicOnly(new OkxWsServer(sequenced, instId -> sequenced, OkxLoopback.CREDENTIALS));
        syncBook(20);

        okx.ws.pushPublic(withSequence(sequenced.get(19), 999_999, 888_888)); // prevSeqId chains on nothing

        await().atMost(WAIT).until(() -> snapshots() == 2 && okx.sink.lastHealth() == VenueHealth.HEALTHY);
        assertThat(okx.venue.publicStream().gaps()).isEqualTo(1);
        assertThat(okx.sink.healthChanges()).contains(VenueHealth.BOOK_INVALID);
        assertEngineBookChainsAndIsNeverCrossed();
    }

    @Test
    void shouldSkipAMalformedFrameAndStayHealthy() {
        okx = publicOnly(null);
        syncBook();

        okx.ws.pushPublic("{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"action\":\"update\",\"data\":[{]}");
        okx.ws.pushPublic("pong");

        await().atMost(WAIT).until(() -> okx.venue.publicStream().malformedMessages() == 1);
        assertThat(okx.venue.publicStream().isBookValid("BTC-USDT")).isTrue();
        assertThat(okx.sink.lastHealth()).isEqualTo(VenueHealth.HEALTHY);
    }

    @Test
    void shouldPingWhenQuietMarkTheVenueStaleWhenSilentAndHealthyWhenFramesCome() {
        okx = publicOnly(null);
        syncBook();
        okx.ws.ignorePings();
        OkHttpWebSocketStream stream = okx.streams.get(0);

        okx.clock.advance(Duration.ofSeconds(16));
        assertThat(okx.venue.doWork()).isEqualTo(1);
        await().atMost(WAIT).until(() -> okx.ws.publicReceived().contains("ping"));
        okx.clock.advance(Duration.ofSeconds(10));
        stream.checkSilence();

        await().atMost(WAIT).until(() -> okx.sink.lastHealth() == VenueHealth.STREAM_STALE);
        okx.ws.pushPublic("pong");
        await().atMost(WAIT).until(() -> {
            stream.checkSilence();
            return okx.sink.lastHealth() == VenueHealth.HEALTHY;
        });
    }

    @Test
    void shouldReconnectResubscribeAndResyncWhenTheConnectionDrops() {
        okx = publicOnly(null);
        syncBook();

        okx.ws.dropPublic();

        await().atMost(WAIT).until(() -> snapshots() == 2 && okx.sink.lastHealth() == VenueHealth.HEALTHY);
        assertThat(okx.sink.healthChanges()).contains(VenueHealth.DISCONNECTED);
        assertThat(okx.streams.get(0).reconnects()).isEqualTo(1);
        assertEngineBookChainsAndIsNeverCrossed();
    }

    // ---------------------------------------------------------------- helpers

    private static OkxLoopback publicOnly(OkxWsServer ws) {
        return new OkxLoopback(List.of("BTC-USDT"), null, ws, OkxLoopback.CALL_TIMEOUT);
    }

    /** Starts the venue and waits until the shared server's whole BTC-USDT replay (98 frames) was applied. */
    private void syncBook() {
        syncBook(98);
    }

    private void syncBook(int frames) {
        okx.venue.start(okx.sink);
        await().atMost(WAIT).until(() -> okx.venue.publicStream().checksumsVerified() == frames
                && okx.sink.lastHealth() == VenueHealth.HEALTHY);
    }

    private long snapshots() {
        return okx.sink.ofType(BookSnapshot.class).size();
    }

    /** Applies everything the engine was sent: every delta chains on, the book is never crossed. */
    private void assertEngineBookChainsAndIsNeverCrossed() {
        SequencedTestBook book = new SequencedTestBook(BTC_USDT);
        for (Event e : okx.sink.events()) {
            book.apply(e);
            if (book.isSynced()) {
                assertThat(book.isCrossed()).isFalse();
            }
        }
        assertThat(book.isSynced()).isTrue();
    }

    private static String last(List<String> frames) {
        return frames.get(frames.size() - 1);
    }

    private static String withChecksum(String frame, int checksum) {
        ObjectNode root = (ObjectNode) OkxMapper.tree(frame);
        ((ObjectNode) root.get("data").get(0)).put("checksum", checksum);
        return root.toString();
    }

    private static String withSequence(String frame, long seqId, long prevSeqId) {
        ObjectNode root = (ObjectNode) OkxMapper.tree(frame);
        ((ObjectNode) root.get("data").get(0)).put("seqId", seqId).put("prevSeqId", prevSeqId);
        return root.toString();
    }

    /** The frames with OKX's sequence fields, as OKX sends them since 2022-06. */
    private static List<String> sequenced(List<String> frames) {
        List<String> out = new ArrayList<>();
        long prev = -1;
        long seq = 5_000;
        for (String f : frames) {
            out.add(withSequence(f, seq, prev));
            prev = seq;
            seq += 2;
        }
        return out;
    }
}
