package dev.ballast.strategies.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RebalanceParamsTest {
    private final RebalanceParams defaults = RebalanceParams.defaults(0.05);

    @Test
    void shouldUseTheDocumentedDefaultsAroundTheBand() {
        assertThat(defaults.riskAversion()).isEqualTo(5.0);
        assertThat(defaults.hedgeCostMultiplier()).isEqualTo(1.25);
        assertThat(defaults.edgeCreditWeight()).isZero();
        assertThat(defaults.splitGridSteps()).isEqualTo(16);
        assertThat(defaults.minHedgeSizeBase()).isCloseTo(0.0125, within(1e-15));
        assertThat(defaults.enterAboveBase()).isCloseTo(0.055, within(1e-15));
        assertThat(defaults.leaveBelowBase()).isCloseTo(0.025, within(1e-15));
    }

    @Test
    void shouldNameTheSettingAndTheValueWhenRejectingIt() {
        assertThatThrownBy(() -> defaults.withHysteresis(-1, 0.5))
                .hasMessage("hedge.hysteresisEnter must be >= 0 (was -1)");
        assertThatThrownBy(() -> defaults.withHysteresis(0.1, 1))
                .hasMessage("hedge.hysteresisExit must be >= 0 and < 1 (was 1)");
        assertThatThrownBy(() -> defaults.withRiskAversion(0)).hasMessage("hedge.riskAversion must be > 0 (was 0)");
        assertThatThrownBy(() -> defaults.withRiskAversion(Double.NaN))
                .hasMessage("hedge.riskAversion must be > 0 (was NaN)");
        assertThatThrownBy(() -> defaults.withMinHedgeSizeBase(-0.001))
                .hasMessage("hedge.minHedgeSize must be >= 0 (was -0.001)");
        assertThatThrownBy(() -> defaults.withHedgeCostMultiplier(0.9))
                .hasMessage("hedge.costMultiplier must be >= 1 (was 0.9)");
        assertThatThrownBy(() -> defaults.withEdgeCreditWeight(1.5))
                .hasMessage("hedge.edgeCreditWeight must be >= 0 and <= 1 (was 1.5)");
        assertThatThrownBy(() -> defaults.withSplitGridSteps(3))
                .hasMessage("hedge.splitGridSteps must be >= 4 and <= 1000 (was 3)");
        assertThatThrownBy(() -> RebalanceParams.defaults(-0.1)).hasMessage("band must be >= 0 (was -0.1)");
    }
}
