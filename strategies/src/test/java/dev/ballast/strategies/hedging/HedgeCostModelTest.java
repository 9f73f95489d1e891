package dev.ballast.strategies.hedging;

import dev.ballast.core.VenueHealth;
import static dev.ballast.strategies.hedging.Markets.btcusdt;
import static dev.ballast.strategies.hedging.Markets.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ballast.core.Instrument;
import dev.ballast.core.Side;
import dev.ballast.strategies.hedging.HedgeCost.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HedgeCostModelTest {
    private static final double FAIR = 60_000;
    private static final long MS = 1_000_000L;

    private final Instrument a = btcusdt("sim-a", "0.1", "0.001", "10");
    private final HedgeCostModel model = new HedgeCostModel(HedgeCostParams.DEFAULTS);
    private final HedgeCost out = new HedgeCost();

    /** Mid 60000: bids 59990 × 1, 59980 × 2; asks 60010 × 0.2, 60020 × 0.3, 60030 × 5. Taker fee 5 bps. */
    private HedgeVenue venue() {
        return on(a).bids("59990", "1", "59980", "2").asks("60010", "0.2", "60020", "0.3", "60030", "5")
                .venue(0.0005);
    }

    @Test
    void shouldSplitABuyIntoFeeHalfSpreadAndImpactOfWalkingTheBook() {
        // 0.2 @ 60010 + 0.2 @ 60020: average 60015, touch 60010, mid 60000
        model.cost(venue(), Side.BUY, 0.4, FAIR, out);

        assertThat(out.usable()).isTrue();
        assertThat(out.feeQuote()).isCloseTo(0.0005 * 60_015 * 0.4, within(1e-9));
        assertThat(out.halfSpreadQuote()).isCloseTo(10 * 0.4, within(1e-9));
        assertThat(out.impactQuote()).isCloseTo(5 * 0.4, within(1e-9));
        assertThat(out.basisQuote()).isCloseTo(0, within(1e-9));
        assertThat(out.stalenessQuote()).isZero();
        assertThat(out.totalQuote()).isCloseTo(18.003, within(1e-9));
        assertThat(out.totalBps()).isCloseTo(18.003 / (FAIR * 0.4) * 10_000, within(1e-9));
        assertThat(out.averagePrice()).isCloseTo(60_015, within(1e-9));
        assertThat(a.ticksToPrice(out.limitPriceTicks())).isEqualByComparingTo("60020");
    }

    @Test
    void shouldReadTheCostAsAReasonWithItsNumbers() {
        model.cost(venue(), Side.BUY, 0.4, FAIR, out);

        assertThat(out).hasToString("sim-a 0.4 BTC @≤60020: fee 12.00 + half spread 4.00 + impact 2.00"
                + " + basis 0.00 + stale 0.00 = 18.00 USDT (7.5 bps)");
    }

    @Test
    void shouldMirrorTheComponentsForASell() {
        // 1 @ 59990 + 0.5 @ 59980: average 59986.667, touch 59990
        model.cost(venue(), Side.SELL, 1.5, FAIR, out);

        double average = (59_990 + 0.5 * 59_980) / 1.5;
        assertThat(out.halfSpreadQuote()).isCloseTo(10 * 1.5, within(1e-9));
        assertThat(out.impactQuote()).isCloseTo((59_990 - average) * 1.5, within(1e-9));
        assertThat(out.feeQuote()).isCloseTo(0.0005 * average * 1.5, within(1e-9));
        assertThat(out.totalQuote()).isCloseTo((FAIR - average) * 1.5 + 0.0005 * average * 1.5, within(1e-9));
        assertThat(out.toString()).startsWith("sim-a 1.5 BTC @≥59980: ");
    }

    @Test
    void shouldChargeTheVenuesBasisToFairValueWithItsSign() {
        // the venue's mid (60000) is 10 above fair: buying here costs 10 more per unit, selling 10 less
        model.cost(venue(), Side.BUY, 0.1, 59_990, out);
        assertThat(out.basisQuote()).isCloseTo(10 * 0.1, within(1e-9));

        model.cost(venue(), Side.SELL, 0.1, 59_990, out);
        assertThat(out.basisQuote()).isCloseTo(-10 * 0.1, within(1e-9));
    }

    @Test
    void shouldAddAStalenessPenaltyThatGrowsWithBookAgeBeyondTheGrace() {
        HedgeVenue v = venue();
        double[] penalties = new double[4];
        long[] agesMs = {0, 500, 1_500, 2_500};
        for (int i = 0; i < agesMs.length; i++) {
            v.update(VenueHealth.HEALTHY, agesMs[i] * MS, 100, 10_000_000);
            penalties[i] = model.cost(v, Side.BUY, 0.4, FAIR, out).stalenessQuote();
        }

        // 2 bps per second beyond 0.5 s: 0, 0, 2 bps, 4 bps of 60000 × 0.4
        assertThat(penalties[0]).isZero();
        assertThat(penalties[1]).isZero();
        assertThat(penalties[2]).isCloseTo(2e-4 * FAIR * 0.4, within(1e-9));
        assertThat(penalties[3]).isCloseTo(4e-4 * FAIR * 0.4, within(1e-9));
    }

    @ParameterizedTest
    @EnumSource(value = VenueHealth.class, names = "HEALTHY", mode = EnumSource.Mode.EXCLUDE)
    void shouldBeUnusableOnAnyVenueThatIsNotHealthy(VenueHealth health) {
        HedgeVenue v = venue().update(health, 0, 100, 10_000_000);

        model.cost(v, Side.BUY, 0.1, FAIR, out);

        assertThat(out.verdict()).isEqualTo(Verdict.UNHEALTHY);
        assertThat(out.totalQuote()).isInfinite();
        assertThat(out.totalBps()).isInfinite();
        assertThat(out.toString()).endsWith(": " + health.description());
    }

    @Test
    void shouldBeUnusableWhenTheBookIsOlderThanTheMaximumAge() {
        HedgeVenue v = venue().update(VenueHealth.HEALTHY, 5_001 * MS, 100, 10_000_000);

        model.cost(v, Side.BUY, 0.1, FAIR, out);

        assertThat(out.verdict()).isEqualTo(Verdict.BOOK_TOO_OLD);
        assertThat(out).hasToString("sim-a 0.1 BTC: book 5.0 s old > 5.0 s max");
    }

    @Test
    void shouldBeUnusableWhenTheBookIsNotSyncedOneSidedOrCrossed() {
        HedgeVenue invalid = venue();
        invalid.book().invalidate();
        assertThat(model.cost(invalid, Side.BUY, 0.1, FAIR, out).verdict()).isEqualTo(Verdict.BOOK_INVALID);

        HedgeVenue oneSided = on(a).asks("60010", "1").venue(0.0005);
        assertThat(model.cost(oneSided, Side.BUY, 0.1, FAIR, out).verdict()).isEqualTo(Verdict.BOOK_ONE_SIDED);

        HedgeVenue crossed = on(a).bids("60020", "1").asks("60010", "1").venue(0.0005);
        assertThat(model.cost(crossed, Side.BUY, 0.1, FAIR, out).verdict()).isEqualTo(Verdict.BOOK_CROSSED);
    }

    @Test
    void shouldBeUnusableWhenTheBookCannotFillTheSize() {
        model.cost(venue(), Side.SELL, 3.5, FAIR, out);

        assertThat(out.verdict()).isEqualTo(Verdict.BOOK_TOO_THIN);
        assertThat(out).hasToString("sim-a 3.5 BTC: book holds only 3 BTC");
    }

    @Test
    void shouldBeUnusableWhenTheWalkGoesBeyondTheSlippageCap() {
        HedgeCostModel tight = new HedgeCostModel(new HedgeCostParams(5_000, 500, 2.0, 3.0));

        // cap 60000 × 1.0003 = 60018: 0.2 at 60010 fits, 0.3 more needs 60020
        assertThat(tight.cost(venue(), Side.BUY, 0.2, FAIR, out).usable()).isTrue();
        tight.cost(venue(), Side.BUY, 0.3, FAIR, out);

        assertThat(out.verdict()).isEqualTo(Verdict.BEYOND_SLIPPAGE_CAP);
        assertThat(out).hasToString("sim-a 0.3 BTC: needs 60020.0, beyond the slippage cap 60018.0");
    }

    @Test
    void shouldBeUnusableBelowTheVenuesMinimumNotional() {
        // 0.001 × 60010 = 60.01 fits a 10 minimum; against a 100 minimum it does not
        Instrument strict = btcusdt("sim-a", "0.1", "0.001", "100");
        HedgeVenue v = on(strict).bids("59990", "1").asks("60010", "1").venue(0.0005);

        model.cost(v, Side.BUY, 0.001, FAIR, out);

        assertThat(out.verdict()).isEqualTo(Verdict.BELOW_MIN_NOTIONAL);
        assertThat(out).hasToString("sim-a 0.001 BTC: notional 60.01 below the minimum 100.00 USDT");
        assertThat(model.cost(v, Side.BUY, 0.002, FAIR, out).usable()).isTrue();
    }

    @Test
    void shouldBeUnusableWhenTheSizeRoundsToZeroLots() {
        model.cost(venue(), Side.BUY, 0.0009, FAIR, out);

        assertThat(out.verdict()).isEqualTo(Verdict.BELOW_ONE_LOT);
    }

    @Test
    void shouldNeedTheBaseToSellAndSizeTimesLimitPlusFeeInQuoteToBuy() {
        HedgeVenue v = venue().update(VenueHealth.HEALTHY, 0, 0.3, 24_000);

        assertThat(model.cost(v, Side.SELL, 0.3, FAIR, out).usable()).isTrue();
        model.cost(v, Side.SELL, 0.4, FAIR, out);
        assertThat(out.verdict()).isEqualTo(Verdict.NOT_ENOUGH_BASE);
        assertThat(out).hasToString("sim-a 0.4 BTC: needs 0.4 BTC, 0.3 free");

        // buying 0.4 reaches 60020: 0.4 × 60020 × 1.0005 = 24019.99 > 24000, though the average would fit
        model.cost(v, Side.BUY, 0.4, FAIR, out);
        assertThat(out.verdict()).isEqualTo(Verdict.NOT_ENOUGH_QUOTE);
        assertThat(out).hasToString("sim-a 0.4 BTC: needs 24020.00 USDT, 24000.00 free");
        assertThat(model.cost(v, Side.BUY, 0.399, FAIR, out).usable()).isTrue();
    }

    @Test
    void shouldBeUnusableWithoutAFairValue() {
        assertThat(model.cost(venue(), Side.BUY, 0.1, Double.NaN, out).verdict()).isEqualTo(Verdict.NO_FAIR_VALUE);
        assertThat(model.cost(venue(), Side.BUY, 0.1, 0, out).totalQuote()).isInfinite();
    }

    @Test
    void shouldRefuseParametersOutOfRangeNamingTheField() {
        assertThatThrownBy(() -> new HedgeCostParams(0, 0, 2, 50))
                .hasMessage("maxBookAgeMs must be > 0 (was 0)");
        assertThatThrownBy(() -> new HedgeCostParams(5_000, 6_000, 2, 50))
                .hasMessage("stalenessGraceMs must be >= 0 and <= maxBookAgeMs 5000 (was 6000)");
        assertThatThrownBy(() -> new HedgeCostParams(5_000, 500, -1, 50))
                .hasMessage("stalenessPenaltyBpsPerSec must be finite and >= 0 (was -1.0)");
        assertThatThrownBy(() -> new HedgeCostParams(5_000, 500, 2, 0))
                .hasMessage("maxSlippageBps must be > 0 and < 10000 (was 0.0)");
        assertThatThrownBy(() -> new HedgeVenue(Markets.book(a), -0.001))
                .hasMessage("sim-a:BTCUSDT: takerFeeRate must be >= 0 and < 1 (was -0.001)");
    }
}
