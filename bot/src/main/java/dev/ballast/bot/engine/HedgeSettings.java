package dev.ballast.bot.engine;

import dev.ballast.strategies.rebalance.RebalanceParams;
import java.util.Locale;
import java.util.Objects;

/**
 * How one asset rebalances beyond its quotes: the decision's parameters and how a hedge is executed.
 *
 * @param rebalance      the skew-vs-hedge-vs-wait decision's parameters (band, risk aversion, hysteresis, ...)
 * @param execution      how a hedge larger than {@code sliceAbove} is worked: IOC at once, TWAP, Almgren–Chriss, iceberg
 * @param sliceAbove     base units: hedges up to this go as one IOC child, larger ones follow {@code execution}
 * @param sliceHorizonNs the time over which a sliced hedge is spread
 * @param slices         the number of children of a TWAP or Almgren–Chriss hedge
 * @param icebergClip    base units per iceberg child
 * @param urgency        Almgren–Chriss κ·T (dimensionless): 0 is TWAP, larger front-loads the trades
 */
public record HedgeSettings(RebalanceParams rebalance, Execution execution, double sliceAbove, long sliceHorizonNs,
                            int slices, double icebergClip, double urgency) {
    /** How a sliced hedge is worked. */
    public enum Execution {
        IOC, TWAP, ALMGREN_CHRISS, ICEBERG;

        /** The YAML spelling: {@code ioc}, {@code twap}, {@code almgren-chriss}, {@code iceberg}. */
        public String configName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public HedgeSettings {
        Objects.requireNonNull(rebalance, "rebalance");
        Objects.requireNonNull(execution, "execution");
        if (!(sliceAbove > 0)) {
            throw new IllegalArgumentException("sliceAbove must be > 0 (was " + sliceAbove + ")");
        }
        if (sliceHorizonNs < slices || slices < 1) {
            throw new IllegalArgumentException("need slices >= 1 and a horizon of at least a ns per slice (were "
                    + slices + ", " + sliceHorizonNs + " ns)");
        }
        if (!(icebergClip > 0)) {
            throw new IllegalArgumentException("icebergClip must be > 0 (was " + icebergClip + ")");
        }
        if (!(urgency >= 0)) {
            throw new IllegalArgumentException("urgency must be >= 0 (was " + urgency + ")");
        }
    }

    /** Defaults for an asset with this band and quote size: IOC up to 10 quotes, TWAP over 30 s in 5 beyond. */
    public static HedgeSettings defaults(double band, double quoteSize) {
        return new HedgeSettings(RebalanceParams.defaults(band), Execution.TWAP, 10 * quoteSize,
                30_000_000_000L, 5, 2 * quoteSize, 2.0);
    }
}
