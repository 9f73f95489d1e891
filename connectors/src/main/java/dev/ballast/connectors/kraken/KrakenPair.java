package dev.ballast.connectors.kraken;

import dev.ballast.core.FeeSchedule;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.VenueId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One Kraken spot pair as {@code AssetPairs} describes it, under its three names: {@code wsName} ({@code XBT/USD},
 * used by the WebSocket API and as our instrument symbol), {@code restKey} ({@code XXBTZUSD}, the key of REST
 * results such as TradesHistory and TradeVolume) and {@code altName} ({@code XBTUSD}, in order descriptions).
 * {@code orderMin} is the minimum order size in base units; {@code costMin} the minimum notional in quote units
 * (zero where Kraken does not publish one). {@code listedFees} are the pair's first-tier fees, used when the
 * account's own rates (TradeVolume) are not available. {@code status} is Kraken's trading status
 * ({@code online}, {@code cancel_only}, {@code post_only}, {@code limit_only}, {@code reduce_only}).
 */
public record KrakenPair(String wsName, String restKey, String altName, Instrument instrument, BigDecimal orderMin,
                         BigDecimal costMin, FeeSchedule listedFees, String status) {
    public KrakenPair {
        Objects.requireNonNull(wsName, "wsName");
        Objects.requireNonNull(restKey, "restKey");
        Objects.requireNonNull(altName, "altName");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(orderMin, "orderMin");
        Objects.requireNonNull(costMin, "costMin");
        Objects.requireNonNull(listedFees, "listedFees");
        status = status == null ? "online" : status;
        if (orderMin.signum() < 0 || costMin.signum() < 0) {
            throw new IllegalArgumentException(wsName + ": orderMin and costMin must be >= 0 (were " + orderMin
                    + ", " + costMin + ")");
        }
    }

    public InstrumentId id() {
        return instrument.id();
    }

    /** True when the pair accepts new orders ({@code online}, {@code post_only}, {@code limit_only}). */
    public boolean acceptsNewOrders() {
        return status.equals("online") || status.equals("post_only") || status.equals("limit_only");
    }

    /** The instrument id of {@code wsName} on {@code venue}. */
    static InstrumentId idOf(VenueId venue, String wsName) {
        return new InstrumentId(venue, wsName);
    }
}
