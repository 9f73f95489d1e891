package dev.ballast.core;

/** How an order meets the book. */
public enum OrderType {
    /** A limit order that must rest; the venue rejects it if it would cross (a maker quote). */
    LIMIT_POST_ONLY,
    /** A limit order that fills what it can at once and cancels the rest (a hedge with a slippage cap). */
    LIMIT_IOC,
    /** A market order: takes whatever the book offers for the size. */
    MARKET
}
