package dev.ballast.bot.inventory;

import dev.ballast.core.Asset;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Liquidity;
import dev.ballast.core.Side;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueId;
import dev.ballast.core.VenueOrderId;
import java.math.BigDecimal;
import java.util.Map;

/** Venues, markets and a fill factory shared by the inventory tests. */
final class TestMarkets {
    static final Asset USDT = Asset.of("USDT");
    static final Asset BTC = Asset.of("BTC");
    static final Asset ETH = Asset.of("ETH");
    static final Asset BNB = Asset.of("BNB");
    static final Asset EUR = Asset.of("EUR");
    static final VenueId A = VenueId.of("sim-a");
    static final VenueId B = VenueId.of("sim-b");
    static final Instrument BTC_A = market(A, "BTCUSDT", BTC, USDT);
    static final Instrument BTC_B = market(B, "BTCUSDT", BTC, USDT);
    static final Instrument ETH_A = market(A, "ETHUSDT", ETH, USDT);
    static final Instrument ETH_B = market(B, "ETHUSDT", ETH, USDT);
    static final Instrument BTC_EUR_A = market(A, "BTCEUR", BTC, EUR);

    private static long tradeSeq;

    private TestMarkets() {
    }

    /** An aggregator valued in USDT with the default config's BTC and ETH targets. */
    static InventoryAggregator newInventory() {
        return new InventoryAggregator(USDT, Map.of(
                BTC, InventoryTarget.of("1.0", "0.05", "0.3"),
                ETH, InventoryTarget.of("10", "0.5", "3")));
    }

    static Instrument market(VenueId venue, String symbol, Asset base, Asset quote) {
        return new Instrument(new InstrumentId(venue, symbol), base, quote,
                new BigDecimal("0.01"), new BigDecimal("0.001"), BigDecimal.ZERO);
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** A fill with no fee. */
    static Fill fill(Instrument instrument, Side side, String size, String price) {
        return fill(instrument, side, size, price, "0", instrument.quote());
    }

    static Fill fill(Instrument instrument, Side side, String size, String price, String fee, Asset feeAsset) {
        return fill(instrument, side, d(size), d(price), d(fee), feeAsset);
    }

    static Fill fill(Instrument instrument, Side side, BigDecimal size, BigDecimal price, BigDecimal fee,
                     Asset feeAsset) {
        long seq = ++tradeSeq;
        return new Fill(instrument.id(), new ClientOrderId("c" + seq), new VenueOrderId("v" + seq),
                new TradeId("t" + seq), side, price, size, fee, feeAsset, Liquidity.MAKER, seq);
    }
}
