package dev.ballast.strategies.hedging;

import dev.ballast.core.VenueHealth;
import static dev.ballast.strategies.hedging.Markets.btcusdt;
import static dev.ballast.strategies.hedging.Markets.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HedgeRouterTest {
    private static final double FAIR = 60_000;
    private static final long MS = 1_000_000L;

    private final Instrument a = btcusdt("sim-a", "0.1", "0.0001", "5");
    private final Instrument b = btcusdt("sim-b", "0.1", "0.001", "10");
    private final HedgeRouter router = newRouter();

    private static HedgeRouter newRouter() {
        return new HedgeRouter(new HedgeCostModel(HedgeCostParams.DEFAULTS), HedgeRouterParams.DEFAULTS);
    }

    /** Two venues with the same book (bids 59990 × 1, asks 60010 × 1); sim-a charges 5 bps, sim-b 4 bps. */
    private List<HedgeVenue> sameBooksDifferentFees() {
        return List.of(on(a).bids("59990", "1").asks("60010", "1").venue(0.0005),
                on(b).bids("59990", "1").asks("60010", "1").venue(0.0004));
    }

    @Test
    void shouldHedgeOnTheCheapestVenueAndSayWhatTheNextBestCosts() {
        HedgePlan plan = router.update(sameBooksDifferentFees(), FAIR).plan(Side.SELL, 0.3);

        assertThat(plan.split()).isFalse();
        assertThat(plan.legs()).singleElement().satisfies(leg -> {
            assertThat(leg.venue().name()).isEqualTo("sim-b");
            assertThat(leg.size()).isEqualByComparingTo("0.3");
            assertThat(leg.limitPrice()).isEqualByComparingTo("59990");
        });
        // half spread 10 × 0.3 = 3 + fee 0.0004 × 59990 × 0.3 = 7.1988 → 10.1988 USDT of 18000 = 5.7 bps
        assertThat(plan.totalCostQuote()).isCloseTo(10.1988, within(1e-9));
        assertThat(plan.reason()).isEqualTo("sell sim-b 0.3 BTC @≥59990: fee 7.20 + half spread 3.00 + impact 0.00"
                + " + basis 0.00 + stale 0.00 = 10.20 USDT (5.7 bps); next best sim-a 6.7 bps");
    }

    static Stream<Arguments> spoilers() {
        return Stream.of(
                Arguments.of("circuit open", (Consumer<HedgeVenue>) v -> v.update(VenueHealth.CIRCUIT_OPEN, 0, 100, 1e7),
                        "alone sim-b 0.3 BTC: circuit breaker open"),
                Arguments.of("banned", (Consumer<HedgeVenue>) v -> v.update(VenueHealth.BANNED, 0, 100, 1e7),
                        "alone sim-b 0.3 BTC: banned"),
                Arguments.of("stream stale", (Consumer<HedgeVenue>) v -> v.update(VenueHealth.STREAM_STALE, 0, 100, 1e7),
                        "alone sim-b 0.3 BTC: stream stale"),
                Arguments.of("book too old", (Consumer<HedgeVenue>) v -> v.update(VenueHealth.HEALTHY, 6_000 * MS, 100, 1e7),
                        "alone sim-b 0.3 BTC: book 6.0 s old > 5.0 s max"),
                Arguments.of("book not synced", (Consumer<HedgeVenue>) v -> v.book().invalidate(),
                        "alone sim-b 0.3 BTC: book not synced"),
                Arguments.of("unfunded", (Consumer<HedgeVenue>) v -> v.update(VenueHealth.HEALTHY, 0, 0.1, 1e7),
                        "alone sim-b 0.3 BTC: needs 0.3 BTC, 0.1 free"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spoilers")
    void shouldNeverHedgeOnACheaperVenueThatCannotTakeIt(String name, Consumer<HedgeVenue> spoil, String why) {
        List<HedgeVenue> venues = sameBooksDifferentFees();
        spoil.accept(venues.get(1));

        HedgePlan plan = router.update(venues, FAIR).plan(Side.SELL, 0.3);

        assertThat(plan.legs()).singleElement().satisfies(leg -> assertThat(leg.venue().name()).isEqualTo("sim-a"));
        assertThat(plan.reason()).contains(why);
    }

    @Test
    void shouldReturnAnInfeasiblePlanNamingEveryVenuesProblemWhenNoneCanTakeIt() {
        List<HedgeVenue> venues = sameBooksDifferentFees();
        venues.get(0).update(VenueHealth.BANNED, 0, 100, 1e7);
        venues.get(1).update(VenueHealth.HEALTHY, 6_000 * MS, 100, 1e7);

        HedgePlan plan = router.update(venues, FAIR).plan(Side.SELL, 0.3);

        assertThat(plan.feasible()).isFalse();
        assertThat(plan.legs()).isEmpty();
        assertThat(plan.totalCostQuote()).isInfinite();
        assertThat(router.costQuote(Side.SELL, 0.3)).isInfinite();
        assertThat(plan.reason()).isEqualTo(
                "cannot sell 0.3 BTC: sim-a 0.3 BTC: banned; sim-b 0.3 BTC: book 6.0 s old > 5.0 s max");
    }

    /** sim-a: tight touch but only 0.1 there; sim-b: 10 wider but 5 BTC deep. Same fees, both mids at 60000. */
    private List<HedgeVenue> thinTightAndDeepWide() {
        return List.of(on(a).bids("59995", "0.1", "59750", "5").asks("60005", "0.1", "60250", "5").venue(0.0005),
                on(b).bids("59985", "5").asks("60015", "5").venue(0.0005));
    }

    @Test
    void shouldTakeASmallHedgeWhereTheTouchIsTightestAndALargeOneWhereTheBookIsDeep() {
        router.update(thinTightAndDeepWide(), FAIR);

        HedgePlan small = router.plan(Side.BUY, 0.05);
        HedgePlan large = router.plan(Side.BUY, 2.0);

        assertThat(small.legs()).singleElement().satisfies(leg -> assertThat(leg.venue().name()).isEqualTo("sim-a"));
        // splitting 0.1 off to sim-a would save 10 × 0.1 = 1 USDT of 120000: 0.08 bps, under the 0.5 bps bar
        assertThat(large.split()).isFalse();
        assertThat(large.legs()).singleElement().satisfies(leg -> {
            assertThat(leg.venue().name()).isEqualTo("sim-b");
            assertThat(leg.size()).isEqualByComparingTo("2");
        });
        assertThat(large.reason()).contains("next best sim-a").contains("split 7.4 bps saves less than 0.5 bps");
    }

    /** Both thin: 0.3 near the touch, then nothing until 60250. sim-a's lot is 0.0001, sim-b's 0.001. */
    private List<HedgeVenue> twoThinBooks() {
        return List.of(on(a).bids("59990", "0.3", "59750", "5").asks("60010", "0.3", "60250", "5").venue(0.0005),
                on(b).bids("59988", "0.3", "59750", "5").asks("60012", "0.3", "60250", "5").venue(0.0005));
    }

    @Test
    void shouldSplitAcrossThinBooksWhenThatBeatsEverySingleVenue() {
        router.update(twoThinBooks(), FAIR);

        HedgePlan plan = router.plan(Side.BUY, 0.5);

        assertThat(plan.split()).isTrue();
        assertThat(plan.legs()).extracting(leg -> leg.venue().name()).containsExactly("sim-a", "sim-b");
        assertThat(plan.legs().get(0).size()).isEqualByComparingTo("0.3");
        assertThat(plan.legs().get(0).limitPrice()).isEqualByComparingTo("60010");
        assertThat(plan.legs().get(1).size()).isEqualByComparingTo("0.2");
        assertThat(plan.legs().get(1).limitPrice()).isEqualByComparingTo("60012");
        assertThat(plan.legs().stream().map(HedgeLeg::size).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("0.5");
        double singleA = new HedgeCostModel(HedgeCostParams.DEFAULTS)
                .cost(twoThinBooks().get(0), Side.BUY, 0.5, FAIR, new HedgeCost()).totalBps();
        assertThat(plan.totalCostBps()).isLessThan(singleA - 10);
        assertThat(plan.reason()).startsWith("split buy 0.5 BTC = ")
                .contains("[sim-a 0.3 BTC @≤60010: fee ").contains("[sim-b 0.2 BTC @≤60012: fee ")
                .contains("; best single sim-a ");
    }

    @Test
    void shouldKeepEveryLegOnItsVenuesLotGridAndNeverPlanMoreThanAsked() {
        router.update(twoThinBooks(), FAIR);

        HedgePlan plan = router.plan(Side.SELL, 0.50037);

        BigDecimal total = BigDecimal.ZERO;
        for (HedgeLeg leg : plan.legs()) {
            BigDecimal lot = leg.instrument().lotSize();
            assertThat(leg.size().remainder(lot)).isEqualByComparingTo("0");
            total = total.add(leg.size());
        }
        // sim-b can only trade whole 0.001s; sim-a's 0.0001 lots pick up what is left but 0.00007
        assertThat(total).isEqualByComparingTo("0.5003");
        assertThat(plan.plannedSize()).isCloseTo(0.5003, within(1e-12));
    }

    /** Cap 50 bps of 60000: buys up to 60300, sells down to 59700. Beyond the cap, deep levels that must not be used. */
    private List<HedgeVenue> booksThatRunPastTheCap() {
        return List.of(on(a).bids("59990", "0.2", "59600", "10").asks("60010", "0.2", "60400", "10").venue(0.0005),
                on(b).bids("59980", "0.2", "59650", "10").asks("60020", "0.2", "60350", "10").venue(0.0005));
    }

    @Test
    void shouldNeverSetALimitBeyondTheSlippageCap() {
        router.update(booksThatRunPastTheCap(), FAIR);

        HedgePlan buy = router.plan(Side.BUY, 0.3);
        HedgePlan sell = router.plan(Side.SELL, 0.3);

        assertThat(buy.legs()).hasSize(2).allSatisfy(leg -> assertThat(leg.limitPrice()).isLessThanOrEqualTo(
                new BigDecimal("60300")));
        assertThat(sell.legs()).hasSize(2).allSatisfy(leg -> assertThat(leg.limitPrice()).isGreaterThanOrEqualTo(
                new BigDecimal("59700")));
        assertThat(router.maxSize(Side.BUY)).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void shouldRefuseASizeTheVenuesCanOnlyTakeBeyondTheCap() {
        router.update(booksThatRunPastTheCap(), FAIR);

        HedgePlan plan = router.plan(Side.BUY, 0.5);

        assertThat(plan.feasible()).isFalse();
        assertThat(plan.reason()).contains("sim-a 0.5 BTC: needs 60400.0, beyond the slippage cap 60300.0")
                .endsWith("; together they take only 0.4 BTC");
    }

    @Test
    void shouldGiveACostCurveThatIsExactlyWhatThePlansCost() {
        router.update(twoThinBooks(), FAIR);

        for (double size : new double[] {0.01, 0.1, 0.3, 0.45, 0.6, 1.0, 5.0}) {
            HedgePlan plan = router.plan(Side.BUY, size);
            assertThat(router.costQuote(Side.BUY, size)).as("size %s", size).isEqualTo(plan.totalCostQuote());
            assertThat(router.costBps(Side.BUY, size)).as("size %s", size).isEqualTo(plan.totalCostBps());
        }
        assertThat(router.costQuote(Side.BUY, 0)).isZero();
        assertThat(router.costQuote(Side.BUY, router.maxSize(Side.BUY) + 0.01)).isInfinite();
        // beyond 0.6 both books are walked into their 60250 levels: hedging more costs more per unit
        assertThat(router.costBps(Side.BUY, 1.0)).isGreaterThan(router.costBps(Side.BUY, 0.45));
    }

    @Test
    void shouldGiveTheSamePlanForTheSameInputs() {
        HedgePlan first = newRouter().update(twoThinBooks(), FAIR).plan(Side.BUY, 0.5);
        HedgePlan second = newRouter().update(twoThinBooks(), FAIR).plan(Side.BUY, 0.5);
        router.update(twoThinBooks(), FAIR);
        router.plan(Side.SELL, 0.2);

        assertThat(second).isEqualTo(first);
        assertThat(router.plan(Side.BUY, 0.5)).isEqualTo(first);
    }

    @Test
    void shouldRefuseVenuesThatTradeDifferentAssets() {
        Instrument eth = new Instrument(InstrumentId.of("sim-b", "ETHUSDT"), Asset.of("ETH"), Markets.USDT,
                new BigDecimal("0.01"), new BigDecimal("0.001"), BigDecimal.ONE);
        List<HedgeVenue> venues = List.of(on(a).bids("59990", "1").asks("60010", "1").venue(0.0005),
                on(eth).bids("2999", "1").asks("3001", "1").venue(0.0005));

        assertThatThrownBy(() -> router.update(venues, FAIR))
                .hasMessage("venues must trade one base: sim-b:ETHUSDT trades ETH/USDT, not BTC");
    }
}
