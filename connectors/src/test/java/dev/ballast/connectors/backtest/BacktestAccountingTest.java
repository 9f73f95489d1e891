package dev.ballast.connectors.backtest;

import static dev.ballast.connectors.backtest.BacktestFixture.BALANCES;
import static dev.ballast.connectors.backtest.BacktestFixture.BTC;
import static dev.ballast.connectors.backtest.BacktestFixture.BTC_USDT;
import static dev.ballast.connectors.backtest.BacktestFixture.ORDER_LATENCY_MS;
import static dev.ballast.connectors.backtest.BacktestFixture.TAKER_BPS;
import static dev.ballast.connectors.backtest.BacktestFixture.USDT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.Asset;
import dev.ballast.core.Balance;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import dev.ballast.core.book.SequenceRule;
import dev.ballast.core.event.CancelRejected;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.RejectReason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Balances, locks and fees, exact: spot, a linear perpetual, and an inverse (COIN-M style) perpetual. */
class BacktestAccountingTest {

    @Test
    void shouldLockARestingBuyAndSettleItsMakerFillsExactly() {
        BacktestFixture f = new BacktestFixture();
        f.standardBook();
        OrderRequest bid = f.postOnly(Side.BUY, 600_000, 5);
        f.atMs(ORDER_LATENCY_MS);
        // 60 000 × 0.005 × (1 + 1 bp)
        assertThat(f.venue.balances().get(USDT).locked()).isEqualByComparingTo("300.03");

        f.trade(599_999, 3, Side.SELL);

        assertThat(f.fills(bid)).singleElement().satisfies(fill -> {
            assertThat(fill.fee()).isEqualByComparingTo("0.018"); // 180 × 1 bp
            assertThat(fill.feeAsset()).isEqualTo(USDT);
        });
        Balance usdt = f.venue.balances().get(USDT);
        assertThat(usdt.total()).isEqualByComparingTo("999819.982");
        assertThat(usdt.locked()).isEqualByComparingTo("120.012");
        assertThat(f.venue.balances().get(BTC).total()).isEqualByComparingTo("10.003");
    }

    @Test
    void shouldLockARestingSellsBaseAndCreditTheQuoteLessTheFee() {
        BacktestFixture f = new BacktestFixture();
        f.standardBook();
        OrderRequest ask = f.postOnly(Side.SELL, 600_001, 5);
        f.atMs(ORDER_LATENCY_MS);
        assertThat(f.venue.balances().get(BTC).locked()).isEqualByComparingTo("0.005");

        f.trade(600_002, 5, Side.BUY);

        assertThat(f.fills(ask)).singleElement() // 300.0005 × 1 bp
                .satisfies(fill -> assertThat(fill.fee()).isEqualByComparingTo("0.03000005"));
        assertThat(f.venue.balances().get(BTC)).satisfies(b -> {
            assertThat(b.total()).isEqualByComparingTo("9.995");
            assertThat(b.locked()).isZero();
        });
        assertThat(f.venue.balances().get(USDT).total()).isEqualByComparingTo("1000299.97049995");
    }

    @Test
    void shouldPayAMakerRebateWhenTheMakerFeeIsNegative() {
        BacktestFixture f = new BacktestFixture(BacktestVenueConfig.spot(BTC_USDT, SequenceRule.SEQUENTIAL,
                new BigDecimal("-0.5"), TAKER_BPS, ORDER_LATENCY_MS, 5, BALANCES));
        f.standardBook();
        OrderRequest bid = f.postOnly(Side.BUY, 600_000, 5);
        f.atMs(ORDER_LATENCY_MS);
        assertThat(f.venue.balances().get(USDT).locked()).isEqualByComparingTo("300");

        f.trade(599_999, 3, Side.SELL);

        assertThat(f.fills(bid)).singleElement()
                .satisfies(fill -> assertThat(fill.fee()).isEqualByComparingTo("-0.009"));
        assertThat(f.venue.balances().get(USDT).total()).isEqualByComparingTo("999820.009");
    }

