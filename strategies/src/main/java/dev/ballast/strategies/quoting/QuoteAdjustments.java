package dev.ballast.strategies.quoting;

/**
 * The steps every quote model applies to its raw quote, in this order, so no model carries its own copy:
 * <ol>
 *   <li>the spread floor: a quote narrower than {@code minSpreadBps} of fair value is widened symmetrically
 *       around its centre (the centre, and so the model's skew, is kept);</li>
 *   <li>growing-side shrink (when on): the side that would grow |drift| — the bid when long, the ask when
 *       short — is quoted at {@code size × max(0, 1 − |drift| / maxPosition)}; at target neither shrinks.</li>
 * </ol>
 * The hard limit ({@link InventoryBand}) and the venue rules ({@link VenueQuoteShaper}) come later, in the
 * engine. Pure; allocates nothing.
 */
final class QuoteAdjustments {
    private QuoteAdjustments() {
    }

    /**
     * Applies the spread floor and the growing-side shrink to a model's raw quote.
     *
     * @return false when the raw quote has a non-finite price (the model must then fall back); {@code out} is
     *         then left as it was
     */
    static boolean finish(CommonQuoteParams p, QuoteInputs in, TwoSidedQuote out) {
        if (!Double.isFinite(out.bidPrice) || !Double.isFinite(out.askPrice)) {
            return false;
        }
        widenToMinSpread(out, in.fairValue, p.minSpreadBps());
        if (p.shrinkGrowingSide()) {
            shrinkGrowingSide(out, in.drift, p.maxPosition());
        }
        return true;
    }

    /** Widens {@code out} symmetrically around its centre to at least {@code minSpreadBps} of {@code fairValue}. */
    static void widenToMinSpread(TwoSidedQuote out, double fairValue, double minSpreadBps) {
        double minSpread = fairValue * minSpreadBps / 10_000;
        if (out.askPrice - out.bidPrice < minSpread) {
            double centre = out.centre();
            out.bidPrice = centre - minSpread / 2;
            out.askPrice = centre + minSpread / 2;
        }
    }

    /** Shrinks the side that grows |drift| by {@code max(0, 1 − |drift| / maxPosition)}. */
    static void shrinkGrowingSide(TwoSidedQuote out, double drift, double maxPosition) {
        double factor = Math.max(0, 1 - Math.abs(drift) / maxPosition);
        if (drift > 0) {
            out.bidSize *= factor;
        } else if (drift < 0) {
            out.askSize *= factor;
        }
    }

    /** True when the fair value can be quoted around: finite and > 0. */
    static boolean usableFairValue(double fairValue) {
        return fairValue > 0 && Double.isFinite(fairValue);
    }
}
