package dev.ballast.bot.inventory;

import static dev.ballast.bot.inventory.TestMarkets.A;
import static dev.ballast.bot.inventory.TestMarkets.B;
import static dev.ballast.bot.inventory.TestMarkets.BNB;
import static dev.ballast.bot.inventory.TestMarkets.BTC;
import static dev.ballast.bot.inventory.TestMarkets.BTC_A;
import static dev.ballast.bot.inventory.TestMarkets.BTC_B;
import static dev.ballast.bot.inventory.TestMarkets.ETH;
import static dev.ballast.bot.inventory.TestMarkets.ETH_A;
import static dev.ballast.bot.inventory.TestMarkets.ETH_B;
import static dev.ballast.bot.inventory.TestMarkets.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random fill sequences on BTC and ETH across two venues, with fees in quote, base and BNB (priced from
 * the start, or waiting for BNB's first mark), checked against an independent count and against the
 * conservation law equity(now) - equity(at opening marks) == total PnL, exactly.
 */
class InventoryAggregatorPropertyTest {
    private static final List<Instrument> MARKETS = List.of(BTC_A, BTC_B, ETH_A, ETH_B);
    private static final List<VenueId> VENUES = List.of(A, B);
    private static final BigDecimal START_CASH = new BigDecimal("100000");
    private static final BigDecimal START_BTC = new BigDecimal("0.5");
    private static final BigDecimal START_ETH = new BigDecimal("5");
    private static final BigDecimal START_BNB = new BigDecimal("1");
    private static final double OPEN_BTC = 60_000.0;
    private static final double OPEN_ETH = 3_000.0;
    private static final double OPEN_BNB = 600.0;

    enum FeeKind { NONE, QUOTE, BASE, BNB }

    sealed interface Op permits FillOp, MarkOp {
    }

    /** A fill of {@code lots} × 0.001 at {@code ticks} × 0.01, scaled per asset; fee {@code feeUnits} × 0.0001. */
    record FillOp(int market, Side side, int lots, int priceTicks, FeeKind feeKind, int feeUnits) implements Op {
    }

    /** A fair-value mark of BTC (or ETH) at {@code ticks} × 0.01. */
    record MarkOp(boolean btc, int ticks) implements Op {
    }

    record Scenario(boolean bnbPricedFromStart, List<Op> ops, int btcTicks, int ethTicks, int bnbTicks) {
    }

    private static Gen<Op> fills() {
        Gen<Integer> marketAndSide = integers().between(0, 7);
        Gen<Integer> lots = integers().between(1, 900);
        Gen<Integer> ticks = integers().between(-2000, 2000);
        Gen<Integer> feeKind = integers().between(0, 3);
        Gen<Integer> feeUnits = integers().between(-5, 40);
        return marketAndSide.zip(lots, ticks, feeKind, feeUnits, (ms, l, t, fk, fu) -> (Op) new FillOp(
                ms / 2, ms % 2 == 0 ? Side.BUY : Side.SELL, l, t, FeeKind.values()[fk], fu));
    }

    private static Gen<Op> marks() {
        return booleans().all().zip(integers().between(-2000, 2000), (btc, t) -> (Op) new MarkOp(btc, t));
    }

    private static Gen<Scenario> scenarios() {
        Gen<List<Op>> ops = lists().of(Generate.frequency(Pair.of(9, fills()), Pair.of(1, marks())))
                .ofSizeBetween(0, 60);
        Gen<Integer> finalTicks = integers().between(-3000, 3000);
        return booleans().all().zip(ops, finalTicks, finalTicks, finalTicks, Scenario::new);
    }

    @Test
    void shouldCountExactlyAndConserveEquityUpToPnlForRandomFillsAcrossTwoVenues() {
        qt().withFixedSeed(20_260_601L).withExamples(500).forAll(scenarios()).checkAssert(this::checkScenario);
    }

    private void checkScenario(Scenario scenario) {
        InventoryAggregator inventory = TestMarkets.newInventory();
        Map<Asset, Map<VenueId, BigDecimal>> expectedQuantity = new HashMap<>();
        Map<VenueId, BigDecimal> expectedCash = new HashMap<>();
        for (VenueId venue : VENUES) {
            inventory.setStartingBalance(venue, USDT, START_CASH);
            inventory.setStartingBalance(venue, BTC, START_BTC);
            inventory.setStartingBalance(venue, ETH, START_ETH);
            expectedCash.put(venue, START_CASH);
            add(expectedQuantity, BTC, venue, START_BTC);
            add(expectedQuantity, ETH, venue, START_ETH);
            if (scenario.bnbPricedFromStart()) {
                inventory.setStartingBalance(venue, BNB, START_BNB);
                add(expectedQuantity, BNB, venue, START_BNB);
            }
        }
        inventory.markFairValue(BTC, OPEN_BTC);
        inventory.markFairValue(ETH, OPEN_ETH);
        if (scenario.bnbPricedFromStart()) {
            inventory.markFairValue(BNB, OPEN_BNB);
        }
        BigDecimal equityAtOpen = inventory.equity();
        assertThat(inventory.totalPnl()).isEqualByComparingTo("0");

        for (Op op : scenario.ops()) {
            if (op instanceof MarkOp mark) {
                inventory.markFairValue(mark.btc() ? BTC : ETH, price(mark.btc() ? OPEN_BTC : OPEN_ETH, mark.ticks()));
            } else if (op instanceof FillOp f) {
                Instrument market = MARKETS.get(f.market());
                VenueId venue = market.id().venue();
                BigDecimal size = BigDecimal.valueOf(f.lots(), 3);
                BigDecimal price = BigDecimal.valueOf(market.base().equals(BTC) ? 60_000 + f.priceTicks() : 3_000
                        + f.priceTicks(), 2);
                BigDecimal fee = f.feeKind() == FeeKind.NONE ? BigDecimal.ZERO : BigDecimal.valueOf(f.feeUnits(), 4);
                Asset feeAsset = switch (f.feeKind()) {
                    case NONE, QUOTE -> USDT;
                    case BASE -> market.base();
                    case BNB -> BNB;
                };
                inventory.onFill(market, TestMarkets.fill(market, f.side(), size, price, fee, feeAsset));

                BigDecimal signed = f.side() == Side.BUY ? size : size.negate();
                add(expectedQuantity, market.base(), venue, signed);
                expectedCash.merge(venue, signed.negate().multiply(price), BigDecimal::add);
                if (feeAsset.equals(USDT)) {
                    expectedCash.merge(venue, fee.negate(), BigDecimal::add);
                } else {
                    add(expectedQuantity, feeAsset, venue, fee.negate());
                }
            }
        }
        inventory.markFairValue(BTC, price(OPEN_BTC, scenario.btcTicks()));
        inventory.markFairValue(ETH, price(OPEN_ETH, scenario.ethTicks()));
        inventory.markFairValue(BNB, price(OPEN_BNB, scenario.bnbTicks()));

        for (Asset asset : List.of(BTC, ETH, BNB)) {
            BigDecimal sumOfVenues = BigDecimal.ZERO;
            BigDecimal venuePnl = BigDecimal.ZERO;
            BigDecimal venueFees = BigDecimal.ZERO;
            for (VenueId venue : VENUES) {
                BigDecimal expected = expectedQuantity.getOrDefault(asset, Map.of()).getOrDefault(venue, BigDecimal.ZERO);
                assertThat(inventory.quantity(asset, venue)).as("%s on %s", asset, venue).isEqualByComparingTo(expected);
                sumOfVenues = sumOfVenues.add(inventory.quantity(asset, venue));
                venuePnl = venuePnl.add(inventory.realisedPnl(asset, venue)).add(inventory.unrealisedPnl(asset, venue));
                venueFees = venueFees.add(inventory.fees(asset, venue));
            }
            assertThat(inventory.quantity(asset)).as("total %s", asset).isEqualByComparingTo(sumOfVenues);
            assertThat(inventory.realisedPnl(asset).add(inventory.unrealisedPnl(asset)))
                    .as("%s realised + unrealised, total vs sum of venues", asset).isEqualByComparingTo(venuePnl);
            assertThat(inventory.fees(asset)).as("%s fees", asset).isEqualByComparingTo(venueFees);
            assertThat(inventory.unconvertedFees(asset)).isEmpty();
        }
        for (VenueId venue : VENUES) {
            assertThat(inventory.cash(venue)).as("cash on %s", venue).isEqualByComparingTo(expectedCash.get(venue));
        }
        assertThat(inventory.equity().subtract(equityAtOpen)).as("equity change at the final marks")
                .isEqualByComparingTo(inventory.totalPnl());

        inventory.markFairValue(BTC, OPEN_BTC);
        inventory.markFairValue(ETH, OPEN_ETH);
        assertThat(inventory.equity().subtract(equityAtOpen)).as("equity change back at the opening marks")
                .isEqualByComparingTo(inventory.totalPnl());
    }

    /** A price {@code ticks} cents away from {@code open}, as the double a fair-value model would mark. */
    private static double price(double open, int ticks) {
        return Math.max(0.01, (Math.round(open * 100) + ticks) / 100.0);
    }

    private static void add(Map<Asset, Map<VenueId, BigDecimal>> quantities, Asset asset, VenueId venue,
                            BigDecimal delta) {
        quantities.computeIfAbsent(asset, a -> new HashMap<>()).merge(venue, delta, BigDecimal::add);
    }
}
