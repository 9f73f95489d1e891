package dev.ballast.core.event;

/** Why a venue (or our own pre-send checks) refused an order or a cancel. Expected outcomes, not errors. */
public enum RejectReason {
    /** A post-only order would have crossed the book and taken liquidity. */
    POST_ONLY_WOULD_CROSS,
    INSUFFICIENT_BALANCE,
    /** price × size below the instrument's minimum notional. */
    MIN_NOTIONAL,
    /** Price or size off the tick/lot grid, or otherwise malformed. */
    INVALID_ORDER,
    /** The venue does not know the order (cancel of an order already gone). */
    UNKNOWN_ORDER,
    RATE_LIMITED,
    /** The venue is unreachable, banned us, or its circuit breaker is open. */
    VENUE_UNAVAILABLE,
    OTHER
}
