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

import dev.ballast.core.VenueId;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class InventoryAggregatorConservationTest {

    private final InventoryAggregator inventory = TestMarkets.newInventory();

    @Test
    void shouldChangeEquityByExactlyTheTotalPnlFromTheOpeningMarks() {
        for (var venue : new VenueId[] {A, B}) {
            inventory.setStartingBalance(venue, USDT, d("50000"));
            inventory.setStartingBalance(venue, BTC, d("0.5"));
            inventory.setStartingBalance(venue, ETH, d("5"));
            inventory.setStartingBalance(venue, BNB, d("2"));
        }
        inventory.markFairValue(BTC, 60000.0);
        inventory.markFairValue(ETH, 3000.0);
        inventory.markFairValue(BNB, 600.0);
        BigDecimal equityAtOpen = inventory.equity();

        inventory.onFill(BTC_A, fill(BTC_A, BUY, "0.013", "59990.17", "0.78", USDT));
        inventory.onFill(BTC_B, fill(BTC_B, SELL, "0.7", "60120.3", "0.0007", BTC));
        inventory.onFill(ETH_A, fill(ETH_A, SELL, "7.3", "3001.13", "0.0211", BNB));
        inventory.onFill(BTC_A, fill(BTC_A, SELL, "0.9", "60015.55", "-0.02", USDT));
        inventory.onFill(ETH_A, fill(ETH_A, BUY, "1.77", "2999.01", "0.00177", ETH));
        inventory.markFairValue(BTC, 60211.37);
        inventory.markFairValue(ETH, 2987.65);
        inventory.markFairValue(BNB, 612.5);

        assertThat(inventory.equity().subtract(equityAtOpen)).isEqualByComparingTo(inventory.totalPnl());

        inventory.markFairValue(BTC, 60000.0);
        inventory.markFairValue(ETH, 3000.0);
        inventory.markFairValue(BNB, 600.0);
        assertThat(inventory.equity().subtract(equityAtOpen)).isEqualByComparingTo(inventory.totalPnl());
        assertThat(inventory.totalPnl()).isNotEqualByComparingTo("0");
    }
}
