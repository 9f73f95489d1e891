package dev.ballast.connectors.kraken;

import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Fill;
import dev.ballast.core.Liquidity;
import dev.ballast.core.Side;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueOrderId;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Objects;

/**
 * One of our trades as Kraken reports it (REST {@code TradesHistory} or the {@code ownTrades} stream), before
 * its order is matched to our client order id. {@code maker} is null when Kraken did not say.
 * {@code clientOrderId} is null when the message did not carry one.
 */
record KrakenTrade(String tradeId, String orderTxid, KrakenPair pair, Side side, String orderType, BigDecimal price,
                   BigDecimal volume, BigDecimal fee, Boolean maker, long timeNs, ClientOrderId clientOrderId) {
    /** Oldest first; trades of the same instant by trade id. */
    static final Comparator<KrakenTrade> OLDEST_FIRST =
            Comparator.comparingLong(KrakenTrade::timeNs).thenComparing(KrakenTrade::tradeId);

    KrakenTrade {
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(orderTxid, "orderTxid");
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(fee, "fee");
    }

    /**
     * The core fill, for the order we know as {@code clientOrderId}. Liquidity: Kraken's {@code maker} flag when
     * given; otherwise a market order took, and a post-only order (we know which we sent) made.
     */
    Fill toFill(ClientOrderId clientOrderId, boolean postOnly) {
        Liquidity liquidity;
        if (maker != null) {
            liquidity = maker ? Liquidity.MAKER : Liquidity.TAKER;
        } else {
            liquidity = postOnly && !"market".equals(orderType) ? Liquidity.MAKER : Liquidity.TAKER;
        }
        return new Fill(pair.id(), clientOrderId, new VenueOrderId(orderTxid), new TradeId(tradeId), side, price,
                volume, fee, pair.instrument().quote(), liquidity, timeNs);
    }
}
