package dev.ballast.strategies.hedging;

import dev.ballast.core.VenueHealth;
import static dev.ballast.strategies.hedging.Markets.btcusdt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.ballast.core.Instrument;
import dev.ballast.core.Side;
import dev.ballast.core.book.OrderBook;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random venues (books, fees, health, book age, balances) and random hedge sizes: whatever the router plans
 * must be safe (only usable venues, legs on lot grids within the slippage cap and the balances, never more than
 * asked), must cost no more than any single venue, and — on venues sharing one lot grid — no more than the best
 * of every possible two-venue allocation found by brute force (plus the split-saving bar).
 */
class HedgeRouterPropertyTest {
    private static final double FAIR = 60_000;
    private static final HedgeCostParams COST = HedgeCostParams.DEFAULTS;
    private static final HedgeRouterParams ROUTING = HedgeRouterParams.DEFAULTS;

    /**
     * One venue: its mid offset from fair and half spread in ticks of 0.1, level sizes in lots of 0.001 with
     * gaps of 1–200 ticks between levels, fee in tenths of a bp, a health (0 = healthy), book age in 100 ms,
     * free base in lots and free quote in hundreds.
     */
    record VenueSpec(int midOffsetTicks, int halfSpreadTicks, List<Integer> levelLots, List<Integer> gapsTicks,
                     int feeTenthBps, int healthIndex, int ageTenthsSec, int freeBaseLots, int freeQuoteHundreds) {
    }

    record Scenario(List<VenueSpec> venues, boolean buy, int sizeLots, boolean fineLots) {
    }

