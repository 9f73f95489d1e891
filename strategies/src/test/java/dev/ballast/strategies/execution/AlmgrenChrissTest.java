package dev.ballast.strategies.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class AlmgrenChrissTest {
    private static final AlmgrenChrissParams PAPER = AlmgrenChrissParams.PAPER_TABLE_1;

    /**
     * Almgren &amp; Chriss (2000), section 3.4 and Table 1: X = 10⁶ shares, T = 5 days, N = 5, σ = 0.95, η = 2.5e-6,
     * ε = 0.0625, γ = 2.5e-7, λ = 1e-6. The paper states, for these parameters: "κ ≈ 0.6/day, so κT ≈ 3"; holding
     * the position for T would have σ√T = 2.12 $/share and √V = 2.12M, "precisely twice the value of √V" of the
     * naïve (straight-line) strategy, the lowest point of Figure 3. The λ = 10⁻⁶ point itself is shown only
     * graphically (the tangent in Figures 1 and 3); its E and √V below are eq. (20)'s values for Table 1, which
     * eqs. (8) and (5) summed over the trajectory must reproduce.
     */
    @Test
    void shouldReproduceThePapersTable1Example() {
        AlmgrenChriss ac = AlmgrenChriss.optimal(PAPER);

        assertThat(ac.kappa()).isCloseTo(0.6, offset(0.01));
        assertThat(ac.kappa() * PAPER.horizon()).isCloseTo(3, offset(0.05));
        assertThat(PAPER.sigma() * Math.sqrt(PAPER.horizon())).isCloseTo(2.12, offset(0.005));

        // E = $911,227 and √V = $603,431 by eq. (20); the same by summing eqs. (8) and (5) over the trajectory
        assertThat(ac.closedFormExpectedCost()).isCloseTo(911_227, offset(1.0));
        assertThat(Math.sqrt(ac.closedFormVariance())).isCloseTo(603_431, offset(1.0));
        assertThat(ac.expectedCost()).isCloseTo(ac.closedFormExpectedCost(), withinPercentage(1e-9));
        assertThat(ac.variance()).isCloseTo(ac.closedFormVariance(), withinPercentage(1e-9));

        // the naïve strategy: E = ½γX² + εX + η̃X²/T = $662,500 (eq. 10), √V = $1,040,673 (eq. 11) —
        // σ√T·X / √V = 2.04, the paper's "precisely twice"
        AlmgrenChriss naive = AlmgrenChriss.optimal(PAPER.withLambda(0));
        assertThat(naive.expectedCost()).isCloseTo(662_500, offset(1e-6));
        assertThat(naive.standardDeviation()).isCloseTo(1_040_673, offset(1.0));
        assertThat(PAPER.sigma() * Math.sqrt(PAPER.horizon()) * PAPER.size() / naive.standardDeviation())
                .isCloseTo(2, withinPercentage(3));
    }

    @Test
    void shouldSellFrontLoadedAlongTheSinhTrajectory() {
        AlmgrenChriss ac = AlmgrenChriss.optimal(PAPER);

        double[] expected = {1e6, 541_955.6, 289_854.2, 147_897.5, 62_141.8, 0};
        for (int j = 0; j <= 5; j++) {
            assertThat(ac.holding(j)).as("x_%d", j).isCloseTo(expected[j], offset(0.1));
        }
        assertThat(ac.trades()).containsExactly(new double[] {458_044.4, 252_101.3, 141_956.7, 85_755.7, 62_141.8},
                offset(0.1));
    }

    @Test
    void shouldTradeEqualAmountsWithoutRiskAversionAndAlmostEqualAsItVanishes() {
        AlmgrenChriss linear = AlmgrenChriss.optimal(PAPER.withLambda(0));
        AlmgrenChriss nearlyLinear = AlmgrenChriss.optimal(PAPER.withLambda(1e-16));

        assertThat(linear.kappa()).isZero();
        assertThat(linear.halfLife()).isInfinite();
        for (int j = 1; j <= 5; j++) {
            assertThat(linear.trade(j)).isCloseTo(200_000, offset(1e-6));
            assertThat(nearlyLinear.trade(j)).isCloseTo(200_000, withinPercentage(1e-3));
        }
        assertThat(linear.closedFormExpectedCost()).isCloseTo(linear.expectedCost(), withinPercentage(1e-12));
        assertThat(linear.closedFormVariance()).isCloseTo(linear.variance(), withinPercentage(1e-12));
    }

    @Test
    void shouldHaveTheLowestObjectiveOfAnyNearbyTrajectory() {
        AlmgrenChriss ac = AlmgrenChriss.optimal(PAPER);
        double best = ac.objective();

        for (int j = 1; j < 5; j++) {
            for (double nudge : new double[] {-1_000, 1_000}) {
                double[] x = ac.holdings();
                x[j] += nudge;
                double objective = AlmgrenChriss.expectedCostOf(PAPER, x)
                        + PAPER.lambda() * AlmgrenChriss.varianceOf(PAPER, x);
                assertThat(objective).isGreaterThan(best);
            }
        }
    }

    /** Table-1-like problems across a wide range of risk aversion, impact, volatility and horizon. */
    private static Gen<AlmgrenChrissParams> problems() {
        Gen<Double> size = doubles().between(1e3, 1e7);
        Gen<Double> horizon = doubles().between(0.1, 20);
        Gen<Integer> periods = integers().between(1, 60);
        Gen<Double> sigma = doubles().between(0.01, 3);
        Gen<Double> eta = doubles().between(1e-7, 1e-4);
        Gen<Double> lambdaExp = doubles().between(-9, -4);
        return size.zip(horizon, periods, sigma, eta, (x, t, n, s, e) -> new double[] {x, t, n, s, e})
                .zip(lambdaExp, doubles().between(0, 0.9), doubles().between(0, 0.2), (a, l, gammaShare, epsilon) -> {
                    double tau = a[1] / a[2];
                    // γ below 2η/τ keeps η̃ > 0
                    double gamma = gammaShare * 2 * a[4] / tau;
                    return new AlmgrenChrissParams(a[0], a[1], (int) a[2], a[3], a[4], epsilon, gamma,
                            Math.pow(10, l));
                });
    }

    @Test
    void shouldStartAtXEndAtZeroSumItsTradesToXAndMatchTheClosedForm() {
        qt().withExamples(500).forAll(problems()).checkAssert(p -> {
            AlmgrenChriss ac = AlmgrenChriss.optimal(p);
            int n = p.periods();

            assertThat(ac.holding(0)).isEqualTo(p.size());
            assertThat(ac.holding(n)).isZero();
            double sum = 0;
            for (int j = 1; j <= n; j++) {
                assertThat(ac.trade(j)).as("n_%d", j).isGreaterThan(0);
                if (j > 1) {
                    assertThat(ac.trade(j)).isLessThanOrEqualTo(ac.trade(j - 1) * (1 + 1e-12));
                }
                sum += ac.trade(j);
            }
            assertThat(sum).isCloseTo(p.size(), within(p.size() * 1e-12));
            // (2/τ²)(cosh(κτ) − 1) = κ̃², with cosh(y) − 1 written 2·sinh²(y/2) to keep small κτ exact
            double tau = p.tau();
            double halfSinh = Math.sinh(ac.kappa() * tau / 2);
            double lhs = 2 / (tau * tau) * 2 * halfSinh * halfSinh;
            assertThat(lhs).isCloseTo(ac.kappaTilde() * ac.kappaTilde(), withinPercentage(1e-7));
            for (int j = 0; j <= n; j++) {
                double closed = p.size() * Math.sinh(ac.kappa() * (p.horizon() - j * tau))
                        / Math.sinh(ac.kappa() * p.horizon());
                if (ac.kappa() * p.horizon() < 300) {
                    assertThat(ac.holding(j)).isCloseTo(closed, within(p.size() * 1e-9));
                }
            }
            if (ac.kappa() * p.horizon() < 300 && ac.kappa() * tau > 1e-3) {
                assertThat(ac.expectedCost()).isCloseTo(ac.closedFormExpectedCost(), withinPercentage(1e-7));
                assertThat(ac.variance()).isCloseTo(ac.closedFormVariance(), withinPercentage(1e-6));
            }
        });
    }

    @Test
    void shouldRefuseAProblemWhoseTemporaryImpactIsNotConvex() {
        assertThatThrownBy(() -> new AlmgrenChrissParams(1e6, 5, 5, 0.95, 2.5e-6, 0.0625, 5e-6, 1e-6))
                .hasMessage("eta - gamma*tau/2 must be > 0 (was 0.0 with eta 2.5E-6, gamma 5.0E-6, tau 1.0)");
        assertThatThrownBy(() -> new AlmgrenChrissParams(1e6, 5, 0, 0.95, 2.5e-6, 0.0625, 0, 1e-6))
                .hasMessage("periods must be >= 1 (was 0)");
        assertThatThrownBy(() -> new AlmgrenChrissParams(1e6, 5, 5, 0.95, 2.5e-6, 0.0625, 0, -1))
                .hasMessage("lambda must be finite and >= 0 (was -1.0)");
    }
}