    @Test
    void shouldRejectOrdersTheFreeBalanceCannotPayFor() {
        BacktestFixture f = new BacktestFixture(BacktestVenueConfig.spot(BTC_USDT, SequenceRule.SEQUENTIAL,
                BacktestFixture.MAKER_BPS, TAKER_BPS, ORDER_LATENCY_MS, 5,
                Map.of(USDT, new BigDecimal("300.02"), BTC, new BigDecimal("0.004"))));
        f.standardBook();

        OrderRequest bid = f.postOnly(Side.BUY, 600_000, 5); // needs 300.03
        OrderRequest ask = f.postOnly(Side.SELL, 600_002, 5); // needs 0.005 BTC
        OrderRequest ioc = f.ioc(Side.BUY, 600_001, 5); // needs 300.0005 × (1 + 5 bp)
        f.atMs(ORDER_LATENCY_MS);

        for (OrderRequest r : new OrderRequest[] {bid, ask, ioc}) {
            assertThat(f.sink.forOrder(r.clientOrderId())).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                    x -> assertThat(x.reason()).isEqualTo(RejectReason.INSUFFICIENT_BALANCE));
        }
        assertThat(f.venue.balances().values()).allSatisfy(b -> assertThat(b.locked()).isZero());
    }

    @Test
    void shouldRejectOrdersOffTheGridBelowTheMinimumNotionalOrReusingAClientOrderId() {
        BacktestFixture f = new BacktestFixture();
        f.standardBook();
        OrderRequest small = f.postOnly(Side.BUY, 50_000, 1); // 5 000.0 × 0.001 = 5 < 10
        OrderRequest offTick = send(f, new OrderRequest(f.nextId(), BTC_USDT.id(), Side.BUY, OrderType.LIMIT_POST_ONLY,
                new BigDecimal("59999.95"), new BigDecimal("0.005")));
        OrderRequest offLot = send(f, new OrderRequest(f.nextId(), BTC_USDT.id(), Side.BUY, OrderType.LIMIT_POST_ONLY,
                new BigDecimal("59999.9"), new BigDecimal("0.0055")));
        OrderRequest first = f.postOnly(Side.BUY, 599_990, 5);
        OrderRequest again = send(f, new OrderRequest(first.clientOrderId(), BTC_USDT.id(), Side.BUY,
                OrderType.LIMIT_POST_ONLY, new BigDecimal("59998"), new BigDecimal("0.005")));
        f.atMs(ORDER_LATENCY_MS);

        assertRejected(f, small, RejectReason.MIN_NOTIONAL);
        assertRejected(f, offTick, RejectReason.INVALID_ORDER);
        assertRejected(f, offLot, RejectReason.INVALID_ORDER);
        assertThat(f.sink.forOrder(again.clientOrderId())).last().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.message()).contains("duplicate client order id"));
        assertThat(f.venue.openOrders()).singleElement()
                .satisfies(o -> assertThat(o.price()).isEqualByComparingTo("59999"));
    }

    @Test
    void shouldRejectTheCancelOfAnOrderItDoesNotKnow() {
        BacktestFixture f = new BacktestFixture();
        f.standardBook();
        ClientOrderId unknown = f.nextId();

        f.venue.cancel(BTC_USDT.id(), unknown);
        f.atMs(BacktestFixture.CANCEL_LATENCY_MS);

        assertThat(f.sink.forOrder(unknown)).singleElement().isInstanceOfSatisfying(CancelRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_ORDER));
    }

    @Test
    void shouldLetALinearPerpetualPositionGoShortWithoutLockingAnything() {
        Instrument perp = new Instrument(new InstrumentId(VenueId.of("bt-usdm"), "BTCUSDT"), BTC, USDT,
                new BigDecimal("0.1"), new BigDecimal("0.001"), new BigDecimal("100"));
        BacktestFixture f = new BacktestFixture(new BacktestVenueConfig(perp.id().venue(), perp,
                ContractType.LINEAR_PERPETUAL, BigDecimal.ONE, SequenceRule.SEQUENTIAL, new BigDecimal("2"), TAKER_BPS,
                ORDER_LATENCY_MS, 5, Map.of(USDT, new BigDecimal("1000"))));
        f.standardBook();

        OrderRequest sell = f.market(Side.SELL, 5);
        OrderRequest ask = f.postOnly(Side.SELL, 600_002, 50);
        f.atMs(ORDER_LATENCY_MS);

        assertThat(f.fills(sell)).singleElement()
                .satisfies(fill -> assertThat(fill.fee()).isEqualByComparingTo("0.15"));
        Map<Asset, Balance> balances = f.venue.balances();
        assertThat(balances.get(BTC).total()).isEqualByComparingTo("-0.005");
        assertThat(balances.get(USDT).total()).isEqualByComparingTo("1299.85"); // 1 000 + 300 − 0.15
        assertThat(balances.values()).allSatisfy(b -> assertThat(b.locked()).isZero());
        assertThat(f.venue.openOrders()).extracting(o -> o.clientOrderId()).containsExactly(ask.clientOrderId());
    }

    @Test
    void shouldSettleAnInverseContractInBaseWithTheQuoteBalanceHoldingTheFaceValue() {
        Asset usd = Asset.of("USD");
        Instrument coinm = Instrument.inverse(new InstrumentId(VenueId.of("bt-coinm"), "BTCUSD_PERP"), BTC, usd,
                new BigDecimal("0.1"), BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("100"));
        BacktestFixture f = new BacktestFixture(new BacktestVenueConfig(coinm.id().venue(), coinm,
                ContractType.INVERSE_PERPETUAL, new BigDecimal("100"), SequenceRule.SEQUENTIAL, new BigDecimal("1"),
                TAKER_BPS, ORDER_LATENCY_MS, 5, Map.of(BTC, BigDecimal.ONE)));
        f.snapshot(new long[][] {{600_000, 50}}, new long[][] {{610_000, 50}});
        OrderRequest bid = f.postOnly(Side.BUY, 600_000, 3); // 3 contracts of 100 USD at 60 000.0
        OrderRequest ask = f.postOnly(Side.SELL, 610_000, 3); // closed at 61 000.0
        f.atMs(ORDER_LATENCY_MS);

        f.trade(599_999, 3, Side.SELL);
        f.trade(610_001, 3, Side.BUY);

        Fill buy = f.fills(bid).get(0);
        Fill sell = f.fills(ask).get(0);
        assertThat(buy.size()).isEqualByComparingTo("3");
        assertThat(buy.feeAsset()).isEqualTo(BTC);
        assertThat(buy.fee()).isEqualByComparingTo("0.0000005"); // 300 / 60 000 × 1 bp
        BigDecimal soldBase = new BigDecimal("300").divide(new BigDecimal("61000"), 16, RoundingMode.HALF_EVEN);
        assertThat(soldBase).isEqualByComparingTo("0.0049180327868852");
        assertThat(sell.fee()).isEqualByComparingTo(soldBase.multiply(new BigDecimal("0.0001")));
        // long 300 USD from 60 000 to 61 000: 300 × (1/60 000 − 1/61 000) BTC, less both fees
        BigDecimal expected = BigDecimal.ONE.add(new BigDecimal("0.005")).subtract(soldBase)
                .subtract(buy.fee()).subtract(sell.fee());
        assertThat(f.venue.balances().get(BTC).total()).isEqualByComparingTo(expected);
        assertThat(f.venue.balances().get(usd).total()).isZero();
    }

    private static OrderRequest send(BacktestFixture f, OrderRequest r) {
        f.venue.place(r);
        return r;
    }

    private static void assertRejected(BacktestFixture f, OrderRequest r, RejectReason reason) {
        assertThat(f.sink.forOrder(r.clientOrderId())).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                x -> assertThat(x.reason()).isEqualTo(reason));
    }
}
