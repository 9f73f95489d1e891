package dev.ballast.connectors.sim;

import dev.ballast.core.Asset;
import dev.ballast.core.Balance;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Our balances on one simulated venue, exact: per asset a total and the part of it locked by resting orders;
 * free = total − locked. A change that would make free or locked negative is a broken invariant and throws (the
 * venue checks free balance before it accepts an order, and locks enough to pay for it).
 *
 * <p>Not thread-safe: owned by the thread driving the simulation.
 */
final class Ledger {
    private final Map<Asset, BigDecimal> total = new TreeMap<>();
    private final Map<Asset, BigDecimal> locked = new TreeMap<>();

    Ledger(Map<Asset, BigDecimal> start, Collection<Asset> traded) {
        for (Asset asset : traded) {
            total.put(asset, BigDecimal.ZERO);
            locked.put(asset, BigDecimal.ZERO);
        }
        start.forEach((asset, amount) -> {
            total.put(asset, amount);
            locked.put(asset, BigDecimal.ZERO);
        });
    }

    BigDecimal free(Asset asset) {
        return total(asset).subtract(locked.getOrDefault(asset, BigDecimal.ZERO));
    }

    BigDecimal total(Asset asset) {
        return total.getOrDefault(asset, BigDecimal.ZERO);
    }

    void lock(Asset asset, BigDecimal amount) {
        if (free(asset).compareTo(amount) < 0) {
            throw new IllegalStateException("cannot lock " + amount + " " + asset + " with " + free(asset) + " free");
        }
        locked.merge(asset, amount, BigDecimal::add);
    }

    void unlock(Asset asset, BigDecimal amount) {
        BigDecimal now = locked.getOrDefault(asset, BigDecimal.ZERO).subtract(amount);
        if (now.signum() < 0) {
            throw new IllegalStateException("cannot unlock " + amount + " " + asset + ": only "
                    + locked.getOrDefault(asset, BigDecimal.ZERO) + " locked");
        }
        locked.put(asset, now);
    }

    /** Adds {@code delta} (may be negative) to the total; it must not eat into the locked part. */
    void add(Asset asset, BigDecimal delta) {
        total.merge(asset, delta, BigDecimal::add);
        locked.putIfAbsent(asset, BigDecimal.ZERO);
        if (free(asset).signum() < 0) {
            throw new IllegalStateException(asset + ": free balance would go negative (total " + total(asset)
                    + ", locked " + locked.get(asset) + ")");
        }
    }

    /** An immutable view, one {@link Balance} per asset, in asset order. */
    Map<Asset, Balance> view() {
        Map<Asset, Balance> out = new TreeMap<>();
        total.forEach((asset, t) -> {
            BigDecimal l = locked.getOrDefault(asset, BigDecimal.ZERO);
            out.put(asset, new Balance(asset, t, t.subtract(l), l));
        });
        return Collections.unmodifiableMap(out);
    }
}
