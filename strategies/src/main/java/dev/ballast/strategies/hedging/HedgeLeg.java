package dev.ballast.strategies.hedging;

import dev.ballast.core.Instrument;
import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One order of a {@link HedgePlan}: take {@code sizeLots} on one venue as a limit IOC at {@code limitPriceTicks}
 * — the worst level the plan expects to reach, never beyond the slippage cap — with its expected cost by
 * component, in the quote currency (see {@link HedgeCost}). Immutable.
 *
 * @param instrument      where to send it
 * @param side            the taker side
 * @param sizeLots        the size in whole lots (> 0)
 * @param limitPriceTicks the limit price in ticks (> 0)
 * @param averagePrice    the expected average fill price
 * @param costBps         the expected total cost in bps of fair value × size
 * @param reason          the cost as a sentence, e.g. "sim-a 0.3 BTC @≤60012.5: fee 9.00 + ... (7.3 bps)"
 */
public record HedgeLeg(Instrument instrument, Side side, long sizeLots, long limitPriceTicks, double averagePrice,
                       double feeQuote, double halfSpreadQuote, double impactQuote, double basisQuote,
                       double stalenessQuote, double costBps, String reason) {

    public HedgeLeg {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(reason, "reason");
        if (sizeLots <= 0) {
            throw new IllegalArgumentException("sizeLots must be > 0 (was " + sizeLots + ")");
        }
        if (limitPriceTicks <= 0) {
            throw new IllegalArgumentException("limitPriceTicks must be > 0 (was " + limitPriceTicks + ")");
        }
    }

    /** The leg of a usable cost. */
    static HedgeLeg of(HedgeCost c) {
        if (!c.usable()) {
            throw new IllegalArgumentException("not a usable cost: " + c);
        }
        return new HedgeLeg(c.venue().instrument(), c.side(), c.sizeLots(), c.limitPriceTicks(), c.averagePrice(),
                c.feeQuote(), c.halfSpreadQuote(), c.impactQuote(), c.basisQuote(), c.stalenessQuote(),
                c.totalBps(), c.toString());
    }

    public VenueId venue() {
        return instrument.id().venue();
    }

    /** The exact size, on the lot grid, for the order. */
    public BigDecimal size() {
        return instrument.lotsToSize(sizeLots);
    }

    /** The size in base units as a double (an inverse contract's contracts at the expected average price). */
    public double sizeBase() {
        return instrument.lotsToBaseDouble(sizeLots, averagePrice);
    }

    /** The exact limit price, on the tick grid, for the order. */
    public BigDecimal limitPrice() {
        return instrument.ticksToPrice(limitPriceTicks);
    }

    /** The expected total cost in the quote currency: the sum of the components. */
    public double costQuote() {
        return feeQuote + halfSpreadQuote + impactQuote + basisQuote + stalenessQuote;
    }

    @Override
    public String toString() {
        return side.name().toLowerCase(java.util.Locale.ROOT) + " " + reason;
    }
}
