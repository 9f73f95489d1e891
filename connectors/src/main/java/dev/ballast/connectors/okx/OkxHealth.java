package dev.ballast.connectors.okx;

import dev.ballast.core.VenueHealth;
import dev.ballast.core.VenueId;
import dev.ballast.core.event.EventSink;
import dev.ballast.core.event.VenueStatus;
import dev.ballast.core.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The venue's health as one value: each part (public stream, private stream, each book, the REST gateway) reports
 * its own state, the venue is as healthy as its worst part, and a {@link VenueStatus} goes to the sink only when that
 * worst state changes. Severity, worst first: BANNED, DISCONNECTED, STREAM_STALE, CIRCUIT_OPEN, RATE_LIMITED,
 * BOOK_INVALID, HEALTHY. Thread-safe: the stream threads, the order thread and the watchdog all report here.
 */
final class OkxHealth {
    private static final List<VenueHealth> WORST_FIRST = List.of(VenueHealth.BANNED, VenueHealth.DISCONNECTED,
            VenueHealth.STREAM_STALE, VenueHealth.CIRCUIT_OPEN, VenueHealth.RATE_LIMITED, VenueHealth.BOOK_INVALID,
            VenueHealth.HEALTHY);
    private static final Map<VenueHealth, Integer> RANK = new EnumMap<>(VenueHealth.class);

    static {
        for (int i = 0; i < WORST_FIRST.size(); i++) {
            RANK.put(WORST_FIRST.get(i), i);
        }
    }

    private record Part(VenueHealth health, String detail) {
    }

    private final VenueId venue;
    private final Clock clock;
    private final Map<String, Part> parts = new LinkedHashMap<>();
    private EventSink sink;
    private VenueHealth published;

    OkxHealth(VenueId venue, Clock clock) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Where status changes go from now on. */
    synchronized void attach(EventSink eventSink) {
        this.sink = Objects.requireNonNull(eventSink, "eventSink");
        published = null;
        publishIfChanged();
    }

    /** Sets one part's state; publishes when the venue's worst state changes. */
    synchronized void set(String part, VenueHealth health, String detail) {
        parts.put(part, new Part(health, detail));
        publishIfChanged();
    }

    /** Forgets a part (a stream that is not used). */
    synchronized void remove(String part) {
        parts.remove(part);
        publishIfChanged();
    }

    /** The venue's health now: its worst part, HEALTHY when no part reports. */
    synchronized VenueHealth current() {
        return worst().health();
    }

    /** Why the venue is in its current state, e.g. {@code "book:BTC-USDT: checksum mismatch"}. */
    synchronized String detail() {
        return worst().detail();
    }

    private Part worst() {
        Part worst = new Part(VenueHealth.HEALTHY, "");
        String worstName = "";
        for (Map.Entry<String, Part> e : parts.entrySet()) {
            if (RANK.get(e.getValue().health()) < RANK.get(worst.health())) {
                worst = e.getValue();
                worstName = e.getKey();
            }
        }
        return worstName.isEmpty() ? worst : new Part(worst.health(), worstName + ": " + worst.detail());
    }

    private void publishIfChanged() {
        if (sink == null) {
            return;
        }
        Part now = worst();
        if (now.health() != published) {
            published = now.health();
            sink.offer(new VenueStatus(venue, now.health(), now.detail(), clock.nowNs()));
        }
    }
}
