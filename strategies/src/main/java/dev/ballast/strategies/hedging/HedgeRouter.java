package dev.ballast.strategies.hedging;

import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.Side;
import dev.ballast.core.book.OrderBook;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Routes a hedge: the cheapest way to take a size right now, on one venue or split across several, priced by
 * the {@link HedgeCostModel} against fair value. Never a venue the model finds unusable (unhealthy, stale,
 * unsynced, unfunded, too thin within the slippage cap).
 *
 * <p>Use, on the engine thread, after the books have changed:
 * <pre>
 *   router.update(venues, fairValue);            // a snapshot of this moment
 *   double c = router.costQuote(Side.SELL, 0.3); // the cost curve: what hedging 0.3 would cost, +∞ if it can't
 *   HedgePlan p = router.plan(Side.SELL, 0.3);   // the orders, with the reason
 * </pre>
 * {@link #costQuote} (and {@link #costBps}) is the <em>cost curve</em> a decision can sample at any x in
 * [0, size]: exactly the total cost of the plan {@link #plan} would return for x (0 for x = 0, +∞ when no plan
 * can take x), allocating nothing. {@link #maxSize} is the most the usable venues can take. Queries answer for the
 * books as they were when read: call {@link #update} again after applying book events.
 *
 * <p>Not thread-safe: owned by the engine thread. Deterministic: the same venues (in the same order), books,
 * states and fair value give the same plans; ties go to the venue listed first.
 *
 * <h2>Implementation notes</h2>
 * On one venue the cost of size q is a sum over the levels consumed of lots × a per-unit marginal cost
 * (buy: price·(1 + fee) − F + stale·F; sell: F − price·(1 − fee) + stale·F), non-decreasing level by level:
 * convex and piecewise linear in q. So the cheapest split is found exactly (up to lot grids) by walking the
 * venues' books merged by marginal cost — a k-way merge, as each book is already in order — taking each level
 * while the size, the slippage cap and the venue's balance allow. Legs whose notional misses the venue's minimum
 * are then dropped one at a time (smallest first) and the walk redone. The split is compared with every single
 * venue (costed by the model on the whole size) and wins only if it saves {@code splitMinSavingBps}. The levels
 * within the cap, at most {@code maxLevelsPerVenue} per venue, are copied once per side per {@link #update}.
 */
public final class HedgeRouter {
    private static final double EPS = 1e-9;
    private static final int NONE = 0;
    private static final int SINGLE = 1;
    private static final int SPLIT = 2;

    private final HedgeCostModel model;
    private final HedgeRouterParams params;
    private final HedgeCost check = new HedgeCost();
    private final Ladder buyLadder = new Ladder();
    private final Ladder sellLadder = new Ladder();

    private List<HedgeVenue> venues = List.of();
    private double fairValue = Double.NaN;

    private HedgeCost[] single = new HedgeCost[0];
    private HedgeCost[] legs = new HedgeCost[0];
    private long[] alloc = new long[0];
    /** The base units of {@link #alloc}, level by level (an inverse contract's contracts at each level's price). */
    private double[] allocBase = new double[0];
    private long[] limitTicks = new long[0];
    private int[] cursor = new int[0];
    private long[] takenAtCursor = new long[0];
    private boolean[] excluded = new boolean[0];
    private boolean[] exhausted = new boolean[0];

    // the last solve, valid until update() or a solve for another side/size
    private boolean solved;
    private Side solvedSide;
    private double solvedSize;
    private int choice;
    private int bestSingle;
    private boolean splitUsable;
    private int splitVenues;
    private double splitCostQuote;
    private double splitCostBps;
    private double splitResidue;

    public HedgeRouter(HedgeCostModel model, HedgeRouterParams params) {
        this.model = Objects.requireNonNull(model, "model");
        this.params = Objects.requireNonNull(params, "params");
    }

    /**
     * Takes a snapshot of the venues that list the asset, for the queries that follow.
     *
     * <p>Every venue's prices are compared with {@code fairValue} as they are: venues quoted in different
     * currencies (Binance COIN-M in USD next to spot in USDT) must be ones the caller counts at par, with the
     * difference taken out of fair value as each venue's basis (the engine does both).
     *
     * @param venues    every venue that lists the asset, in a stable order (ties go to the first)
     * @param fairValue the cross-venue fair value of the asset; NaN (unknown) makes every route infeasible
     * @return this
     * @throws IllegalArgumentException if the venues do not all trade the same base asset
     */
    public HedgeRouter update(List<HedgeVenue> venues, double fairValue) {
        Objects.requireNonNull(venues, "venues");
        Asset base = null;
        for (HedgeVenue v : venues) {
            Instrument in = v.instrument();
            if (base == null) {
                base = in.base();
            } else if (!base.equals(in.base())) {
                throw new IllegalArgumentException("venues must trade one base: " + in.id() + " trades "
                        + in.base() + "/" + in.quote() + ", not " + base);
            }
        }
        this.venues = venues;
        this.fairValue = fairValue;
        int n = venues.size();
        if (single.length < n) {
            single = fresh(n);
            legs = fresh(n);
            alloc = new long[n];
            allocBase = new double[n];
            limitTicks = new long[n];
            cursor = new int[n];
            takenAtCursor = new long[n];
            excluded = new boolean[n];
            exhausted = new boolean[n];
        }
        buyLadder.built = false;
        sellLadder.built = false;
        solved = false;
        return this;
    }

    private static HedgeCost[] fresh(int n) {
        HedgeCost[] a = new HedgeCost[n];
        for (int i = 0; i < n; i++) {
            a[i] = new HedgeCost();
        }
        return a;
    }

    public double fairValue() {
        return fairValue;
    }

    /**
     * The cost curve: the expected cost, in the quote currency, of the plan {@link #plan} returns for
     * {@code size} — 0 for size 0, +∞ when no venue or split can take it. Allocates nothing.
     *
     * @param size base units, >= 0
     * @throws IllegalArgumentException if {@code size} is negative or not finite
     */
    public double costQuote(Side side, double size) {
        solve(side, size);
        switch (choice) {
            case SINGLE:
                return single[bestSingle].totalQuote();
            case SPLIT:
                return splitCostQuote;
            default:
                return size == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
    }

    /** {@link #costQuote} in bps of fair value × the planned size; 0 for size 0, +∞ when infeasible. */
    public double costBps(Side side, double size) {
        solve(side, size);
        switch (choice) {
            case SINGLE:
                return single[bestSingle].totalBps();
            case SPLIT:
                return splitCostBps;
            default:
                return size == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
    }

    /**
     * The most the usable venues together could take on {@code side} within the slippage cap and their balances,
     * in base units (over the levels the router looks at; an inverse contract's contracts at the price of the
     * deepest level they reach). A plan for it can still fail a venue's minimum notional.
     */
    public double maxSize(Side side) {
        Ladder ladder = ladder(side);
        double total = 0;
        for (int v = 0; v < venues.size(); v++) {
            if (!ladder.usable[v]) {
                continue;
            }
            long cumulative = 0;
            long best = 0;
            long bestTicks = 0;
            for (int i = 0; i < ladder.count[v]; i++) {
                cumulative += ladder.lots[v][i];
                long lots = Math.min(cumulative, balanceCapLots(v, side, ladder.ticks[v][i]));
                if (lots > best) {
                    best = lots;
                    bestTicks = ladder.ticks[v][i];
                }
            }
            Instrument in = venues.get(v).instrument();
            total += in.lotsToBaseDouble(best, in.ticksToDouble(bestTicks));
        }
        return total;
    }

    /**
     * The cheapest way to take {@code size} now: one leg on the cheapest venue, or legs on several when that is
     * cheaper by at least {@code splitMinSavingBps}; an infeasible plan (no legs) naming why each venue cannot.
     * Leg sizes are whole lots summing to the size rounded down onto the venues' grids (on an inverse contract,
     * whole contracts holding no more base than asked at the prices they take).
     *
     * @param size base units, > 0
     * @throws IllegalArgumentException if {@code size} is not positive and finite
     */
    public HedgePlan plan(Side side, double size) {
        if (!(size > 0) || Double.isInfinite(size)) {
            throw new IllegalArgumentException("hedge size must be finite and > 0 (was " + size + ")");
        }
        solve(side, size);
        String sideWord = side == Side.BUY ? "buy" : "sell";
        StringBuilder reason = new StringBuilder();
        List<HedgeLeg> planLegs = new ArrayList<>();
        if (choice == SINGLE) {
            HedgeCost c = single[bestSingle];
            planLegs.add(HedgeLeg.of(c));
            reason.append(sideWord).append(' ').append(c);
            int next = nextBestSingle(bestSingle);
            if (next >= 0) {
                reason.append("; next best ").append(venues.get(next).venue()).append(' ')
                        .append(HedgeCost.bps(single[next].totalBps())).append(" bps");
            }
            if (splitUsable && splitVenues > 1) {
                reason.append("; split ").append(HedgeCost.bps(splitCostBps)).append(" bps saves less than ")
                        .append(HedgeCost.bps(params.splitMinSavingBps())).append(" bps");
            }
            appendUnusable(reason);
            return new HedgePlan(side, size, fairValue, planLegs, c.totalQuote(), c.totalBps(), false,
                    reason.toString());
        }
        Asset base = venues.isEmpty() ? null : venues.get(0).instrument().base();
        Asset quote = venues.isEmpty() ? null : venues.get(0).instrument().quote();
        if (choice == SPLIT) {
            reason.append("split ").append(sideWord).append(' ').append(HedgeCost.fixed(plannedSplitSize(), 8))
                    .append(' ').append(base).append(" = ").append(HedgeCost.money(splitCostQuote)).append(' ')
                    .append(quote).append(" (").append(HedgeCost.bps(splitCostBps)).append(" bps): ");
            boolean first = true;
            for (int v = 0; v < venues.size(); v++) {
                if (alloc[v] > 0) {
                    planLegs.add(HedgeLeg.of(legs[v]));
                    reason.append(first ? "" : " + ").append('[').append(legs[v]).append(']');
                    first = false;
                }
            }
            if (bestSingle >= 0) {
                reason.append("; best single ").append(venues.get(bestSingle).venue()).append(' ')
                        .append(HedgeCost.bps(single[bestSingle].totalBps())).append(" bps");
            } else {
                reason.append("; no single venue can take it");
            }
            appendUnusable(reason);
            return new HedgePlan(side, size, fairValue, planLegs, splitCostQuote, splitCostBps, true,
                    reason.toString());
        }
        reason.append("cannot ").append(sideWord).append(' ').append(HedgeCost.fixed(size, 8));
        if (base != null) {
            reason.append(' ').append(base);
        }
        if (venues.isEmpty()) {
            reason.append(": no venue lists it");
        } else if (!(fairValue > 0) || Double.isInfinite(fairValue)) {
            reason.append(": no fair value");
        } else {
            reason.append(": ");
            for (int v = 0; v < venues.size(); v++) {
                reason.append(v == 0 ? "" : "; ").append(single[v]);
            }
            if (splitResidue > 0 && splitResidue < size) {
                reason.append("; together they take only ").append(HedgeCost.fixed(size - splitResidue, 8))
                        .append(' ').append(base);
            }
        }
        return new HedgePlan(side, size, fairValue, planLegs, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                false, reason.toString());
    }

    private int nextBestSingle(int skip) {
        int next = -1;
        for (int v = 0; v < venues.size(); v++) {
            if (v != skip && single[v].usable()
                    && (next < 0 || single[v].totalBps() < single[next].totalBps())) {
                next = v;
            }
        }
        return next;
    }

    /** Names every venue that could not take the whole size alone, and why. */
    private void appendUnusable(StringBuilder reason) {
        for (int v = 0; v < venues.size(); v++) {
            if (!single[v].usable()) {
                reason.append("; alone ").append(single[v]);
            }
        }
    }

    private double plannedSplitSize() {
        double sum = 0;
        for (int v = 0; v < venues.size(); v++) {
            Instrument in = venues.get(v).instrument();
            sum += in.isInverse() ? allocBase[v] : in.lotsToDouble(alloc[v]);
        }
        return sum;
    }

    // ------------------------------------------------------------------ solving

    private void solve(Side side, double size) {
        Objects.requireNonNull(side, "side");
        if (!(size >= 0) || Double.isInfinite(size)) {
            throw new IllegalArgumentException("hedge size must be finite and >= 0 (was " + size + ")");
        }
        if (solved && side == solvedSide && size == solvedSize) {
            return;
        }
        solved = true;
        solvedSide = side;
        solvedSize = size;
        choice = NONE;
        bestSingle = -1;
        splitUsable = false;
        splitVenues = 0;
        splitResidue = 0;
        int n = venues.size();
        for (int v = 0; v < n; v++) {
            alloc[v] = 0;
        }
        if (size == 0) {
            return;
        }
        for (int v = 0; v < n; v++) {
            HedgeCost c = model.cost(venues.get(v), side, size, fairValue, single[v]);
            if (c.usable() && (bestSingle < 0 || c.totalBps() < single[bestSingle].totalBps())) {
                bestSingle = v;
            }
        }
        if (fairValue > 0 && !Double.isInfinite(fairValue)) {
            solveSplit(side, size);
        }
        boolean splitWins = splitUsable && splitVenues > 1 && (bestSingle < 0
                || splitCostBps + params.splitMinSavingBps() < single[bestSingle].totalBps());
        if (splitWins) {
            choice = SPLIT;
        } else if (bestSingle >= 0) {
            choice = SINGLE;
        }
    }

    private void solveSplit(Side side, double size) {
        Ladder ladder = ladder(side);
        int n = venues.size();
        double maxLot = 0;
        for (int v = 0; v < n; v++) {
            excluded[v] = false;
            if (ladder.usable[v]) {
                maxLot = Math.max(maxLot, venues.get(v).instrument().lotsToBaseDouble(1, fairValue));
            }
        }
        if (maxLot == 0) {
            splitResidue = size;
            return;
        }
        double residue = size;
        for (int attempt = 0; attempt <= n; attempt++) {
            residue = mergedWalk(side, size, ladder);
            int drop = -1;
            double dropNotional = Double.POSITIVE_INFINITY;
            for (int v = 0; v < n; v++) {
                if (alloc[v] == 0) {
                    continue;
                }
                Instrument in = venues.get(v).instrument();
                double notional = in.lotsNotionalDouble(alloc[v], in.ticksToDouble(limitTicks[v]));
                if (notional < in.minNotional().doubleValue() * (1 - EPS) && notional < dropNotional) {
                    drop = v;
                    dropNotional = notional;
                }
            }
            if (drop < 0) {
                break;
            }
            excluded[drop] = true;
        }
        splitResidue = residue;
        if (residue > maxLot * (1 - 1e-6)) {
            return;
        }
        double total = 0;
        double planned = 0;
        for (int v = 0; v < n; v++) {
            if (alloc[v] == 0) {
                continue;
            }
            HedgeCost c = model.cost(venues.get(v), side, alloc[v], fairValue, legs[v]);
            if (!c.usable()) {
                return;
            }
            total += c.totalQuote();
            planned += c.size();
            splitVenues++;
        }
        if (splitVenues == 0) {
            return;
        }
        splitUsable = true;
        splitCostQuote = total;
        splitCostBps = total / (fairValue * planned) * 10_000;
    }

    /**
     * Allocates {@code size} across the venues not excluded, cheapest marginal level first. Fills {@link #alloc}
     * and {@link #limitTicks}; returns what is left unallocated.
     */
    private double mergedWalk(Side side, double size, Ladder ladder) {
        int n = venues.size();
        for (int v = 0; v < n; v++) {
            alloc[v] = 0;
            allocBase[v] = 0;
            limitTicks[v] = 0;
            cursor[v] = 0;
            takenAtCursor[v] = 0;
            exhausted[v] = !ladder.usable[v] || excluded[v];
        }
        double planned = 0;
        while (true) {
            double remaining = size - planned;
            int best = -1;
            double bestMarginal = Double.POSITIVE_INFINITY;
            for (int v = 0; v < n; v++) {
                if (exhausted[v] || cursor[v] >= ladder.count[v]) {
                    continue;
                }
                double m = marginal(v, side, ladder.ticks[v][cursor[v]]);
                if (best < 0 || m < bestMarginal) {
                    best = v;
                    bestMarginal = m;
                }
            }
            if (best < 0 || remaining <= 0) {
                return Math.max(0, remaining);
            }
            Instrument in = venues.get(best).instrument();
            int i = cursor[best];
            long price = ladder.ticks[best][i];
            double levelPrice = in.ticksToDouble(price);
            long want = in.roundBaseDownToLots(remaining, levelPrice);
            if (want == 0) {
                exhausted[best] = true;
                continue;
            }
            long take = Math.min(want, ladder.lots[best][i] - takenAtCursor[best]);
            long room = balanceCapLots(best, side, price) - alloc[best];
            if (room < take) {
                take = Math.max(0, room);
                exhausted[best] = true;
            }
            if (take > 0) {
                alloc[best] += take;
                takenAtCursor[best] += take;
                limitTicks[best] = price;
                double takenBase = in.lotsToBaseDouble(take, levelPrice);
                allocBase[best] += takenBase;
                planned += takenBase;
            }
            if (takenAtCursor[best] == ladder.lots[best][i]) {
                cursor[best]++;
                takenAtCursor[best] = 0;
            }
        }
    }

    /** The cost against fair value of one more base unit taken at {@code priceTicks} on venue {@code v}. */
    private double marginal(int v, Side side, long priceTicks) {
        HedgeVenue venue = venues.get(v);
        double price = venue.instrument().ticksToDouble(priceTicks);
        double fee = venue.takerFeeRate();
        double stale = model.stalenessRate(venue) * fairValue;
        return side == Side.BUY ? price * (1 + fee) - fairValue + stale : fairValue - price * (1 - fee) + stale;
    }

    /** The most lots venue {@code v} can pay for with a limit at {@code priceTicks}. */
    private long balanceCapLots(int v, Side side, long priceTicks) {
        HedgeVenue venue = venues.get(v);
        Instrument in = venue.instrument();
        double price = in.ticksToDouble(priceTicks);
        if (side == Side.SELL) {
            return in.roundBaseDownToLots(venue.availableBase(), price);
        }
        return in.roundBaseDownToLots(venue.availableQuote() / (price * (1 + venue.takerFeeRate())), price);
    }

    private Ladder ladder(Side side) {
        Ladder ladder = side == Side.BUY ? buyLadder : sellLadder;
        if (!ladder.built) {
            build(ladder, side);
        }
        return ladder;
    }

    /** Copies each usable venue's levels within the slippage cap, best first, at most maxLevelsPerVenue. */
    private void build(Ladder ladder, Side side) {
        int n = venues.size();
        int depth = params.maxLevelsPerVenue();
        ladder.ensure(n, depth);
        boolean fair = fairValue > 0 && !Double.isInfinite(fairValue);
        Side bookSide = side.opposite();
        for (int v = 0; v < n; v++) {
            HedgeVenue venue = venues.get(v);
            check.reset(venue, side, 0, fairValue);
            ladder.usable[v] = fair && model.checkVenue(venue, check);
            ladder.count[v] = 0;
            if (!ladder.usable[v]) {
                continue;
            }
            OrderBook book = venue.book();
            long cap = model.capTicks(venue.instrument(), side, fairValue);
            ladder.count[v] = book.copyLevelsWithin(bookSide, cap, depth, ladder.ticks[v], ladder.lots[v]);
        }
        ladder.built = true;
    }

    /** The levels of one taker side of every venue, as of the last {@link #update}. */
    private static final class Ladder {
        boolean built;
        boolean[] usable = new boolean[0];
        int[] count = new int[0];
        long[][] ticks = new long[0][];
        long[][] lots = new long[0][];

        void ensure(int venues, int depth) {
            if (usable.length < venues || (venues > 0 && ticks[0].length < depth)) {
                int n = Math.max(venues, usable.length);
                usable = new boolean[n];
                count = new int[n];
                ticks = new long[n][depth];
                lots = new long[n][depth];
            }
        }
    }
}
