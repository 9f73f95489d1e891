package dev.ballast.connectors.sim;

/** How a simulated asset's shared mid moves from one step to the next. */
public enum PriceWalk {
    /**
     * Arithmetic: each step adds {@code startPrice × σ × √Δt × Z}, a fixed absolute size, so the price can drift
     * towards zero; it is floored at 0.1% of the start price to stay positive.
     */
    ARITHMETIC,
    /** Log (geometric): each step multiplies by {@code exp(σ√Δt·Z − σ²Δt/2)}, a martingale that stays positive. */
    LOG;

    /** The price after one step, with {@code sigmaPerStep} the fractional volatility over the step. */
    double step(double price, double startPrice, double sigmaPerStep, double z) {
        if (this == LOG) {
            return price * StrictMath.exp(sigmaPerStep * z - 0.5 * sigmaPerStep * sigmaPerStep);
        }
        return Math.max(price + startPrice * sigmaPerStep * z, startPrice * 1e-3);
    }
}
