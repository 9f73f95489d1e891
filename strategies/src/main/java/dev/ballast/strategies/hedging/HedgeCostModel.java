package dev.ballast.strategies.hedging;

import dev.ballast.core.Instrument;
import dev.ballast.core.Side;
import dev.ballast.core.book.DepthWalk;
import dev.ballast.core.book.OrderBook;
import java.util.Objects;

/**
 * Prices a hedge on one venue: what taking {@code size} on {@code side} there right now costs against fair
 * value — taker fee + half spread + impact of walking the live book for that size + the venue's basis to fair
 * value + a penalty growing with book staleness (see {@link HedgeCost} for the formulas) — or why the venue
 * cannot take it: anything but a healthy venue with a synced, two-sided, uncrossed book younger than the
 * maximum age that holds the whole size within the slippage cap, an order notional at or above the venue's
 * minimum, and the balance to pay for it (a sell needs the base; a buy needs size × limit × (1 + fee) of
 * quote, what a venue locks for a limit buy). Sizes and costs are in base units and the quote currency on every
 * venue: an inverse contract's contracts are converted at the walk's price ({@link Instrument#lotsToBaseDouble}),
 * its notional is its face value.
 *
 * <p>Immutable apart from a scratch walk holder: not thread-safe, owned by the engine thread. Allocates nothing.
 */
public final class HedgeCostModel {
    private static final double NS_PER_SEC = 1e9;
    /** Relative tolerance for comparing double amounts that are exact decimals at the venue. */
    private static final double EPS = 1e-9;

    private final HedgeCostParams params;
    private final DepthWalk walk = new DepthWalk();

