package dev.ballast.strategies.quoting;

/**
 * A bid and an ask a model wants to show, in model units (prices as doubles in the quote currency, sizes in
 * base units). A side with size 0 is not quoted. A reusable holder; not thread-safe.
 */
public final class TwoSidedQuote {
    public double bidPrice = Double.NaN;
    public double bidSize;
    public double askPrice = Double.NaN;
    public double askSize;

    public boolean hasBid() {
        return bidSize > 0 && Double.isFinite(bidPrice) && bidPrice > 0;
    }

    public boolean hasAsk() {
        return askSize > 0 && Double.isFinite(askPrice) && askPrice > 0;
    }

    public void clear() {
        bidPrice = Double.NaN;
        bidSize = 0;
        askPrice = Double.NaN;
        askSize = 0;
    }

    public void noBid() {
        bidSize = 0;
    }

    public void noAsk() {
        askSize = 0;
    }

    /** The midpoint of the two quoted prices (the model's quote centre). */
    public double centre() {
        return (bidPrice + askPrice) / 2;
    }

    @Override
    public String toString() {
        return "bid " + (hasBid() ? bidSize + " @ " + bidPrice : "-") + " / ask " + (hasAsk() ? askSize + " @ " + askPrice : "-");
    }
}
