package dev.ballast.bot.recovery;

import dev.ballast.core.Asset;
import dev.ballast.core.VenueId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A balance on which we and a venue disagree: what we count ({@code ours}: the journal at start, the inventory
 * while trading), what the venue says, and how much difference is tolerated. Immutable.
 */
public record BalanceDifference(VenueId venue, Asset asset, BigDecimal ours, BigDecimal theirs, BigDecimal allowed,
                                String oursName) {
    public BalanceDifference {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(ours, "ours");
        Objects.requireNonNull(theirs, "theirs");
        Objects.requireNonNull(allowed, "allowed");
        Objects.requireNonNull(oursName, "oursName");
    }

    /** venue − ours. */
    public BigDecimal difference() {
        return theirs.subtract(ours);
    }

    public boolean beyondTolerance() {
        return difference().abs().compareTo(allowed) > 0;
    }

    /** One line naming venue, asset, both amounts, the difference and the tolerance. */
    public String describe() {
        BigDecimal d = difference();
        return venue + " " + asset + ": " + oursName + " " + ours.stripTrailingZeros().toPlainString() + ", venue "
                + theirs.stripTrailingZeros().toPlainString() + " (venue - " + oursName + " = "
                + (d.signum() > 0 ? "+" : "") + d.stripTrailingZeros().toPlainString() + ", tolerance "
                + allowed.stripTrailingZeros().toPlainString() + ")";
    }
}
