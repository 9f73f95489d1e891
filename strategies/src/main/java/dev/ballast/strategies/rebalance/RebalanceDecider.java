package dev.ballast.strategies.rebalance;

import dev.ballast.core.Side;
import dev.ballast.strategies.rebalance.RebalanceDecision.Basis;
import dev.ballast.strategies.rebalance.RebalanceDecision.HedgeOption;
import dev.ballast.strategies.rebalance.RebalanceDecision.WaitEstimate;
import java.util.Objects;

/**
 * The rebalancing decision: for one asset whose inventory has drifted from target, whether to wait with skewed
 * quotes (SKEW), hedge it all now (HEDGE), hedge part now and skew the rest (SPLIT), or do nothing because it is
 * within the band (WAIT) — whichever is expected to cost least, with the numbers in the reason. A pure function
 * of its inputs, settings, state and the router's cost curve: no clock, no I/O, no threads; the same arguments
 * give the same decision. Immutable; safe to share. The engine calls it on its own thread, per asset, after
 * fills and on a timer.
 *
 * <h2>Decision rule</h2>
 * Units: sizes in base units, money in the quote currency (say USDT), time in seconds, distances δ in bps of
 * fair value F.
 * <ol>
 *   <li><b>Open drift.</b> d = position − target; in flight h (signed, what the hedges sent would add). The part of
 *       h that reduces |d| is f = max(0, −sign(d)·h); an in-flight order on the growing side is ignored (it may
 *       never fill). The decision works on R = max(0, |d| − f), on the side that reduces d (SELL when long). A
 *       hedge is at most ⌊R / lot⌋ lots, so filled + in flight + new never exceeds |d|: whatever fills, the
 *       position does not cross the target, and no hedge is ever on the side that grows |d|.</li>
 *   <li><b>Band with hysteresis</b> ({@link RebalanceState}): not rebalancing → start when R &gt; band·(1 + h⁺);
 *       rebalancing → stop when R &lt; band·(1 − h⁻) (or R = 0) and nothing reducing is in flight; while
 *       reducing hedges are in flight below that threshold, keep rebalancing but WAIT for them. Not rebalancing
 *       → WAIT.</li>
 *   <li><b>Waiting</b> with the current quotes: λ(δ) = A·e^(−kδ); the reducing quote (size s⁻, distance δ⁻)
 *       fills at λ⁻ = λ(δ⁻), the growing one (s⁺, δ⁺; s⁺ = 0 when not quoted) at λ⁺ = λ(δ⁺). Net reduction
 *       speed v = s⁻λ⁻ − s⁺λ⁺ (base/s); E[T](r) = r / v. With δ held, fills of a fixed size at a constant rate
 *       reduce the drift at a constant expected speed, so the expected path is <i>linear</i>,
 *       q(t) = r·(1 − t/T), and the variance of the mark-to-market PnL carried is
 *       σ²·∫₀ᵀ q(t)² dt = σ²·r²·T/3 = σ²·r³/(3v). Its mean–variance cost is
 *       <pre>   risk(r) = ½·γ·σ²·r³/(3v) = γ·σ²·r³ / (6v)            (σ in USDT per base unit per √s, γ in 1/USDT)</pre>
 *       minus, optionally, the edge the reducing fills earn over fair value, edge(r) = w·r·δ⁻·F/10⁴, so
 *       <pre>   W(r) = risk(r) − edge(r),    W(r) = +∞ for r &gt; 0 when v ≤ 0.</pre>
 *       w defaults to 0: hedging does not take the quotes down, it re-centres them, and centred quotes earn the
 *       spread as well, so the edge is not a benefit of waiting to first order (see
 *       {@link RebalanceParams#edgeCreditWeight()}).
 *       Linear rather than exponential decay: an exponential path never reaches target (E[T] undefined without
 *       a cut-off) and would assume a fill rate proportional to the drift, which fixed-size quotes do not have.
 *       Both the held δ (a linear skew relaxes as q shrinks, slowing the tail) and the expected path (Jensen:
 *       E∫q² ≥ ∫(Eq)²) make risk(r) a lower bound of the true risk; γ and the multiplier m absorb it.</li>
 *   <li><b>Hedging</b> x = n lots now costs C(x) from the router ({@link HedgeCostCurve}); the rest, R − x, is
 *       left to the quotes. Minimise over n ∈ {0} ∪ [n_min, N], N = ⌊R/lot⌋, n_min = ⌈max(minHedge, lot)/lot⌉:
 *       <pre>   J(0) = W(R),    J(n) = m·C(n·lot) + W(R − n·lot)</pre>
 *       m ≥ 1 makes waiting win unless hedging is clearly cheaper; ties go to the smaller hedge. n = 0 → SKEW,
 *       n = N → HEDGE, otherwise SPLIT. With a cost linear in x, c per base unit (fee + half spread), J is convex
 *       and its minimum keeps a residual r* = √(2v(m·c + w·δ⁻F/10⁴)/(γσ²)) for the quotes and hedges R − r*:
 *       the last units of a drift carry little risk (risk ∝ r³), so hedging <i>all</i> wins only when one lot
 *       of it is worth more risk than it costs to hedge (a·lot² ≥ m·c with a = γσ²/(6v)) — thin or balanced
 *       flow, or a hedge priced better than fair value. SPLIT is the common outcome. The search: a grid of
 *       {@code splitGridSteps} intervals over [n_min, N], refined around its best point until it is one lot
 *       wide — exact when J is convex in n (convex impact), a local optimum otherwise.</li>
 *   <li><b>Special cases.</b> Estimates unknown (NaN) → SKEW, no hedge. R below the min hedge → SKEW. W(R) = +∞
 *       (v ≤ 0: the quotes do not bring the drift back) → hedge the largest feasible size (HEDGE or SPLIT), SKEW
 *       if none is. C = +∞ (infeasible) never wins; a NaN or −∞ from the curve is a broken router and throws.</li>
 * </ol>
 */
