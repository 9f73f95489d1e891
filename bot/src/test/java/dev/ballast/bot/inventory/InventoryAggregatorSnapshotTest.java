package dev.ballast.bot.inventory;

import static dev.ballast.bot.inventory.TestMarkets.A;
import static dev.ballast.bot.inventory.TestMarkets.B;
import static dev.ballast.bot.inventory.TestMarkets.BNB;
import static dev.ballast.bot.inventory.TestMarkets.BTC;
import static dev.ballast.bot.inventory.TestMarkets.BTC_A;
import static dev.ballast.bot.inventory.TestMarkets.BTC_B;
import static dev.ballast.bot.inventory.TestMarkets.ETH;
import static dev.ballast.bot.inventory.TestMarkets.USDT;
import static dev.ballast.bot.inventory.TestMarkets.d;
import static dev.ballast.bot.inventory.TestMarkets.fill;
import static dev.ballast.core.Side.BUY;
import static dev.ballast.core.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InventoryAggregatorSnapshotTest {

    private final InventoryAggregator inventory = TestMarkets.newInventory();

    @Test
    void shouldSnapshotTotalsPerVenuePositionsTargetDriftAndPnl() {
        inventory.setStartingBalance(A, USDT, d("1000"));
        inventory.setStartingBalance(B, BTC, d("1"));
        inventory.markFairValue(BTC, d("100"));
        inventory.markFairValue(ETH, d("10"));
        inventory.onFill(BTC_B, fill(BTC_B, SELL, "0.5", "110"));
        inventory.onFill(BTC_A, fill(BTC_A, BUY, "0.2", "105", "0.02", USDT));

        InventorySnapshot snapshot = inventory.snapshot();
        inventory.onFill(BTC_A, fill(BTC_A, BUY, "0.3", "100"));

        AssetInventory btc = snapshot.asset(BTC);
        assertThat(btc.total().position().isTotal()).isTrue();
        assertThat(btc.total().position().quantity()).isEqualByComparingTo("0.7");
        assertThat(btc.total().position().realisedPnl()).isEqualByComparingTo("5");
        assertThat(btc.total().position().fees()).isEqualByComparingTo("0.02");
        assertThat(btc.total().fills()).isEqualTo(2);
        assertThat(btc.byVenue().keySet()).containsExactly(A, B);
        assertThat(btc.byVenue().get(A).position().quantity()).isEqualByComparingTo("0.2");
        assertThat(btc.byVenue().get(A).unrealisedPnl()).isEqualByComparingTo("-1");
        assertThat(btc.byVenue().get(B).position().realisedPnl()).isEqualByComparingTo("5");
        assertThat(btc.drift()).isEqualByComparingTo("-0.3");
        assertThat(btc.fairValue()).isEqualByComparingTo("100");
        assertThat(snapshot.assets().keySet()).containsExactly(BTC, ETH);
        assertThat(snapshot.cashByVenue().get(A)).isEqualByComparingTo("978.98");
        assertThat(snapshot.cashByVenue().get(B)).isEqualByComparingTo("55");
        assertThat(snapshot.totalPnl()).isEqualByComparingTo(btc.total().totalPnl());
        assertThat(snapshot.equity()).isEqualByComparingTo("1103.98");
        assertThatThrownBy(() -> snapshot.assets().put(BNB, btc))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldLeaveEquityAndPnlUnknownInASnapshotWhileAHeldAssetIsUnmarked() {
        inventory.setStartingBalance(A, BTC, d("1"));

        InventorySnapshot snapshot = inventory.snapshot();

        assertThat(snapshot.asset(BTC).fairValue()).isNull();
        assertThat(snapshot.asset(BTC).total().unrealisedPnl()).isNull();
        assertThat(snapshot.asset(ETH).total().unrealisedPnl()).isEqualByComparingTo("0");
        assertThat(snapshot.equity()).isNull();
        assertThat(snapshot.totalPnl()).isNull();
    }
}
