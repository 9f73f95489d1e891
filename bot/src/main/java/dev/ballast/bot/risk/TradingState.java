package dev.ballast.bot.risk;

/**
 * What the engine may send. Automatic triggers only ever move the state to {@link #HALTED}; {@link #REDUCING} is
 * entered by the operator, and HALTED is left only by the operator's {@code resume}.
 */
public enum TradingState {
    /** Quoting and hedging as usual; every order still passes the pre-trade guards. */
    ACTIVE,
    /**
     * Only orders that shrink |position − target| of their asset may leave, and never past the target (counting
     * every live order on the same side as filled). Quotes on the side that would grow the drift are pulled.
     */
    REDUCING,
    /** Nothing leaves. Entering it cancels every open order on every venue, once. */
    HALTED
}
