package dev.ballast.connectors.backtest;

import static dev.ballast.connectors.backtest.BacktestFixture.BTC_USDT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.Fill;
import dev.ballast.core.Liquidity;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.Side;
import dev.ballast.core.event.OrderAccepted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The queue-position model: our resting orders fill only from recorded trades at or through their price, behind the
 * recorded size that was there when they arrived. Each test starts on the standard book (best bid 600 000 x 10 lots)
 * and moves time past the order latency before the recording goes on.
 */
class BacktestQueuePositionTest {
    private BacktestFixture f;

    @BeforeEach
    void standardBook() {
        f = new BacktestFixture();
        f.standardBook();
    }

    /** Places a bid and lets it arrive; the recorded queue ahead of it is whatever rests at its price then. */
    private OrderRequest liveBid(long priceTicks, long lots) {
        OrderRequest bid = f.postOnly(Side.BUY, priceTicks, lots);
        f.atMs(BacktestFixture.ORDER_LATENCY_MS);
        assertThat(f.sink.forOrder(bid.clientOrderId())).singleElement().isInstanceOf(OrderAccepted.class);
        return bid;
    }

    @Test
    void shouldNotFillWhenTradesAtOurPriceAreSmallerThanTheQueueAhead() {
        OrderRequest bid = liveBid(600_000, 5);

        f.trade(600_000, 6, Side.SELL);
        f.trade(600_000, 4, Side.SELL);

        assertThat(f.fills(bid)).isEmpty();
    }

    @Test
    void shouldFillByTheExcessWhenATradeAtOurPriceIsLargerThanTheQueueAhead() {
        OrderRequest bid = liveBid(600_000, 5);

        f.trade(600_000, 13, Side.SELL);

        assertThat(f.fills(bid)).singleElement().satisfies(fill -> {
            assertThat(fill.size()).isEqualByComparingTo("0.003");
            assertThat(fill.price()).isEqualByComparingTo("60000.0");
            assertThat(fill.liquidity()).isEqualTo(Liquidity.MAKER);
        });
        assertThat(f.venue.openOrders()).singleElement()
                .satisfies(o -> assertThat(o.filledSize()).isEqualByComparingTo("0.003"));

        f.trade(600_000, 1, Side.SELL);
        f.trade(600_000, 4, Side.SELL);

        assertThat(f.fillLots(bid)).containsExactly(3L, 1L, 1L);
        assertThat(f.venue.openOrders()).isEmpty();
    }

    @Test
    void shouldMoveUpOnlyByItsProRataShareWhenTheLevelIsCancelledWithoutTrades() {
        OrderRequest bid = liveBid(600_000, 5);
        f.level(Side.BUY, 600_000, 40); // 30 lots join behind us: 10 ahead, 30 behind

        f.level(Side.BUY, 600_000, 20); // 20 cancelled: 20 × 10/40 = 5 of them were ahead of us

        f.trade(600_000, 5, Side.SELL);
        assertThat(f.fills(bid)).isEmpty();
        f.trade(600_000, 2, Side.SELL);
        assertThat(f.fillLots(bid)).containsExactly(2L);
    }

    @Test
    void shouldRoundTheProRataShareSoThatWeNeverMoveUpMoreThanOurExactShare() {
        OrderRequest bid = liveBid(600_000, 5);
        f.level(Side.BUY, 600_000, 13); // 10 ahead, 3 behind

        f.level(Side.BUY, 600_000, 12); // 1 cancelled: 1 × 10/13 = 0.77 of it ahead, rounded down to 0

        f.trade(600_000, 10, Side.SELL);
        assertThat(f.fills(bid)).isEmpty();
        f.trade(600_000, 1, Side.SELL);
        assertThat(f.fillLots(bid)).containsExactly(1L);
    }

    @Test
    void shouldNotCountATradedDropAgainWhenTheDepthUpdateShowsIt() {
        OrderRequest bid = liveBid(600_000, 5);
        f.trade(600_000, 4, Side.SELL); // 6 left ahead of us

        f.level(Side.BUY, 600_000, 5); // 10 - 4 traded = 6 expected; 5 shown: 1 cancelled, 6/6 of it ahead

        f.trade(600_000, 5, Side.SELL);
        assertThat(f.fills(bid)).isEmpty();
        f.trade(600_000, 2, Side.SELL);
        assertThat(f.fillLots(bid)).containsExactly(2L);
    }

