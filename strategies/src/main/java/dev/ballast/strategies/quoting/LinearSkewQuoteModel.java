package dev.ballast.strategies.quoting;

/**
 * Symmetric quotes around fair value whose centre shifts against the position: long beyond target moves
 * both quotes down (we sell more readily, buy less readily), short moves them up.
 *
 * <pre>
 *   centre = fair × (1 − skewBpsPerUnit × drift / 10⁴)
 *   bid    = centre − fair × spreadBps / 2 / 10⁴
 *   ask    = centre + fair × spreadBps / 2 / 10⁴
 * </pre>
 *
 * Sizes are {@code quoteSize} on both sides. Immutable; safe to share.
 */
public final class LinearSkewQuoteModel implements QuoteModel {
    private final double quoteSize;
    private final double spreadBps;
    private final double skewBpsPerUnit;

    /**
     * @param quoteSize      base units per quote, > 0
     * @param spreadBps      full spread in bps of fair value, > 0
     * @param skewBpsPerUnit centre shift in bps of fair value per base unit of drift, >= 0
     */
    public LinearSkewQuoteModel(double quoteSize, double spreadBps, double skewBpsPerUnit) {
        if (!(quoteSize > 0)) {
            throw new IllegalArgumentException("quoteSize must be > 0 (was " + quoteSize + ")");
        }
        if (!(spreadBps > 0)) {
            throw new IllegalArgumentException("spreadBps must be > 0 (was " + spreadBps + ")");
        }
        if (!(skewBpsPerUnit >= 0)) {
            throw new IllegalArgumentException("skewBpsPerUnit must be >= 0 (was " + skewBpsPerUnit + ")");
        }
        this.quoteSize = quoteSize;
        this.spreadBps = spreadBps;
        this.skewBpsPerUnit = skewBpsPerUnit;
    }

    @Override
    public void quote(QuoteInputs in, TwoSidedQuote out) {
        double fair = in.fairValue;
        if (!(fair > 0) || !Double.isFinite(fair)) {
            out.clear();
            return;
        }
        double centre = fair * (1 - skewBpsPerUnit * in.drift / 10_000);
        double half = fair * spreadBps / 20_000;
        out.bidPrice = centre - half;
        out.askPrice = centre + half;
        out.bidSize = quoteSize;
        out.askSize = quoteSize;
    }

    @Override
    public String name() {
        return "linear";
    }
}
