package dev.ballast.strategies.hedging;

/**
 * The settings of the {@link HedgeRouter}. Immutable.
 *
 * @param splitMinSavingBps a split across venues is chosen over the best single venue only when it is cheaper
 *                          by at least this many bps of notional: two orders are two chances to fail
 *                          (>= 0; default 0.5)
 * @param maxLevelsPerVenue how many levels of each venue's book (from the touch) the split allocation looks at;
 *                          bounds the work of a routing decision on very deep books (>= 1; default 100)
 */
public record HedgeRouterParams(double splitMinSavingBps, int maxLevelsPerVenue) {

    /** Split only when it saves 0.5 bps; look at 100 levels per venue. */
    public static final HedgeRouterParams DEFAULTS = new HedgeRouterParams(0.5, 100);

    public HedgeRouterParams {
        if (!(splitMinSavingBps >= 0) || Double.isInfinite(splitMinSavingBps)) {
            throw new IllegalArgumentException(
                    "splitMinSavingBps must be finite and >= 0 (was " + splitMinSavingBps + ")");
        }
        if (maxLevelsPerVenue < 1) {
            throw new IllegalArgumentException("maxLevelsPerVenue must be >= 1 (was " + maxLevelsPerVenue + ")");
        }
    }
}
