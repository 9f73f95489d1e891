package dev.ballast.strategies.quoting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.book.OrderBook;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class VenueQuoteShaperTest {
    private final Instrument coarse = new Instrument(InstrumentId.of("sim-b", "BTCUSDT"), Asset.of("BTC"), Asset.of("USDT"),
            new BigDecimal("0.1"), new BigDecimal("0.001"), new BigDecimal("10"));
    private final TwoSidedQuote model = new TwoSidedQuote();
    private final VenueQuote out = new VenueQuote();

    private void model(double bid, double ask, double size) {
        model.bidPrice = bid;
        model.askPrice = ask;
        model.bidSize = size;
        model.askSize = size;
    }

    @Test
    void shouldRoundTheBidDownAndTheAskUpToTheVenueTick() {
        model(59_999.97, 60_000.02, 0.01);

        VenueQuoteShaper.shape(model, coarse, OrderBook.NO_PRICE, OrderBook.NO_PRICE, out);

        assertThat(out.bidTicks).isEqualTo(599_999L);
        assertThat(out.askTicks).isEqualTo(600_001L);
        assertThat(out.bidLots).isEqualTo(10L);
    }

    @Test
    void shouldKeepAPostOnlyBidOneTickBelowTheVenuesBestAsk() {
        model(60_010.0, 60_020.0, 0.01);

        VenueQuoteShaper.shape(model, coarse, 599_900L, 600_000L, out);

        assertThat(out.bidTicks).isEqualTo(599_999L);
        assertThat(out.askTicks).isEqualTo(600_200L);
    }

    @Test
    void shouldKeepAPostOnlyAskOneTickAboveTheVenuesBestBid() {
        model(59_980.0, 59_990.0, 0.01);

        VenueQuoteShaper.shape(model, coarse, 600_000L, 600_100L, out);

        assertThat(out.askTicks).isEqualTo(600_001L);
        assertThat(out.bidTicks).isEqualTo(599_800L);
    }

    @Test
    void shouldDropASideBelowTheMinimumNotional() {
        model(60_000, 60_010, 0.0001); // rounds to 0 lots of 0.001

        VenueQuoteShaper.shape(model, coarse, OrderBook.NO_PRICE, OrderBook.NO_PRICE, out);

        assertThat(out.hasBid()).isFalse();
        assertThat(out.hasAsk()).isFalse();

        model(5_000, 5_001, 0.001); // 5 USDT < 10 minimum
        VenueQuoteShaper.shape(model, coarse, OrderBook.NO_PRICE, OrderBook.NO_PRICE, out);
        assertThat(out.hasBid()).isFalse();
    }

    @Test
    void shouldNotQuoteASideTheModelLeftOut() {
        model(60_000, 60_010, 0.01);
        model.noBid();

        VenueQuoteShaper.shape(model, coarse, OrderBook.NO_PRICE, OrderBook.NO_PRICE, out);

        assertThat(out.hasBid()).isFalse();
        assertThat(out.hasAsk()).isTrue();
    }

    @Test
    void shouldQuoteAnInverseContractInWholeContractsAtEachSidesPrice() {
        Instrument coinm = Instrument.inverse(InstrumentId.of("binance-coinm", "BTCUSD_PERP"), Asset.of("BTC"),
                Asset.of("USD"), new BigDecimal("0.1"), BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("100"));
        // 0.01 BTC is 5.9999 contracts of 100 USD at 59 999.4 and 6.0006 at 60 006.0: whole contracts, rounded down
        model(59_999.4, 60_006.0, 0.01);

        VenueQuoteShaper.shape(model, coinm, OrderBook.NO_PRICE, OrderBook.NO_PRICE, out);

        assertThat(out.bidLots).isEqualTo(5L);
        assertThat(out.askLots).isEqualTo(6L);
    }
}
