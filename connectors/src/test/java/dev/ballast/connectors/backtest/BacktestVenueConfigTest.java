package dev.ballast.connectors.backtest;

import static dev.ballast.connectors.backtest.BacktestFixture.BALANCES;
import static dev.ballast.connectors.backtest.BacktestFixture.BTC;
import static dev.ballast.connectors.backtest.BacktestFixture.BTC_USDT;
import static dev.ballast.connectors.backtest.BacktestFixture.MAKER_BPS;
import static dev.ballast.connectors.backtest.BacktestFixture.TAKER_BPS;
import static dev.ballast.connectors.backtest.BacktestFixture.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.VenueId;
import dev.ballast.core.book.SequenceRule;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration is validated up front, naming the field and the value. */
class BacktestVenueConfigTest {

    private static BacktestVenueConfig config(VenueId id, ContractType type, String multiplier, String makerBps,
                                              long orderLatencyMs, Map<Asset, BigDecimal> balances) {
        return new BacktestVenueConfig(id, BTC_USDT, type, new BigDecimal(multiplier), SequenceRule.CONTIGUOUS,
                new BigDecimal(makerBps), TAKER_BPS, orderLatencyMs, 5, balances);
    }

    @Test
    void shouldAcceptASpotVenueAndCopyItsBalances() {
        Map<Asset, BigDecimal> balances = new HashMap<>(BALANCES);
        BacktestVenueConfig config = BacktestVenueConfig.spot(BTC_USDT, SequenceRule.CONTIGUOUS, MAKER_BPS, TAKER_BPS,
                10, 5, balances);
        balances.clear();

        assertThat(config.id()).isEqualTo(BTC_USDT.id().venue());
        assertThat(config.contractType()).isEqualTo(ContractType.SPOT);
        assertThat(config.balances()).containsOnlyKeys(BTC, USDT);
    }

    @Test
    void shouldRefuseAnInstrumentOfAnotherVenue() {
        assertThatThrownBy(() -> config(VenueId.of("other"), ContractType.SPOT, "1", "1", 10, BALANCES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to venue bt");
    }

    @Test
    void shouldRefuseAContractMultiplierOtherThanOneForSpot() {
        assertThatThrownBy(() -> config(BacktestFixture.VENUE, ContractType.SPOT, "100", "1", 10, BALANCES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("venues.bt.contractMultiplier must be 1 for spot (was 100)");
    }

    @Test
    void shouldRefuseANegativeLatency() {
        assertThatThrownBy(() -> config(BacktestFixture.VENUE, ContractType.SPOT, "1", "1", -1, BALANCES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("venues.bt.orderLatencyMs must be >= 0 (was -1)");
    }

    @Test
    void shouldRefuseAMakerRebateLargerThanTheTakerFee() {
        assertThatThrownBy(() -> config(BacktestFixture.VENUE, ContractType.SPOT, "1", "-6", 10, BALANCES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("makerFeeBps rebate");
    }

    @Test
    void shouldRefuseABalanceOfAnAssetTheInstrumentDoesNotTrade() {
        Map<Asset, BigDecimal> balances = Map.of(Asset.of("ETH"), BigDecimal.ONE);

        assertThatThrownBy(() -> config(BacktestFixture.VENUE, ContractType.LINEAR_PERPETUAL, "1", "1", 10, balances))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("venues.bt.balances.ETH");
    }

    @Test
    void shouldRefuseAnInversePerpetualWhoseInstrumentCountsSizesInBase() {
        assertThatThrownBy(() -> config(BacktestFixture.VENUE, ContractType.INVERSE_PERPETUAL, "100", "1", 10,
                Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contractMultiplier 100 of an inverse perpetual must be its instrument's "
                        + "contractSizeQuote (was none: sizes in BTC)");
    }

    @Test
    void shouldRefuseAnInverseContractMultiplierOtherThanTheInstrumentsContractSize() {
        Instrument coinm = Instrument.inverse(InstrumentId.of("bt", "BTCUSD_PERP"), BTC, Asset.of("USD"),
                new BigDecimal("0.1"), BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("100"));

        assertThatThrownBy(() -> new BacktestVenueConfig(coinm.id().venue(), coinm, ContractType.INVERSE_PERPETUAL,
                BigDecimal.TEN, SequenceRule.LINKED, BigDecimal.ZERO, TAKER_BPS, 10, 5, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be its instrument's contractSizeQuote (was 100)");
        assertThatThrownBy(() -> new BacktestVenueConfig(coinm.id().venue(), coinm, ContractType.LINEAR_PERPETUAL,
                BigDecimal.ONE, SequenceRule.LINKED, BigDecimal.ZERO, TAKER_BPS, 10, 5, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is an inverse contract: its contractType must be INVERSE_PERPETUAL");
    }
}
