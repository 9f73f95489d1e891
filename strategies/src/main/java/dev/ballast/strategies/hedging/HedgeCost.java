package dev.ballast.strategies.hedging;

import dev.ballast.core.VenueHealth;
import dev.ballast.core.Instrument;
import dev.ballast.core.Side;
import java.util.Locale;

/**
 * The cost of taking one size on one venue right now, measured against fair value, by component; or why
 * that venue cannot take it. A reusable holder that {@link HedgeCostModel#cost} fills, so costing allocates
 * nothing; {@link #toString()} reads as the reason a decision quotes.
 *
 * <p>For a buy of size q at average price p̄ on a book with touch a and mid m, at fair value F and fee rate f
 * (a sell mirrors it):
 * <pre>
 *   fee         = f · p̄ · q
 *   half spread = (a − m) · q          what crossing the spread costs at the touch
 *   impact      = (p̄ − a) · q          what walking past the touch costs
 *   basis       = (m − F) · q          this venue's mid against fair value (negative: cheaper here)
 *   stale       = penalty · F · q      growing with book age beyond the grace
 *   total       = fee + half spread + impact + basis + stale = (p̄ − F)·q + fee + stale
 * </pre>
 *
 * <p>Not thread-safe: owned by the engine thread.
 */
public final class HedgeCost {
    /** Whether the venue can take the size, and if not, why. */
    public enum Verdict {
        OK,
        /** No usable fair value to measure against. */
        NO_FAIR_VALUE,
        /** The size rounds down to zero lots on this venue. */
        BELOW_ONE_LOT,
        /** The venue's health is anything but {@link VenueHealth#HEALTHY}. */
        UNHEALTHY,
        /** The book is not synced. */
        BOOK_INVALID,
        /** A side of the book is empty. */
        BOOK_ONE_SIDED,
        /** Best bid at or above best ask. */
        BOOK_CROSSED,
        /** The book is older than the maximum age. */
        BOOK_TOO_OLD,
        /** The book does not hold the whole size. */
        BOOK_TOO_THIN,
        /** Filling the size needs a level beyond the slippage cap. */
        BEYOND_SLIPPAGE_CAP,
        /** The order's notional at its limit misses the venue's minimum. */
        BELOW_MIN_NOTIONAL,
        /** A sell needs more base than is free on the venue. */
        NOT_ENOUGH_BASE,
        /** A buy needs more quote (size × limit × (1 + fee)) than is free on the venue. */
        NOT_ENOUGH_QUOTE
    }

    HedgeVenue venue;
    Side side;
    long sizeLots;
    /** The size in base units: lots × lot size, or an inverse contract's contracts at the walk's price. */
    double sizeBase;
    double fairValue = Double.NaN;
    Verdict verdict = Verdict.NO_FAIR_VALUE;
    double feeQuote;
    double halfSpreadQuote;
    double impactQuote;
    double basisQuote;
    double stalenessQuote;
    double averagePrice = Double.NaN;
    long limitPriceTicks;
    /** Verdict-specific numbers for the reason: what was needed or seen, and the limit it broke. */
    double seen;
    double limit;

    void reset(HedgeVenue venue, Side side, long sizeLots, double fairValue) {
        this.venue = venue;
        this.side = side;
        this.sizeLots = sizeLots;
        this.sizeBase = venue.instrument().lotsToBaseDouble(sizeLots, fairValue); // the model refines an inverse one
        this.fairValue = fairValue;
        this.verdict = Verdict.OK;
        this.feeQuote = 0;
        this.halfSpreadQuote = 0;
        this.impactQuote = 0;
        this.basisQuote = 0;
        this.stalenessQuote = 0;
        this.averagePrice = Double.NaN;
        this.limitPriceTicks = 0;
        this.seen = Double.NaN;
        this.limit = Double.NaN;
    }

    /** Marks the cost unusable for {@code why}; returns false for the model's early exits. */
    boolean refuse(Verdict why, double seen, double limit) {
        this.verdict = why;
        this.seen = seen;
        this.limit = limit;
        return false;
    }

    /** True when the venue can take the size; then {@link #totalQuote()} is finite. */
    public boolean usable() {
        return verdict == Verdict.OK;
    }

    public Verdict verdict() {
        return verdict;
    }

    public HedgeVenue venue() {
        return venue;
    }

    public Side side() {
        return side;
    }

    public long sizeLots() {
        return sizeLots;
    }

    /**
     * The size in base units: {@link #sizeLots()} × lot size; on an inverse contract its contracts at the walk's
     * average price (at fair value when the venue cannot take the size).
     */
    public double size() {
        return venue == null ? 0 : sizeBase;
    }

