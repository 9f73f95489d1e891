package dev.ballast.connectors.live;

/** What a REST call does, which decides its budget and whether it may be retried. */
public enum RequestKind {
    /** Public data: books, instruments. Idempotent. */
    MARKET_DATA,
    /** Private reads: balances, open orders, order status, own trades. Idempotent. */
    ACCOUNT,
    /** Places an order. Never retried: a timeout leaves the order unknown until it is looked up by client id. */
    ORDER,
    /** Cancels one or all orders. Never blindly retried; an unknown outcome is looked up. */
    CANCEL
}
