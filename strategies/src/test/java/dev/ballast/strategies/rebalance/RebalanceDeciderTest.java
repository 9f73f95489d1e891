package dev.ballast.strategies.rebalance;

import static dev.ballast.strategies.rebalance.Scenario.btc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ballast.core.Side;
import dev.ballast.strategies.rebalance.RebalanceDecision.Basis;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RebalanceDeciderTest {
    private static final double BAND = 0.05;
    /** 10 bps of 60 000 per BTC: a taker fee plus half a spread. */
    private static final HedgeCostCurve TEN_BPS = (side, size) -> 60 * size;
    private static final HedgeCostCurve HUGE = (side, size) -> 1e6 * size;
    private static final HedgeCostCurve NEVER_ASKED = (side, size) -> {
        throw new AssertionError("the router was asked about " + side + " " + size);
    };

    private final RebalanceParams params = RebalanceParams.defaults(BAND);
    private final RebalanceDecider decider = new RebalanceDecider(params);

    private RebalanceDecision decide(Scenario s, HedgeCostCurve curve) {
        return decider.decide(s.build(), RebalanceState.initial(), curve);
    }

    @Test
    void shouldWaitInsideTheBandWithoutAskingTheRouter() {
        RebalanceDecision d = decide(btc().drift(0.03), NEVER_ASKED);

        assertThat(d.action()).isEqualTo(RebalanceAction.WAIT);
        assertThat(d.basis()).isEqualTo(Basis.IN_BAND);
        assertThat(d.hedgeLots()).isZero();
        assertThat(d.nextState().rebalancing()).isFalse();
    }

    @Test
    void shouldHedgeAllWhenTheHedgeIsPricedBetterThanFairValue() {
        // a venue bidding above fair value by more than its fee: every lot hedged earns 0.5 bp
        RebalanceDecision d = decide(btc().drift(0.2), (side, size) -> -3 * size);

        assertThat(d.action()).isEqualTo(RebalanceAction.HEDGE);
        assertThat(d.side()).contains(Side.SELL);
        assertThat(d.hedgeLots()).isEqualTo(200);
        assertThat(d.hedgeSizeBase()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void shouldHedgeAllOfALargeDriftWhenHedgingIsCheapAndTheQuotesBarelyBringItBack() {
        // both sides quoted and the flow hardly cares where: net speed v ≈ 1.8e-5 BTC/s, E[T] ≈ 4 hours
        RebalanceDecision d = decide(btc().drift(-0.25).intensity(0.9, 0.0005).reduce(1, 0.01).grow(5, 0.01),
                (side, size) -> 6 * size);

        assertThat(d.action()).isEqualTo(RebalanceAction.HEDGE);
        assertThat(d.side()).contains(Side.BUY);
        assertThat(d.hedgeSizeBase()).isCloseTo(0.25, within(1e-12));
        assertThat(d.waitAll().expectedSec()).isGreaterThan(3600);
    }

    @Test
    void shouldSkewWhenHedgingCostsFarMoreThanWaiting() {
        RebalanceDecision d = decide(btc().drift(0.2), HUGE);

        assertThat(d.action()).isEqualTo(RebalanceAction.SKEW);
        assertThat(d.basis()).isEqualTo(Basis.COMPARED);
        assertThat(d.hedgeLots()).isZero();
        assertThat(d.hedgeAll().hedgeCostQuote()).isCloseTo(2e5, within(1e-6));
        // v = 0.01 × 0.9; risk = γσ²R³/(6v) = 5 × 324 × 0.008 / 0.054
        assertThat(d.waitAll().riskQuote()).isCloseTo(240, within(1e-9));
        assertThat(d.nextState().rebalancing()).isTrue();
    }

    @Test
    void shouldSkewWhenNoVenueCanHedge() {
        RebalanceDecision d = decide(btc().drift(0.2), (side, size) -> Double.POSITIVE_INFINITY);

        assertThat(d.action()).isEqualTo(RebalanceAction.SKEW);
        assertThat(d.hedgeAll().hedgeCostQuote()).isInfinite();
    }

    @Test
    void shouldHedgeAlmostEverythingWhenIntensitiesAreThin() {
        Scenario thin = btc().drift(0.1).intensity(0.01, 0);

        RebalanceDecision d = decide(thin, TEN_BPS);

        assertThat(d.action()).isIn(RebalanceAction.HEDGE, RebalanceAction.SPLIT);
        // r* = √(2v·m·c/(γσ²)) = √(2 × 1e-4 × 75 / 1620) ≈ 0.0030: keep about three lots for the quotes
        assertThat(d.hedgeSizeBase()).isCloseTo(0.097, within(0.0011));
        assertThat(d.waitAll().expectedSec()).isCloseTo(1000, within(1e-6));
    }

    @Test
    void shouldHedgeMoreTheThinnerTheIntensities() {
        double previous = -1;
        for (double a : new double[] {3, 0.9, 0.1, 0.01}) {
            RebalanceDecision d = decide(btc().drift(0.1).intensity(a, 0), TEN_BPS);
            assertThat(d.hedgeSizeBase()).as("hedge at A=%s", a).isGreaterThanOrEqualTo(previous);
            previous = d.hedgeSizeBase();
        }
        assertThat(previous).isGreaterThan(0.09);
    }

    @Test
    void shouldSplitAtTheArgminOfAConvexImpactCurve() {
        // J(x) = η·x² + a·(R − x)³ with a = γσ²/(6v) = 1 × 100 / 0.06, η = 200/3: J'(0.06) = 0, so x* = 0.060,
        // which is 60 of 100 lots: more lots than the grid has steps, so the grid has to refine to find it
        RebalanceDecider unweighted = new RebalanceDecider(params.withRiskAversion(1).withHedgeCostMultiplier(1));
        double eta = 200.0 / 3;
        HedgeCostCurve impact = (side, size) -> eta * size * size;
        RebalanceInputs in = btc().drift(0.1).sigma(10).intensity(1, 0).build();

        RebalanceDecision d = unweighted.decide(in, RebalanceState.initial(), impact);

        assertThat(d.action()).isEqualTo(RebalanceAction.SPLIT);
        assertThat(d.hedgeLots()).isEqualTo(60);
        long bruteForce = 0;
        double bestJ = Double.POSITIVE_INFINITY;
        for (long n = 0; n <= 100; n++) {
            double x = n * 0.001;
            double r = 0.1 - x;
            double j = (n == 0 ? 0 : eta * x * x) + 100.0 / 0.06 * r * r * r;
            if (j < bestJ) {
                bestJ = j;
                bruteForce = n;
            }
        }
        assertThat(d.hedgeLots()).isEqualTo(bruteForce);
        assertThat(d.bestSplit().objectiveQuote(1)).isCloseTo(bestJ, within(1e-9));
        assertThat(d.bestSplit().objectiveQuote(1))
                .isLessThan(d.hedgeAll().objectiveQuote(1))
                .isLessThan(d.waitAll().costQuote());
    }

    @Test
    void shouldNotFlipFlopAroundTheBandEdge() {
        // band 0.05: start rebalancing above 0.055, stop below 0.025
        double[] drifts = {0.049, 0.054, 0.051, 0.054, 0.056, 0.052, 0.049, 0.051, 0.030, 0.026, 0.024, 0.049,
                0.054, 0.049};
        List<RebalanceAction> actions = new ArrayList<>();
        RebalanceState state = RebalanceState.initial();
        long t = 0;
        for (double drift : drifts) {
            RebalanceDecision d = decider.decide(btc().drift(drift).at(t += 1_000_000_000L).build(), state, HUGE);
            actions.add(d.action());
            state = d.nextState();
        }

        RebalanceAction w = RebalanceAction.WAIT;
        RebalanceAction s = RebalanceAction.SKEW;
        assertThat(actions).containsExactly(w, w, w, w, s, s, s, s, s, s, w, w, w, w);
    }

    @Test
    void shouldRecordWhenRebalancingStartsAndStops() {
        RebalanceDecision in = decider.decide(btc().drift(0.06).at(7).build(), RebalanceState.initial(), HUGE);
        RebalanceDecision still = decider.decide(btc().drift(0.04).at(8).build(), in.nextState(), HUGE);
        RebalanceDecision out = decider.decide(btc().drift(0.01).at(9).build(), still.nextState(), HUGE);

        assertThat(in.nextState()).isEqualTo(new RebalanceState(true, 7));
        assertThat(still.nextState()).isEqualTo(new RebalanceState(true, 7));
        assertThat(out.nextState()).isEqualTo(new RebalanceState(false, 9));
    }

    @Test
    void shouldCountHedgesInFlightAndHedgeOnlyWhatIsLeft() {
        // long 0.1, selling 0.07 already: at most 0.03 is left to hedge
        RebalanceDecision d = decide(btc().drift(0.1).inFlight(-0.07).intensity(0.001, 0), TEN_BPS);

        assertThat(d.inputs().openDriftBase()).isCloseTo(0.03, within(1e-12));
        assertThat(d.isHedge()).isFalse(); // 0.03 is inside the band: nothing to do
        RebalanceDecision rebalancing = decider.decide(btc().drift(0.1).inFlight(-0.04).intensity(0.001, 0).build(),
                new RebalanceState(true, 0), TEN_BPS);
        assertThat(rebalancing.isHedge()).isTrue();
        assertThat(rebalancing.hedgeSizeBase()).isLessThanOrEqualTo(0.06 + 1e-12);
    }

    @Test
    void shouldWaitForHedgesInFlightInsteadOfStoppingWhileTheyCoverTheDrift() {
        RebalanceState rebalancing = new RebalanceState(true, 0);

        RebalanceDecision d = decider.decide(btc().drift(0.1).inFlight(-0.09).build(), rebalancing, NEVER_ASKED);

        assertThat(d.action()).isEqualTo(RebalanceAction.WAIT);
        assertThat(d.basis()).isEqualTo(Basis.HEDGE_IN_FLIGHT);
        assertThat(d.nextState()).isEqualTo(rebalancing);
    }

    @Test
    void shouldNeverHedgeOnTheSideThatGrowsTheDrift() {
        // long 0.1 but already selling 0.15 (quotes sold some since): buying would grow |drift|, selling over-hedge
        RebalanceDecision d = decider.decide(btc().drift(0.1).inFlight(-0.15).build(),
                new RebalanceState(true, 0), NEVER_ASKED);

        assertThat(d.isHedge()).isFalse();
        assertThat(d.inputs().openDriftBase()).isZero();
    }

    @Test
    void shouldNotCountAnInFlightOrderOnTheGrowingSideAsReducing() {
        // a buy left over from when we were short: it may never fill, so it neither reduces nor adds to the hedge
        List<Side> asked = new ArrayList<>();
        RebalanceDecision d = decide(btc().drift(0.1).inFlight(0.05).intensity(0.001, 0), (side, size) -> {
            asked.add(side);
            return 60 * size;
        });

        assertThat(d.inputs().openDriftBase()).isCloseTo(0.1, within(1e-12));
        assertThat(d.hedgeSizeBase()).isLessThanOrEqualTo(0.1 + 1e-12);
        assertThat(asked).isNotEmpty().containsOnly(Side.SELL);
    }

    @Test
    void shouldNotProposeHedgesBelowTheMinimumSize() {
        RebalanceDecider minTwoTenths = new RebalanceDecider(params.withMinHedgeSizeBase(0.2));

        RebalanceDecision d = minTwoTenths.decide(btc().drift(0.1).intensity(0.001, 0).build(),
                RebalanceState.initial(), NEVER_ASKED);

        assertThat(d.action()).isEqualTo(RebalanceAction.SKEW);
        assertThat(d.basis()).isEqualTo(Basis.BELOW_MIN_HEDGE);
    }

    @Test
    void shouldNotHedgeBeforeTheEstimatesAreKnown() {
        RebalanceDecision d = decide(btc().drift(0.2).sigma(Double.NaN), NEVER_ASKED);

        assertThat(d.action()).isEqualTo(RebalanceAction.SKEW);
        assertThat(d.basis()).isEqualTo(Basis.ESTIMATES_MISSING);
        assertThat(d.reason()).contains("estimates not ready", "σ=n/a");
    }

    @Test
    void shouldHedgeTheLargestFeasibleSizeWhenTheQuotesCannotBringTheDriftBack() {
        // reducing side not quoted: v < 0, waiting is unbounded; the router can do at most 0.08
        HedgeCostCurve upTo8Hundredths = (side, size) -> size <= 0.08 + 1e-12 ? 60 * size : Double.POSITIVE_INFINITY;

        RebalanceDecision d = decide(btc().drift(0.2).reduce(2, 0).grow(4, 0.01), upTo8Hundredths);

        assertThat(d.basis()).isEqualTo(Basis.UNBOUNDED_RISK);
        assertThat(d.action()).isEqualTo(RebalanceAction.SPLIT);
        assertThat(d.hedgeLots()).isEqualTo(80);
        assertThat(d.reason()).contains("wait risk unbounded", "v=-0.009 BTC/s");
    }

    @Test
    void shouldTreatANaNCostAsABrokenRouter() {
        assertThatThrownBy(() -> decide(btc().drift(0.2), (side, size) -> Double.NaN))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NaN");
    }

    @Test
    void shouldPutTheComparedNumbersInTheReason() {
        RebalanceDecider unweighted = new RebalanceDecider(params.withRiskAversion(1).withHedgeCostMultiplier(1));
        double eta = 200.0 / 3;
        RebalanceInputs in = btc().drift(0.1).sigma(10).intensity(1, 0).build();

        RebalanceDecision d = unweighted.decide(in, RebalanceState.initial(), (side, size) -> eta * size * size);

        // hedge 0.06: 0.24 USDT; wait 0.04: 1666.7 × 0.04³ = 0.107; all: 0.667; wait all: 1.667; E[T] = 0.1/0.01
        assertThat(d.reason())
                .startsWith("SPLIT SELL 0.060 of 0.100 BTC: hedge 0.24 USDT + wait 0.040 for 0.11 = 0.35 USDT"
                        + " < hedge all 0.67, wait all 1.67 USDT")
                .contains("E[T]=10s", "λ=1/s at δ=2bps", "v=0.01 BTC/s", "σ=10/√s", "γ=1");
    }

    @Test
    void shouldShowTheWeightedHedgeCostAgainstTheWaitCostInTheReason() {
        RebalanceDecision skew = decide(btc().drift(0.2), HUGE);

        assertThat(skew.reason()).startsWith(
                "SKEW SELL 0.200 BTC: wait cost 240.00 USDT <= hedge cost 200000.00 USDT ×1.25 = 250000.00");
        assertThat(skew.reason()).contains("E[T]=22s", "λ=0.9/s", "σ=18/√s", "γ=5");
    }

    @Test
    void shouldSayWhyItWaitsInsideTheBand() {
        RebalanceDecision d = decide(btc().drift(0.07).inFlight(-0.04), NEVER_ASKED);

        assertThat(d.reason()).isEqualTo("WAIT BTC: open drift 0.030 BTC (drift 0.070, in flight -0.040)"
                + " within band 0.050 (rebalance above 0.055, stop below 0.025)");
    }
}
