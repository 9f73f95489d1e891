package dev.ballast.strategies.rebalance;

import dev.ballast.core.Side;

/**
 * The cost, in the quote currency, of hedging a size now on the best venue (or the best split across venues),
 * as the hedge router prices it at the moment of the decision: fees + half spread + book impact + staleness
 * penalty, measured against fair value. This is the only thing {@link RebalanceDecider} needs from the router;
 * it decides a size, and the caller asks the router for the plan (venue, limit price) of that size.
 *
 * <p>Contract, for the side and any size the decider asks about (a whole number of lots, > 0):
 * <ul>
 *   <li>{@link Double#POSITIVE_INFINITY} when the size cannot be hedged now (no healthy venue, book too thin,
 *       balance too small, below every venue's minimum notional) — an expected outcome, not an error;</li>
 *   <li>otherwise a finite number, possibly negative (a venue whose price is better than fair value);</li>
 *   <li>never NaN or −∞: the decider treats those as a broken router and throws;</li>
 *   <li>feasibility is monotone: if a size is feasible, every smaller size the router accepts is too (the
 *       decider relies on it only when waiting is unbounded and it looks for the largest feasible hedge);</li>
 *   <li>pure for the duration of one decision: the same question gets the same answer (the decider asks
 *       about several sizes, some more than once).</li>
 * </ul>
 * Called on the engine thread only.
 */
@FunctionalInterface
public interface HedgeCostCurve {
    /**
     * @param side     the side of the hedge order: SELL when the drift is long, BUY when short
     * @param sizeBase the hedge size in base units, > 0
     * @return the expected cost of hedging {@code sizeBase} now, in the quote currency, or +∞ when infeasible
     */
    double costQuote(Side side, double sizeBase);
}
