package dev.ballast.bot.inventory;

import static dev.ballast.bot.inventory.TestMarkets.A;
import static dev.ballast.bot.inventory.TestMarkets.B;
import static dev.ballast.bot.inventory.TestMarkets.BTC;
import static dev.ballast.bot.inventory.TestMarkets.BTC_A;
import static dev.ballast.bot.inventory.TestMarkets.BTC_B;
import static dev.ballast.bot.inventory.TestMarkets.d;
import static dev.ballast.bot.inventory.TestMarkets.fill;
import static dev.ballast.core.Side.BUY;
import static dev.ballast.core.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class InventoryAggregatorAverageCostTest {

    private final InventoryAggregator inventory = TestMarkets.newInventory();

    @Test
    void shouldAverageBuysAndRealiseAgainstTheAverageThroughPartialSells() {
        inventory.markFairValue(BTC, d("100"));

        inventory.onFill(BTC_A, fill(BTC_A, BUY, "1", "100"));
        inventory.onFill(BTC_A, fill(BTC_A, BUY, "3", "104"));
        assertThat(inventory.averageCost(BTC)).isEqualByComparingTo("103");

        inventory.onFill(BTC_A, fill(BTC_A, SELL, "1", "110"));
        assertThat(inventory.realisedPnl(BTC)).isEqualByComparingTo("7");
        assertThat(inventory.averageCost(BTC)).isEqualByComparingTo("103");

        inventory.onFill(BTC_A, fill(BTC_A, SELL, "2", "101"));
        inventory.markFairValue(BTC, d("105"));

        assertThat(inventory.quantity(BTC)).isEqualByComparingTo("1");
        assertThat(inventory.realisedPnl(BTC)).isEqualByComparingTo("3");
        assertThat(inventory.unrealisedPnl(BTC)).isEqualByComparingTo("2");
        assertThat(inventory.cash(A)).isEqualByComparingTo("-100");
        assertThat(inventory.totalPnl()).isEqualByComparingTo("5");
        assertThat(inventory.equity()).isEqualByComparingTo("5");
    }

    @Test
    void shouldRealiseTheClosedPartAndOpenTheRestAtTheFillPriceWhenFlippingLongShortLong() {
        inventory.markFairValue(BTC, d("100"));
        inventory.onFill(BTC_A, fill(BTC_A, BUY, "2", "100"));

        inventory.onFill(BTC_A, fill(BTC_A, SELL, "5", "110"));
        assertThat(inventory.realisedPnl(BTC)).isEqualByComparingTo("20");
        assertThat(inventory.quantity(BTC)).isEqualByComparingTo("-3");
        assertThat(inventory.averageCost(BTC)).isEqualByComparingTo("110");

        inventory.onFill(BTC_A, fill(BTC_A, SELL, "1", "120"));
        assertThat(inventory.averageCost(BTC)).isEqualByComparingTo("112.5");
        assertThat(inventory.realisedPnl(BTC)).isEqualByComparingTo("20");

        inventory.onFill(BTC_A, fill(BTC_A, BUY, "6", "100"));
        assertThat(inventory.realisedPnl(BTC)).isEqualByComparingTo("70");
        assertThat(inventory.quantity(BTC)).isEqualByComparingTo("2");
        assertThat(inventory.averageCost(BTC)).isEqualByComparingTo("100");

        inventory.markFairValue(BTC, d("90"));
        assertThat(inventory.unrealisedPnl(BTC)).isEqualByComparingTo("-20");
        assertThat(inventory.totalPnl()).isEqualByComparingTo("50");
        assertThat(inventory.cash(A)).isEqualByComparingTo("-130");
        assertThat(inventory.equity()).isEqualByComparingTo("50");
    }

    @Test
    void shouldMarkAShortAgainstItsAverageSalePrice() {
        inventory.markFairValue(BTC, d("100"));
        inventory.onFill(BTC_A, fill(BTC_A, SELL, "2", "100"));
        inventory.onFill(BTC_A, fill(BTC_A, BUY, "1", "95"));

        inventory.markFairValue(BTC, d("97"));

        assertThat(inventory.realisedPnl(BTC)).isEqualByComparingTo("5");
        assertThat(inventory.unrealisedPnl(BTC)).isEqualByComparingTo("3");
        assertThat(inventory.averageCost(BTC)).isEqualByComparingTo("100");
    }

    @Test
    void shouldKeepRealisedPlusUnrealisedExactWhenTheAverageCostDoesNotTerminate() {
        inventory.markFairValue(BTC, d("100"));
        inventory.onFill(BTC_A, fill(BTC_A, BUY, "1", "100"));
        inventory.onFill(BTC_A, fill(BTC_A, BUY, "2", "101"));
        inventory.onFill(BTC_A, fill(BTC_A, SELL, "1", "102"));
        inventory.markFairValue(BTC, d("103"));

        // average 302/3: realised 102 - 302/3 = 4/3, unrealised 2 × (103 - 302/3) = 14/3
        assertThat(inventory.realisedPnl(BTC).doubleValue()).isCloseTo(4.0 / 3, within(1e-12));
        assertThat(inventory.unrealisedPnl(BTC).doubleValue()).isCloseTo(14.0 / 3, within(1e-12));
        assertThat(inventory.totalPnl()).isEqualByComparingTo("6");
        assertThat(inventory.equity()).isEqualByComparingTo("6");
    }

    @Test
    void shouldRealiseARoundTripAcrossVenuesOnlyInTheTotal() {
        inventory.markFairValue(BTC, d("100"));
        inventory.onFill(BTC_A, fill(BTC_A, BUY, "1", "90"));
        inventory.onFill(BTC_B, fill(BTC_B, SELL, "1", "110"));

        assertThat(inventory.quantity(BTC)).isEqualByComparingTo("0");
        assertThat(inventory.realisedPnl(BTC)).isEqualByComparingTo("20");
        assertThat(inventory.unrealisedPnl(BTC)).isEqualByComparingTo("0");
        assertThat(inventory.realisedPnl(BTC, A)).isEqualByComparingTo("0");
        assertThat(inventory.realisedPnl(BTC, B)).isEqualByComparingTo("0");
        assertThat(inventory.unrealisedPnl(BTC, A)).isEqualByComparingTo("10");
        assertThat(inventory.unrealisedPnl(BTC, B)).isEqualByComparingTo("10");
    }
}
