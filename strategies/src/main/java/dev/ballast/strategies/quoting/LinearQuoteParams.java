package dev.ballast.strategies.quoting;

import static dev.ballast.strategies.internal.ParamChecks.nonNegative;
import static dev.ballast.strategies.internal.ParamChecks.positive;

import java.util.Objects;

/**
 * Settings of the {@code linear} model ({@link LinearSkewQuoteModel}).
 *
 * @param common          shared settings
 * @param spreadBps       full spread in bps of fair value, > 0 (BTC 6, ETH 8)
 * @param skewBpsPerUnit  centre shift in bps of fair value per base unit of drift, >= 0 (BTC 20, ETH 2)
 */
public record LinearQuoteParams(CommonQuoteParams common, double spreadBps, double skewBpsPerUnit)
        implements QuoteModelParams {
    public LinearQuoteParams {
        Objects.requireNonNull(common, "common");
        positive(spreadBps, "spreadBps");
        nonNegative(skewBpsPerUnit, "skewBpsPerUnit");
    }

    @Override
    public String modelName() {
        return QuoteModels.LINEAR;
    }
}
