package dev.ballast.strategies.quoting;

import static dev.ballast.strategies.internal.ParamChecks.nonNegative;
import static dev.ballast.strategies.internal.ParamChecks.positive;
import static dev.ballast.strategies.internal.ParamChecks.positiveOrInfinite;

/**
 * The settings every quote model shares: the quote size, the inventory limit it shrinks against, the spread
 * floor and whether the side that grows the position shrinks. Applied the same way by every model (see
 * {@link QuoteAdjustments}). Immutable.
 *
 * @param quoteSize          base units per quote, > 0 (also the model unit Δ of the Avellaneda–Stoikov and
 *                           Guéant models). BTC 0.01, ETH 0.1.
 * @param maxPosition        the largest |drift| allowed, base units, > 0 (the asset's band; the same value the
 *                           engine gives {@link InventoryBand}). +∞ only when nothing depends on it.
 * @param minSpreadBps       the narrowest full spread quoted, bps of fair value, >= 0; a narrower model quote is
 *                           widened symmetrically around its centre. BTC 2, ETH 3.
 * @param shrinkGrowingSide  when true the side that grows |drift| is quoted at
 *                           {@code quoteSize × max(0, 1 − |drift| / maxPosition)}
 */
public record CommonQuoteParams(double quoteSize, double maxPosition, double minSpreadBps, boolean shrinkGrowingSide) {
    public CommonQuoteParams {
        positive(quoteSize, "quoteSize");
        positiveOrInfinite(maxPosition, "maxPosition");
        nonNegative(minSpreadBps, "minSpreadBps");
        if (shrinkGrowingSide && maxPosition == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("maxPosition must be finite when shrinkGrowingSide is on (was Infinity)");
        }
    }
}
