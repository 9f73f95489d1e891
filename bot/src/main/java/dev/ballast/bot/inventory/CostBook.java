package dev.ballast.bot.inventory;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The average-cost ledger of one asset, either on one venue or across all venues: the open quantity
 * (negative = short), its cost basis, realised PnL, fees and the number of fills. Money is in the
 * valuation currency. Not thread-safe: owned by the {@link InventoryAggregator} that owns it.
 *
 * <p>Implementation notes. The ledger keeps the cost basis {@code cost = quantity × averageCost} rather
 * than the average itself, so that every step except one is an exact BigDecimal addition or product.
 * The one division, the share of the basis that a partial reduction takes away, is rounded to
 * {@link #MATH} — and the very same rounded amount leaves {@code cost} and enters {@code realised}, so
 * {@code realised - cost} moves by exactly the trade's cash flow whatever the rounding. That is what
 * makes {@code realised + unrealised} equal to the change in marked value exactly, and the per-venue
 * ledgers sum to the total one exactly. Rounding only shifts at most 1e-34 relative between the
 * realised and unrealised halves. A reduction that closes the whole quantity removes the whole basis
 * (no division), so a flat ledger has a cost of exactly zero.
 */
final class CostBook {
    /** The precision of the one division in the ledger (a partial reduction's share of the basis). */
    static final MathContext MATH = MathContext.DECIMAL128;

    private BigDecimal quantity = BigDecimal.ZERO;
    private BigDecimal cost = BigDecimal.ZERO;
    private BigDecimal realised = BigDecimal.ZERO;
    private BigDecimal fees = BigDecimal.ZERO;
    /** Coins of this asset already paid away as fees whose price is not known yet (see the aggregator). */
    private BigDecimal pendingFeeDeduction = BigDecimal.ZERO;
    private long fills;

    /** Adds a starting balance; only before the ledger is opened (its cost is still zero). */
    void addStartingQuantity(BigDecimal delta) {
        quantity = quantity.add(delta);
    }

    /** Gives the quantity held so far (the starting balance) its opening cost basis at {@code price}. */
    void open(BigDecimal price) {
        cost = quantity.multiply(price);
    }

    /**
     * Applies a trade of {@code signedSize} (buy > 0, sell < 0) at {@code price} by the average-cost
     * method: growing the position (or opening from flat) adds {@code size × price} to the basis;
     * reducing realises {@code (price - averageCost) × reduced size} for a long, the mirror for a short;
     * a trade larger than the position closes it all and opens the rest at {@code price}.
     */
    void trade(BigDecimal signedSize, BigDecimal price) {
        int qSign = quantity.signum();
        if (qSign == 0 || qSign == signedSize.signum()) {
            quantity = quantity.add(signedSize);
            cost = cost.add(signedSize.multiply(price));
            return;
        }
        BigDecimal absQuantity = quantity.abs();
        BigDecimal absSize = signedSize.abs();
        if (absSize.compareTo(absQuantity) < 0) {
            // The closed part has the position's sign: -signedSize.
            BigDecimal costRemoved = cost.multiply(absSize).divide(absQuantity, MATH);
            realised = realised.add(signedSize.negate().multiply(price)).subtract(costRemoved);
            quantity = quantity.add(signedSize);
            cost = cost.subtract(costRemoved);
        } else {
            realised = realised.add(quantity.multiply(price)).subtract(cost);
            BigDecimal rest = quantity.add(signedSize);
            quantity = rest;
            cost = rest.multiply(price);
        }
        assert cost.signum() == quantity.signum() : "cost " + cost + " has not the sign of quantity " + quantity;
    }

    void addFee(BigDecimal valuationAmount) {
        fees = fees.add(valuationAmount);
    }

    void countFill() {
        fills++;
    }

    /** Records {@code amount} coins paid away as a fee whose price is not known yet. */
    void addPendingFeeDeduction(BigDecimal amount) {
        pendingFeeDeduction = pendingFeeDeduction.add(amount);
    }

    /** Prices {@code amount} pending fee coins at {@code price}: they leave the ledger as a sale at that price. */
    void settlePendingFee(BigDecimal amount, BigDecimal price) {
        pendingFeeDeduction = pendingFeeDeduction.subtract(amount);
        trade(amount.negate(), price);
    }

    /** True when nothing is held and no fee coins are pending: the value does not depend on any price. */
    boolean isFlat() {
        return quantity.signum() == 0 && pendingFeeDeduction.signum() == 0;
    }

    /** The quantity held: the ledger's quantity less fee coins not yet priced. */
    BigDecimal quantity() {
        return pendingFeeDeduction.signum() == 0 ? quantity : quantity.subtract(pendingFeeDeduction);
    }

    /** The average cost of the open quantity; zero when flat. */
    BigDecimal averageCost() {
        return quantity.signum() == 0 ? BigDecimal.ZERO : cost.divide(quantity, MATH);
    }

    /** {@code quantity × fairValue - cost}: what closing at fair value would realise. */
    BigDecimal unrealised(BigDecimal fairValue) {
        return quantity.multiply(fairValue).subtract(cost);
    }

    BigDecimal realised() {
        return realised;
    }

    BigDecimal fees() {
        return fees;
    }

    long fills() {
        return fills;
    }
}
