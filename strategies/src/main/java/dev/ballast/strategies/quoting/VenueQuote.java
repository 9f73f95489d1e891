package dev.ballast.strategies.quoting;

/**
 * A quote ready for one venue: prices in that instrument's ticks, sizes in its lots; a side with 0 lots is
 * not quoted. A reusable holder; not thread-safe.
 */
public final class VenueQuote {
    public long bidTicks;
    public long bidLots;
    public long askTicks;
    public long askLots;

    public boolean hasBid() {
        return bidLots > 0;
    }

    public boolean hasAsk() {
        return askLots > 0;
    }

    public void clear() {
        bidTicks = 0;
        bidLots = 0;
        askTicks = 0;
        askLots = 0;
    }
}