public final class RebalanceDecider {
    /** Sizes within this many lots of a whole number count as whole (binary noise in the drift). */
    private static final double LOT_TOLERANCE = 1e-9;

    private final RebalanceParams params;

    public RebalanceDecider(RebalanceParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public RebalanceParams params() {
        return params;
    }

    /**
     * Decides what to do with one asset's drift now.
     *
     * @param in    the asset's numbers at this moment
     * @param state the state returned by the previous decision for this asset ({@link RebalanceState#initial()}
     *              the first time)
     * @param cost  the router's cost of hedging a size now, on the side that reduces the drift
     * @return the decision, with {@link RebalanceDecision#nextState()} to keep for the next call
     * @throws IllegalStateException when the cost curve returns NaN or −∞
     */
    public RebalanceDecision decide(RebalanceInputs in, RebalanceState state, HedgeCostCurve cost) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(cost, "cost");
        double open = in.openDriftBase();
        RebalanceState next = state;
        if (!state.rebalancing() && open > params.enterAboveBase()) {
            next = new RebalanceState(true, in.nowNs());
        } else if (state.rebalancing() && (open < params.leaveBelowBase() || open == 0)) {
            if (in.reducingInFlightBase() > 0) {
                return done(in, RebalanceAction.WAIT, Basis.HEDGE_IN_FLIGHT, 0,
                        WaitEstimate.UNKNOWN, HedgeOption.NONE, HedgeOption.NONE, state);
            }
            next = new RebalanceState(false, in.nowNs());
        }
        if (!next.rebalancing()) {
            return done(in, RebalanceAction.WAIT, Basis.IN_BAND, 0,
                    WaitEstimate.UNKNOWN, HedgeOption.NONE, HedgeOption.NONE, next);
        }
        if (!in.estimatesKnown()) {
            return done(in, RebalanceAction.SKEW, Basis.ESTIMATES_MISSING, 0,
                    WaitEstimate.UNKNOWN, HedgeOption.NONE, HedgeOption.NONE, next);
        }
        WaitModel waitModel = new WaitModel(in, params);
        WaitEstimate wait = waitModel.estimate(open);
        double lot = in.lotSizeBase();
        long maxLots = wholeLots(open / lot);
        long minLots = Math.max(1, (long) Math.ceil(params.minHedgeSizeBase() / lot - LOT_TOLERANCE));
        if (maxLots < minLots) {
            return done(in, RebalanceAction.SKEW, Basis.BELOW_MIN_HEDGE, 0,
                    wait, HedgeOption.NONE, HedgeOption.NONE, next);
        }
        Side side = in.reducingSide().orElseThrow();
        Options options = new Options(side, open, lot, waitModel, cost, params.hedgeCostMultiplier());
        if (!Double.isFinite(wait.costQuote())) {
            return largestFeasible(in, wait, options, minLots, maxLots, next);
        }
        options.search(minLots, maxLots, params.splitGridSteps());
        HedgeOption all = options.option(maxLots);
        HedgeOption split = options.bestInterior > 0 ? options.option(options.bestInterior) : HedgeOption.NONE;
        long best = options.bestLots;
        if (!(options.bestJ < wait.costQuote())) {
            return done(in, RebalanceAction.SKEW, Basis.COMPARED, 0, wait, all, split, next);
        }
        RebalanceAction action = best == maxLots ? RebalanceAction.HEDGE : RebalanceAction.SPLIT;
        return done(in, action, Basis.COMPARED, best, wait, all, split, next);
    }

