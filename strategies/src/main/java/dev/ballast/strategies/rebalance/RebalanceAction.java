package dev.ballast.strategies.rebalance;

/** What the rebalancing decision tells the engine to do with an asset's inventory. */
public enum RebalanceAction {
    /** Inside the no-trade band (or already covered by hedges in flight): nothing to do. */
    WAIT,
    /** Out of band, and letting the skewed quotes trade the drift back is the cheapest way. */
    SKEW,
    /** Hedge the whole open drift now (to the last whole lot). */
    HEDGE,
    /** Hedge part of the open drift now and let the skewed quotes trade back the rest. */
    SPLIT
}
