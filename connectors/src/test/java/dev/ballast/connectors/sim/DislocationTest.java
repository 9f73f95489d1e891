package dev.ballast.connectors.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The Ornstein–Uhlenbeck dislocation on its own, over many half-lives. */
class DislocationTest {
    private static final double STD = 2e-4;
    private static final double HALF_LIFE_MS = 3_000;
    private static final double STEP_MS = 100;

    private static double[] path(long seed, int steps) {
        Dislocation d = new Dislocation(STD, HALF_LIFE_MS, STEP_MS, new RandomStream(seed, "test"));
        double[] x = new double[steps];
        for (int i = 0; i < steps; i++) {
            d.step();
            x[i] = d.value();
        }
        return x;
    }

    @Test
    void shouldWanderWithTheConfiguredStationaryStdAroundZero() {
        double[] x = path(1, 1_000_000); // about 28 simulated hours, ~11 500 independent stretches

        assertThat(Stats.std(x)).isCloseTo(STD, within(STD * 0.05));
        assertThat(Stats.mean(x)).isCloseTo(0, within(STD * 0.05));
        assertThat(Stats.maxAbs(x)).as("never far out").isLessThan(6 * STD);
    }

    @Test
    void shouldForgetHalfOfItsValueInOneHalfLife() {
        double[] x = path(2, 1_000_000);
        int halfLifeSteps = (int) (HALF_LIFE_MS / STEP_MS);

        assertThat(Stats.correlation(x, x, halfLifeSteps)).isCloseTo(0.5, within(0.03));
        assertThat(Stats.correlation(x, x, 2 * halfLifeSteps)).isCloseTo(0.25, within(0.03));
    }

    @Test
    void shouldStartFromItsStationaryDistributionNotFromZero() {
        double[] firsts = new double[20_000];
        for (int seed = 0; seed < firsts.length; seed++) {
            firsts[seed] = new Dislocation(STD, HALF_LIFE_MS, STEP_MS, new RandomStream(seed, "test")).value();
        }

        assertThat(Stats.std(firsts)).isCloseTo(STD, within(STD * 0.05));
    }
}
