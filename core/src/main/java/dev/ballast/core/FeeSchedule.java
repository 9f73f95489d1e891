package dev.ballast.core;

import java.math.BigDecimal;
import java.util.Objects;

/** Fee rates as fractions of notional (0.001 = 10 bps); a negative maker rate is a rebate. */
public record FeeSchedule(BigDecimal makerRate, BigDecimal takerRate) {
    public FeeSchedule {
        Objects.requireNonNull(makerRate, "makerRate");
        Objects.requireNonNull(takerRate, "takerRate");
        if (takerRate.signum() < 0) {
            throw new IllegalArgumentException("takerRate must be >= 0 (was " + takerRate + ")");
        }
    }

    public BigDecimal rate(Liquidity liquidity) {
        return liquidity == Liquidity.MAKER ? makerRate : takerRate;
    }
}
