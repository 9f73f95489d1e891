package dev.ballast.strategies.rebalance;

import static dev.ballast.strategies.rebalance.Scenario.btc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ballast.core.Side;
import org.junit.jupiter.api.Test;

class RebalanceInputsTest {
    @Test
    void shouldSubtractOnlyTheReducingHedgesInFlightFromTheDrift() {
        assertThat(btc().drift(0.1).inFlight(-0.03).build().openDriftBase()).isCloseTo(0.07, within(1e-15));
        assertThat(btc().drift(-0.1).inFlight(0.03).build().openDriftBase()).isCloseTo(0.07, within(1e-15));
        assertThat(btc().drift(0.1).inFlight(0.03).build().openDriftBase()).isCloseTo(0.1, within(1e-15));
        assertThat(btc().drift(0.1).inFlight(-0.3).build().openDriftBase()).isZero();
        assertThat(btc().drift(0).inFlight(-0.3).build().openDriftBase()).isZero();
    }

    @Test
    void shouldReduceBySellingWhenLongAndBuyingWhenShort() {
        assertThat(btc().drift(0.1).build().reducingSide()).contains(Side.SELL);
        assertThat(btc().drift(-0.1).build().reducingSide()).contains(Side.BUY);
        assertThat(btc().drift(0).build().reducingSide()).isEmpty();
    }

    @Test
    void shouldTreatNaNEstimatesAsUnknownAndAGrowingSideNotQuotedAsNeedingNone() {
        assertThat(btc().build().estimatesKnown()).isTrue();
        assertThat(btc().intensity(Double.NaN, 0.3).build().estimatesKnown()).isFalse();
        assertThat(btc().grow(Double.NaN, 0.01).build().estimatesKnown()).isFalse();
        assertThat(btc().grow(Double.NaN, 0).build().estimatesKnown()).isTrue();
    }

    @Test
    void shouldRejectNumbersOutOfRangeNamingThem() {
        assertThatThrownBy(() -> btc().fair(0).build()).hasMessage("fairValue must be > 0 (was 0)");
        assertThatThrownBy(() -> btc().sigma(-1).build()).hasMessage("sigmaPerSqrtSec must be >= 0 or NaN (was -1)");
        assertThatThrownBy(() -> btc().lot(0).build()).hasMessage("lotSizeBase must be > 0 (was 0)");
        assertThatThrownBy(() -> btc().drift(Double.POSITIVE_INFINITY).build())
                .hasMessage("driftBase must be finite (was Infinity)");
        assertThatThrownBy(() -> btc().reduce(2, -0.01).build())
                .hasMessage("reduceQuoteSizeBase must be >= 0 (was -0.01)");
    }
}
