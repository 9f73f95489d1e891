package dev.ballast.strategies.quoting;

import static dev.ballast.strategies.internal.ParamChecks.nonNegative;
import static dev.ballast.strategies.internal.ParamChecks.positive;

import java.util.Objects;

/**
 * Settings of the {@code gueant} model ({@link GueantQuoteModel}).
 *
 * @param common                  shared settings; {@code common.quoteSize()} is the lot Δ and
 *                                {@code common.maxPosition()} (finite, >= Δ) the inventory bound Q·Δ
 * @param gamma                   risk aversion γ, per (price unit × base unit), > 0. BTC 0.5, ETH 0.5.
 * @param fallbackSpreadBps       spread of the linear quote used while σ, A or k is unknown, > 0
 * @param fallbackSkewBpsPerUnit  skew of that linear quote, bps per base unit of drift, >= 0
 */
public record GueantQuoteParams(CommonQuoteParams common, double gamma, double fallbackSpreadBps,
                                double fallbackSkewBpsPerUnit) implements QuoteModelParams {
    public GueantQuoteParams {
        Objects.requireNonNull(common, "common");
        positive(gamma, "gamma");
        positive(fallbackSpreadBps, "fallbackSpreadBps");
        nonNegative(fallbackSkewBpsPerUnit, "fallbackSkewBpsPerUnit");
        if (!(common.maxPosition() >= common.quoteSize()) || common.maxPosition() == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("maxPosition must be finite and >= quoteSize " + common.quoteSize()
                    + " for the gueant model (was " + common.maxPosition() + ")");
        }
    }

    @Override
    public String modelName() {
        return QuoteModels.GUEANT;
    }

    /** The linear settings the model quotes with while its inputs are unknown. */
    LinearQuoteParams fallback() {
        return new LinearQuoteParams(common, fallbackSpreadBps, fallbackSkewBpsPerUnit);
    }
}
