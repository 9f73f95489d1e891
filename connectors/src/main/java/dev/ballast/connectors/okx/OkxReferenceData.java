package dev.ballast.connectors.okx;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.ballast.connectors.live.CallResult;
import dev.ballast.connectors.live.VenueGateway;
import dev.ballast.core.VenueId;
import dev.ballast.core.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * OKX's instruments, one {@code GET /api/v5/public/instruments} per instrument type, cached in Caffeine: a read
 * older than {@code refresh} returns the cached list and refreshes it in the background (on {@code executor}), a
 * read older than {@code ttl} waits for a fresh one, and a failed refresh keeps the old list. Time comes from the
 * venue's clock, so tests move it by hand. Thread-safe.
 */
final class OkxReferenceData {
    private final VenueId venue;
    private final VenueGateway gateway;
    private final OkxRequests requests;
    private final LoadingCache<OkxInstrument.Type, Map<String, OkxInstrument>> cache;
    private final AtomicLong fetches = new AtomicLong();

    OkxReferenceData(VenueId venue, VenueGateway gateway, OkxRequests requests, Clock clock, Duration ttl,
                     Duration refresh, Executor executor) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.cache = Caffeine.newBuilder()
                .ticker(clock::nowNs)
                .expireAfterWrite(ttl)
                .refreshAfterWrite(refresh)
                .executor(executor)
                .build(this::load);
    }

    /** The instrument OKX lists as live under this {@code instId}, or null. @throws OkxCallException if unreachable */
    OkxInstrument find(String instId) {
        return cache.get(typeOf(instId)).get(instId);
    }

    /** Instrument lists fetched from OKX so far (for tests of the cache). */
    long fetches() {
        return fetches.get();
    }

    static OkxInstrument.Type typeOf(String instId) {
        return instId.endsWith("-SWAP") ? OkxInstrument.Type.SWAP : OkxInstrument.Type.SPOT;
    }

    private Map<String, OkxInstrument> load(OkxInstrument.Type type) {
        fetches.incrementAndGet();
        CallResult result = gateway.call(requests.instruments(type));
        if (!(result instanceof CallResult.Success success)) {
            throw new OkxCallException("okx instruments (" + type + "): " + OkxVenue.describe(result));
        }
        Map<String, OkxInstrument> byId = new LinkedHashMap<>();
        for (OkxInstrument i : OkxMapper.instruments(OkxMapper.tree(success.reply().body()), venue)) {
            byId.put(i.instId(), i);
        }
        return Map.copyOf(byId);
    }
}
