package dev.ballast.connectors.sim;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * One price of one side of a simulated book: the synthetic size resting there and our own orders, in queue order.
 *
 * <p>Queue priority: price-time, with the synthetic size treated as other people's orders. When our order joins
 * the level, every synthetic lot resting there at that moment is ahead of it ({@link RestingOrder#aheadLots});
 * synthetic size that appears later queues behind it. A taker consumes the queue front to back. When the synthetic
 * size shrinks without trading (the ladder moved away and its orders were cancelled) the cancelled lots are assumed
 * to come from the back of the queue — the conservative choice: our position only improves when lots ahead of us
 * actually trade, or when fewer lots remain in total than were ahead of us.
 *
 * <p>Not thread-safe: owned by the thread driving the simulation.
 */
final class Level {
    /** Told about each lot of ours a taker consumes. */
    interface OwnFillHandler {
        void onFill(RestingOrder order, long lots);
    }

    final long priceTicks;
    private long syntheticLots;
    private final ArrayDeque<RestingOrder> own = new ArrayDeque<>();

    Level(long priceTicks) {
        this.priceTicks = priceTicks;
    }

    long syntheticLots() {
        return syntheticLots;
    }

    /** Synthetic plus our remaining size: what the public book shows at this price. */
    long totalLots() {
        long total = syntheticLots;
        for (RestingOrder o : own) {
            total += o.remainingLots();
        }
        return total;
    }

    boolean isEmpty() {
        return syntheticLots == 0 && own.isEmpty();
    }

    boolean hasOwn() {
        return !own.isEmpty();
    }

    /** Our orders at this price, in queue order. */
    Iterable<RestingOrder> own() {
        return own;
    }

    RestingOrder firstOwn() {
        return own.peekFirst();
    }

    /** Sets the synthetic size without trading: growth queues behind us, shrinkage is cancelled from the back. */
    void setSyntheticLots(long lots) {
        if (lots < 0) {
            throw new IllegalArgumentException("synthetic lots must be >= 0 (was " + lots + ")");
        }
        if (lots < syntheticLots) {
            for (RestingOrder o : own) {
                o.aheadLots = Math.min(o.aheadLots, lots);
            }
        }
        syntheticLots = lots;
    }

    /** Removes synthetic lots that traded against an order of ours on the other side (the front of the queue). */
    void tradeSynthetic(long lots) {
        if (lots < 0 || lots > syntheticLots) {
            throw new IllegalArgumentException("cannot trade " + lots + " of " + syntheticLots + " synthetic lots");
        }
        syntheticLots -= lots;
        for (RestingOrder o : own) {
            o.aheadLots = Math.max(0, o.aheadLots - lots);
        }
    }

    /** Our order joins the back of the queue. */
    void join(RestingOrder order) {
        order.aheadLots = syntheticLots;
        own.addLast(order);
    }

    /** Our order leaves the queue (cancelled or filled); the size ahead of the others is unchanged. */
    void remove(RestingOrder order) {
        own.remove(order);
    }

    /**
     * Lets an anonymous taker consume up to {@code lots} from the front of the queue, filling our orders it reaches
     * (filled orders leave the level).
     *
     * @return the lots consumed
     */
    long take(long lots, OwnFillHandler handler) {
        long remaining = lots;
        long syntheticTaken = 0;
        Iterator<RestingOrder> it = own.iterator();
        while (remaining > 0 && it.hasNext()) {
            RestingOrder o = it.next();
            long before = Math.min(remaining, Math.max(0, o.aheadLots - syntheticTaken));
            syntheticTaken += before;
            remaining -= before;
            if (remaining == 0) {
                break;
            }
            long mine = Math.min(remaining, o.remainingLots());
            o.fill(mine);
            remaining -= mine;
            if (o.isFilled()) {
                it.remove();
            }
            handler.onFill(o, mine);
        }
        if (remaining > 0) {
            long after = Math.min(remaining, syntheticLots - syntheticTaken);
            syntheticTaken += after;
            remaining -= after;
        }
        syntheticLots -= syntheticTaken;
        for (RestingOrder o : own) {
            o.aheadLots = Math.max(0, o.aheadLots - syntheticTaken);
        }
        return lots - remaining;
    }
}
