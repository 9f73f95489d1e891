package dev.ballast.strategies.quoting;

import dev.ballast.core.Instrument;
import dev.ballast.core.Side;
import dev.ballast.core.book.OrderBook;

/**
 * Fits a model quote to one venue's rules: bids round down and asks up to the tick grid (rounding never
 * makes a quote more aggressive), sizes (base units in the model) round down to the lot grid — on an inverse
 * contract to whole contracts at the quote's price — post-only quotes never cross that venue's book (a bid stays
 * at least one tick below its best ask, an ask one tick above its best bid), and a side whose notional misses the
 * venue's minimum is dropped. Pure; allocates nothing.
 */
public final class VenueQuoteShaper {
    private VenueQuoteShaper() {
    }

    /**
     * @param bestBidTicks the venue's best bid, or {@link OrderBook#NO_PRICE}
     * @param bestAskTicks the venue's best ask, or {@link OrderBook#NO_PRICE}
     */
    public static void shape(TwoSidedQuote model, Instrument instrument, long bestBidTicks, long bestAskTicks,
                             VenueQuote out) {
        out.clear();
        double tick = instrument.tickSizeDouble();
        double minNotional = instrument.minNotional().doubleValue();
        if (model.hasBid()) {
            long ticks = instrument.roundToTicks(model.bidPrice, Side.BUY);
            if (bestAskTicks != OrderBook.NO_PRICE) {
                ticks = Math.min(ticks, bestAskTicks - 1);
            }
            if (ticks > 0) {
                double price = ticks * tick;
                long lots = instrument.roundBaseDownToLots(model.bidSize, price);
                if (lots > 0 && instrument.lotsNotionalDouble(lots, price) >= minNotional) {
                    out.bidTicks = ticks;
                    out.bidLots = lots;
                }
            }
        }
        if (model.hasAsk()) {
            long ticks = instrument.roundToTicks(model.askPrice, Side.SELL);
            if (bestBidTicks != OrderBook.NO_PRICE) {
                ticks = Math.max(ticks, bestBidTicks + 1);
            }
            if (ticks > 0) {
                double price = ticks * tick;
                long lots = instrument.roundBaseDownToLots(model.askSize, price);
                if (lots > 0 && instrument.lotsNotionalDouble(lots, price) >= minNotional) {
                    out.askTicks = ticks;
                    out.askLots = lots;
                }
            }
        }
    }
}
