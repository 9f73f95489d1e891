package dev.ballast.bot.engine;

import dev.ballast.connectors.Venue;
import dev.ballast.core.Instrument;
import dev.ballast.core.Order;
import dev.ballast.core.Side;
import dev.ballast.core.book.OrderBook;
import dev.ballast.strategies.quoting.VenueQuote;

/**
 * One instrument we quote on one venue, as the engine holds it: the venue, its live book, and our current
 * quote orders on each side. Not thread-safe: owned by the engine thread.
 */
final class Market {
    final Instrument instrument;
    final Venue venue;
    final OrderBook book;
    /** The index of this market's asset in the engine's asset list, so a book update marks it without a map lookup. */
    final int assetIndex;
    final VenueQuote scratch = new VenueQuote();
    Order bid;
    Order ask;
    /** Our quotes' prices in ticks and sizes in lots as placed, so a re-quote compares them without BigDecimal division. */
    private long bidTicks;
    private long bidLots;
    private long askTicks;
    private long askLots;
    long gaps;

    Market(Instrument instrument, Venue venue, OrderBook book, int assetIndex) {
        this.instrument = instrument;
        this.venue = venue;
        this.book = book;
        this.assetIndex = assetIndex;
    }

    Order quote(Side side) {
        return side == Side.BUY ? bid : ask;
    }

    /** Forgets our quote on {@code side}. */
    void clearQuote(Side side) {
        quote(side, null, 0, 0);
    }

    /**
     * Makes {@code o} our quote on {@code side} (null: none). {@code priceTicks} and {@code sizeLots} must be
     * {@code o}'s price and size on the instrument's grid, as it was placed.
     */
    void quote(Side side, Order o, long priceTicks, long sizeLots) {
        if (side == Side.BUY) {
            bid = o;
            bidTicks = priceTicks;
            bidLots = sizeLots;
        } else {
            ask = o;
            askTicks = priceTicks;
            askLots = sizeLots;
        }
    }

    /** The price in ticks of our quote on {@code side} (meaningless when there is none). */
    long quoteTicks(Side side) {
        return side == Side.BUY ? bidTicks : askTicks;
    }

    /** The size in lots our quote on {@code side} was placed with (meaningless when there is none). */
    long quoteLots(Side side) {
        return side == Side.BUY ? bidLots : askLots;
    }

    /** The venue's mid in quote currency, or NaN when the book is not usable. */
    double mid() {
        if (!book.isValid() || book.isCrossed()) {
            return Double.NaN;
        }
        double m = book.midTicks();
        return Double.isNaN(m) ? Double.NaN : m * instrument.tickSizeDouble();
    }
}
