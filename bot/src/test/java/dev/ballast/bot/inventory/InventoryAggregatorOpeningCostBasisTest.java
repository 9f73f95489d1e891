package dev.ballast.bot.inventory;

import static dev.ballast.bot.inventory.TestMarkets.A;
import static dev.ballast.bot.inventory.TestMarkets.B;
import static dev.ballast.bot.inventory.TestMarkets.BTC;
import static dev.ballast.bot.inventory.TestMarkets.BTC_A;
import static dev.ballast.bot.inventory.TestMarkets.USDT;
import static dev.ballast.bot.inventory.TestMarkets.d;
import static dev.ballast.bot.inventory.TestMarkets.fill;
import static dev.ballast.core.Side.BUY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InventoryAggregatorOpeningCostBasisTest {

    private final InventoryAggregator inventory = TestMarkets.newInventory();

    @Test
    void shouldOpenStartingHoldingsAtTheFirstFairValueMark() {
        inventory.setStartingBalance(A, BTC, d("0.5"));
        inventory.setStartingBalance(B, BTC, d("0.5"));
        inventory.markFairValue(BTC, 60000.0);
        inventory.markFairValue(BTC, 60300.0);

        assertThat(inventory.averageCost(BTC)).isEqualByComparingTo("60000");
        assertThat(inventory.averageCost(BTC, B)).isEqualByComparingTo("60000");
        assertThat(inventory.unrealisedPnl(BTC)).isEqualByComparingTo("300");
        assertThat(inventory.unrealisedPnl(BTC, A)).isEqualByComparingTo("150");
    }

    @Test
    void shouldOpenStartingHoldingsAtAnExplicitPrice() {
        inventory.setStartingBalance(A, BTC, d("1"));
        inventory.openAt(BTC, d("58000"));
        inventory.markFairValue(BTC, 60000.0);

        assertThat(inventory.unrealisedPnl(BTC)).isEqualByComparingTo("2000");
    }

    @Test
    void shouldOpenStartingHoldingsAtTheFirstFillPriceWhenTradedBeforeAnyMark() {
        inventory.setStartingBalance(A, BTC, d("1"));
        inventory.onFill(BTC_A, fill(BTC_A, BUY, "1", "59000"));

        assertThat(inventory.averageCost(BTC)).isEqualByComparingTo("59000");
        assertThat(inventory.quantity(BTC)).isEqualByComparingTo("2");
    }

    @Test
    void shouldRefuseStartingBalancesAndOpeningOnceTheAssetHasOpened() {
        inventory.setStartingBalance(A, BTC, d("1"));
        inventory.markFairValue(BTC, 60000.0);

        assertThatThrownBy(() -> inventory.setStartingBalance(B, BTC, d("1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("before the asset opens");
        assertThatThrownBy(() -> inventory.openAt(BTC, d("50000")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already open");
        assertThat(inventory.quantity(BTC)).isEqualByComparingTo("1");
    }

    @Test
    void shouldReplaceAStartingBalanceSetTwiceBeforeOpening() {
        inventory.setStartingBalance(A, BTC, d("1"));
        inventory.setStartingBalance(A, BTC, d("0.25"));

        assertThat(inventory.quantity(BTC)).isEqualByComparingTo("0.25");
    }

    @Test
    void shouldRefuseStartingCashOnAVenueThatAlreadyTraded() {
        inventory.onFill(BTC_A, fill(BTC_A, BUY, "1", "100"));

        assertThatThrownBy(() -> inventory.setStartingBalance(A, USDT, d("1000")))
                .isInstanceOf(IllegalStateException.class);
        inventory.setStartingBalance(B, USDT, d("1000"));
        assertThat(inventory.cash(B)).isEqualByComparingTo("1000");
    }
}
