package dev.ballast.bot.engine;

import dev.ballast.core.VenueHealth;
import dev.ballast.connectors.Venue;
import dev.ballast.core.Instrument;
import dev.ballast.core.Order;
import dev.ballast.core.Side;
import dev.ballast.core.book.OrderBook;
import dev.ballast.strategies.estimators.VenueLiquidityStats;
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
    /** This venue's spread and depth near the touch, averaged; updated at each re-quote. */
    VenueLiquidityStats liquidity;
    Order bid;
    Order ask;
    /** Our quotes' prices in ticks and sizes in lots as placed, so a re-quote compares them without BigDecimal division. */
    private long bidTicks;
    private long bidLots;
    private long askTicks;
    private long askLots;
    long gaps;
    /** This venue's mid minus the asset's reference venue's mid, averaged (see Engine#updateBasis); 0 for the reference. */
    double basis;
    long basisUpdatedNs = Long.MIN_VALUE;
    long lastSnapshotRequestNs = Long.MIN_VALUE / 2;
    /** The engine-clock time the book was last updated (snapshot or applied delta); Long.MIN_VALUE before any. */
    long lastDataNs = Long.MIN_VALUE;
    /** The venue's own word on its health (breaker, streams, ban); set by {@code VenueStatus} events. */
    VenueHealth venueHealth = VenueHealth.HEALTHY;
    /** Levels changed by {@link #hideOwnOrders}: side (0 bid, 1 ask), price ticks, original lots. */
    private final long[] hidden = new long[3 * 16];
    private int hiddenCount;

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

    /**
     * Takes our own resting orders out of the book for a moment, so that a hedge is priced against other
     * traders' liquidity only (a venue's L2 includes our orders, and a taker order of ours never trades against
     * them). Must be followed by {@link #restoreOwnOrders()} before any other book change.
     */
    void hideOwnOrders(Iterable<Order> live) {
        assert hiddenCount == 0 : "own orders already hidden";
        for (Order o : live) {
            if (o.price() == null || !o.instrumentId().equals(instrument.id()) || hiddenCount == hidden.length / 3) {
                continue;
            }
            long ticks = instrument.priceToTicks(o.price());
            long lots = instrument.sizeToLots(o.remainingSize());
            long shown = book.sizeLotsAtPrice(o.side(), ticks);
            if (shown == 0) {
                continue;
            }
            hidden[3 * hiddenCount] = o.side() == Side.BUY ? 0 : 1;
            hidden[3 * hiddenCount + 1] = ticks;
            hidden[3 * hiddenCount + 2] = shown;
            hiddenCount++;
            book.setLevel(o.side(), ticks, Math.max(0, shown - lots));
        }
    }

    /** Puts back exactly what {@link #hideOwnOrders} took out, last change first. */
    void restoreOwnOrders() {
        for (int i = hiddenCount - 1; i >= 0; i--) {
            Side side = hidden[3 * i] == 0 ? Side.BUY : Side.SELL;
            book.setLevel(side, hidden[3 * i + 1], hidden[3 * i + 2]);
        }
        hiddenCount = 0;
    }

    /** The price in ticks of our quote on {@code side} (meaningless when there is none). */
    long quoteTicks(Side side) {
        return side == Side.BUY ? bidTicks : askTicks;
    }

    /** The size in lots our quote on {@code side} was placed with (meaningless when there is none). */
    long quoteLots(Side side) {
        return side == Side.BUY ? bidLots : askLots;
    }

    /** The venue's mid in quote currency, or NaN when the book is not usable or the venue says it is unhealthy. */
    double mid() {
        if (!venueHealth.usable() || !book.isValid() || book.isCrossed()) {
            return Double.NaN;
        }
        double m = book.midTicks();
        return Double.isNaN(m) ? Double.NaN : m * instrument.tickSizeDouble();
    }
}
