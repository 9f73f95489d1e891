package dev.ballast.connectors.sim;

import dev.ballast.core.Asset;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.VenueId;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One simulated venue: its id, the one-way latency of every command sent to it, maker and taker fees in bps of
 * notional (charged in the quote asset; a negative maker fee is a rebate), how far its own prices wander from the
 * shared ones (an Ornstein–Uhlenbeck dislocation per asset with stationary std {@code dislocationBps} and half-life
 * {@code dislocationHalfLifeMs}), our starting balances and its markets. Collections are copied.
 */
public record SimulatedVenueConfig(VenueId id, long latencyMs, BigDecimal makerFeeBps, BigDecimal takerFeeBps,
                                   double dislocationBps, long dislocationHalfLifeMs, Map<Asset, BigDecimal> balances,
                                   List<SimulatedMarketSpec> markets) {
    /** The dislocation half-life used when none is given: a few seconds. */
    public static final long DEFAULT_DISLOCATION_HALF_LIFE_MS = 3_000;

    public SimulatedVenueConfig {
        Objects.requireNonNull(id, "id");
        String at = "venues." + id + ".";
        if (latencyMs < 0) {
            throw new IllegalArgumentException(at + "latencyMs must be >= 0 (was " + latencyMs + ")");
        }
        Objects.requireNonNull(makerFeeBps, at + "makerFeeBps");
        Objects.requireNonNull(takerFeeBps, at + "takerFeeBps");
        if (takerFeeBps.signum() < 0) {
            throw new IllegalArgumentException(at + "takerFeeBps must be >= 0 (was " + takerFeeBps + ")");
        }
        if (makerFeeBps.negate().compareTo(takerFeeBps) > 0) {
            throw new IllegalArgumentException(at + "makerFeeBps rebate must not exceed takerFeeBps (was "
                    + makerFeeBps + " vs " + takerFeeBps + ")");
        }
        if (!(dislocationBps >= 0) || !Double.isFinite(dislocationBps)) {
            throw new IllegalArgumentException(at + "dislocationBps must be finite and >= 0 (was " + dislocationBps + ")");
        }
        if (dislocationHalfLifeMs <= 0) {
            throw new IllegalArgumentException(at + "dislocationHalfLifeMs must be > 0 (was " + dislocationHalfLifeMs + ")");
        }
        Objects.requireNonNull(balances, at + "balances");
        balances.forEach((asset, amount) -> {
            Objects.requireNonNull(asset, at + "balances asset");
            Objects.requireNonNull(amount, at + "balances." + asset);
            if (amount.signum() < 0) {
                throw new IllegalArgumentException(at + "balances." + asset + " must be >= 0 (was " + amount + ")");
            }
        });
        balances = java.util.Collections.unmodifiableMap(new TreeMap<>(balances));
        Objects.requireNonNull(markets, at + "markets");
        if (markets.isEmpty()) {
            throw new IllegalArgumentException(at + "markets must not be empty");
        }
        Set<InstrumentId> seen = new HashSet<>();
        for (SimulatedMarketSpec m : markets) {
            Objects.requireNonNull(m, at + "markets entry");
            InstrumentId instrument = m.instrument().id();
            if (!instrument.venue().equals(id)) {
                throw new IllegalArgumentException(at + "markets." + instrument.symbol() + " belongs to venue "
                        + instrument.venue() + ", not " + id);
            }
            if (!seen.add(instrument)) {
                throw new IllegalArgumentException(at + "markets." + instrument.symbol() + " is listed twice");
            }
        }
        markets = List.copyOf(markets);
    }

    /** A venue whose dislocations have the default half-life. */
    public SimulatedVenueConfig(VenueId id, long latencyMs, BigDecimal makerFeeBps, BigDecimal takerFeeBps,
                                double dislocationBps, Map<Asset, BigDecimal> balances,
                                List<SimulatedMarketSpec> markets) {
        this(id, latencyMs, makerFeeBps, takerFeeBps, dislocationBps, DEFAULT_DISLOCATION_HALF_LIFE_MS, balances,
                markets);
    }
}
