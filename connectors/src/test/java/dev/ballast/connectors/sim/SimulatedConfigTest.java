package dev.ballast.connectors.sim;

import static dev.ballast.connectors.sim.SimFixture.BTC;
import static dev.ballast.connectors.sim.SimFixture.SIM_A;
import static dev.ballast.connectors.sim.SimFixture.SIM_B;
import static dev.ballast.connectors.sim.SimFixture.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration of the simulated market and venues: validation names the field and the value. */
class SimulatedConfigTest {
    private static SimulatedMarketSpec btcSpec(Instrument instrument) {
        return new SimulatedMarketSpec(instrument, 2, 20, new BigDecimal("0.5"), 1.5, new BigDecimal("0.02"));
    }

    @Test
    void shouldNameTheFieldAndValueOfANegativeLatency() {
        assertThatThrownBy(() -> SimFixture.venue().latencyMs(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("venues.sim-a.latencyMs must be >= 0 (was -1)");
    }

    @Test
    void shouldRefuseAMarketListedUnderAnotherVenue() {
        assertThatThrownBy(() -> new SimulatedVenueConfig(SIM_A, 10, BigDecimal.ONE, BigDecimal.TEN, 1,
                Map.of(), List.of(btcSpec(SimFixture.btcUsdt(SIM_B)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("venues.sim-a.markets.BTCUSDT belongs to venue sim-b");
    }

    @Test
    void shouldRefuseALevelSizeBelowOneLot() {
        assertThatThrownBy(() -> new SimulatedMarketSpec(SimFixture.btcUsdt(SIM_A), 2, 20, new BigDecimal("0.00001"),
                1, new BigDecimal("0.02")))
                .hasMessageContaining("markets.BTCUSDT.levelSize must be >= the lot size 0.0001");
    }

    @Test
    void shouldRefuseARebateLargerThanTheTakerFee() {
        assertThatThrownBy(() -> SimFixture.venue().fees("-6", "5").build())
                .hasMessageContaining("makerFeeBps rebate must not exceed takerFeeBps");
    }

    @Test
    void shouldRefuseAVenueTradingAnAssetTheMarketDoesNotPrice() {
        Asset sol = Asset.of("SOL");
        Instrument solUsdt = new Instrument(new InstrumentId(SIM_A, "SOLUSDT"), sol, USDT, new BigDecimal("0.01"),
                new BigDecimal("0.01"), BigDecimal.ONE);
        SimulatedVenueConfig config = new SimulatedVenueConfig(SIM_A, 10, BigDecimal.ONE, BigDecimal.TEN, 1,
                Map.of(), List.of(new SimulatedMarketSpec(solUsdt, 2, 20, BigDecimal.ONE, 1, BigDecimal.ONE)));
        SimulatedMarket market = new SimFixture(SimFixture.stillMarket(1)).market;

        assertThatThrownBy(() -> market.addVenue(config))
                .hasMessageContaining("asset SOL has no simulated price (add it to simulation.assets)");
    }

    @Test
    void shouldRefuseToAddVenuesOnceTheMarketRuns() {
        SimFixture sim = new SimFixture(SimFixture.stillMarket(1));
        sim.add(SimFixture.venue());
        sim.advanceMs(100);

        assertThatThrownBy(() -> sim.add(SimFixture.venue().id(SIM_B))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseTheSameVenueTwice() {
        SimFixture sim = new SimFixture(SimFixture.stillMarket(1));
        sim.add(SimFixture.venue());

        assertThatThrownBy(() -> sim.add(SimFixture.venue())).hasMessageContaining("venue sim-a added twice");
    }

    @Test
    void shouldRefuseToPriceTheQuoteAsset() {
        assertThatThrownBy(() -> new SimulatedMarketConfig(1, 100, USDT, Map.of(USDT, new SimulatedAssetSpec(1, 0))))
                .hasMessageContaining("must not price the quote asset USDT");
    }

    @Test
    void shouldDefaultToALogWalkAndAFewSecondsOfDislocationHalfLife() {
        assertThat(new SimulatedAssetSpec(60_000, 3).walk()).isEqualTo(PriceWalk.LOG);
        assertThat(SimFixture.venue().build().dislocationHalfLifeMs()).isEqualTo(3_000);
    }

    @Test
    void shouldStartEachVenueWithItsConfiguredBalancesAndZeroForOtherTradedAssets() {
        SimFixture sim = new SimFixture(SimFixture.stillMarket(1));
        SimulatedVenue venue = sim.add(SimFixture.venue().balances(Map.of(USDT, new BigDecimal("1000"))));

        assertThat(venue.balances()).containsOnlyKeys(BTC, USDT);
        assertThat(venue.balances().get(USDT).free()).isEqualByComparingTo("1000");
        assertThat(venue.balances().get(BTC).total()).isZero();
    }
}
