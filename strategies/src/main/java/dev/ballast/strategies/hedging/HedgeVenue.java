package dev.ballast.strategies.hedging;

import dev.ballast.core.VenueHealth;
import dev.ballast.core.Instrument;
import dev.ballast.core.VenueId;
import dev.ballast.core.book.OrderBook;
import java.util.Objects;

/**
 * What the hedge cost model needs to know about one venue's market for the asset at one moment: its live
 * book, its taker fee, its health, how old its book is and what we hold there to trade with. The book and fee
 * are bound at construction; the engine refreshes the rest with {@link #update} before each routing decision,
 * so routing allocates nothing for its inputs.
 *
 * <p>Not thread-safe: owned by the engine thread, like the book it wraps.
 */
public final class HedgeVenue {
    private final OrderBook book;
    private final Instrument instrument;
    private final double takerFeeRate;

    private VenueHealth health = VenueHealth.DISCONNECTED;
    private long bookAgeNs;
    private double availableBase;
    private double availableQuote;

    /**
     * A venue that is {@link VenueHealth#DISCONNECTED} with nothing available until the first {@link #update}.
     *
     * @param book         the venue's live book of the instrument to hedge on
     * @param takerFeeRate the taker fee as a fraction of notional (0.0005 = 5 bps), >= 0 and < 1
     * @throws IllegalArgumentException if the fee rate is out of range
     */
    public HedgeVenue(OrderBook book, double takerFeeRate) {
        this.book = Objects.requireNonNull(book, "book");
        this.instrument = book.instrument();
        if (!(takerFeeRate >= 0 && takerFeeRate < 1)) {
            throw new IllegalArgumentException(
                    instrument.id() + ": takerFeeRate must be >= 0 and < 1 (was " + takerFeeRate + ")");
        }
        this.takerFeeRate = takerFeeRate;
    }

    /**
     * Refreshes the venue's state for a decision.
     *
     * @param health         the venue's health as the engine sees it
     * @param bookAgeNs      time since the book last changed or was confirmed current, in ns, >= 0
     * @param availableBase  base units free to sell on this venue, >= 0
     * @param availableQuote quote currency free to buy with on this venue, >= 0
     * @return this
     * @throws IllegalArgumentException if an argument is negative or not finite
     */
    public HedgeVenue update(VenueHealth health, long bookAgeNs, double availableBase, double availableQuote) {
        Objects.requireNonNull(health, "health");
        if (bookAgeNs < 0) {
            throw new IllegalArgumentException(instrument.id() + ": bookAgeNs must be >= 0 (was " + bookAgeNs + ")");
        }
        requireAmount(availableBase, "availableBase");
        requireAmount(availableQuote, "availableQuote");
        this.health = health;
        this.bookAgeNs = bookAgeNs;
        this.availableBase = availableBase;
        this.availableQuote = availableQuote;
        return this;
    }

    private void requireAmount(double v, String name) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(instrument.id() + ": " + name + " must be finite and >= 0 (was " + v + ")");
        }
    }

    public OrderBook book() {
        return book;
    }

    public Instrument instrument() {
        return instrument;
    }

    public VenueId venue() {
        return instrument.id().venue();
    }

    /** The taker fee as a fraction of notional. */
    public double takerFeeRate() {
        return takerFeeRate;
    }

    public VenueHealth health() {
        return health;
    }

    public long bookAgeNs() {
        return bookAgeNs;
    }

    /** Base units free to sell here. */
    public double availableBase() {
        return availableBase;
    }

    /** Quote currency free to buy with here. */
    public double availableQuote() {
        return availableQuote;
    }

    @Override
    public String toString() {
        return instrument.id() + " " + health.description() + ", book " + bookAgeNs / 1_000_000 + " ms old, free "
                + availableBase + " " + instrument.base() + " / " + availableQuote + " " + instrument.quote();
    }
}
