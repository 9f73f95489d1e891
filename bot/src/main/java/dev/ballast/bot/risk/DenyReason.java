package dev.ballast.bot.risk;

/** Why a pre-trade guard refused an order before it left. An expected outcome, counted per reason in the status. */
public enum DenyReason {
    /** The trading state is HALTED: nothing leaves. */
    HALTED,
    /** The trading state is REDUCING and the order would not shrink |position − target| (or would cross the target). */
    REDUCING_ONLY,
    /** The asset's |position − target|, with every live order on the growing side filled, would pass its limit. */
    MAX_POSITION,
    /** The asset's position on the venue, with every live order there on that side filled, would pass its limit. */
    MAX_VENUE_POSITION,
    /** price × size above the largest notional one order may have. */
    MAX_ORDER_NOTIONAL,
    /** The venue already has the most open orders of ours it may have. */
    MAX_OPEN_ORDERS,
    /** The venue's order rate budget (a token bucket on the engine clock) is spent. */
    VENUE_ORDER_RATE,
    /** The order rate budget across all venues is spent. */
    TOTAL_ORDER_RATE,
    /** The price is further from the asset's fair value than the band allows, or there is no fair value. */
    PRICE_BAND,
    /** The instrument's market data is older than allowed, or there is none yet. */
    STALE_DATA
}
