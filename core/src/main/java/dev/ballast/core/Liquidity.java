package dev.ballast.core;

/** Whether a fill added liquidity (our order rested: maker) or removed it (our order crossed: taker). */
public enum Liquidity {
    MAKER,
    TAKER
}
