package dev.ballast.connectors.sim;

import static dev.ballast.connectors.sim.SimFixture.BTC;
import static dev.ballast.connectors.sim.SimFixture.SIM_A;
import static dev.ballast.connectors.sim.SimFixture.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.connectors.testing.RecordingSink;
import dev.ballast.connectors.testing.SequencedTestBook;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.Liquidity;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.PublicTrade;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Behaviour particular to the simulated venue: latency, the taker flow, queue priority, adverse fills, accounting. */
class SimulatedVenueTest {
    private static final Instrument BTCUSDT = SimFixture.btcUsdt(SIM_A);
    private static final BigDecimal MAKER_RATE = new BigDecimal("0.0001");
    private static final BigDecimal TAKER_RATE = new BigDecimal("0.0005");

    private final RecordingSink sink = new RecordingSink();
    private final SequencedTestBook book = new SequencedTestBook(BTCUSDT.id());
    private SimFixture sim;
    private SimulatedVenue venue;
    private int applied;
    private int ids;

    private void startOn(SimulatedMarketConfig market, SimFixture.VenueBuilder builder) {
        sim = new SimFixture(market);
        venue = sim.add(builder);
        venue.start(sink);
        advance(100);
    }

    private void advance(long ms) {
        sim.advanceMs(ms);
        applied = SimFixture.applyFrom(sink, applied, book);
    }

    private OrderRequest order(Side side, OrderType type, long priceTicks, String size) {
        return new OrderRequest(new ClientOrderId("t-" + ids++), BTCUSDT.id(), side, type,
                type == OrderType.MARKET ? null : BTCUSDT.ticksToPrice(priceTicks), new BigDecimal(size));
    }

    private List<Fill> fillsOf(ClientOrderId id) {
        return sink.forOrder(id).stream().filter(OrderFilled.class::isInstance)
                .map(e -> ((OrderFilled) e).fill()).collect(Collectors.toList());
    }

    @Test
    void shouldMakeAnOrderLiveOnlyOnceItsLatencyHasPassed() {
        startOn(SimFixture.stillMarket(1), SimFixture.venue().latencyMs(15));
        long sentNs = sim.clock.nowNs();
        OrderRequest bid = order(Side.BUY, OrderType.LIMIT_POST_ONLY, book.bestBidTicks() - 10, "0.01");

        venue.place(bid);
        advance(14);

        assertThat(sink.forOrder(bid.clientOrderId())).isEmpty();
        assertThat(venue.openOrders()).isEmpty();

        advance(1);

        assertThat(sink.forOrder(bid.clientOrderId())).singleElement().isInstanceOfSatisfying(OrderAccepted.class,
                a -> assertThat(a.timestampNs()).isEqualTo(sentNs + 15_000_000L));
        assertThat(venue.openOrders()).hasSize(1);
    }

    @Test
    void shouldDeliverNothingBeforeStartAndRefuseOrdersBeforeIt() {
        sim = new SimFixture(SimFixture.stillMarket(1));
        venue = sim.add(SimFixture.venue());

        assertThatThrownBy(() -> venue.place(order(Side.BUY, OrderType.LIMIT_POST_ONLY, 100, "0.01")))
                .isInstanceOf(IllegalStateException.class);
        sim.advanceMs(1_000);
        venue.start(sink);
        assertThat(sink.events()).isEmpty();

        sim.advanceMs(15);

        assertThat(sink.events()).first().isInstanceOf(dev.ballast.core.event.BookSnapshot.class);
    }

