package dev.ballast.bot.inventory;

import static dev.ballast.bot.inventory.TestMarkets.A;
import static dev.ballast.bot.inventory.TestMarkets.BTC;
import static dev.ballast.bot.inventory.TestMarkets.BTC_A;
import static dev.ballast.bot.inventory.TestMarkets.BTC_EUR_A;
import static dev.ballast.bot.inventory.TestMarkets.USDT;
import static dev.ballast.bot.inventory.TestMarkets.d;
import static dev.ballast.bot.inventory.TestMarkets.fill;
import static dev.ballast.core.Side.BUY;
import static dev.ballast.core.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.VenueId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An inverse perpetual (contracts of 100 USD, quoted in USD, Binance COIN-M) next to a USDT market: its positions
 * count in BTC at the fill price, its USD counts one for one as USDT cash.
 */
class InventoryAggregatorInverseContractTest {
    private static final Asset USD = Asset.of("USD");
    private static final VenueId COINM = VenueId.of("binance-coinm");
    private static final Instrument BTCUSD_PERP = Instrument.inverse(new InstrumentId(COINM, "BTCUSD_PERP"), BTC, USD,
            new BigDecimal("0.1"), BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("100"));

    private final InventoryAggregator inventory = new InventoryAggregator(USDT, Set.of(USD),
            Map.of(BTC, InventoryTarget.of("1.0", "0.05", "0.3")));

    @Test
    void shouldCountAnInversePositionInBaseUnitsAtItsFillPrice() {
        inventory.markFairValue(BTC, d("60000"));
        inventory.onFill(BTCUSD_PERP, fill(BTCUSD_PERP, BUY, "12", "60000"));

        // 12 contracts of 100 USD at 60 000 are 0.02 BTC, paid 1 200 USD
        assertThat(inventory.quantity(BTC, COINM)).isEqualByComparingTo("0.02");
        assertThat(inventory.quantityDouble(BTC)).isEqualTo(0.02);
        assertThat(inventory.driftDouble(BTC)).isCloseTo(-0.98, within(1e-12));
        assertThat(inventory.cash(COINM)).isEqualByComparingTo("-1200");
        assertThat(inventory.averageCost(BTC, COINM)).isEqualByComparingTo("60000");
    }

    @Test
    void shouldLeaveTheInversePnlInBaseOnTheVenueAfterARoundTrip() {
        inventory.markFairValue(BTC, d("60000"));
        inventory.onFill(BTCUSD_PERP, fill(BTCUSD_PERP, BUY, "3", "60000"));
        inventory.onFill(BTCUSD_PERP, fill(BTCUSD_PERP, SELL, "3", "61000"));

        // long 300 USD from 60 000 to 61 000: 300 × (1/60 000 − 1/61 000) BTC, as the venue settles it
        BigDecimal sold = new BigDecimal("300").divide(new BigDecimal("61000"), Instrument.INVERSE_BASE_SCALE,
                RoundingMode.HALF_EVEN);
        assertThat(inventory.quantity(BTC, COINM)).isEqualByComparingTo(new BigDecimal("0.005").subtract(sold));
        // the USD leg is back where it was, up to the rounding of the base to 16 places (× price)
        assertThat(inventory.cash(COINM).doubleValue()).isCloseTo(0, within(61_000 * 1e-16));
        // that BTC, worth 300 × (61 000 / 60 000 − 1) = 5 USDT at 61 000, is the whole PnL
        inventory.markFairValue(BTC, d("61000"));
        assertThat(inventory.totalPnl().doubleValue()).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void shouldTakeAFeeInBaseFromTheInversePositionAndCountItsValueAtTheFillPrice() {
        inventory.markFairValue(BTC, d("60000"));
        inventory.onFill(BTCUSD_PERP, fill(BTCUSD_PERP, SELL, "6", "60000", "0.0000025", BTC));

        assertThat(inventory.quantity(BTC, COINM)).isEqualByComparingTo("-0.0100025");
        assertThat(inventory.fees(BTC, COINM)).isEqualByComparingTo("0.15");
        assertThat(inventory.cash(COINM)).isEqualByComparingTo("600");
        assertThat(inventory.totalPnl()).isEqualByComparingTo("-0.15");
    }

    @Test
    void shouldCountUsdAtParAsCashNextToUsdt() {
        inventory.setStartingBalance(A, USDT, d("1000"));
        inventory.setStartingBalance(COINM, USD, d("500"));
        inventory.setStartingBalance(COINM, BTC, d("0.3"));

        assertThat(inventory.cash(COINM)).isEqualByComparingTo("500");
        assertThat(inventory.cash()).isEqualByComparingTo("1500");
        assertThat(inventory.quantity(BTC, COINM)).isEqualByComparingTo("0.3");
        assertThat(inventory.isCash(USD)).isTrue();
        assertThatThrownBy(() -> inventory.quantity(USD))
                .hasMessageContaining("USD is the valuation currency (at par): its holdings are cash");
    }

    @Test
    void shouldKeepEquityAndPnlInStepAcrossSpotAndInverseFills() {
        inventory.setStartingBalance(A, BTC, d("0.7"));
        inventory.setStartingBalance(COINM, BTC, d("0.3"));
        inventory.markFairValue(BTC, d("60000"));
        BigDecimal opening = inventory.equity();

        inventory.onFill(BTC_A, fill(BTC_A, BUY, "0.013", "59990.01", "0.078", USDT));
        inventory.onFill(BTCUSD_PERP, fill(BTCUSD_PERP, SELL, "7", "60012.3", "0.0000029", BTC));
        inventory.markFairValue(BTC, d("59871.4"));
        inventory.onFill(BTCUSD_PERP, fill(BTCUSD_PERP, BUY, "2", "59870.9", "0.0000003", BTC));
        inventory.markFairValue(BTC, d("59902.6"));

        assertThat(inventory.equity().subtract(opening)).isEqualByComparingTo(inventory.totalPnl());
    }

    @Test
    void shouldStillRefuseAMarketQuotedInACurrencyNotAtPar() {
        assertThatThrownBy(() -> inventory.requireSupported(BTC_EUR_A))
                .hasMessageContaining("is quoted in EUR, but inventory is valued in USDT (and [USD] at par)");
        inventory.requireSupported(BTCUSD_PERP);
    }
}
