package dev.ballast.strategies.quoting;

import static dev.ballast.strategies.internal.ParamChecks.nonNegative;
import static dev.ballast.strategies.internal.ParamChecks.positive;

import java.util.Objects;

/**
 * Settings of the {@code avellaneda-stoikov} model ({@link AvellanedaStoikovQuoteModel}).
 *
 * @param common                  shared settings; {@code common.quoteSize()} is the model's unit Δ
 * @param gamma                   risk aversion γ, per (price unit × base unit), i.e. per unit of quote currency,
 *                                > 0. BTC (≈60 000 USDT) 0.1, ETH (≈3 000 USDT) 0.1.
 * @param horizonSec              the rolling horizon τ in seconds, > 0 (default 60)
 * @param fallbackSpreadBps       spread of the linear quote used while σ or k is unknown, > 0
 * @param fallbackSkewBpsPerUnit  skew of that linear quote, bps per base unit of drift, >= 0
 */
public record AvellanedaStoikovQuoteParams(CommonQuoteParams common, double gamma, double horizonSec,
                                           double fallbackSpreadBps, double fallbackSkewBpsPerUnit)
        implements QuoteModelParams {
    public AvellanedaStoikovQuoteParams {
        Objects.requireNonNull(common, "common");
        positive(gamma, "gamma");
        positive(horizonSec, "horizonSec");
        positive(fallbackSpreadBps, "fallbackSpreadBps");
        nonNegative(fallbackSkewBpsPerUnit, "fallbackSkewBpsPerUnit");
    }

    @Override
    public String modelName() {
        return QuoteModels.AVELLANEDA_STOIKOV;
    }

    /** The linear settings the model quotes with while its inputs are unknown. */
    LinearQuoteParams fallback() {
        return new LinearQuoteParams(common, fallbackSpreadBps, fallbackSkewBpsPerUnit);
    }
}
