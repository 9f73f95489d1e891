package dev.ballast.strategies.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.ballast.core.Side;
import dev.ballast.strategies.rebalance.RebalanceDecision.Basis;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class RebalanceDeciderPropertyTest {
    private static final long SEED = 20_260_315L;

    /** A router's cost: c per base unit + η·size², infeasible above {@code maxSize}. Records what it was asked. */
    record Curve(double perBase, double impact, double maxSize) implements HedgeCostCurve {
        @Override
        public double costQuote(Side side, double sizeBase) {
            return sizeBase > maxSize ? Double.POSITIVE_INFINITY : perBase * sizeBase + impact * sizeBase * sizeBase;
        }
    }

    record Market(double sigma, double a, double k, double reduceBps, double reduceSize, double growBps,
                  double growSize, double lot) {
        RebalanceInputs inputs(long nowNs, double drift, double inFlight) {
            return new RebalanceInputs(Scenario.BTC, Scenario.USDT, nowNs, drift, inFlight, 60_000, sigma, a, k,
                    reduceBps, reduceSize, growBps, growSize, lot);
        }
    }

    private static Gen<Double> lots() {
        return Generate.pick(List.of(0.0001, 0.001, 0.01));
    }

    private static Gen<Market> markets() {
        Gen<double[]> intensity = doubles().between(0, 3).zip(doubles().between(0, 1), doubles().between(-3, 10),
                doubles().between(0, 0.05), (a, k, bps, size) -> new double[] {a, k, bps, size});
        return doubles().between(0, 60).zip(intensity, doubles().between(-3, 10), doubles().between(0, 0.05), lots(),
                // sizes up to 0.015 become 0: about a third of the growing sides are not quoted
                (sigma, i, growBps, growSize, lot) -> new Market(sigma, i[0], i[1], i[2], i[3], growBps,
                        growSize > 0.015 ? growSize : 0, lot));
    }

    private static Gen<Curve> curves() {
        return doubles().between(-10, 300).zip(doubles().between(0, 2000), doubles().between(0, 0.6), Curve::new);
    }

    private static Gen<RebalanceParams> params() {
        Gen<double[]> weights = doubles().between(1, 3).zip(doubles().between(0, 1), (m, w) -> new double[] {m, w});
        return doubles().between(0.01, 20).zip(doubles().between(0, 0.05), weights, integers().between(4, 40),
                (gamma, minHedge, mw, steps) -> RebalanceParams.defaults(0.05).withRiskAversion(gamma)
                        .withMinHedgeSizeBase(minHedge).withHedgeCostMultiplier(mw[0]).withEdgeCreditWeight(mw[1])
                        .withSplitGridSteps(steps));
    }

    @Test
    void shouldNeverHedgeMoreThanTheDriftLessWhatIsInFlightNorOnTheGrowingSide() {
        qt().withFixedSeed(SEED).withExamples(2000)
                .forAll(markets(), curves(), params(),
                        doubles().between(-0.5, 0.5).zip(doubles().between(-0.5, 0.5), booleans().all(),
                                (d, h, r) -> new double[] {d, h, r ? 1 : 0}))
                .checkAssert((market, curve, params, dhr) -> {
                    double drift = dhr[0];
                    double inFlight = dhr[1];
                    List<Side> asked = new ArrayList<>();
                    HedgeCostCurve recording = (side, size) -> {
                        asked.add(side);
                        return curve.costQuote(side, size);
                    };
                    RebalanceDecision d = new RebalanceDecider(params).decide(market.inputs(0, drift, inFlight),
                            new RebalanceState(dhr[2] == 1, 0), recording);

                    Side reducing = drift > 0 ? Side.SELL : Side.BUY;
                    assertThat(asked).allMatch(s -> s == reducing);
                    if (d.isHedge()) {
                        double reducingInFlight = Math.max(0, -Math.signum(drift) * inFlight);
                        assertThat(d.side()).contains(reducing);
                        assertThat(reducingInFlight + d.hedgeSizeBase())
                                .isLessThanOrEqualTo(Math.abs(drift) + 1e-9 * market.lot());
                        assertThat(d.hedgeSizeBase())
                                .isGreaterThanOrEqualTo(Math.max(params.minHedgeSizeBase(), market.lot()) - 1e-12);
                        assertThat(curve.costQuote(reducing, d.hedgeSizeBase())).isFinite();
                    }
                });
    }

    @Test
    void shouldNeverLetHedgesInFlightAndFilledTakeThePositionPastTarget() {
        // a drift hedged over 40 decisions, hedges filling partly, late or never: whatever fills, the position
        // never crosses the target and the total hedged never exceeds the starting drift
        qt().withFixedSeed(SEED).withExamples(300)
                .forAll(markets(), curves(), doubles().between(-0.5, 0.5), longs().all())
                .checkAssert((market, curve, startDrift, seed) -> {
                    RebalanceDecider decider = new RebalanceDecider(RebalanceParams.defaults(0.05));
                    SplittableRandom random = new SplittableRandom(seed);
                    double drift = startDrift;
                    List<double[]> inFlight = new ArrayList<>(); // remaining signed size of each hedge order
                    double filled = 0;
                    RebalanceState state = RebalanceState.initial();
                    for (int step = 0; step < 40; step++) {
                        double sent = inFlight.stream().mapToDouble(o -> o[0]).sum();
                        RebalanceDecision d = decider.decide(market.inputs(step, drift, sent), state, curve);
                        state = d.nextState();
                        if (d.isHedge()) {
                            inFlight.add(new double[] {-Math.signum(drift) * d.hedgeSizeBase()});
                        }
                        double ifAllFill = drift + inFlight.stream().mapToDouble(o -> o[0]).sum();
                        assertThat(Math.signum(startDrift) * ifAllFill).isGreaterThanOrEqualTo(-1e-9);
                        if (!inFlight.isEmpty()) {
                            double[] order = inFlight.get(random.nextInt(inFlight.size()));
                            double fill = order[0] * random.nextDouble(); // a partial fill of random size
                            drift += fill;
                            filled += Math.abs(fill);
                            order[0] -= fill;
                            if (random.nextInt(3) == 0) {
                                inFlight.remove(order); // the rest expires
                            }
                        }
                        assertThat(filled).isLessThanOrEqualTo(Math.abs(startDrift) + 1e-9);
                    }
                });
    }

    @Test
    void shouldDecideTheSameWayForTheSameInputs() {
        qt().withFixedSeed(SEED).withExamples(1000)
                .forAll(markets(), curves(), params(), doubles().between(-0.5, 0.5))
                .checkAssert((market, curve, params, drift) -> {
                    RebalanceInputs in = market.inputs(42, drift, -drift / 3);
                    RebalanceState state = new RebalanceState(true, 7);
                    RebalanceDecider decider = new RebalanceDecider(params);
                    RebalanceDecision first = decider.decide(in, state, curve);
                    decider.decide(market.inputs(43, -drift, 0), RebalanceState.initial(), curve); // anything between
                    RebalanceDecision again = new RebalanceDecider(params).decide(
                            market.inputs(42, drift, -drift / 3), new RebalanceState(true, 7),
                            new Curve(curve.perBase(), curve.impact(), curve.maxSize()));

                    assertThat(again).isEqualTo(first);
                    assertThat(again.reason()).isEqualTo(first.reason());
                });
    }

    @Test
    void shouldChooseTheCheapestSizeWhenTheCostCurveIsConvex() {
        qt().withFixedSeed(SEED).withExamples(500)
                .forAll(markets(), doubles().between(0, 300).zip(doubles().between(0, 5000), (c, eta) -> new Curve(c, eta, 1)),
                        params(), doubles().between(-0.5, 0.5))
                .assuming((market, curve, params, drift) -> market.lot() >= 0.001)
                .checkAssert((market, curve, params, drift) -> {
                    RebalanceInputs in = market.inputs(0, drift, 0);
                    RebalanceDecision d = new RebalanceDecider(params).decide(in, new RebalanceState(true, 0), curve);
                    if (d.basis() != Basis.COMPARED) {
                        return;
                    }
                    // the rule, written out again: J(0) = W(R), J(n) = m·C(n·lot) + W(R − n·lot)
                    double lot = market.lot();
                    double open = Math.abs(drift);
                    long maxLots = (long) Math.floor(open / lot + 1e-9);
                    long minLots = Math.max(1, (long) Math.ceil(params.minHedgeSizeBase() / lot - 1e-9));
                    double best = wait(in, params, open);
                    for (long n = minLots; n <= maxLots; n++) {
                        best = Math.min(best, objective(in, params, curve, n));
                    }
                    double chosen = d.hedgeLots() == 0 ? wait(in, params, open)
                            : objective(in, params, curve, d.hedgeLots());
                    assertThat(chosen).isLessThanOrEqualTo(best + 1e-9 * Math.max(1, Math.abs(best)));
                });
    }

    private static double objective(RebalanceInputs in, RebalanceParams p, Curve curve, long n) {
        double x = n * in.lotSizeBase();
        return p.hedgeCostMultiplier() * curve.costQuote(Side.SELL, x)
                + wait(in, p, Math.max(0, Math.abs(in.driftBase()) - x));
    }

    private static double wait(RebalanceInputs in, RebalanceParams p, double r) {
        double lambdaReduce = in.reduceQuoteSizeBase() > 0
                ? in.intensityA() * Math.exp(-in.intensityKPerBps() * in.reduceQuoteDistanceBps()) : 0;
        double lambdaGrow = in.growQuoteSizeBase() > 0
                ? in.intensityA() * Math.exp(-in.intensityKPerBps() * in.growQuoteDistanceBps()) : 0;
        double v = in.reduceQuoteSizeBase() * lambdaReduce - in.growQuoteSizeBase() * lambdaGrow;
        double sigma = in.sigmaPerSqrtSec();
        double risk = r == 0 ? 0 : v > 0 ? p.riskAversion() * sigma * sigma * r * r * r / (6 * v)
                : Double.POSITIVE_INFINITY;
        return risk - p.edgeCreditWeight() * r * in.reduceQuoteDistanceBps() * in.fairValue() / 10_000;
    }
}
