package dev.ballast.bot.risk;

import dev.ballast.core.Asset;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Order;
import java.util.Collection;

/**
 * What the pre-trade guards read of the engine's state besides the inventory. Implemented by the engine; read on
 * the engine thread only.
 */
public interface RiskInputs {
    /** Every live order of ours on every venue, cancel-pending ones included (they can still fill). */
    Collection<Order> liveOrders();

    /** The asset's cross-venue fair value, NaN when there is none. */
    double fairValue(Asset asset);

    /** The engine-clock time the instrument's book was last updated, {@link Long#MIN_VALUE} when never. */
    long marketDataNs(InstrumentId instrument);
}
