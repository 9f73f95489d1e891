package dev.ballast.bot.config;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How the bot holds and quotes one asset across all venues ({@code assets.<ASSET>}). Sizes are in the asset's
 * own units, spreads and skew in basis points of fair value. All fields are required. Immutable.
 *
 * @param target the total holding aimed for, summed over venues; >= 0
 * @param band {@code |position - target|} within this is "on target"; >= 0 and < {@code maxPosition}
 * @param maxPosition the hard limit on {@code |position - target|}: past it the side that would grow the
 *     drift is not quoted; > 0
 * @param quoteSize the size of each quote; > 0, at least every trading market's lot size, and (on simulated
 *     venues) worth at least their minimum notional at the start price (checked by {@link BallastConfig})
 * @param spreadBps the full quoted spread around fair value; > 0 and < 10000
 * @param skewBpsPerUnit how far the quote centre moves against each whole unit of drift from target; >= 0
 */
public record AssetConfig(
        BigDecimal target,
        BigDecimal band,
        BigDecimal maxPosition,
        BigDecimal quoteSize,
        double spreadBps,
        double skewBpsPerUnit) {

    /** @throws IllegalArgumentException listing every field that breaks its rule */
    public AssetConfig {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(maxPosition, "maxPosition");
        Objects.requireNonNull(quoteSize, "quoteSize");
        Rules r = new Rules();
        r.nonNegative("target", target);
        r.nonNegative("band", band);
        r.positive("maxPosition", maxPosition);
        if (band.signum() >= 0 && maxPosition.signum() > 0) {
            r.require(band.compareTo(maxPosition) < 0, "band must be < maxPosition " + Rules.show(maxPosition)
                    + " (was " + Rules.show(band) + ")");
        }
        r.positive("quoteSize", quoteSize);
        r.positive("spreadBps", spreadBps);
        r.below("spreadBps", spreadBps, 10_000);
        r.nonNegative("skewBpsPerUnit", skewBpsPerUnit);
        r.throwIfAny();
        target = Rules.normalize(target);
        band = Rules.normalize(band);
        maxPosition = Rules.normalize(maxPosition);
        quoteSize = Rules.normalize(quoteSize);
    }
}
