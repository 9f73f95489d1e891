package dev.ballast.bot.inventory;

import static dev.ballast.bot.inventory.TestMarkets.A;
import static dev.ballast.bot.inventory.TestMarkets.B;
import static dev.ballast.bot.inventory.TestMarkets.BNB;
import static dev.ballast.bot.inventory.TestMarkets.BTC;
import static dev.ballast.bot.inventory.TestMarkets.BTC_A;
import static dev.ballast.bot.inventory.TestMarkets.BTC_B;
import static dev.ballast.bot.inventory.TestMarkets.ETH;
import static dev.ballast.bot.inventory.TestMarkets.ETH_A;
import static dev.ballast.bot.inventory.TestMarkets.USDT;
import static dev.ballast.bot.inventory.TestMarkets.d;
import static dev.ballast.bot.inventory.TestMarkets.fill;
import static dev.ballast.core.Side.BUY;
import static dev.ballast.core.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InventoryAggregatorQuantityTest {

    private final InventoryAggregator inventory = TestMarkets.newInventory();

    @Test
    void shouldCountStartingBalancePlusSignedFillsPerVenueAndInTotal() {
        inventory.setStartingBalance(A, BTC, d("0.5"));
        inventory.setStartingBalance(B, BTC, d("0.5"));

        inventory.onFill(BTC_A, fill(BTC_A, BUY, "0.02", "60000"));
        inventory.onFill(BTC_A, fill(BTC_A, SELL, "0.005", "60010"));
        inventory.onFill(BTC_B, fill(BTC_B, SELL, "0.3", "60020"));

        assertThat(inventory.quantity(BTC, A)).isEqualByComparingTo("0.515");
        assertThat(inventory.quantity(BTC, B)).isEqualByComparingTo("0.2");
        assertThat(inventory.quantity(BTC)).isEqualByComparingTo("0.715");
        assertThat(inventory.quantityDouble(BTC)).isEqualTo(0.715);
        assertThat(inventory.fills(BTC, A)).isEqualTo(2);
        assertThat(inventory.fills(BTC, B)).isEqualTo(1);
        assertThat(inventory.fills(BTC)).isEqualTo(3);
        assertThat(inventory.quantity(ETH)).isEqualByComparingTo("0");
    }

    @Test
    void shouldKeepCashPerVenueAsStartingCashPlusSellsMinusBuysMinusQuoteFees() {
        inventory.setStartingBalance(A, USDT, d("50000"));
        inventory.setStartingBalance(B, USDT, d("50000"));

        inventory.onFill(BTC_A, fill(BTC_A, BUY, "0.1", "60000", "0.6", USDT));
        inventory.onFill(ETH_A, fill(ETH_A, SELL, "2", "3000", "0.3", USDT));
        inventory.onFill(BTC_B, fill(BTC_B, SELL, "0.1", "60100"));

        // A: 50000 - 6000 - 0.6 + 6000 - 0.3; B: 50000 + 6010
        assertThat(inventory.cash(A)).isEqualByComparingTo("49999.1");
        assertThat(inventory.cash(B)).isEqualByComparingTo("56010");
        assertThat(inventory.cash()).isEqualByComparingTo("106009.1");
    }

    @Test
    void shouldMeasureDriftAgainstTheTargetAcrossVenues() {
        inventory.setStartingBalance(A, BTC, d("0.5"));
        inventory.setStartingBalance(B, BTC, d("0.5"));
        assertThat(inventory.drift(BTC)).isEqualByComparingTo("0");

        inventory.onFill(BTC_A, fill(BTC_A, BUY, "0.02", "60000"));
        inventory.onFill(BTC_B, fill(BTC_B, BUY, "0.05", "60000"));

        assertThat(inventory.drift(BTC)).isEqualByComparingTo("0.07");
        assertThat(inventory.driftDouble(BTC)).isEqualTo(0.07);
        assertThat(inventory.drift(ETH)).isEqualByComparingTo("-10");
        assertThat(inventory.driftDouble(ETH)).isEqualTo(-10.0);
        assertThat(inventory.target(BTC)).contains(InventoryTarget.of("1.0", "0.05", "0.3"));
    }

    @Test
    void shouldRefuseDriftForAnAssetWithoutTarget() {
        inventory.setStartingBalance(A, BNB, d("1"));

        assertThat(inventory.target(BNB)).isEmpty();
        assertThatThrownBy(() -> inventory.driftDouble(BNB))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BNB has no inventory target");
    }
}
