package dev.ballast.strategies.hedging;

/**
 * The settings of the {@link HedgeCostModel}. Immutable.
 *
 * @param maxBookAgeMs              a book older than this is unusable for hedging (> 0; default 5000)
 * @param stalenessGraceMs          book age that costs nothing: a quiet market's book is still current for this
 *                                  long (>= 0 and <= maxBookAgeMs; default 500)
 * @param stalenessPenaltyBpsPerSec cost added per second of book age beyond the grace, in bps of the hedge's
 *                                  notional at fair value: the price may have moved without us seeing it
 *                                  (>= 0; default 2.0)
 * @param maxSlippageBps            no fill may be worse than fair value by more than this: a buy's limit is at most
 *                                  fair × (1 + maxSlippageBps/10⁴), a sell's at least fair × (1 − maxSlippageBps/10⁴);
 *                                  a size that would need deeper levels is unfillable on that venue (> 0 and
 *                                  < 10⁴; default 50)
 */
public record HedgeCostParams(
        long maxBookAgeMs, long stalenessGraceMs, double stalenessPenaltyBpsPerSec, double maxSlippageBps) {

    /** 5 s max book age, 0.5 s grace, 2 bps per stale second, 50 bps slippage cap. */
    public static final HedgeCostParams DEFAULTS = new HedgeCostParams(5_000, 500, 2.0, 50.0);

    public HedgeCostParams {
        if (maxBookAgeMs <= 0) {
            throw new IllegalArgumentException("maxBookAgeMs must be > 0 (was " + maxBookAgeMs + ")");
        }
        if (stalenessGraceMs < 0 || stalenessGraceMs > maxBookAgeMs) {
            throw new IllegalArgumentException("stalenessGraceMs must be >= 0 and <= maxBookAgeMs " + maxBookAgeMs
                    + " (was " + stalenessGraceMs + ")");
        }
        if (!(stalenessPenaltyBpsPerSec >= 0) || Double.isInfinite(stalenessPenaltyBpsPerSec)) {
            throw new IllegalArgumentException(
                    "stalenessPenaltyBpsPerSec must be finite and >= 0 (was " + stalenessPenaltyBpsPerSec + ")");
        }
        if (!(maxSlippageBps > 0 && maxSlippageBps < 10_000)) {
            throw new IllegalArgumentException("maxSlippageBps must be > 0 and < 10000 (was " + maxSlippageBps + ")");
        }
    }
}
