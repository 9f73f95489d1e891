package dev.ballast.connectors.kraken;

import dev.ballast.connectors.live.Endpoint;
import dev.ballast.connectors.live.RateBudget;
import dev.ballast.connectors.live.RequestKind;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One Kraken API key's limits, as Kraken counts them ({@link KrakenRateTier}): private reads draw on the key's
 * API counter (trade history costs 2), AddOrder and CancelOrder on their pair's trading counter (CancelOrder
 * costs its age penalty), public market data on neither (Kraken limits it per IP; we call it once per metadata
 * refresh) and CancelAll on neither (getting out of the market is never held back by us; Kraken still counts it).
 * Each counter is a decaying counter from the kit, made by the {@link CounterFactory} given.
 *
 * <p>When Kraken says slow down ({@code EAPI:Rate limit exceeded}, {@code EOrder:Rate limit exceeded},
 * {@code EService:Throttled}) every counter of the key holds back for the time asked: the reply does not say
 * which counter Kraken meant. Thread-safe: shared by every caller that uses the key.
 */
public final class KrakenRateBudget implements RateBudget {
    /** Makes one decaying counter: at most {@code max} outstanding, draining {@code decayPerSecond}. */
    @FunctionalInterface
    public interface CounterFactory {
        RateBudget counter(double max, double decayPerSecond);
    }

    private final KrakenRateTier tier;
    private final CounterFactory factory;
    private final RateBudget apiCounter;
    private final ConcurrentMap<String, RateBudget> tradingCounters = new ConcurrentHashMap<>();
    private volatile long throttledUntilNs;
    private volatile boolean throttled;

    public KrakenRateBudget(KrakenRateTier tier, CounterFactory factory) {
        this.tier = Objects.requireNonNull(tier, "tier");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.apiCounter = factory.counter(tier.apiCounterMax(), tier.apiDecayPerSecond());
    }

    public KrakenRateTier tier() {
        return tier;
    }

    @Override
    public long tryAcquire(Endpoint endpoint, long nowNs) {
        RateBudget counter = counterFor(endpoint);
        if (counter == null) {
            return 0;
        }
        if (throttled && throttledUntilNs > nowNs) {
            return throttledUntilNs - nowNs;
        }
        return counter.tryAcquire(endpoint, nowNs);
    }

    @Override
    public void onThrottled(long retryAfterNs, long nowNs) {
        long until = nowNs + Math.max(retryAfterNs, 0);
        synchronized (this) {
            if (!throttled || until > throttledUntilNs) {
                throttledUntilNs = until;
                throttled = true;
            }
        }
        apiCounter.onThrottled(retryAfterNs, nowNs);
        tradingCounters.values().forEach(c -> c.onThrottled(retryAfterNs, nowNs));
    }

    /** The counter an endpoint draws on, or null for calls we do not hold back. */
    private RateBudget counterFor(Endpoint endpoint) {
        if (endpoint.weight() == 0 || endpoint.kind() == RequestKind.MARKET_DATA) {
            return null;
        }
        if (endpoint.kind() == RequestKind.ACCOUNT) {
            return apiCounter;
        }
        String pair = KrakenEndpoints.pairOf(endpoint);
        if (pair == null) {
            return null;
        }
        return tradingCounters.computeIfAbsent(pair,
                p -> factory.counter(tier.tradingThreshold(), tier.tradingDecayPerSecond()));
    }
}
