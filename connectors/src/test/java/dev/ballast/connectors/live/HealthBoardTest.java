package dev.ballast.connectors.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.connectors.testing.RecordingSink;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.VenueId;
import dev.ballast.core.event.VenueStatus;
import dev.ballast.core.time.ManualClock;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HealthBoardTest {
    private static final InstrumentId BTC = InstrumentId.of("kraken", "XBT/USD");
    private static final InstrumentId ETH = InstrumentId.of("kraken", "ETH/USD");

    private final ManualClock clock = new ManualClock(1_000);
    private final RecordingSink sink = new RecordingSink();
    private final AtomicReference<VenueHealth> rest = new AtomicReference<>(VenueHealth.HEALTHY);
    private final AtomicReference<VenueHealth> publicStream = new AtomicReference<>(VenueHealth.HEALTHY);
    private final AtomicReference<VenueHealth> privateStream = new AtomicReference<>(VenueHealth.HEALTHY);
    private final HealthBoard board = new HealthBoard(VenueId.of("kraken"), sink, clock::nowNs)
            .watch("rest", rest::get)
            .watch("stream public", publicStream::get)
            .watch("stream private", privateStream::get);

    @Test
    void shouldEmitTheFirstHealthThenOnlyChanges() {
        board.refresh();
        board.refresh();
        clock.advanceNs(5);
        publicStream.set(VenueHealth.DISCONNECTED);
        board.refresh();
        board.refresh();

        assertThat(sink.ofType(VenueStatus.class)).containsExactly(
                new VenueStatus(VenueId.of("kraken"), VenueHealth.HEALTHY, "all parts healthy", 1_000),
                new VenueStatus(VenueId.of("kraken"), VenueHealth.DISCONNECTED, "stream public: disconnected", 1_005));
    }

    @Test
    void shouldReportTheWorstPartInTheDocumentedOrder() {
        board.bookInvalid(BTC, "checksum mismatch");
        assertThat(last().detail()).isEqualTo("book XBT/USD: checksum mismatch");
        rest.set(VenueHealth.RATE_LIMITED);
        assertThat(board.refresh()).as("an invalid book outranks a rate limit").isEqualTo(VenueHealth.BOOK_INVALID);
        privateStream.set(VenueHealth.STREAM_STALE);
        assertThat(board.refresh()).isEqualTo(VenueHealth.STREAM_STALE);
        publicStream.set(VenueHealth.DISCONNECTED);
        assertThat(board.refresh()).isEqualTo(VenueHealth.DISCONNECTED);
        rest.set(VenueHealth.CIRCUIT_OPEN);
        assertThat(board.refresh()).isEqualTo(VenueHealth.CIRCUIT_OPEN);
        rest.set(VenueHealth.BANNED);
        assertThat(board.refresh()).isEqualTo(VenueHealth.BANNED);

        assertThat(last().detail()).isEqualTo("rest: banned (+3 more)");
        assertThat(sink.ofType(VenueStatus.class)).extracting(VenueStatus::health).containsExactly(
                VenueHealth.BOOK_INVALID, VenueHealth.STREAM_STALE, VenueHealth.DISCONNECTED,
                VenueHealth.CIRCUIT_OPEN, VenueHealth.BANNED);
    }

    @Test
    void shouldStayBookInvalidUntilEveryBookIsValidAgain() {
        board.bookInvalid(BTC, "sequence gap");
        board.bookInvalid(ETH, "checksum mismatch");

        assertThat(board.bookValid(BTC)).isEqualTo(VenueHealth.BOOK_INVALID);
        assertThat(board.bookValid(ETH)).isEqualTo(VenueHealth.HEALTHY);
        assertThat(sink.ofType(VenueStatus.class)).extracting(VenueStatus::health)
                .containsExactly(VenueHealth.BOOK_INVALID, VenueHealth.HEALTHY);
    }

    @Test
    void shouldOfferAgainAStatusTheSinkRefused() {
        AtomicReference<Boolean> accept = new AtomicReference<>(false);
        RecordingSink accepted = new RecordingSink();
        HealthBoard b = new HealthBoard(VenueId.of("okx"), e -> accept.get() && accepted.offer(e), clock::nowNs);

        b.refresh();
        assertThat(b.current()).isNull();
        accept.set(true);
        b.refresh();

        assertThat(accepted.ofType(VenueStatus.class)).extracting(VenueStatus::health)
                .containsExactly(VenueHealth.HEALTHY);
        assertThat(b.current()).isEqualTo(VenueHealth.HEALTHY);
    }

    @Test
    void shouldRefuseToWatchTheSamePartTwice() {
        assertThatThrownBy(() -> board.watch("rest", rest::get)).hasMessageContaining("'rest'");
    }

    private VenueStatus last() {
        var all = sink.ofType(VenueStatus.class);
        return all.get(all.size() - 1);
    }
}
