package dev.ballast.strategies.rebalance;

import static dev.ballast.strategies.rebalance.Fmt.money;
import static dev.ballast.strategies.rebalance.Fmt.secs;
import static dev.ballast.strategies.rebalance.Fmt.sig;

import dev.ballast.core.Asset;
import dev.ballast.core.Side;
import java.util.Objects;
import java.util.Optional;

/**
 * One rebalancing decision for one asset: what to do ({@link #action()}), how much to hedge now, the numbers that
 * were compared to get there, the inputs and settings it was made from (so it can be replayed and audited), and the
 * state to keep for the next decision. {@link #reason()} says it all in one line. Immutable.
 *
 * <p>A HEDGE or SPLIT carries a size only; the caller asks the hedge router for the plan (venue, limit price) of
 * {@link #hedgeLots()} lots of {@link RebalanceInputs#lotSizeBase()} on {@link #side()}.
 *
 * @param inputs     what the decision saw
 * @param params     the settings it used
 * @param action     WAIT, SKEW, HEDGE or SPLIT
 * @param basis      why that action: in band, covered by hedges in flight, estimates missing, below the min hedge
 *                   size, a cost comparison, or unbounded waiting risk
 * @param hedgeLots  lots to hedge now, >= 0: > 0 exactly for HEDGE and SPLIT
 * @param waitAll    the cost of waiting with skewed quotes for the whole open drift ({@link WaitEstimate#UNKNOWN}
 *                   when not computed)
 * @param hedgeAll   hedging the whole open drift now ({@link HedgeOption#NONE} when not computed)
 * @param bestSplit  the cheapest partial hedge found, 0 < size < hedge all ({@link HedgeOption#NONE} when none)
 * @param nextState  the state to keep for the asset's next decision
 */