    public HedgeCostModel(HedgeCostParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public HedgeCostParams params() {
        return params;
    }

    /**
     * The cost of taking {@code size} base units, rounded down to the venue's lot grid. On an inverse contract,
     * whose contracts hold more base the lower the price, the size is rounded down to whole contracts at the touch
     * and then by one more contract while the walk's fills would hold more base than {@code size}: a hedge never
     * takes more than asked.
     *
     * @throws IllegalArgumentException if {@code size} is negative or not finite
     */
    public HedgeCost cost(HedgeVenue venue, Side side, double size, double fairValue, HedgeCost out) {
        Instrument in = venue.instrument();
        if (!in.isInverse()) {
            return cost(venue, side, in.roundSizeDownToLots(size), fairValue, out);
        }
        if (!Double.isFinite(size) || size < 0) {
            throw new IllegalArgumentException(in.id() + ": size must be finite and >= 0 (was " + size + ")");
        }
        OrderBook book = venue.book();
        long touch = book.isValid() ? (side == Side.BUY ? book.bestAskTicks() : book.bestBidTicks()) : OrderBook.NO_PRICE;
        double price = touch == OrderBook.NO_PRICE ? fairValue : in.ticksToDouble(touch);
        if (!(price > 0) || Double.isInfinite(price)) {
            return cost(venue, side, 0L, fairValue, out); // refused: no fair value, or below one lot
        }
        long lots = in.roundBaseDownToLots(size, price);
        cost(venue, side, lots, fairValue, out);
        while (out.usable() && out.size() > size * (1 + EPS)) {
            cost(venue, side, --lots, fairValue, out);
        }
        return out;
    }

    /**
     * The cost of taking {@code sizeLots} lots on {@code venue}, written into {@code out}.
     *
     * @param fairValue the cross-venue fair value the cost is measured against; a non-positive or NaN value
     *                  makes the cost unusable ({@link HedgeCost.Verdict#NO_FAIR_VALUE})
     * @return {@code out}
     * @throws IllegalArgumentException if {@code sizeLots < 0}
     */
    public HedgeCost cost(HedgeVenue venue, Side side, long sizeLots, double fairValue, HedgeCost out) {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(side, "side");
        if (sizeLots < 0) {
            throw new IllegalArgumentException("sizeLots must be >= 0 (was " + sizeLots + ")");
        }
        out.reset(venue, side, sizeLots, fairValue);
        if (!(fairValue > 0) || Double.isInfinite(fairValue)) {
            out.refuse(HedgeCost.Verdict.NO_FAIR_VALUE, fairValue, 0);
            return out;
        }
        if (sizeLots == 0) {
            out.refuse(HedgeCost.Verdict.BELOW_ONE_LOT, 0, 1);
            return out;
        }
        if (!checkVenue(venue, out)) {
            return out;
        }
        OrderBook book = venue.book();
        Instrument in = venue.instrument();
        double tick = in.tickSizeDouble();
        double size = in.lotsToDouble(sizeLots);
        book.walk(side, sizeLots, walk);
        if (!walk.complete()) {
            out.refuse(HedgeCost.Verdict.BOOK_TOO_THIN, in.lotsToBaseDouble(walk.filledLots(), fairValue),
                    in.lotsToBaseDouble(sizeLots, fairValue));
            return out;
        }
        long worst = walk.worstPriceTicks();
        long cap = capTicks(in, side, fairValue);
        if (side == Side.BUY ? worst > cap : worst < cap) {
            out.refuse(HedgeCost.Verdict.BEYOND_SLIPPAGE_CAP, in.ticksToDouble(worst), in.ticksToDouble(cap));
            return out;
        }
        double worstPrice = in.ticksToDouble(worst);
        double average = walk.averagePriceTicks() * tick;
        if (in.isInverse()) {
            // the base of an inverse walk, at its contract-weighted average price: the harmonic mean the fills
            // really get differs by about (price range)² / price, far below a tick
            size = in.lotsToBaseDouble(sizeLots, average);
            out.sizeBase = size;
        }
        double minNotional = in.minNotional().doubleValue();
        double notionalAtLimit = in.lotsNotionalDouble(sizeLots, worstPrice);
        if (notionalAtLimit < minNotional * (1 - EPS)) {
            out.refuse(HedgeCost.Verdict.BELOW_MIN_NOTIONAL, notionalAtLimit, minNotional);
            return out;
        }
        double fee = venue.takerFeeRate();
        if (side == Side.SELL) {
            if (size > venue.availableBase() * (1 + EPS)) {
                out.refuse(HedgeCost.Verdict.NOT_ENOUGH_BASE, size, venue.availableBase());
                return out;
            }
        } else {
            double needed = notionalAtLimit * (1 + fee);
            if (needed > venue.availableQuote() * (1 + EPS)) {
                out.refuse(HedgeCost.Verdict.NOT_ENOUGH_QUOTE, needed, venue.availableQuote());
                return out;
            }
        }
        double sign = side.sign();
        double touch = walk.touchPriceTicks() * tick;
        double mid = book.midTicks() * tick;
        out.averagePrice = average;
        out.limitPriceTicks = worst;
        out.feeQuote = fee * average * size;
        out.halfSpreadQuote = sign * (touch - mid) * size;
        out.impactQuote = sign * (average - touch) * size;
        out.basisQuote = sign * (mid - fairValue) * size;
        out.stalenessQuote = stalenessRate(venue) * fairValue * size;
        return out;
    }

    /**
     * Checks what does not depend on the size: health, book synced, two-sided, uncrossed and young enough.
     * On failure fills {@code out}'s verdict and returns false.
     */
    boolean checkVenue(HedgeVenue venue, HedgeCost out) {
        if (!venue.health().usable()) {
            return out.refuse(HedgeCost.Verdict.UNHEALTHY, 0, 0);
        }
        OrderBook book = venue.book();
        if (!book.isValid()) {
            return out.refuse(HedgeCost.Verdict.BOOK_INVALID, 0, 0);
        }
        if (book.bestBidTicks() == OrderBook.NO_PRICE || book.bestAskTicks() == OrderBook.NO_PRICE) {
            return out.refuse(HedgeCost.Verdict.BOOK_ONE_SIDED, 0, 0);
        }
        if (book.isCrossed()) {
            return out.refuse(HedgeCost.Verdict.BOOK_CROSSED, 0, 0);
        }
        long maxAgeNs = params.maxBookAgeMs() * 1_000_000L;
        if (venue.bookAgeNs() > maxAgeNs) {
            return out.refuse(HedgeCost.Verdict.BOOK_TOO_OLD, venue.bookAgeNs() / 1e6, params.maxBookAgeMs());
        }
        return true;
    }

    /**
     * The staleness penalty as a fraction of notional at fair value:
     * {@code stalenessPenaltyBpsPerSec × max(0, age − grace) / 10⁴}.
     */
    double stalenessRate(HedgeVenue venue) {
        long overNs = venue.bookAgeNs() - params.stalenessGraceMs() * 1_000_000L;
        return overNs <= 0 ? 0 : params.stalenessPenaltyBpsPerSec() * (overNs / NS_PER_SEC) / 10_000;
    }

    /**
     * The slippage cap on the tick grid: a buy's highest allowed price rounds down, a sell's lowest rounds up,
     * so the cap is never loosened by rounding.
     */
    long capTicks(Instrument in, Side side, double fairValue) {
        double bound = params.maxSlippageBps() / 10_000;
        double capPrice = side == Side.BUY ? fairValue * (1 + bound) : fairValue * (1 - bound);
        return in.roundToTicks(capPrice, side);
    }
}
