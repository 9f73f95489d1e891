package dev.ballast.connectors.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.connectors.binance.BinanceMarket;
import dev.ballast.core.event.Event;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A recording read into memory, whole or its first seconds, replays the same events as the source. */
class RecordedEventsTest {
    private static final long TEN_SECONDS_NS = 10_000_000_000L;

    private static BinanceRecordedSource coinm() {
        return new BinanceRecordedSource(BinanceMarket.COINM, RecordedFiles.files(BinanceMarket.COINM).subList(0, 1));
    }

    private static List<Event> replay(RecordedEvents recording) {
        List<Event> events = new ArrayList<>();
        try (MarketDataSource replay = recording.replay()) {
            Event e;
            while ((e = replay.next()) != null) {
                events.add(e);
            }
        }
        return events;
    }

    @Test
    void shouldReadExactlyTheEventsOfTheRecordingsFirstSeconds() {
        List<Event> all = replay(RecordedEvents.readAll(coinm()));
        long endNs = all.get(0).timestampNs() + TEN_SECONDS_NS;
        List<Event> expected = all.stream().filter(e -> e.timestampNs() < endNs).toList();

        RecordedEvents first = RecordedEvents.readFirst(coinm(), TEN_SECONDS_NS);

        assertThat(expected).hasSizeGreaterThan(100).hasSizeLessThan(all.size());
        // events hold arrays (records compare them by identity): the same kinds at the same times, in order
        assertThat(replay(first)).extracting(e -> e.getClass().getSimpleName() + "@" + e.timestampNs())
                .containsExactlyElementsOf(expected.stream()
                        .map(e -> e.getClass().getSimpleName() + "@" + e.timestampNs()).toList());
        assertThat(first.replay().describe()).contains("first 10.0 s");
    }

    @Test
    void shouldRefuseANonPositiveDuration() {
        assertThatThrownBy(() -> RecordedEvents.readFirst(coinm(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("durationNs must be > 0");
    }
}
