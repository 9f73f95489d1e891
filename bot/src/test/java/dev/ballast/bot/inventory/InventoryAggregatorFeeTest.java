package dev.ballast.bot.inventory;

import static dev.ballast.bot.inventory.TestMarkets.A;
import static dev.ballast.bot.inventory.TestMarkets.B;
import static dev.ballast.bot.inventory.TestMarkets.BNB;
import static dev.ballast.bot.inventory.TestMarkets.BTC;
import static dev.ballast.bot.inventory.TestMarkets.BTC_A;
import static dev.ballast.bot.inventory.TestMarkets.BTC_B;
import static dev.ballast.bot.inventory.TestMarkets.USDT;
import static dev.ballast.bot.inventory.TestMarkets.d;
import static dev.ballast.bot.inventory.TestMarkets.fill;
import static dev.ballast.core.Side.BUY;
import static dev.ballast.core.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InventoryAggregatorFeeTest {

    private final InventoryAggregator inventory = TestMarkets.newInventory();

    @Test
    void shouldTakeAQuoteFeeFromCashAndCountIt() {
        inventory.markFairValue(BTC, d("100"));
        inventory.onFill(BTC_A, fill(BTC_A, BUY, "1", "100", "0.05", USDT));

        assertThat(inventory.cash(A)).isEqualByComparingTo("-100.05");
        assertThat(inventory.fees(BTC)).isEqualByComparingTo("0.05");
        assertThat(inventory.fees(BTC, A)).isEqualByComparingTo("0.05");
        assertThat(inventory.quantity(BTC)).isEqualByComparingTo("1");
        assertThat(inventory.realisedPnl(BTC)).isEqualByComparingTo("0");
        assertThat(inventory.totalPnl()).isEqualByComparingTo("-0.05");
    }

    @Test
    void shouldShrinkTheBaseQuantityByABaseFeeAndCountItsValueAtTheFillPrice() {
        inventory.markFairValue(BTC, d("100"));
        inventory.onFill(BTC_A, fill(BTC_A, BUY, "1", "100", "0.001", BTC));
        inventory.markFairValue(BTC, d("110"));

        assertThat(inventory.quantity(BTC, A)).isEqualByComparingTo("0.999");
        assertThat(inventory.cash(A)).isEqualByComparingTo("-100");
        assertThat(inventory.fees(BTC)).isEqualByComparingTo("0.1");
        assertThat(inventory.averageCost(BTC)).isEqualByComparingTo("100");
        assertThat(inventory.realisedPnl(BTC)).isEqualByComparingTo("0");
        assertThat(inventory.unrealisedPnl(BTC)).isEqualByComparingTo("9.99");
        assertThat(inventory.totalPnl()).isEqualByComparingTo("9.89");
        assertThat(inventory.equity()).isEqualByComparingTo("9.89");
    }

    @Test
    void shouldRealiseTheGainOnBaseCoinsPaidAsFeeAgainstTheirAverageCost() {
        inventory.setStartingBalance(A, BTC, d("1"));
        inventory.markFairValue(BTC, d("100"));
        inventory.onFill(BTC_A, fill(BTC_A, SELL, "0.5", "120", "0.01", BTC));

        // 0.5 sold at 120 realises 10; 0.01 paid away at 120 realises 0.2 and costs 1.2 in fees
        assertThat(inventory.quantity(BTC)).isEqualByComparingTo("0.49");
        assertThat(inventory.realisedPnl(BTC)).isEqualByComparingTo("10.2");
        assertThat(inventory.fees(BTC)).isEqualByComparingTo("1.2");
        assertThat(inventory.cash(A)).isEqualByComparingTo("60");
    }

    @Test
    void shouldCreditARebateAsANegativeFee() {
        inventory.markFairValue(BTC, d("100"));
        inventory.onFill(BTC_A, fill(BTC_A, BUY, "1", "100", "-0.01", USDT));

        assertThat(inventory.cash(A)).isEqualByComparingTo("-99.99");
        assertThat(inventory.fees(BTC)).isEqualByComparingTo("-0.01");
        assertThat(inventory.totalPnl()).isEqualByComparingTo("0.01");
    }

    @Test
    void shouldPayAFeeInAThirdAssetOutOfItsHoldingsAtItsFairValue() {
        inventory.setStartingBalance(A, BNB, d("1"));
        inventory.markFairValue(BNB, d("600"));
        inventory.markFairValue(BTC, d("100"));

        inventory.onFill(BTC_A, fill(BTC_A, BUY, "1", "100", "0.0001", BNB));

        assertThat(inventory.quantity(BNB, A)).isEqualByComparingTo("0.9999");
        assertThat(inventory.fees(BTC)).isEqualByComparingTo("0.06");
        assertThat(inventory.fees(BNB)).isEqualByComparingTo("0");
        assertThat(inventory.realisedPnl(BNB)).isEqualByComparingTo("0");
        assertThat(inventory.cash(A)).isEqualByComparingTo("-100");
        assertThat(inventory.unconvertedFees(BTC)).isEmpty();

        inventory.markFairValue(BNB, d("700"));
        assertThat(inventory.unrealisedPnl(BNB)).isEqualByComparingTo("99.99");
        assertThat(inventory.totalPnl()).isEqualByComparingTo("99.93");
    }

    @Test
    void shouldHoldAThirdAssetFeeUnconvertedUntilThatAssetIsFirstMarked() {
        inventory.setStartingBalance(A, BNB, d("1"));
        inventory.markFairValue(BTC, d("100"));

        inventory.onFill(BTC_A, fill(BTC_A, BUY, "1", "100", "0.0001", BNB));

        assertThat(inventory.quantity(BNB, A)).isEqualByComparingTo("0.9999");
        assertThat(inventory.fees(BTC)).isEqualByComparingTo("0");
        assertThat(inventory.unconvertedFees(BTC)).containsOnlyKeys(BNB);
        assertThat(inventory.unconvertedFees(BTC).get(BNB)).isEqualByComparingTo("0.0001");
        assertThat(inventory.isFullyMarked()).isFalse();
        assertThatThrownBy(inventory::totalPnl)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("BNB");

        inventory.markFairValue(BNB, d("600"));

        assertThat(inventory.fees(BTC)).isEqualByComparingTo("0.06");
        assertThat(inventory.fees(BTC, A)).isEqualByComparingTo("0.06");
        assertThat(inventory.unconvertedFees(BTC)).isEmpty();
        assertThat(inventory.quantity(BNB, A)).isEqualByComparingTo("0.9999");
        assertThat(inventory.averageCost(BNB)).isEqualByComparingTo("600");
        assertThat(inventory.totalPnl()).isEqualByComparingTo("-0.06");
    }

    @Test
    void shouldSettleWaitingThirdAssetFeesWhenOneVenuesFeesAndRebatesCancelOut() {
        inventory.setStartingBalance(A, BNB, d("1"));
        inventory.setStartingBalance(B, BNB, d("1"));
        inventory.markFairValue(BTC, d("100"));
        inventory.onFill(BTC_A, fill(BTC_A, BUY, "1", "100", "0.0001", BNB));
        inventory.onFill(BTC_B, fill(BTC_B, BUY, "1", "100", "0.0002", BNB));
        inventory.onFill(BTC_B, fill(BTC_B, SELL, "1", "100", "-0.0002", BNB));
        assertThat(inventory.unconvertedFees(BTC)).containsOnlyKeys(BNB);

        inventory.markFairValue(BNB, d("600"));

        assertThat(inventory.fees(BTC, A)).isEqualByComparingTo("0.06");
        assertThat(inventory.fees(BTC, B)).isEqualByComparingTo("0");
        assertThat(inventory.quantity(BNB, B)).isEqualByComparingTo("1");
        assertThat(inventory.unconvertedFees(BTC)).isEmpty();
    }

    @Test
    void shouldPriceAWaitingThirdAssetFeeAgainstAnExplicitOpeningPrice() {
        inventory.setStartingBalance(A, BNB, d("1"));
        inventory.openAt(BNB, d("500"));
        inventory.markFairValue(BTC, d("100"));
        inventory.onFill(BTC_A, fill(BTC_A, BUY, "1", "100", "0.1", BNB));

        inventory.markFairValue(BNB, d("600"));

        // 0.1 BNB bought at 500 paid away at 600: realises 10, costs 60 in fees
        assertThat(inventory.realisedPnl(BNB)).isEqualByComparingTo("10");
        assertThat(inventory.fees(BTC)).isEqualByComparingTo("60");
        assertThat(inventory.unrealisedPnl(BNB)).isEqualByComparingTo("90");
    }
}
