package dev.ballast.strategies.hedging;

import dev.ballast.core.VenueHealth;
import static dev.ballast.strategies.hedging.Markets.btcusdInverse;
import static dev.ballast.strategies.hedging.Markets.btcusdt;
import static dev.ballast.strategies.hedging.Markets.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ballast.core.Instrument;
import dev.ballast.core.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hedges on an inverse contract (contracts of 100 USD, Binance COIN-M) are asked for in base units and planned in
 * whole contracts that hold no more base than asked; its costs are in base units and quote like any venue's.
 */
class HedgeRouterInverseContractTest {
    private static final double FAIR = 60_000;

    private final Instrument coinm = btcusdInverse("coinm");
    private final HedgeRouter router = new HedgeRouter(new HedgeCostModel(HedgeCostParams.DEFAULTS),
            HedgeRouterParams.DEFAULTS);

    @Test
    void shouldPlanAnInverseHedgeInWholeContractsOfTheBaseAskedFor() {
        HedgeVenue venue = on(coinm).bids("60000", "100").asks("60010", "100").venue(0.00025);

        // 0.0101 BTC at 60 000 is 6.06 contracts: 6 of them, 600 USD, 0.01 BTC
        HedgePlan plan = router.update(List.of(venue), FAIR).plan(Side.SELL, 0.0101);

        assertThat(plan.legs()).singleElement().satisfies(leg -> {
            assertThat(leg.sizeLots()).isEqualTo(6);
            assertThat(leg.size()).isEqualByComparingTo("6");
            assertThat(leg.sizeBase()).isCloseTo(0.01, within(1e-15));
        });
        // fee 0.00025 × 600 = 0.15; half spread 5 × 0.01 = 0.05, made up by the mid's 5 over fair (basis -0.05)
        assertThat(plan.totalCostQuote()).isCloseTo(0.15, within(1e-9));
        assertThat(plan.reason()).startsWith("sell coinm 6 contracts (0.01 BTC) @≥60000: fee 0.15 + half spread 0.05"
                + " + impact 0.00 + basis -0.05 + stale 0.00 = 0.15 USD (2.5 bps)");
    }

    @Test
    void shouldTakeOneContractLessWhenWalkingDownTheBookWouldSellMoreBaseThanAsked() {
        // 0.008334 BTC is 5 contracts at the touch (5.0004); but 3 @ 60000 + 2 @ 59900 hold 500 / 59960 = 0.0083389
        HedgeVenue venue = on(coinm).bids("60000", "3", "59900", "100").asks("60010", "100").venue(0.00025);

        HedgePlan plan = router.update(List.of(venue), FAIR).plan(Side.SELL, 0.008334);

        assertThat(plan.legs()).singleElement().satisfies(leg -> {
            assertThat(leg.sizeLots()).isEqualTo(4);
            assertThat(leg.sizeBase()).isLessThanOrEqualTo(0.008334);
        });
    }

    @Test
    void shouldCountAnInverseContractsBuyingPowerInContractsOfItsQuoteCurrency() {
        HedgeVenue venue = on(coinm).bids("60000", "100").asks("60010", "100").venue(0.00025);
        venue.update(VenueHealth.HEALTHY, 0, 0, 250); // 250 USD buys two contracts

        HedgePlan plan = router.update(List.of(venue), FAIR).plan(Side.BUY, 0.01);

        assertThat(plan.feasible()).isFalse();
        assertThat(plan.reason()).contains("coinm 6 contracts", "needs 600.15 USD, 250.00 free");
        assertThat(router.maxSize(Side.BUY)).isCloseTo(200 / 60_010.0, within(1e-15));
    }

    @Test
    void shouldRouteAcrossASpotVenueInUsdtAndAnInverseOneInUsdByCostAlone() {
        Instrument spot = btcusdt("spot", "0.01", "0.00001", "5");
        List<HedgeVenue> venues = List.of(on(spot).bids("60000", "1").asks("60000.02", "1").venue(0.0004),
                on(coinm).bids("60000", "100").asks("60010", "100").venue(0.00025));

        // selling 0.01 at the same bid 60000 = fair: the 4 bps fee on spot against 2.5 bps on COIN-M
        HedgePlan plan = router.update(venues, FAIR).plan(Side.SELL, 0.01);

        assertThat(plan.legs()).singleElement().satisfies(leg -> {
            assertThat(leg.venue().name()).isEqualTo("coinm");
            assertThat(leg.sizeLots()).isEqualTo(6);
        });
        assertThat(plan.reason()).contains("next best spot");
    }
}
