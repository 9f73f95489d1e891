package dev.ballast.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Base units ↔ contracts of an inverse contract (100 USD each) at any price on the tick grid, checked against the
 * exact rational arithmetic: {@code n} contracts at {@code P} are {@code n × 100 / P} base.
 */
class InverseContractConversionPropertyTest {
    private static final Instrument COINM = InverseContractInstrumentTest.COINM;
    private static final BigDecimal M = COINM.contractSizeQuote();
    /** Half a unit in the last place of a settled base amount. */
    private static final BigDecimal HALF_ULP = new BigDecimal("0.5").movePointLeft(Instrument.INVERSE_BASE_SCALE);

    /** Prices from 1,000.0 to 200,000.0 on the 0.1 tick grid. */
    private static Gen<BigDecimal> prices() {
        return longs().between(10_000, 2_000_000).map(ticks -> COINM.ticksToPrice(ticks));
    }

    /** Base sizes from 0 to 50 BTC with eight decimals, as an order or a drift is written. */
    private static Gen<BigDecimal> baseSizes() {
        return longs().between(0, 5_000_000_000L).map(sats -> BigDecimal.valueOf(sats, 8));
    }

    @Test
    void shouldRoundABaseSizeDownToTheLargestWholeNumberOfContractsItCovers() {
        qt().forAll(baseSizes(), prices()).checkAssert((base, price) -> {
            long down = COINM.baseToLots(base, price, RoundingMode.DOWN);
            BigDecimal value = base.multiply(price);
            // down contracts never hold more than the base asked, one more would
            assertThat(BigDecimal.valueOf(down).multiply(M)).isLessThanOrEqualTo(value);
            assertThat(BigDecimal.valueOf(down + 1).multiply(M)).isGreaterThan(value);
            // and the settled base of those contracts is never more than asked either
            assertThat(COINM.sizeToBase(COINM.lotsToSize(down), price)).isLessThanOrEqualTo(base);
        });
    }

    @Test
    void shouldRoundABaseSizeUpToTheSmallestWholeNumberOfContractsThatCoversIt() {
        qt().forAll(baseSizes(), prices()).checkAssert((base, price) -> {
            long up = COINM.baseToLots(base, price, RoundingMode.UP);
            BigDecimal value = base.multiply(price);
            assertThat(BigDecimal.valueOf(up).multiply(M)).isGreaterThanOrEqualTo(value);
            assertThat(BigDecimal.valueOf(up - 1).multiply(M)).isLessThan(value);
        });
    }

    @Test
    void shouldSettleContractsAsTheirExactBaseWithinHalfAUnitInTheSixteenthPlace() {
        qt().forAll(longs().between(0, 1_000_000), prices()).checkAssert((contracts, price) -> {
            BigDecimal base = COINM.sizeToBase(BigDecimal.valueOf(contracts), price);
            BigDecimal error = base.multiply(price).subtract(BigDecimal.valueOf(contracts).multiply(M)).abs();
            assertThat(error).isLessThanOrEqualTo(HALF_ULP.multiply(price));
            // and back: the settled base is that many contracts, not one more or less
            assertThat(COINM.baseToLots(base, price, RoundingMode.HALF_EVEN)).isEqualTo(contracts);
        });
    }

    @Test
    void shouldRoundAModelSizeInDoublesAsTheExactConversionDoesAwayFromTheContractBoundary() {
        qt().forAll(baseSizes(), prices()).checkAssert((base, price) -> {
            long exact = COINM.baseToLots(base, price, RoundingMode.DOWN);
            long model = COINM.roundBaseDownToLots(base.doubleValue(), price.doubleValue());
            BigDecimal fraction = base.multiply(price).divide(M).subtract(BigDecimal.valueOf(exact));
            if (fraction.compareTo(new BigDecimal("0.999999")) < 0) {
                assertThat(model).isEqualTo(exact);
            } else {
                // within binary noise of the next contract: either is right
                assertThat(model).isBetween(exact, exact + 1);
            }
        });
    }
}