public record RebalanceDecision(
        RebalanceInputs inputs,
        RebalanceParams params,
        RebalanceAction action,
        Basis basis,
        long hedgeLots,
        WaitEstimate waitAll,
        HedgeOption hedgeAll,
        HedgeOption bestSplit,
        RebalanceState nextState) {

    /** Why the decision is what it is. */
    public enum Basis {
        /** Not rebalancing: the open drift is within the band (with hysteresis). WAIT. */
        IN_BAND,
        /** Rebalancing, but hedges in flight cover the drift down to the exit threshold. WAIT. */
        HEDGE_IN_FLIGHT,
        /** Volatility, intensity or quote distance unknown: no hedge until they are. SKEW. */
        ESTIMATES_MISSING,
        /** The open drift is smaller than the smallest hedge allowed. SKEW. */
        BELOW_MIN_HEDGE,
        /** The cost of waiting, of hedging all and of the best split were compared. SKEW, HEDGE or SPLIT. */
        COMPARED,
        /** Waiting never brings the drift back (net reduction speed <= 0): hedge the most that is feasible. */
        UNBOUNDED_RISK
    }

    /**
     * The expected cost of letting the skewed quotes trade back {@code r} = the open drift, in the quote currency.
     *
     * @param lambdaReducePerSec fills per second of our reducing-side quote, λ(δ_reduce)
     * @param lambdaGrowPerSec   fills per second of our growing-side quote, λ(δ_grow) (0 when not quoted)
     * @param speedBasePerSec    v, the expected net reduction of the drift, base units per second
     * @param expectedSec        E[T] = r / v, seconds (+∞ when v <= 0)
     * @param riskQuote          ½·γ·σ²·∫q(t)²dt over the linear path, = γσ²r³/(6v)
     * @param edgeQuote          the edge earned by the reducing fills, w·r·δ_reduce·fair/10⁴
     */
    public record WaitEstimate(double lambdaReducePerSec, double lambdaGrowPerSec, double speedBasePerSec,
                               double expectedSec, double riskQuote, double edgeQuote) {
        public static final WaitEstimate UNKNOWN =
                new WaitEstimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        /** risk − edge: the cost of waiting compared with the hedge cost, quote currency. */
        public double costQuote() {
            return riskQuote - edgeQuote;
        }
    }

    /**
     * Hedging {@code lots} lots now and waiting with skewed quotes for the rest.
     *
     * @param lots                 lots hedged now, > 0 (0 only in {@link #NONE})
     * @param sizeBase             lots × lot size, base units
     * @param hedgeCostQuote       the router's cost for that size (unweighted), quote currency; +∞ when infeasible
     * @param residualBase         open drift − size, left to the quotes, base units
     * @param residualWaitCostQuote the wait cost of the residual, quote currency
     */
    public record HedgeOption(long lots, double sizeBase, double hedgeCostQuote, double residualBase,
                              double residualWaitCostQuote) {
        public static final HedgeOption NONE = new HedgeOption(0, 0, Double.NaN, Double.NaN, Double.NaN);

        public boolean isPresent() {
            return lots > 0;
        }

        /** What the decision minimised: m × hedge cost + residual wait cost, quote currency. */
        public double objectiveQuote(double hedgeCostMultiplier) {
            return hedgeCostMultiplier * hedgeCostQuote + residualWaitCostQuote;
        }
    }

    public RebalanceDecision {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(waitAll, "waitAll");
        Objects.requireNonNull(hedgeAll, "hedgeAll");
        Objects.requireNonNull(bestSplit, "bestSplit");
        Objects.requireNonNull(nextState, "nextState");
        boolean hedges = action == RebalanceAction.HEDGE || action == RebalanceAction.SPLIT;
        if (hedgeLots < 0 || hedges != (hedgeLots > 0)) {
            throw new IllegalArgumentException(action + " with " + hedgeLots + " lots");
        }
        if (hedgeLots * inputs.lotSizeBase() > inputs.openDriftBase() + inputs.lotSizeBase() * 1e-6) {
            throw new IllegalArgumentException(hedgeLots + " lots exceed the open drift " + inputs.openDriftBase());
        }
    }

    public Asset asset() {
        return inputs.asset();
    }

    public long timestampNs() {
        return inputs.nowNs();
    }

    /** The side that reduces the drift (and of any hedge): SELL when long; empty at zero drift. */
    public Optional<Side> side() {
        return inputs.reducingSide();
    }

    /** The size to hedge now, base units: {@link #hedgeLots()} × the lot size; 0 unless HEDGE or SPLIT. */
    public double hedgeSizeBase() {
        return hedgeLots * inputs.lotSizeBase();
    }

    public boolean isHedge() {
        return hedgeLots > 0;
    }

    /**
     * The decision in one line with the numbers compared, e.g.
     * {@code SPLIT SELL 0.0357 of 0.0615 BTC: hedge 2.14 USDT ×1.25 = 2.68 + wait 0.0258 for 0.64 = 3.32 USDT
     * < hedge all 4.61, wait all 8.72 USDT
     * [E[T]=8.5s; wait risk 8.72 USDT; λ=0.9/s at δ=1.8bps, growing 0/s; v=0.0072 BTC/s; σ=18/√s; γ=5]}
     * (the edge credited to waiting is shown when {@link RebalanceParams#edgeCreditWeight()} > 0).
     */
    public String reason() {
        StringBuilder b = new StringBuilder(200);
        b.append(action);
        side().filter(s -> action != RebalanceAction.WAIT).ifPresent(s -> b.append(' ').append(s));
        switch (basis) {
            case IN_BAND -> b.append(' ').append(asset()).append(": open drift ").append(openDrift())
                    .append(" within band ").append(size(params.bandBase()))
                    .append(" (rebalance above ").append(size(params.enterAboveBase()))
                    .append(", stop below ").append(size(params.leaveBelowBase())).append(')');
            case HEDGE_IN_FLIGHT -> b.append(' ').append(asset()).append(": open drift ").append(openDrift())
                    .append(" below ").append(size(params.leaveBelowBase()))
                    .append(": waiting for the orders in flight");
            case ESTIMATES_MISSING -> b.append(' ').append(size(inputs.openDriftBase())).append(' ').append(asset())
                    .append(": estimates not ready (σ=").append(sig(inputs.sigmaPerSqrtSec()))
                    .append("/√s, A=").append(sig(inputs.intensityA()))
                    .append("/s, k=").append(sig(inputs.intensityKPerBps()))
                    .append("/bps, δ=").append(sig(inputs.reduceQuoteDistanceBps()))
                    .append("bps); no hedge until they are");
            case BELOW_MIN_HEDGE -> b.append(' ').append(size(inputs.openDriftBase())).append(' ').append(asset())
                    .append(": open drift below the min hedge size ")
                    .append(size(Math.max(params.minHedgeSizeBase(), inputs.lotSizeBase())))
                    .append("; wait cost ").append(money(waitAll.costQuote())).append(' ').append(quote())
                    .append(model());
            case COMPARED -> appendCompared(b);
            case UNBOUNDED_RISK -> appendUnbounded(b);
        }
        return b.toString();
    }

    private void appendCompared(StringBuilder b) {
        double m = params.hedgeCostMultiplier();
        switch (action) {
            case HEDGE -> {
                b.append(' ').append(size(hedgeSizeBase())).append(' ').append(asset())
                        .append(": hedge cost ").append(weighted(hedgeAll.hedgeCostQuote()));
                if (hedgeAll.residualBase() > 0) {
                    b.append(" + wait ").append(size(hedgeAll.residualBase())).append(" for ")
                            .append(money(hedgeAll.residualWaitCostQuote()));
                }
                b.append(" < wait cost ").append(money(waitAll.costQuote())).append(' ').append(quote());
                appendSplit(b, m);
            }
            case SPLIT -> b.append(' ').append(size(hedgeSizeBase())).append(" of ")
                    .append(size(inputs.openDriftBase())).append(' ').append(asset())
                    .append(": hedge ").append(weighted(bestSplit.hedgeCostQuote()))
                    .append(" + wait ").append(size(bestSplit.residualBase())).append(" for ")
                    .append(money(bestSplit.residualWaitCostQuote()))
                    .append(" = ").append(money(bestSplit.objectiveQuote(m))).append(' ').append(quote())
                    .append(" < hedge all ").append(money(hedgeAll.objectiveQuote(m)))
                    .append(", wait all ").append(money(waitAll.costQuote())).append(' ').append(quote());
            default -> {
                b.append(' ').append(size(inputs.openDriftBase())).append(' ').append(asset())
                        .append(": wait cost ").append(money(waitAll.costQuote())).append(' ').append(quote())
                        .append(" <= hedge cost ").append(weighted(hedgeAll.hedgeCostQuote()));
                appendSplit(b, m);
            }
        }
        b.append(model());
    }

    private void appendSplit(StringBuilder b, double m) {
        if (bestSplit.isPresent()) {
            b.append("; best split ").append(size(bestSplit.sizeBase())).append(" for ")
                    .append(money(bestSplit.objectiveQuote(m)));
        }
    }

    private void appendUnbounded(StringBuilder b) {
        String why = waitAll.speedBasePerSec() > 0
                ? " (E[T]=" + secs(waitAll.expectedSec()) + ")"
                : " (the quotes do not bring it back: v=" + sig(waitAll.speedBasePerSec()) + " " + asset() + "/s)";
        switch (action) {
            case HEDGE -> b.append(' ').append(size(hedgeSizeBase())).append(' ').append(asset())
                    .append(": wait risk unbounded").append(why)
                    .append("; hedge cost ").append(money(hedgeAll.hedgeCostQuote())).append(' ').append(quote());
            case SPLIT -> b.append(' ').append(size(hedgeSizeBase())).append(" of ")
                    .append(size(inputs.openDriftBase())).append(' ').append(asset())
                    .append(": wait risk unbounded").append(why)
                    .append("; the largest feasible hedge costs ").append(money(bestSplit.hedgeCostQuote()))
                    .append(' ').append(quote()).append(", hedge all ").append(money(hedgeAll.hedgeCostQuote()));
            default -> b.append(' ').append(size(inputs.openDriftBase())).append(' ').append(asset())
                    .append(": wait risk unbounded").append(why)
                    .append(" but no hedge is feasible (cost ").append(money(hedgeAll.hedgeCostQuote())).append(')');
        }
        b.append(model());
    }

    /** The model numbers behind the wait cost, in brackets. */
    private String model() {
        return " [E[T]=" + secs(waitAll.expectedSec())
                + "; wait risk " + money(waitAll.riskQuote())
                + (params.edgeCreditWeight() > 0 ? " − edge " + money(waitAll.edgeQuote()) : "") + ' ' + quote()
                + "; λ=" + sig(waitAll.lambdaReducePerSec()) + "/s at δ=" + sig(inputs.reduceQuoteDistanceBps())
                + "bps, growing " + sig(waitAll.lambdaGrowPerSec()) + "/s"
                + "; v=" + sig(waitAll.speedBasePerSec()) + ' ' + asset() + "/s"
                + "; σ=" + sig(inputs.sigmaPerSqrtSec()) + "/√s; γ=" + sig(params.riskAversion()) + ']';
    }

    private String weighted(double cost) {
        double m = params.hedgeCostMultiplier();
        return m == 1 ? money(cost) + ' ' + quote()
                : money(cost) + ' ' + quote() + " ×" + sig(m) + " = " + money(m * cost);
    }

    private String openDrift() {
        String s = size(inputs.openDriftBase()) + ' ' + asset();
        if (inputs.hedgeInFlightBase() != 0) {
            s += " (drift " + size(inputs.driftBase()) + ", in flight " + size(inputs.hedgeInFlightBase()) + ')';
        }
        return s;
    }

    private String size(double v) {
        return Fmt.size(v, inputs.lotSizeBase());
    }

    private Asset quote() {
        return inputs.quoteCurrency();
    }
}
