package dev.ballast.bot.inventory;

import static dev.ballast.bot.inventory.TestMarkets.A;
import static dev.ballast.bot.inventory.TestMarkets.BTC;
import static dev.ballast.bot.inventory.TestMarkets.BTC_A;
import static dev.ballast.bot.inventory.TestMarkets.BTC_B;
import static dev.ballast.bot.inventory.TestMarkets.BTC_EUR_A;
import static dev.ballast.bot.inventory.TestMarkets.ETH;
import static dev.ballast.bot.inventory.TestMarkets.USDT;
import static dev.ballast.bot.inventory.TestMarkets.d;
import static dev.ballast.bot.inventory.TestMarkets.fill;
import static dev.ballast.core.Side.BUY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryAggregatorRejectionTest {

    private final InventoryAggregator inventory = TestMarkets.newInventory();

    @Test
    void shouldRejectAFillOnAMarketNotQuotedInTheValuationCurrencyAndChangeNothing() {
        assertThatThrownBy(() -> inventory.onFill(BTC_EUR_A, fill(BTC_EUR_A, BUY, "1", "55000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sim-a:BTCEUR is quoted in EUR")
                .hasMessageContaining("valued in USDT");
        assertThatThrownBy(() -> inventory.requireSupported(BTC_EUR_A))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(inventory.quantity(BTC)).isEqualByComparingTo("0");
        assertThat(inventory.fills(BTC)).isZero();
        assertThat(inventory.cash(A)).isEqualByComparingTo("0");
    }

    @Test
    void shouldRejectAFillForAnotherInstrument() {
        assertThatThrownBy(() -> inventory.onFill(BTC_A, fill(BTC_B, BUY, "1", "100")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sim-b:BTCUSDT");
        assertThat(inventory.fills(BTC)).isZero();
    }

    @Test
    void shouldRejectInvalidBalancesAndMarks() {
        assertThatThrownBy(() -> inventory.setStartingBalance(A, BTC, d("-0.1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inventory.markFairValue(BTC, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inventory.markFairValue(BTC, 0.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inventory.markFairValue(BTC, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inventory.markFairValue(USDT, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("valuation currency");
        assertThatThrownBy(() -> inventory.quantity(USDT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cash()");
        assertThat(inventory.hasFairValue(BTC)).isFalse();
    }

    @Test
    void shouldRejectATargetForTheValuationCurrency() {
        assertThatThrownBy(() -> new InventoryAggregator(USDT, Map.of(USDT, InventoryTarget.of("1", "0", "1"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectUnmarkedPnlQueriesForAHeldAsset() {
        inventory.setStartingBalance(A, BTC, d("1"));

        assertThat(inventory.isFullyMarked()).isFalse();
        assertThatThrownBy(() -> inventory.unrealisedPnl(BTC)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(inventory::equity).isInstanceOf(IllegalStateException.class);
        assertThat(inventory.unrealisedPnl(ETH)).isEqualByComparingTo("0");
    }
}
