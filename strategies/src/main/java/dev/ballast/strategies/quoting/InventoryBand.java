package dev.ballast.strategies.quoting;

/**
 * The hard inventory limit, applied after every quote model: the drift (position − target) must stay within
 * ±maxPosition even if every live order of ours and the new quote all fill. A side that would take it past
 * the limit shrinks to the room left, or is not quoted when less than {@code minSize} fits. The side that
 * shrinks the position is never limited here.
 *
 * <p>Because the exposure of live orders is counted, the limit holds however many venues quote at once,
 * provided the caller adds each quote it places to the exposure before shaping the next venue's.
 */
public final class InventoryBand {
    private InventoryBand() {
    }

    /**
     * @param maxPosition the largest |drift| allowed, base units, > 0
     * @param minSize     the smallest size worth quoting (e.g. the lot size), base units
     */
    public static void apply(QuoteInputs in, double maxPosition, double minSize, TwoSidedQuote out) {
        double buyRoom = maxPosition - (in.drift + in.openBuyExposure);
        if (out.bidSize > buyRoom) {
            out.bidSize = buyRoom >= minSize ? buyRoom : 0;
        }
        double sellRoom = maxPosition + (in.drift - in.openSellExposure);
        if (out.askSize > sellRoom) {
            out.askSize = sellRoom >= minSize ? sellRoom : 0;
        }
    }
}
