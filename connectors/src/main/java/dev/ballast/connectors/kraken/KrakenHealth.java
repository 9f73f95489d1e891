package dev.ballast.connectors.kraken;

import dev.ballast.core.InstrumentId;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.VenueId;
import dev.ballast.core.event.EventSink;
import dev.ballast.core.event.VenueStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The Kraken venue's health as one value: the worst of its parts — the REST gateway (ban, breaker, budget), each
 * stream (disconnected, stale) and each book (invalid while it waits for a fresh snapshot). Emits a
 * {@link VenueStatus} on the sink only when the value or its reason changes. Worst first: BANNED, CIRCUIT_OPEN,
 * DISCONNECTED, STREAM_STALE, BOOK_INVALID, RATE_LIMITED, HEALTHY.
 *
 * <p>Thread-safe: the stream threads report books, the watchdog polls the rest; all changes are serialised
 * here so that status events leave in the order the changes happened.
 */
final class KrakenHealth {
    private static final List<VenueHealth> WORST_FIRST = List.of(VenueHealth.BANNED, VenueHealth.CIRCUIT_OPEN,
            VenueHealth.DISCONNECTED, VenueHealth.STREAM_STALE, VenueHealth.BOOK_INVALID, VenueHealth.RATE_LIMITED,
            VenueHealth.HEALTHY);

    private final VenueId venue;
    private final EventSink sink;
    private final LongSupplier clock;
    private final Map<String, Supplier<VenueHealth>> parts = new TreeMap<>();
    private final Map<InstrumentId, String> invalidBooks = new TreeMap<>((a, b) -> a.symbol().compareTo(b.symbol()));
    private VenueHealth current;
    private String currentDetail = "";

    /** @param clock epoch nanoseconds, the time of the status events */
    KrakenHealth(VenueId venue, EventSink sink, LongSupplier clock) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Adds a polled part: the REST gateway, a stream. */
    synchronized KrakenHealth watch(String part, Supplier<VenueHealth> health) {
        parts.put(part, health);
        return this;
    }

    /** A book lost sync (or has not had its first snapshot). */
    synchronized VenueHealth bookInvalid(InstrumentId instrument, String reason) {
        invalidBooks.put(instrument, reason);
        return refresh();
    }

    /** A book is in sync again. */
    synchronized VenueHealth bookValid(InstrumentId instrument) {
        if (invalidBooks.remove(instrument) != null) {
            return refresh();
        }
        return current();
    }

    synchronized VenueHealth current() {
        return current == null ? VenueHealth.DISCONNECTED : current;
    }

    /** Polls every part; emits a status if the venue's health or its reason changed. @return the health now */
    synchronized VenueHealth refresh() {
        VenueHealth worst = VenueHealth.HEALTHY;
        List<String> reasons = new ArrayList<>();
        for (Map.Entry<String, Supplier<VenueHealth>> part : parts.entrySet()) {
            VenueHealth h = part.getValue().get();
            if (h != VenueHealth.HEALTHY) {
                reasons.add(part.getKey() + " " + h.description());
                worst = worse(worst, h);
            }
        }
        for (Map.Entry<InstrumentId, String> book : invalidBooks.entrySet()) {
            reasons.add(book.getKey().symbol() + " book " + book.getValue());
            worst = worse(worst, VenueHealth.BOOK_INVALID);
        }
        String detail = String.join("; ", reasons);
        if (worst != current || !detail.equals(currentDetail)) {
            current = worst;
            currentDetail = detail;
            sink.offer(new VenueStatus(venue, worst, detail, clock.getAsLong()));
        }
        return worst;
    }

    private static VenueHealth worse(VenueHealth a, VenueHealth b) {
        return WORST_FIRST.indexOf(a) <= WORST_FIRST.indexOf(b) ? a : b;
    }
}
