package dev.ballast.core.book;

/**
 * The result of walking one side of a book for a size: how much could be filled, at what average and worst
 * price (in ticks), and the slippage of the average against the touch. A reusable holder, so a walk
 * allocates nothing. Not thread-safe.
 */
public final class DepthWalk {
    long requestedLots;
    long filledLots;
    double averagePriceTicks = Double.NaN;
    long worstPriceTicks;
    long touchPriceTicks;

    public long requestedLots() { return requestedLots; }
    public long filledLots() { return filledLots; }
    /** True when the book held enough for the whole size. */
    public boolean complete() { return filledLots == requestedLots; }
    /** Volume-weighted average price of what could be filled, in ticks; NaN when nothing could. */
    public double averagePriceTicks() { return averagePriceTicks; }
    /** The last (worst) level touched, in ticks. */
    public long worstPriceTicks() { return worstPriceTicks; }
    /** The best level of the walked side when the walk began, in ticks. */
    public long touchPriceTicks() { return touchPriceTicks; }
    /** |average − touch| in ticks: what walking the book cost beyond the touch, per unit. */
    public double slippageTicks() { return Math.abs(averagePriceTicks - touchPriceTicks); }

    /** Sets the result; for {@link OrderBook}'s walk. */
    void set(long requestedLots, long filledLots, double averagePriceTicks, long worstPriceTicks, long touchPriceTicks) {
        this.requestedLots = requestedLots;
        this.filledLots = filledLots;
        this.averagePriceTicks = averagePriceTicks;
        this.worstPriceTicks = worstPriceTicks;
        this.touchPriceTicks = touchPriceTicks;
    }
}
