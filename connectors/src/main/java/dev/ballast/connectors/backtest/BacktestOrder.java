package dev.ballast.connectors.backtest;

import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Instrument;
import dev.ballast.core.OpenOrder;
import dev.ballast.core.Side;
import dev.ballast.core.VenueOrderId;
import java.math.BigDecimal;

/**
 * One of our post-only orders resting on a backtest venue: price and size in ticks and lots, how much has filled,
 * its place in the recorded queue at its price ({@link #aheadLots}) and what it keeps locked. The queue rules are
 * {@link RestingOrders}'.
 *
 * <p>Not thread-safe: owned by the replay thread.
 */
final class BacktestOrder {
    final ClientOrderId clientOrderId;
    final VenueOrderId venueOrderId;
    final Side side;
    final long priceTicks;
    final BigDecimal price;
    final long sizeLots;
    /** Placement order on the venue: time priority among our orders at one price. */
    final long sequence;
    /** What one lot of this order keeps locked (zero off spot); a lock is linear in lots, so exact. */
    private final BigDecimal lockPerLot;
    private long filledLots;

    /** Recorded lots queued ahead of us at our price; never more than the recorded level. */
    long aheadLots;
    /** Recorded volume traded against our price level since a depth update last touched it. */
    long tradedSinceDepthLots;
    /** Whether the published book shows this order (false while the recorded other side is at or through it). */
    boolean shown;
    /** Scratch: the recorded size at our price just before a depth update. */
    long levelLotsBefore;

    BacktestOrder(ClientOrderId clientOrderId, VenueOrderId venueOrderId, Side side, long priceTicks, BigDecimal price,
                  long sizeLots, long sequence, BigDecimal lockPerLot) {
        this.clientOrderId = clientOrderId;
        this.venueOrderId = venueOrderId;
        this.side = side;
        this.priceTicks = priceTicks;
        this.price = price;
        this.sizeLots = sizeLots;
        this.sequence = sequence;
        this.lockPerLot = lockPerLot;
    }

    long filledLots() {
        return filledLots;
    }

    long remainingLots() {
        return sizeLots - filledLots;
    }

    boolean isFilled() {
        return filledLots == sizeLots;
    }

    /**
     * Records a fill of {@code lots}.
     *
     * @return the part of the lock those lots release
     * @throws IllegalStateException if {@code lots} is not in 1..remaining
     */
    BigDecimal fill(long lots) {
        if (lots <= 0 || lots > remainingLots()) {
            throw new IllegalStateException("order " + clientOrderId + ": fill of " + lots + " lots with "
                    + remainingLots() + " remaining");
        }
        filledLots += lots;
        return lockedFor(lots);
    }

    /** What the unfilled rest keeps locked. */
    BigDecimal lockedForRemaining() {
        return lockedFor(remainingLots());
    }

    /** What {@code lots} of this order keep locked. */
    BigDecimal lockedFor(long lots) {
        return lockPerLot.multiply(BigDecimal.valueOf(lots));
    }

    /** True when this order's price is strictly better, for its side, than {@code priceTicks}. */
    boolean isBetterThan(long otherPriceTicks) {
        return side == Side.BUY ? priceTicks > otherPriceTicks : priceTicks < otherPriceTicks;
    }

    OpenOrder toOpenOrder(Instrument instrument) {
        return new OpenOrder(clientOrderId, venueOrderId, instrument.id(), side, price,
                instrument.lotsToSize(sizeLots), instrument.lotsToSize(filledLots));
    }

    @Override
    public String toString() {
        return clientOrderId + " " + side + " " + remainingLots() + "/" + sizeLots + " @" + priceTicks + " ahead "
                + aheadLots;
    }
}