    private static Gen<VenueSpec> venueSpecs() {
        Gen<List<Integer>> lots = lists().of(integers().between(1, 400)).ofSizeBetween(1, 12);
        Gen<List<Integer>> gaps = lists().of(integers().between(1, 2_000)).ofSize(12);
        Gen<Integer> health = integers().between(0, 2 * VenueHealth.values().length).map(
                i -> i >= VenueHealth.values().length ? 0 : i);
        return integers().between(-200, 200).zip(integers().between(1, 100), lots, gaps, integers().between(0, 100),
                (mid, half, l, g, fee) -> new Object[] {mid, half, l, g, fee})
                .zip(health, integers().between(0, 60), integers().between(0, 3_000), integers().between(0, 2_000),
                        (o, h, age, base, quote) -> new VenueSpec((Integer) o[0], (Integer) o[1], cast(o[2]),
                                cast(o[3]), (Integer) o[4], h, age, base, quote));
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> cast(Object o) {
        return (List<Integer>) o;
    }

    private static Gen<Scenario> scenarios() {
        return lists().of(venueSpecs()).ofSizeBetween(1, 3).zip(booleans().all(), integers().between(1, 1_500),
                booleans().all(), Scenario::new);
    }

    private static List<HedgeVenue> build(Scenario s) {
        List<HedgeVenue> venues = new ArrayList<>();
        for (int i = 0; i < s.venues().size(); i++) {
            VenueSpec spec = s.venues().get(i);
            // venue 0 may use a finer lot than the others when fineLots; the brute force needs one grid
            String lot = s.fineLots() && i == 0 ? "0.0001" : "0.001";
            Instrument in = btcusdt("v" + i, "0.1", lot, "10");
            OrderBook book = Markets.book(in);
            long lotsPerMilli = s.fineLots() && i == 0 ? 10 : 1;
            long mid = 600_000 + spec.midOffsetTicks();
            long bid = mid - spec.halfSpreadTicks();
            long ask = mid + spec.halfSpreadTicks();
            for (int l = 0; l < spec.levelLots().size(); l++) {
                long size = spec.levelLots().get(l) * lotsPerMilli;
                book.setLevel(Side.BUY, bid, size);
                book.setLevel(Side.SELL, ask, size);
                bid -= spec.gapsTicks().get(l) / 10 + 1;
                ask += spec.gapsTicks().get(l) / 10 + 1;
            }
            HedgeVenue v = new HedgeVenue(book, spec.feeTenthBps() / 100_000.0);
            v.update(VenueHealth.values()[spec.healthIndex()], spec.ageTenthsSec() * 100_000_000L,
                    spec.freeBaseLots() * 0.001, spec.freeQuoteHundreds() * 100.0);
            venues.add(v);
        }
        return venues;
    }

    @Test
    void shouldPlanOnlySafeLegsThatCostNoMoreThanAnySingleVenue() {
        qt().withExamples(400).forAll(scenarios()).checkAssert(s -> {
            List<HedgeVenue> venues = build(s);
            Side side = s.buy() ? Side.BUY : Side.SELL;
            double size = s.sizeLots() * 0.001;
            HedgeRouter router = new HedgeRouter(new HedgeCostModel(COST), ROUTING).update(venues, FAIR);
            HedgePlan plan = router.plan(side, size);

            assertThat(router.costQuote(side, size)).isEqualTo(plan.totalCostQuote());
            assertThat(plan.plannedSize()).isLessThanOrEqualTo(size + 1e-12);
            HedgeCostModel model = new HedgeCostModel(COST);
            HedgeCost check = new HedgeCost();
            double bestSingleBps = Double.POSITIVE_INFINITY;
            for (HedgeVenue v : venues) {
                bestSingleBps = Math.min(bestSingleBps, model.cost(v, side, size, FAIR, check).totalBps());
            }
            if (plan.feasible()) {
                assertThat(plan.plannedSize()).isGreaterThan(size - 0.001);
                assertThat(plan.totalCostBps()).isLessThanOrEqualTo(bestSingleBps + 1e-9);
            } else {
                assertThat(bestSingleBps).isInfinite();
            }
            for (HedgeLeg leg : plan.legs()) {
                HedgeVenue v = venues.stream().filter(x -> x.instrument().equals(leg.instrument())).findFirst()
                        .orElseThrow();
                assertThat(v.health()).isEqualTo(VenueHealth.HEALTHY);
                assertThat(v.bookAgeNs()).isLessThanOrEqualTo(COST.maxBookAgeMs() * 1_000_000L);
                HedgeCost legCost = model.cost(v, side, leg.sizeLots(), FAIR, check);
                assertThat(legCost.usable()).as(legCost.toString()).isTrue();
                assertThat(legCost.limitPriceTicks()).isEqualTo(leg.limitPriceTicks());
                double limit = leg.limitPrice().doubleValue();
                if (side == Side.BUY) {
                    assertThat(limit).isLessThanOrEqualTo(FAIR * (1 + COST.maxSlippageBps() / 10_000) + 1e-9);
                    assertThat(leg.sizeBase() * limit * (1 + v.takerFeeRate()))
                            .isLessThanOrEqualTo(v.availableQuote() * (1 + 1e-9));
                } else {
                    assertThat(limit).isGreaterThanOrEqualTo(FAIR * (1 - COST.maxSlippageBps() / 10_000) - 1e-9);
                    assertThat(leg.sizeBase()).isLessThanOrEqualTo(v.availableBase() + 1e-12);
                }
            }
            assertThat(plan.legs().stream().map(HedgeLeg::instrument).distinct().count())
                    .isEqualTo(plan.legs().size());
        });
    }

    @Test
    void shouldCostNoMoreThanTheBestTwoVenueAllocationFoundByBruteForce() {
        Gen<Scenario> twoVenuesOneGrid = venueSpecs().zip(venueSpecs(), booleans().all(),
                integers().between(1, 800), (x, y, buy, lots) -> new Scenario(List.of(x, y), buy, lots, false));
        qt().withExamples(150).forAll(twoVenuesOneGrid).checkAssert(s -> {
            List<HedgeVenue> venues = build(s);
            Side side = s.buy() ? Side.BUY : Side.SELL;
            HedgePlan plan = new HedgeRouter(new HedgeCostModel(COST), ROUTING).update(venues, FAIR)
                    .plan(side, s.sizeLots() * 0.001);

            HedgeCostModel model = new HedgeCostModel(COST);
            HedgeCost first = new HedgeCost();
            HedgeCost second = new HedgeCost();
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k <= s.sizeLots(); k++) {
                double onFirst = k == 0 ? 0 : model.cost(venues.get(0), side, (long) k, FAIR, first).totalQuote();
                int rest = s.sizeLots() - k;
                double onSecond = rest == 0 ? 0 : model.cost(venues.get(1), side, (long) rest, FAIR, second).totalQuote();
                best = Math.min(best, onFirst + onSecond);
            }
            if (Double.isInfinite(best)) {
                assertThat(plan.feasible()).isFalse();
            } else {
                double bar = ROUTING.splitMinSavingBps() / 10_000 * FAIR * s.sizeLots() * 0.001;
                assertThat(plan.feasible()).as("brute force found %s", best).isTrue();
                assertThat(plan.totalCostQuote()).isLessThanOrEqualTo(best + bar + 1e-6);
            }
        });
    }
}
