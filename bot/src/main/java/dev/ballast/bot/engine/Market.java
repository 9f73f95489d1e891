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
    final VenueQuote scratch = new VenueQuote();
    Order bid;
    Order ask;
    long gaps;

    Market(Instrument instrument, Venue venue, OrderBook book) {
        this.instrument = instrument;
        this.venue = venue;
        this.book = book;
    }

    Order quote(Side side) {
        return side == Side.BUY ? bid : ask;
    }

    void quote(Side side, Order o) {
        if (side == Side.BUY) {
            bid = o;
        } else {
            ask = o;
        }
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
