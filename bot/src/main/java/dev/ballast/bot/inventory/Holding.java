package dev.ballast.bot.inventory;

import dev.ballast.core.Position;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of an inventory snapshot: a {@link Position} (one venue, or the total when its venue is
 * null), its unrealised PnL at the fair value of the snapshot, and how many fills made it. Money in the
 * valuation currency. Immutable.
 *
 * @param unrealisedPnl null when the asset is held but has no fair value yet
 */
public record Holding(Position position, BigDecimal unrealisedPnl, long fills) {
    public Holding {
        Objects.requireNonNull(position, "position");
        if (fills < 0) {
            throw new IllegalArgumentException("fills must be >= 0 (was " + fills + ")");
        }
    }

    /** realised + unrealised - fees; null when the unrealised part is not known. */
    public BigDecimal totalPnl() {
        return unrealisedPnl == null
                ? null
                : position.realisedPnl().add(unrealisedPnl).subtract(position.fees());
    }
}
