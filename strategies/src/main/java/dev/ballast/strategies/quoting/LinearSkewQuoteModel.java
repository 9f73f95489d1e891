package dev.ballast.strategies.quoting;

import java.util.Objects;

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
 * Sizes are {@code quoteSize} on both sides; then the shared spread floor and growing-side shrink
 * ({@link QuoteAdjustments}). Also the fallback of the model-based quotes while their inputs are unknown.
 * Without a usable fair value nothing is quoted. Immutable; safe to share.
 */
public final class LinearSkewQuoteModel implements QuoteModel {
    private final LinearQuoteParams params;
    private final double quoteSize;
    private final double spreadBps;
    private final double skewBpsPerUnit;

    public LinearSkewQuoteModel(LinearQuoteParams params) {
        this.params = Objects.requireNonNull(params, "params");
        this.quoteSize = params.common().quoteSize();
        this.spreadBps = params.spreadBps();
        this.skewBpsPerUnit = params.skewBpsPerUnit();
    }

    /**
     * A linear model with no spread floor and no size shrink.
     *
     * @param quoteSize      base units per quote, > 0
     * @param spreadBps      full spread in bps of fair value, > 0
     * @param skewBpsPerUnit centre shift in bps of fair value per base unit of drift, >= 0
     */
    public LinearSkewQuoteModel(double quoteSize, double spreadBps, double skewBpsPerUnit) {
        this(new LinearQuoteParams(new CommonQuoteParams(quoteSize, Double.POSITIVE_INFINITY, 0, false),
                spreadBps, skewBpsPerUnit));
    }

    public LinearQuoteParams params() {
        return params;
    }

    @Override
    public void quote(QuoteInputs in, TwoSidedQuote out) {
        double fair = in.fairValue;
        if (!QuoteAdjustments.usableFairValue(fair)) {
            out.clear();
            return;
        }
        double centre = fair * (1 - skewBpsPerUnit * in.drift / 10_000);
        double half = fair * spreadBps / 20_000;
        out.bidPrice = centre - half;
        out.askPrice = centre + half;
        out.bidSize = quoteSize;
        out.askSize = quoteSize;
        if (!QuoteAdjustments.finish(params.common(), in, out)) {
            out.clear(); // only with a drift so large the centre overflows
        }
    }

    @Override
    public String name() {
        return QuoteModels.LINEAR;
    }
}
