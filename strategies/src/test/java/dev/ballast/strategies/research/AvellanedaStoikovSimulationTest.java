package dev.ballast.strategies.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ballast.strategies.research.AvellanedaStoikovSimulation.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvellanedaStoikovSimulationTest {
    private final AvellanedaStoikovSimulation sim = new AvellanedaStoikovSimulation(AvellanedaStoikovSimulation.Params.paper(1000));

    @Test
    void shouldGiveTheSameNumbersForTheSameSeed() {
        List<Result> first = sim.run(AvellanedaStoikovSimulation.PAPER_GAMMAS, 1);
        List<Result> again = new AvellanedaStoikovSimulation(AvellanedaStoikovSimulation.Params.paper(1000))
                .run(AvellanedaStoikovSimulation.PAPER_GAMMAS, 1);
        Result other = sim.run(0.1, 2);

        assertThat(again).isEqualTo(first);
        assertThat(sim.run(0.1, 1)).isEqualTo(first.get(0)); // a γ's row does not depend on the others
        assertThat(other.inventory().meanProfit()).isNotEqualTo(first.get(0).inventory().meanProfit());
    }

    @Test
    void shouldQuoteTheTimeAverageOfTheClosedFormSpread() {
        Result r = sim.run(0.1, 1);

        // (2/γ)ln(1 + γ/k) + γσ²·mean(T − t_j), mean over t_j = j·dt, j < 200, is 1 − 0.005 × 199 / 2
        double expected = 2 / 0.1 * Math.log(1 + 0.1 / 1.5) + 0.1 * 4 * (1 - 0.005 * 199 / 2);
        assertThat(r.inventory().meanSpread()).isCloseTo(expected, within(1e-12));
        assertThat(r.symmetric().meanSpread()).isEqualTo(r.inventory().meanSpread());
    }

    @Test
    void shouldMatchThePapersInventoryStrategyAndBeatTheSymmetricOneOnRisk() {
        for (double gamma : AvellanedaStoikovSimulation.PAPER_GAMMAS) {
            Result paper = AvellanedaStoikovSimulation.published(gamma).orElseThrow();
            Result r = sim.run(gamma, 1);

            assertThat(r.inventory().meanProfit()).as("profit, γ " + gamma)
                    .isCloseTo(paper.inventory().meanProfit(), within(paper.inventory().meanProfit() * 0.1));
            assertThat(r.inventory().stdProfit()).as("std profit, γ " + gamma)
                    .isCloseTo(paper.inventory().stdProfit(), within(paper.inventory().stdProfit() * 0.2));
            assertThat(r.inventory().stdFinalQ()).as("std q, γ " + gamma)
                    .isCloseTo(paper.inventory().stdFinalQ(), within(paper.inventory().stdFinalQ() * 0.2));
            assertThat(r.inventory().stdProfit()).isLessThan(r.symmetric().stdProfit() * 0.75);
            assertThat(r.inventory().stdFinalQ()).isLessThan(r.symmetric().stdFinalQ() * 0.7);
            assertThat(Math.abs(r.inventory().meanFinalQ())).isLessThan(0.5);
        }
    }

    /** The paper's γ = 1 symmetric row fits its reported spread 1.15, not the average of its formula (3.03). */
    @Test
    void shouldReproduceThePapersSymmetricBenchmarkAtItsPublishedSpread() {
        Result paper = AvellanedaStoikovSimulation.published(1.0).orElseThrow();

        Result r = sim.run(1.0, paper.symmetric().meanSpread(), 1);

        assertThat(r.symmetric().meanSpread()).isEqualTo(1.15);
        assertThat(r.symmetric().meanProfit()).isCloseTo(paper.symmetric().meanProfit(), within(3.0));
        assertThat(r.symmetric().stdProfit()).isCloseTo(paper.symmetric().stdProfit(), within(1.5));
        assertThat(r.symmetric().stdFinalQ()).isCloseTo(paper.symmetric().stdFinalQ(), within(1.0));
    }

    @Test
    void shouldRefuseANonPositiveGamma() {
        assertThatThrownBy(() -> sim.run(0, 1)).hasMessage("gamma must be > 0 (was 0.0)");
        assertThatThrownBy(() -> AvellanedaStoikovSimulation.Params.paper(0)).hasMessage("paths must be >= 1 (was 0)");
    }
}