    @Test
    void shouldFillARestingBidFromTakerFlowPartiallyThenFullyAsMaker() {
        startOn(SimFixture.stillMarket(3), SimFixture.venue().takers(20, "0.02"));
        long priceTicks = book.bestBidTicks() + 1; // improves the bid: nobody is ahead of it
        OrderRequest bid = order(Side.BUY, OrderType.LIMIT_POST_ONLY, priceTicks, "0.2");
        venue.place(bid);
        advance(15);
        assertThat(venue.openOrders()).hasSize(1);

        for (int i = 0; i < 600 && !venue.openOrders().isEmpty(); i++) {
            advance(100);
        }

        List<Fill> fills = fillsOf(bid.clientOrderId());
        assertThat(fills).hasSizeGreaterThan(1);
        assertThat(fills.get(0).size()).isLessThan(bid.size());
        assertThat(fills.stream().map(Fill::size).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(bid.size());
        assertThat(fills).allSatisfy(f -> {
            assertThat(f.liquidity()).isEqualTo(Liquidity.MAKER);
            assertThat(f.price()).isEqualByComparingTo(bid.price());
            assertThat(f.fee()).isEqualByComparingTo(f.notional().multiply(MAKER_RATE));
            assertThat(f.feeAsset()).isEqualTo(USDT);
        });
        assertThat(venue.openOrders()).isEmpty();
        assertThat(venue.balances().get(USDT).locked()).isZero();
    }

    @Test
    void shouldFillAnOrderJoiningALevelOnlyOnceTheSizeAheadOfItHasTraded() {
        startOn(SimFixture.stillMarket(4), SimFixture.venue().takers(20, "0.05"));
        long priceTicks = book.bestBidTicks();
        long aheadLots = book.bidLotsAt(priceTicks);
        OrderRequest bid = order(Side.BUY, OrderType.LIMIT_POST_ONLY, priceTicks, "0.1");
        venue.place(bid);
        advance(15);
        int joinedAt = sink.events().size();

        for (int i = 0; i < 600 && fillsOf(bid.clientOrderId()).isEmpty(); i++) {
            advance(100);
        }

        List<Event> after = sink.events().subList(joinedAt, sink.events().size());
        long tradedBefore = 0;
        int firstFill = -1;
        for (int i = 0; i < after.size() && firstFill < 0; i++) {
            Event e = after.get(i);
            if (e instanceof OrderFilled f && f.fill().clientOrderId().equals(bid.clientOrderId())) {
                firstFill = i;
            } else if (e instanceof PublicTrade t && t.priceTicks() == priceTicks) {
                tradedBefore += t.sizeLots();
            }
        }
        assertThat(firstFill).as("our order filled").isNotNegative();
        long ourLots = BTCUSDT.sizeToLots(((OrderFilled) after.get(firstFill)).fill().size());
        PublicTrade print = (PublicTrade) after.subList(firstFill, after.size()).stream()
                .filter(PublicTrade.class::isInstance).findFirst().orElseThrow();
        assertThat(tradedBefore).as("lots traded at our price before we filled").isLessThan(aheadLots);
        assertThat(tradedBefore + print.sizeLots()).isGreaterThanOrEqualTo(aheadLots + ourLots);
    }

    @Test
    void shouldFillARestingBidAsMakerWhenTheMidMovesThroughIt() {
        startOn(SimFixture.marketConfig(5, 20, 20), SimFixture.venue()); // no takers: only the mid moves
        long priceTicks = book.bestBidTicks() - BTCUSDT.roundToTicks(60_000 * 5e-4, Side.BUY); // ~5 bps below
        OrderRequest bid = order(Side.BUY, OrderType.LIMIT_POST_ONLY, priceTicks, "0.01");
        venue.place(bid);
        advance(15);
        assertThat(venue.openOrders()).hasSize(1);

        double midAtFill = Double.NaN;
        for (int i = 0; i < 6_000 && !venue.openOrders().isEmpty(); i++) {
            advance(100);
            midAtFill = venue.midPrice(BTCUSDT.id());
        }

        List<Event> events = sink.forOrder(bid.clientOrderId());
        assertThat(events).hasSize(2).last().isInstanceOfSatisfying(OrderFilled.class, f -> {
            assertThat(f.fill().liquidity()).isEqualTo(Liquidity.MAKER);
            assertThat(f.fill().price()).isEqualByComparingTo(bid.price());
            assertThat(f.fill().size()).isEqualByComparingTo(bid.size());
        });
        double ourPrice = bid.price().doubleValue();
        assertThat(midAtFill * (1 + 1e-4)).as("synthetic ask at the fill").isLessThanOrEqualTo(ourPrice + 0.01);
        assertThat(sink.ofType(PublicTrade.class)).anySatisfy(t -> {
            assertThat(t.priceTicks()).isEqualTo(priceTicks);
            assertThat(t.aggressor()).isEqualTo(Side.SELL);
        });
    }

    @Test
    void shouldReportAnIocAsAcceptedThenFillsThenCancelledAcrossLevels() {
        startOn(SimFixture.stillMarket(6), SimFixture.venue());
        long best = book.bestAskTicks();
        long second = book.asks().higherKey(best);
        long lots = book.askLotsAt(best) + book.askLotsAt(second) + 7;
        OrderRequest ioc = order(Side.BUY, OrderType.LIMIT_IOC, second, BTCUSDT.lotsToSize(lots).toPlainString());

        venue.place(ioc);
        advance(15);

        List<Event> events = sink.forOrder(ioc.clientOrderId());
        assertThat(events).hasSize(4);
        assertThat(events.get(0)).isInstanceOf(OrderAccepted.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(OrderFilled.class,
                f -> assertThat(f.fill().price()).isEqualByComparingTo(BTCUSDT.ticksToPrice(best)));
        assertThat(events.get(2)).isInstanceOfSatisfying(OrderFilled.class,
                f -> assertThat(f.fill().price()).isEqualByComparingTo(BTCUSDT.ticksToPrice(second)));
        assertThat(events.get(3)).isInstanceOfSatisfying(OrderCancelled.class,
                c -> assertThat(c.reason()).isEqualTo("ioc expired"));
        assertThat(fillsOf(ioc.clientOrderId())).extracting(Fill::tradeId).doesNotHaveDuplicates();
        assertThat(book.asks().firstKey()).isGreaterThan(second);
    }

    @Test
    void shouldTakeAMarketSellFromTheBidsWithTheTakerFee() {
        startOn(SimFixture.stillMarket(7), SimFixture.venue());
        long bestBid = book.bestBidTicks();
        OrderRequest sell = order(Side.SELL, OrderType.MARKET, 0, "0.05");
        assertThat(book.bidLotsAt(bestBid)).isGreaterThan(500);

        venue.place(sell);
        advance(15);

        assertThat(fillsOf(sell.clientOrderId())).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualByComparingTo(BTCUSDT.ticksToPrice(bestBid));
            assertThat(f.liquidity()).isEqualTo(Liquidity.TAKER);
            assertThat(f.fee()).isEqualByComparingTo(f.notional().multiply(TAKER_RATE));
        });
        assertThat(venue.balances().get(BTC).total()).isEqualByComparingTo("9.95");
    }

