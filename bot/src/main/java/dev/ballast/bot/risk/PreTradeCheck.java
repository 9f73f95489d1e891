package dev.ballast.bot.risk;

import dev.ballast.core.Instrument;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import java.util.Optional;

/**
 * The last word before an order leaves: {@code OrderManager.place} asks it once per order, after the order is
 * well formed and before it gets an id or reaches the venue. Called on the engine thread.
 */
@FunctionalInterface
public interface PreTradeCheck {
    /** Lets every order through. */
    PreTradeCheck ALLOW_ALL = (instrument, side, type, priceTicks, sizeLots, purpose) -> Optional.empty();

    /**
     * Decides whether an order may leave now. An order allowed is taken as sent (it uses up rate budget).
     *
     * @param priceTicks the limit price in the instrument's ticks (ignored for market orders)
     * @param sizeLots   the size in the instrument's lots, > 0
     * @param purpose    what the order is for, for the log ({@code quote}, {@code hedge#3})
     * @return empty when the order may leave; otherwise why not (already counted and logged)
     */
    Optional<OrderDenied> check(Instrument instrument, Side side, OrderType type, long priceTicks, long sizeLots,
                                String purpose);
}
