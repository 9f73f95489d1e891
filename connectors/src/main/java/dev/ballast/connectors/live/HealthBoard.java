package dev.ballast.connectors.live;

import dev.ballast.core.InstrumentId;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.VenueId;
import dev.ballast.core.event.EventSink;
import dev.ballast.core.event.VenueStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One venue's health, made of its parts — the REST gateway, each stream, the validity of each instrument's book —
 * and sent to the engine as a {@link VenueStatus} only when it changes.
 *
 * <p>The worst part wins, in this order (first is worst): {@link #SEVERITY}: BANNED, CIRCUIT_OPEN, DISCONNECTED,
 * STREAM_STALE, BOOK_INVALID, RATE_LIMITED, HEALTHY. Every state but HEALTHY already makes the venue unusable; the
 * order decides which cause is reported: the one that lasts longest and explains the others (a ban outlasts
 * anything; a dropped stream is why its books are invalid; a rate limit clears within seconds). The detail names
 * the worst part, e.g. {@code "stream public: disconnected (+1 more)"} or {@code "book BTCUSDT: checksum mismatch"}.
 *
 * <p>Who calls {@link #refresh()}: the venue, after anything that may change a part (a gateway call, a stream's
 * {@link StreamListener#onHealthChanged}, a book resync), and on a timer ({@link #refreshEvery}) for what changes
 * with time alone (a ban or a throttle running out). Thread-safe: one lock; the sink is offered to under it so
 * statuses leave in order. A status the sink refuses (inbox full) is offered again at the next refresh.
 */
public final class HealthBoard {
    /** Worst first. */
    public static final List<VenueHealth> SEVERITY = List.of(VenueHealth.BANNED, VenueHealth.CIRCUIT_OPEN,
            VenueHealth.DISCONNECTED, VenueHealth.STREAM_STALE, VenueHealth.BOOK_INVALID, VenueHealth.RATE_LIMITED,
            VenueHealth.HEALTHY);

    private static final Logger LOG = LoggerFactory.getLogger(HealthBoard.class);

    private final VenueId venue;
    private final EventSink sink;
    private final LongSupplier nanoClock;
    private final Map<String, Supplier<VenueHealth>> parts = new LinkedHashMap<>();
    private final Map<InstrumentId, String> invalidBooks = new LinkedHashMap<>();
    private VenueHealth emitted;

    public HealthBoard(VenueId venue, EventSink sink, LongSupplier nanoClock) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** Watches the REST gateway as part {@code "rest"}. */
    public HealthBoard watchGateway(VenueGateway gateway) {
        return watch("rest", gateway::health);
    }

    /** Watches a stream as part {@code "stream <name>"}. */
    public HealthBoard watchStream(String name, WebSocketStream stream) {
        Objects.requireNonNull(stream, "stream");
        return watch("stream " + name, stream::health);
    }

    /** Watches any part that can say its health. @throws IllegalArgumentException if the name is taken */
    public synchronized HealthBoard watch(String part, Supplier<VenueHealth> health) {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(health, "health");
        if (parts.putIfAbsent(part, health) != null) {
            throw new IllegalArgumentException("health part '" + part + "' is already watched");
        }
        return this;
    }

    /** The book of {@code instrument} lost sync ({@code reason}: "sequence gap", "checksum mismatch", ...). */
    public synchronized VenueHealth bookInvalid(InstrumentId instrument, String reason) {
        invalidBooks.put(Objects.requireNonNull(instrument, "instrument"), reason == null ? "" : reason);
        return refresh();
    }

    /** The book of {@code instrument} is synced again. */
    public synchronized VenueHealth bookValid(InstrumentId instrument) {
        invalidBooks.remove(instrument);
        return refresh();
    }

    /** Asks every part, and sends a {@link VenueStatus} if the venue's health changed. @return the health now */
    public synchronized VenueHealth refresh() {
        VenueHealth worst = VenueHealth.HEALTHY;
        String worstPart = null;
        int unhealthy = 0;
        for (Map.Entry<String, Supplier<VenueHealth>> p : parts.entrySet()) {
            VenueHealth h = p.getValue().get();
            if (h != VenueHealth.HEALTHY) {
                unhealthy++;
                if (worse(h, worst)) {
                    worst = h;
                    worstPart = p.getKey() + ": " + h.description();
                }
            }
        }
        for (Map.Entry<InstrumentId, String> b : invalidBooks.entrySet()) {
            unhealthy++;
            if (worse(VenueHealth.BOOK_INVALID, worst)) {
                worst = VenueHealth.BOOK_INVALID;
                worstPart = "book " + b.getKey().symbol() + ": "
                        + (b.getValue().isEmpty() ? VenueHealth.BOOK_INVALID.description() : b.getValue());
            }
        }
        if (worst != emitted) {
            String detail = worstPart == null ? "all parts healthy"
                    : worstPart + (unhealthy > 1 ? " (+" + (unhealthy - 1) + " more)" : "");
            if (sink.offer(new VenueStatus(venue, worst, detail, nanoClock.getAsLong()))) {
                LOG.info("{}: venue health {} -> {} ({})", venue,
                        emitted == null ? "none" : emitted.description(), worst.description(), detail);
                emitted = worst;
            } else {
                LOG.warn("{}: venue status {} not accepted by the sink; will retry", venue, worst.description());
            }
        }
        return worst;
    }

    /** The last health sent, or null before the first {@link #refresh()}. */
    public synchronized VenueHealth current() {
        return emitted;
    }

    /** Calls {@link #refresh()} every {@code period} on {@code executor} (the venue's own scheduler). */
    public ScheduledFuture<?> refreshEvery(ScheduledExecutorService executor, Duration period) {
        long ns = period.toNanos();
        return executor.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                LOG.warn("{}: health refresh failed ({})", venue, e.getClass().getSimpleName());
            }
        }, ns, ns, TimeUnit.NANOSECONDS);
    }

    private static boolean worse(VenueHealth a, VenueHealth b) {
        return SEVERITY.indexOf(a) < SEVERITY.indexOf(b);
    }
}
