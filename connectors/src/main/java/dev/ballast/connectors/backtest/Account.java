package dev.ballast.connectors.backtest;

import dev.ballast.core.Asset;
import dev.ballast.core.Balance;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Our balances on one backtest venue, per asset: total and locked, exact. For spot the free part (total − locked)
 * never goes negative — a change that would make it so is a broken invariant (the venue checks orders first); for
 * perpetuals nothing is locked and balances may go negative (see {@link ContractType}).
 *
 * <p>Not thread-safe: owned by the replay thread.
 */
final class Account {
    private final boolean mayGoNegative;
    private final Map<Asset, BigDecimal> total = new TreeMap<>();
    private final Map<Asset, BigDecimal> locked = new TreeMap<>();

    /** Starts with {@code start} and a zero balance of each of {@code assets} not in it. */
    Account(Map<Asset, BigDecimal> start, Iterable<Asset> assets, boolean mayGoNegative) {
        this.mayGoNegative = mayGoNegative;
        for (Asset asset : assets) {
            total.put(asset, BigDecimal.ZERO);
            locked.put(asset, BigDecimal.ZERO);
        }
        start.forEach((asset, amount) -> {
            total.put(asset, amount);
            locked.put(asset, BigDecimal.ZERO);
        });
    }

    BigDecimal total(Asset asset) {
        return total.getOrDefault(asset, BigDecimal.ZERO);
    }

    BigDecimal free(Asset asset) {
        return total(asset).subtract(locked.getOrDefault(asset, BigDecimal.ZERO));
    }

    void lock(Asset asset, BigDecimal amount) {
        if (amount.signum() == 0) {
            return;
        }
        if (free(asset).compareTo(amount) < 0) {
            throw new IllegalStateException("cannot lock " + amount + " " + asset + " with " + free(asset) + " free");
        }
        locked.merge(asset, amount, BigDecimal::add);
    }

    void unlock(Asset asset, BigDecimal amount) {
        if (amount.signum() == 0) {
            return;
        }
        BigDecimal now = locked.getOrDefault(asset, BigDecimal.ZERO).subtract(amount);
        if (now.signum() < 0) {
            throw new IllegalStateException("cannot unlock " + amount + " " + asset + ": only "
                    + locked.getOrDefault(asset, BigDecimal.ZERO) + " locked");
        }
        locked.put(asset, now);
    }

    /** Adds {@code delta} (may be negative) to the total; on spot it must not eat into the locked part. */
    void add(Asset asset, BigDecimal delta) {
        total.merge(asset, delta, BigDecimal::add);
        locked.putIfAbsent(asset, BigDecimal.ZERO);
        if (!mayGoNegative && free(asset).signum() < 0) {
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
