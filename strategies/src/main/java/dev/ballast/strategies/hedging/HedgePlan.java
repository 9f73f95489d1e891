package dev.ballast.strategies.hedging;

import dev.ballast.core.Side;
import java.util.List;
import java.util.Objects;

/**
 * The router's answer for one hedge: the orders to send (one leg, or several when splitting across venues is
 * cheaper), their total expected cost and the reason with the numbers compared. An infeasible plan has no legs,
 * an infinite cost and a reason naming why each venue could not take it. Immutable.
 *
 * @param side           the taker side of every leg
 * @param requestedSize  the size asked for, in base units
 * @param fairValue      the fair value costs are measured against
 * @param legs           the orders, in the router's venue order; empty when infeasible
 * @param totalCostQuote the expected cost of all legs in the quote currency; +∞ when infeasible
 * @param totalCostBps   the same in bps of fair value × planned size; +∞ when infeasible
 * @param split          true when the plan uses more than one venue
 * @param reason         a sentence with the numbers, e.g. "buy sim-a 0.3 BTC @≤60012.5: fee 9.00 + half spread
 *                       1.50 + impact 3.10 + basis 0.00 + stale 0.00 = 13.60 USDT (7.6 bps); next best sim-b 9.4 bps"
 */
public record HedgePlan(Side side, double requestedSize, double fairValue, List<HedgeLeg> legs,
                        double totalCostQuote, double totalCostBps, boolean split, String reason) {

    public HedgePlan {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(reason, "reason");
        legs = List.copyOf(legs);
        if (legs.isEmpty() && totalCostQuote != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("a plan without legs costs +inf (was " + totalCostQuote + ")");
        }
    }

    /** True when the plan has legs that cover the requested size (up to lot rounding). */
    public boolean feasible() {
        return !legs.isEmpty();
    }

    /**
     * The sum of the legs' sizes in base units: the requested size rounded down onto the venues' lot grids, so
     * never more than requested and less by under one lot of the coarsest venue.
     */
    public double plannedSize() {
        double sum = 0;
        for (HedgeLeg leg : legs) {
            sum += leg.sizeBase();
        }
        return sum;
    }

    @Override
    public String toString() {
        return reason;
    }
}
