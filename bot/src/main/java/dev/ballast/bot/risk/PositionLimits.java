package dev.ballast.bot.risk;

/**
 * The position limits of one asset, in base units, each counting every live order on the side that would grow
 * it as filled. {@link Double#POSITIVE_INFINITY} turns a limit off.
 *
 * @param maxPosition      the most |total position − target| may reach across venues
 * @param maxVenuePosition the most |position| on any one venue may reach
 */
public record PositionLimits(double maxPosition, double maxVenuePosition) {
    /** No position limit. */
    public static final PositionLimits NONE = new PositionLimits(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);

    public PositionLimits {
        if (!(maxPosition > 0)) {
            throw new IllegalArgumentException("maxPosition must be > 0 (was " + maxPosition + ")");
        }
        if (!(maxVenuePosition > 0)) {
            throw new IllegalArgumentException("maxVenuePosition must be > 0 (was " + maxVenuePosition + ")");
        }
    }
}
