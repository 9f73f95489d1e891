package dev.ballast.connectors.sim;

import dev.ballast.core.Asset;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Instrument;
import dev.ballast.core.OpenOrder;
import dev.ballast.core.Side;
import dev.ballast.core.VenueOrderId;
import java.math.BigDecimal;

/**
 * One of our post-only orders resting on a simulated book: its price and size in ticks and lots, how much has
 * filled, how much synthetic size is queued ahead of it at its price, and the balance it keeps locked.
 *
 * <p>Not thread-safe: owned by the thread driving the simulation.
 */
final class RestingOrder {
    final ClientOrderId clientOrderId;
    final VenueOrderId venueOrderId;
    final Instrument instrument;
    final Side side;
    final long priceTicks;
    final BigDecimal price;
    final long sizeLots;
    /** For a buy, quote locked per unit of notional (1 + the largest fee rate it can pay); unused for a sell. */
    private final BigDecimal buyLockMultiplier;
    private long filledLots;
    /** Synthetic lots queued ahead of this order at its price (never more than the level's synthetic size). */
    long aheadLots;

    RestingOrder(ClientOrderId clientOrderId, VenueOrderId venueOrderId, Instrument instrument, Side side,
                 long priceTicks, long sizeLots, BigDecimal buyLockMultiplier) {
        this.clientOrderId = clientOrderId;
        this.venueOrderId = venueOrderId;
        this.instrument = instrument;
        this.side = side;
        this.priceTicks = priceTicks;
        this.price = instrument.ticksToPrice(priceTicks);
        this.sizeLots = sizeLots;
        this.buyLockMultiplier = buyLockMultiplier;
    }

    long remainingLots() {
        return sizeLots - filledLots;
    }

    boolean isFilled() {
        return filledLots == sizeLots;
    }

    void fill(long lots) {
        if (lots <= 0 || lots > remainingLots()) {
            throw new IllegalStateException("order " + clientOrderId + ": fill of " + lots + " lots with "
                    + remainingLots() + " remaining");
        }
        filledLots += lots;
    }

    /** The asset this order keeps locked: the quote for a buy, the base for a sell. */
    Asset lockAsset() {
        return side == Side.BUY ? instrument.quote() : instrument.base();
    }

    /** The amount of {@link #lockAsset()} that {@code lots} of this order keep locked. */
    BigDecimal lockFor(long lots) {
        BigDecimal size = instrument.lotsToSize(lots);
        return side == Side.BUY ? price.multiply(size).multiply(buyLockMultiplier) : size;
    }

    OpenOrder toOpenOrder() {
        return new OpenOrder(clientOrderId, venueOrderId, instrument.id(), side, price,
                instrument.lotsToSize(sizeLots), instrument.lotsToSize(filledLots));
    }
}