    public double fairValue() {
        return fairValue;
    }

    public double feeQuote() {
        return feeQuote;
    }

    public double halfSpreadQuote() {
        return halfSpreadQuote;
    }

    public double impactQuote() {
        return impactQuote;
    }

    public double basisQuote() {
        return basisQuote;
    }

    public double stalenessQuote() {
        return stalenessQuote;
    }

    /** The sum of the components in the quote currency; +∞ when the venue cannot take the size. */
    public double totalQuote() {
        return usable() ? feeQuote + halfSpreadQuote + impactQuote + basisQuote + stalenessQuote
                : Double.POSITIVE_INFINITY;
    }

    /** The total in bps of fair value × size; +∞ when the venue cannot take the size. */
    public double totalBps() {
        return usable() ? toBps(totalQuote()) : Double.POSITIVE_INFINITY;
    }

    /** An amount in the quote currency as bps of fair value × size. */
    public double toBps(double quoteAmount) {
        return quoteAmount / (fairValue * size()) * 10_000;
    }

    /** Volume-weighted average fill price of walking the book for the size; NaN when not usable. */
    public double averagePrice() {
        return averagePrice;
    }

    /** The worst level the walk touches, in ticks: the order's limit. 0 when not usable. */
    public long limitPriceTicks() {
        return limitPriceTicks;
    }

    /**
     * The cost as a reason, e.g. {@code "sim-a 0.3 BTC @≤60012.5: fee 9.00 + half spread 1.50 + impact 3.10 +
     * basis -0.40 + stale 0.00 = 13.20 USDT (7.3 bps)"}, or {@code "sim-b: circuit breaker open"}.
     */
    @Override
    public String toString() {
        if (venue == null) {
            return "no venue";
        }
        Instrument in = venue.instrument();
        String head = venue.venue() + " " + (in.isInverse()
                ? in.lotsToSize(sizeLots).toPlainString() + " contracts (" + fixed(size(), 8) + " " + in.base() + ")"
                : in.lotsToSize(sizeLots).toPlainString() + " " + in.base());
        switch (verdict) {
            case OK:
                return head + " @" + (side == Side.BUY ? "≤" : "≥") + in.ticksToPrice(limitPriceTicks).toPlainString()
                        + ": fee " + money(feeQuote) + " + half spread " + money(halfSpreadQuote)
                        + " + impact " + money(impactQuote) + " + basis " + money(basisQuote)
                        + " + stale " + money(stalenessQuote) + " = " + money(totalQuote()) + " " + in.quote()
                        + " (" + bps(totalBps()) + " bps)";
            case NO_FAIR_VALUE:
                return head + ": no fair value";
            case BELOW_ONE_LOT:
                return venue.venue() + ": size below one lot " + (in.isInverse()
                        ? "(" + in.lotSize().toPlainString() + " contract of " + in.contractSizeQuote().toPlainString()
                        + " " + in.quote() + ")" : in.lotSize().toPlainString() + " " + in.base());
            case UNHEALTHY:
                return head + ": " + venue.health().description();
            case BOOK_INVALID:
                return head + ": book not synced";
            case BOOK_ONE_SIDED:
                return head + ": book one-sided";
            case BOOK_CROSSED:
                return head + ": book crossed";
            case BOOK_TOO_OLD:
                return head + ": book " + fixed(seen / 1000, 1) + " s old > " + fixed(limit / 1000, 1) + " s max";
            case BOOK_TOO_THIN:
                return head + ": book holds only " + fixed(seen, 8) + " " + in.base();
            case BEYOND_SLIPPAGE_CAP:
                return head + ": needs " + price(in, seen) + ", beyond the slippage cap " + price(in, limit);
            case BELOW_MIN_NOTIONAL:
                return head + ": notional " + money(seen) + " below the minimum " + money(limit) + " " + in.quote();
            case NOT_ENOUGH_BASE:
                return head + ": needs " + fixed(seen, 8) + " " + in.base() + ", " + fixed(limit, 8) + " free";
            case NOT_ENOUGH_QUOTE:
                return head + ": needs " + money(seen) + " " + in.quote() + ", " + money(limit) + " free";
            default:
                throw new IllegalStateException("unknown verdict " + verdict);
        }
    }

    static String money(double v) {
        return fixed(v, 2);
    }

    static String bps(double v) {
        return fixed(v, 1);
    }

    static String fixed(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (decimals > 2 && s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }

    /** A price printed with as many decimals as the instrument's tick has. */
    static String price(Instrument in, double price) {
        return fixed(price, Math.max(0, in.tickSize().scale()));
    }
}
