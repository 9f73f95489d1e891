package dev.ballast.connectors.backtest;

import static dev.ballast.connectors.backtest.BacktestFixture.BTC;
import static dev.ballast.connectors.backtest.BacktestFixture.ORDER_LATENCY_MS;
import static dev.ballast.connectors.backtest.BacktestFixture.USDT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.Fill;
import dev.ballast.core.Liquidity;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.Side;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.RejectReason;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Our taker orders walk the recorded book of the moment they arrive, with the taker fee (5 bps), and leave it as it
 * was. Standard book: bids 600 000 x 10, 599 999 x 20, 599 998 x 30; asks 600 001 x 10, 600 002 x 20, 600 003 x 30.
 */
class BacktestTakerTest {
    private BacktestFixture f;

    @BeforeEach
    void standardBook() {
        f = new BacktestFixture();
        f.standardBook();
    }

    @Test
    void shouldWalkTheBookUpToTheIocLimitWithTakerFeesThenCancelTheRest() {
        OrderRequest ioc = f.ioc(Side.BUY, 600_002, 40);

        f.atMs(ORDER_LATENCY_MS);

        List<Event> events = f.sink.forOrder(ioc.clientOrderId());
        assertThat(events).hasSize(4);
        assertThat(events.get(0)).isInstanceOf(OrderAccepted.class);
        assertThat(events.get(1)).isInstanceOf(OrderFilled.class);
        assertThat(events.get(2)).isInstanceOf(OrderFilled.class);
        assertThat(events.get(3)).isInstanceOfSatisfying(OrderCancelled.class,
                c -> assertThat(c.reason()).isEqualTo("ioc expired"));
        List<Fill> fills = f.fills(ioc);
        assertThat(fills).extracting(Fill::price).map(p -> p.toPlainString()).containsExactly("60000.1", "60000.2");
        assertThat(fills).extracting(Fill::size).map(s -> s.toPlainString()).containsExactly("0.01", "0.02");
        assertThat(fills).extracting(Fill::fee).map(x -> x.toPlainString()).containsExactly("0.3000005", "0.600002");
        assertThat(fills).extracting(Fill::liquidity).containsOnly(Liquidity.TAKER);
        assertThat(fills).extracting(Fill::feeAsset).containsOnly(USDT);
        // 1 000 000 − (600.001 + 1 200.004) − (0.3000005 + 0.600002)
        assertThat(f.venue.balances().get(USDT).total()).isEqualByComparingTo("998199.0949975");
        assertThat(f.venue.balances().get(BTC).total()).isEqualByComparingTo("10.03");
        assertThat(f.venue.openOrders()).isEmpty();
    }

    @Test
    void shouldWalkTheBookAsItStandsWhenTheOrderArrives() {
        OrderRequest ioc = f.ioc(Side.BUY, 600_002, 5);
        f.atMs(5);
        f.level(Side.SELL, 600_001, 0); // the best ask goes while our order is on its way

        f.atMs(ORDER_LATENCY_MS);

        assertThat(f.fills(ioc)).singleElement()
                .satisfies(fill -> assertThat(fill.price()).isEqualByComparingTo("60000.2"));
    }

    @Test
    void shouldFillAMarketSellAcrossTheBidsWithoutARemainder() {
        OrderRequest sell = f.market(Side.SELL, 45);

        f.atMs(ORDER_LATENCY_MS);

        assertThat(f.fillLots(sell)).containsExactly(10L, 20L, 15L);
        assertThat(f.fills(sell)).extracting(Fill::price).map(p -> p.toPlainString())
                .containsExactly("60000", "59999.9", "59999.8");
        assertThat(f.sink.forOrder(sell.clientOrderId())).last().isInstanceOf(OrderFilled.class);
        assertThat(f.venue.balances().get(BTC).total()).isEqualByComparingTo("9.955");
    }

    @Test
    void shouldCancelWhatAMarketOrderCannotFindInTheBook() {
        OrderRequest buy = f.market(Side.BUY, 70);

        f.atMs(ORDER_LATENCY_MS);

        assertThat(f.fillLots(buy)).containsExactly(10L, 20L, 30L);
        assertThat(f.sink.forOrder(buy.clientOrderId())).last().isInstanceOfSatisfying(OrderCancelled.class,
                c -> assertThat(c.reason()).isEqualTo("market order: book exhausted"));
    }

    @Test
    void shouldAcceptThenExpireAnIocThatFindsNothingWithinItsLimit() {
        OrderRequest ioc = f.ioc(Side.BUY, 600_000, 5);

        f.atMs(ORDER_LATENCY_MS);

        assertThat(f.sink.forOrder(ioc.clientOrderId())).hasSize(2).last().isInstanceOf(OrderCancelled.class);
        assertThat(f.fills(ioc)).isEmpty();
    }

    @Test
    void shouldNotRemoveRecordedLiquidityWithOurTakerOrders() {
        OrderRequest first = f.ioc(Side.BUY, 600_001, 10);
        OrderRequest second = f.ioc(Side.BUY, 600_001, 10);

        f.atMs(ORDER_LATENCY_MS);

        assertThat(f.fillLots(first)).containsExactly(10L);
        assertThat(f.fillLots(second)).containsExactly(10L);
    }

    @Test
    void shouldRejectAMarketOrderWhenTheOtherSideIsEmpty() {
        f.level(Side.SELL, 600_001, 0);
        f.level(Side.SELL, 600_002, 0);
        f.level(Side.SELL, 600_003, 0);
        OrderRequest buy = f.market(Side.BUY, 1);

        f.atMs(ORDER_LATENCY_MS);

        assertThat(f.sink.forOrder(buy.clientOrderId())).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.OTHER));
    }

    @Test
    void shouldRejectAPostOnlyOrderThatWouldCrossTheRecordedBookWhenItArrives() {
        OrderRequest bid = f.postOnly(Side.BUY, 600_002, 5);
        f.atMs(5);
        f.level(Side.SELL, 600_001, 0); // best ask now 600 002: the bid would take it

        f.atMs(ORDER_LATENCY_MS);

        assertThat(f.sink.forOrder(bid.clientOrderId())).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.POST_ONLY_WOULD_CROSS));
        assertThat(f.venue.openOrders()).isEmpty();
        assertThat(f.venue.balances().get(USDT).locked()).isZero();
    }

    @Test
    void shouldRejectAPostOnlyOrderThatWouldCrossOurOwnOrder() {
        f.level(Side.SELL, 600_001, 0);
        f.postOnly(Side.SELL, 600_001, 5);
        f.atMs(ORDER_LATENCY_MS);

        OrderRequest bid = f.postOnly(Side.BUY, 600_001, 5);
        f.atMs(2 * ORDER_LATENCY_MS);

        assertThat(f.sink.forOrder(bid.clientOrderId())).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.POST_ONLY_WOULD_CROSS));
    }

    @Test
    void shouldRejectOrdersUntilTheRecordingHasABook() {
        BacktestFixture empty = new BacktestFixture();
        OrderRequest ioc = empty.ioc(Side.BUY, 600_001, 1);

        empty.atMs(ORDER_LATENCY_MS);

        assertThat(empty.sink.forOrder(ioc.clientOrderId())).singleElement()
                .isInstanceOfSatisfying(OrderRejected.class,
                        r -> assertThat(r.reason()).isEqualTo(RejectReason.VENUE_UNAVAILABLE));
    }
}