    /** Waiting is unbounded: hedge the largest feasible size (feasibility is monotone in size). */
    private RebalanceDecision largestFeasible(RebalanceInputs in, WaitEstimate wait, Options options,
                                              long minLots, long maxLots, RebalanceState next) {
        HedgeOption all = options.option(maxLots);
        if (Double.isFinite(all.hedgeCostQuote())) {
            return done(in, RebalanceAction.HEDGE, Basis.UNBOUNDED_RISK, maxLots, wait, all, HedgeOption.NONE, next);
        }
        long lo = minLots;
        long hi = maxLots - 1;
        long found = 0;
        while (lo <= hi) {
            long mid = lo + (hi - lo) / 2;
            if (Double.isFinite(options.hedgeCost(mid))) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (found == 0) {
            return done(in, RebalanceAction.SKEW, Basis.UNBOUNDED_RISK, 0, wait, all, HedgeOption.NONE, next);
        }
        return done(in, RebalanceAction.SPLIT, Basis.UNBOUNDED_RISK, found, wait, all, options.option(found), next);
    }

    private RebalanceDecision done(RebalanceInputs in, RebalanceAction action, Basis basis, long lots,
                                   WaitEstimate wait, HedgeOption all, HedgeOption split, RebalanceState next) {
        return new RebalanceDecision(in, params, action, basis, lots, wait, all, split, next);
    }

    static long wholeLots(double lots) {
        double nearest = Math.rint(lots);
        return Math.abs(lots - nearest) < LOT_TOLERANCE ? (long) nearest : (long) Math.floor(lots);
    }

    /** W(r) and its parts, for one set of inputs. */
    static final class WaitModel {
        private final double lambdaReduce;
        private final double lambdaGrow;
        private final double speed;
        private final double riskPerCube;
        private final double edgePerBase;

        WaitModel(RebalanceInputs in, RebalanceParams params) {
            double a = in.intensityA();
            double k = in.intensityKPerBps();
            lambdaReduce = in.reduceQuoteSizeBase() > 0 ? a * Math.exp(-k * in.reduceQuoteDistanceBps()) : 0;
            lambdaGrow = in.growQuoteSizeBase() > 0 ? a * Math.exp(-k * in.growQuoteDistanceBps()) : 0;
            speed = in.reduceQuoteSizeBase() * lambdaReduce - in.growQuoteSizeBase() * lambdaGrow;
            double sigma = in.sigmaPerSqrtSec();
            riskPerCube = speed > 0 ? params.riskAversion() * sigma * sigma / (6 * speed) : Double.POSITIVE_INFINITY;
            edgePerBase = params.edgeCreditWeight() * in.reduceQuoteDistanceBps() * in.fairValue() / 10_000;
        }

        double cost(double r) {
            return risk(r) - edgePerBase * r;
        }

        private double risk(double r) {
            return r > 0 ? riskPerCube * r * r * r : 0;
        }

        WaitEstimate estimate(double r) {
            double expected = r == 0 ? 0 : speed > 0 ? r / speed : Double.POSITIVE_INFINITY;
            return new WaitEstimate(lambdaReduce, lambdaGrow, speed, expected, risk(r), edgePerBase * r);
        }
    }

    /**
     * J(n) = m·C(n lots) + W(R − n lots) over the candidate hedge sizes, with the best seen. Implementation
     * notes: the coarse-to-fine grid keeps, at each pass, the neighbours of its best point; each pass at least
     * halves the span when there are four or more intervals, so it ends after O(log N) passes of
     * {@code steps + 1} evaluations.
     */
    private static final class Options {
        private final Side side;
        private final double open;
        private final double lot;
        private final WaitModel wait;
        private final HedgeCostCurve curve;
        private final double multiplier;
        /** The best hedge seen (0 = none better than +∞ yet) and its J. */
        long bestLots;
        double bestJ = Double.POSITIVE_INFINITY;
        /** The best hedge seen smaller than hedging all (0 = none). */
        long bestInterior;
        private double bestInteriorJ = Double.POSITIVE_INFINITY;
        private long interiorLimit = Long.MAX_VALUE;

        Options(Side side, double open, double lot, WaitModel wait, HedgeCostCurve curve, double multiplier) {
            this.side = side;
            this.open = open;
            this.lot = lot;
            this.wait = wait;
            this.curve = curve;
            this.multiplier = multiplier;
        }

        void search(long minLots, long maxLots, int steps) {
            interiorLimit = maxLots;
            long lo = minLots;
            long hi = maxLots;
            while (hi - lo > steps) {
                long span = hi - lo;
                int bestI = -1;
                double passBest = Double.POSITIVE_INFINITY;
                for (int i = 0; i <= steps; i++) {
                    double j = objective(lo + span * i / steps);
                    if (j < passBest) {
                        passBest = j;
                        bestI = i;
                    }
                }
                if (bestI < 0) {
                    return; // infeasible at every grid point, the smallest size included
                }
                long newLo = lo + span * Math.max(bestI - 1, 0) / steps;
                long newHi = lo + span * Math.min(bestI + 1, steps) / steps;
                lo = newLo;
                hi = newHi;
            }
            for (long n = lo; n <= hi; n++) {
                objective(n);
            }
        }

        private double objective(long n) {
            double j = multiplier * hedgeCost(n) + wait.cost(residual(n));
            if (j < bestJ || (j == bestJ && n < bestLots)) {
                bestJ = j;
                bestLots = n;
            }
            if (n < interiorLimit && (j < bestInteriorJ || (j == bestInteriorJ && n < bestInterior))) {
                bestInteriorJ = j;
                bestInterior = n;
            }
            return j;
        }

        double hedgeCost(long n) {
            double size = n * lot;
            double c = curve.costQuote(side, size);
            if (Double.isNaN(c) || c == Double.NEGATIVE_INFINITY) {
                throw new IllegalStateException("hedge cost curve returned " + c + " for " + side + " " + size);
            }
            return c;
        }

        private double residual(long n) {
            return Math.max(0, open - n * lot);
        }

        HedgeOption option(long n) {
            double r = residual(n);
            return new HedgeOption(n, n * lot, hedgeCost(n), r, wait.cost(r));
        }
    }
}