    @Test
    void shouldQueueLotsThatArriveAfterUsBehindUs() {
        OrderRequest bid = liveBid(600_000, 5);

        f.level(Side.BUY, 600_000, 50);
        f.trade(600_000, 11, Side.SELL);

        assertThat(f.fillLots(bid)).containsExactly(1L);
    }

    @Test
    void shouldJoinAtTheFrontWhenOurPriceImprovesTheBook() {
        f.level(Side.SELL, 600_001, 0); // best ask now 600 002
        OrderRequest bid = liveBid(600_001, 5);
        f.level(Side.BUY, 600_001, 10); // someone joins behind us

        f.trade(600_001, 3, Side.SELL);

        assertThat(f.fillLots(bid)).containsExactly(3L);
    }

    @Test
    void shouldFillUpToTheTradeSizeWhenATradePrintsThroughOurPrice() {
        OrderRequest bid = liveBid(600_000, 5);

        f.trade(599_999, 3, Side.SELL);
        assertThat(f.fillLots(bid)).containsExactly(3L);

        f.trade(599_998, 10, Side.SELL);
        assertThat(f.fillLots(bid)).containsExactly(3L, 2L);
        assertThat(f.fills(bid)).extracting(Fill::price).allSatisfy(p -> assertThat(p).isEqualByComparingTo("60000.0"));
        assertThat(f.venue.openOrders()).isEmpty();
    }

    @Test
    void shouldNotFillOnTradesAtWorsePricesForUs() {
        OrderRequest bid = liveBid(599_999, 5);

        f.trade(600_000, 50, Side.SELL); // sellers hit a better bid than ours
        f.trade(600_001, 50, Side.BUY); // buyers lift the ask

        assertThat(f.fills(bid)).isEmpty();
    }

    @Test
    void shouldGiveTheOlderOfOurOrdersAtOnePriceThePlaceAhead() {
        OrderRequest first = liveBid(600_000, 5); // 10 ahead
        f.level(Side.BUY, 600_000, 14);
        OrderRequest second = f.postOnly(Side.BUY, 600_000, 5);
        f.atMs(2 * BacktestFixture.ORDER_LATENCY_MS); // 14 ahead: 10, our first 5, then 4

        f.trade(600_000, 18, Side.SELL); // 10 ahead, first fills 5, 3 of the 4: second not reached

        assertThat(f.fillLots(first)).containsExactly(5L);
        assertThat(f.fills(second)).isEmpty();

        f.trade(600_000, 3, Side.SELL); // the 18 traded took everything that was ahead of second
        assertThat(f.fillLots(second)).containsExactly(3L);
    }

    @Test
    void shouldNeverFillOurOrdersOnOneSideForMoreThanTheTradeSize() {
        OrderRequest better = f.postOnly(Side.BUY, 600_000, 5);
        OrderRequest worse = f.postOnly(Side.BUY, 599_999, 5);
        f.atMs(BacktestFixture.ORDER_LATENCY_MS);

        f.trade(599_998, 7, Side.SELL);

        assertThat(f.fillLots(better)).containsExactly(5L);
        assertThat(f.fillLots(worse)).containsExactly(2L);
    }

    @Test
    void shouldFillAnOrderTheRecordedOtherSideHasReachedWhenItTradesThere() {
        OrderRequest bid = liveBid(600_000, 5);
        f.level(Side.SELL, 600_000, 4); // the recording's asks come down onto our bid

        f.trade(600_000, 4, Side.BUY);

        assertThat(f.fillLots(bid)).containsExactly(4L);
    }

    @Test
    void shouldFillRestingAsksSymmetrically() {
        OrderRequest ask = f.postOnly(Side.SELL, 600_001, 5);
        f.atMs(BacktestFixture.ORDER_LATENCY_MS);

        f.trade(600_001, 12, Side.BUY); // 10 ahead
        f.trade(600_002, 1, Side.BUY); // through

        assertThat(f.fillLots(ask)).containsExactly(2L, 1L);
        assertThat(f.fills(ask)).extracting(Fill::side).containsOnly(Side.SELL);
        assertThat(f.fills(ask)).extracting(Fill::price)
                .allSatisfy(p -> assertThat(p).isEqualByComparingTo(BTC_USDT.ticksToPrice(600_001)));
    }
}
