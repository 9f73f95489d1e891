package dev.ballast.connectors.marketdata;

import dev.ballast.core.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A market recording read once into memory, to be replayed as many times as needed: a backtest runs its strategy
 * and its baselines on the same data without reading and parsing the files again. Events are immutable, so every
 * replay sees exactly the same stream. About 150–300 bytes per event: a million events is a few hundred MB.
 */
public final class RecordedEvents {
    private final List<Event> events;
    private final List<InstrumentFeed> instruments;
    private final String description;
    private final long malformed;
    private final long gaps;

    private RecordedEvents(List<Event> events, List<InstrumentFeed> instruments, String description, long malformed,
                           long gaps) {
        this.events = events;
        this.instruments = instruments;
        this.description = description;
        this.malformed = malformed;
        this.gaps = gaps;
    }

    /** Drains {@code source} (to its end) into memory and closes it. */
    public static RecordedEvents readAll(MarketDataSource source) {
        Objects.requireNonNull(source, "source");
        List<Event> events = new ArrayList<>();
        try (source) {
            Event e;
            while ((e = source.next()) != null) {
                events.add(e);
            }
            return new RecordedEvents(List.copyOf(events), List.copyOf(source.instruments()), source.describe(),
                    source.malformedCount(), source.gapCount());
        }
    }

    /**
     * Drains the first {@code durationNs} of exchange time of {@code source} into memory — the events stamped
     * before the first event's time plus {@code durationNs} — and closes it.
     *
     * @throws IllegalArgumentException if {@code durationNs} is not positive
     */
    public static RecordedEvents readFirst(MarketDataSource source, long durationNs) {
        Objects.requireNonNull(source, "source");
        List<Event> events = new ArrayList<>();
        try (source) {
            if (durationNs <= 0) {
                throw new IllegalArgumentException("durationNs must be > 0 (was " + durationNs + ")");
            }
            Event first = source.peek();
            long endNs = first == null || first.timestampNs() > Long.MAX_VALUE - durationNs ? Long.MAX_VALUE
                    : first.timestampNs() + durationNs;
            Event e;
            while ((e = source.peek()) != null && e.timestampNs() < endNs) {
                events.add(source.next());
            }
            return new RecordedEvents(List.copyOf(events), List.copyOf(source.instruments()),
                    source.describe() + ", first " + durationNs / 1_000_000_000.0 + " s", source.malformedCount(),
                    source.gapCount());
        }
    }

    public int size() {
        return events.size();
    }

    /** A fresh source replaying the recording from its first event. */
    public MarketDataSource replay() {
        return new MarketDataSource() {
            private int next;
            private boolean closed;

            @Override
            public Event next() {
                return closed || next >= events.size() ? null : events.get(next++);
            }

            @Override
            public Event peek() {
                return closed || next >= events.size() ? null : events.get(next);
            }

            @Override
            public List<InstrumentFeed> instruments() {
                return instruments;
            }

            @Override
            public long malformedCount() {
                return malformed;
            }

            @Override
            public long gapCount() {
                return gaps;
            }

            @Override
            public double progress() {
                return events.isEmpty() ? 1 : (double) next / events.size();
            }

            @Override
            public String describe() {
                return description + " (from memory)";
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    }
}