    @Test
    void shouldCancelOurRestingAskWhenOurOwnBuyReachesIt() {
        startOn(SimFixture.stillMarket(8), SimFixture.venue());
        long askTicks = book.bestAskTicks() - 1; // improves the ask: ours is the touch
        OrderRequest ask = order(Side.SELL, OrderType.LIMIT_POST_ONLY, askTicks, "0.01");
        venue.place(ask);
        advance(15);
        OrderRequest buy = order(Side.BUY, OrderType.LIMIT_IOC, askTicks + 1, "0.02");

        venue.place(buy);
        advance(15);

        assertThat(sink.forOrder(ask.clientOrderId())).last().isInstanceOfSatisfying(OrderCancelled.class,
                c -> assertThat(c.reason()).isEqualTo("self-trade prevention"));
        assertThat(fillsOf(ask.clientOrderId())).isEmpty();
        assertThat(fillsOf(buy.clientOrderId())).singleElement()
                .satisfies(f -> assertThat(f.price()).isEqualByComparingTo(BTCUSDT.ticksToPrice(askTicks + 1)));
        assertThat(venue.balances().get(BTC).locked()).isZero();
    }

    @Test
    void shouldAccountForEveryUnitSpentAndReceivedExactly() {
        startOn(SimFixture.marketConfig(9, 3, 4), SimFixture.venue().fees("-0.5", "4").takers(10, "0.05"));
        BigDecimal btcStart = venue.balances().get(BTC).total();
        BigDecimal usdtStart = venue.balances().get(USDT).total();
        List<OrderRequest> orders = new java.util.ArrayList<>();
        for (int round = 0; round < 30; round++) {
            long bid = book.bestBidTicks();
            long ask = book.bestAskTicks();
            orders.add(order(Side.BUY, OrderType.LIMIT_POST_ONLY, bid + 1, "0.03"));
            orders.add(order(Side.SELL, OrderType.LIMIT_POST_ONLY, ask - 1, "0.03"));
            if (round % 5 == 0) {
                orders.add(order(Side.BUY, OrderType.LIMIT_IOC, ask + 2, "0.011"));
                orders.add(order(Side.SELL, OrderType.MARKET, 0, "0.007"));
            }
            orders.subList(orders.size() - (round % 5 == 0 ? 4 : 2), orders.size()).forEach(venue::place);
            advance(1_000);
        }
        venue.cancelAll();
        advance(100);

        BigDecimal btcExpected = btcStart;
        BigDecimal usdtExpected = usdtStart;
        int fills = 0;
        for (OrderFilled f : sink.ofType(OrderFilled.class)) {
            Fill fill = f.fill();
            fills++;
            if (fill.side() == Side.BUY) {
                btcExpected = btcExpected.add(fill.size());
                usdtExpected = usdtExpected.subtract(fill.notional()).subtract(fill.fee());
            } else {
                btcExpected = btcExpected.subtract(fill.size());
                usdtExpected = usdtExpected.add(fill.notional()).subtract(fill.fee());
            }
            BigDecimal rate = fill.liquidity() == Liquidity.MAKER ? new BigDecimal("-0.00005") : new BigDecimal("0.0004");
            assertThat(fill.fee()).isEqualByComparingTo(fill.notional().multiply(rate));
        }
        assertThat(fills).isGreaterThan(20);
        assertThat(sink.ofType(OrderFilled.class)).extracting(f -> f.fill().liquidity())
                .contains(Liquidity.MAKER, Liquidity.TAKER);
        assertThat(venue.openOrders()).isEmpty();
        assertThat(venue.balances().get(BTC).total()).isEqualByComparingTo(btcExpected);
        assertThat(venue.balances().get(USDT).total()).isEqualByComparingTo(usdtExpected);
        assertThat(venue.balances().get(BTC).locked()).isZero();
        assertThat(venue.balances().get(USDT).locked()).isZero();
    }

    @Test
    void shouldLockABuysNotionalPlusMakerFeeAndReleaseItExactlyAcrossPartialFills() {
        startOn(SimFixture.stillMarket(10), SimFixture.venue().takers(20, "0.02"));
        OrderRequest bid = order(Side.BUY, OrderType.LIMIT_POST_ONLY, book.bestBidTicks() + 1, "0.2");
        venue.place(bid);
        advance(15);
        BigDecimal lockedAtStart = bid.price().multiply(bid.size()).multiply(BigDecimal.ONE.add(MAKER_RATE));
        assertThat(venue.balances().get(USDT).locked()).isEqualByComparingTo(lockedAtStart);

        while (fillsOf(bid.clientOrderId()).isEmpty()) {
            advance(100);
        }

        BigDecimal filled = fillsOf(bid.clientOrderId()).stream().map(Fill::size)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(filled).isLessThan(bid.size());
        assertThat(venue.balances().get(USDT).locked()).isEqualByComparingTo(
                bid.price().multiply(bid.size().subtract(filled)).multiply(BigDecimal.ONE.add(MAKER_RATE)));
    }
}
