package dev.ballast.connectors.kraken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.Asset;
import dev.ballast.core.Balance;
import dev.ballast.core.FeeSchedule;
import dev.ballast.core.Instrument;
import dev.ballast.core.OrderStatus;
import dev.ballast.core.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Kraken's REST replies (the real AssetPairs capture, XChange's samples) read into our types. */
class KrakenMapperTest {
    private final KrakenPairs pairs = KrakenCaptures.pairs();

    @Test
    void shouldMapKrakensLegacyAssetNamesToOursByTheTable() {
        assertThat(KrakenAssets.toAsset("XXBT")).contains(Asset.of("BTC"));
        assertThat(KrakenAssets.toAsset("XBT")).contains(Asset.of("BTC"));
        assertThat(KrakenAssets.toAsset("XXDG")).contains(Asset.of("DOGE"));
        assertThat(KrakenAssets.toAsset("ZUSD")).contains(Asset.of("USD"));
        assertThat(KrakenAssets.toAsset("XETH")).contains(Asset.of("ETH"));
        assertThat(KrakenAssets.toAsset("USDT")).contains(Asset.of("USDT"));
        assertThat(KrakenAssets.toAsset("ZEUS")).contains(Asset.of("ZEUS"));
        assertThat(KrakenAssets.toAsset("XTZ")).contains(Asset.of("XTZ"));
        assertThat(KrakenAssets.toAsset("ETH2.S")).isEmpty();
        assertThat(KrakenAssets.toAsset("USD.HOLD")).isEmpty();
    }

    @Test
    void shouldReadEveryNamedSpotPairOfTheRealAssetPairsReply() {
        // 304 pairs, 293 with a WebSocket name; ETH2.S/ETH trades a staking asset we do not map.
        assertThat(pairs.size()).isEqualTo(292);
        KrakenPair xbtUsd = pairs.byWsName("XBT/USD").orElseThrow();
        assertThat(xbtUsd.restKey()).isEqualTo("XXBTZUSD");
        assertThat(xbtUsd.altName()).isEqualTo("XBTUSD");
        assertThat(pairs.byRestName("XXBTZUSD")).contains(xbtUsd);
        assertThat(pairs.byRestName("XBTUSD")).contains(xbtUsd);
        Instrument i = xbtUsd.instrument();
        assertThat(i.base()).isEqualTo(Asset.of("BTC"));
        assertThat(i.quote()).isEqualTo(Asset.of("USD"));
        assertThat(i.tickSize()).isEqualByComparingTo("0.1");
        assertThat(i.lotSize()).isEqualByComparingTo("0.00000001");
        assertThat(i.minNotional()).isZero();
        assertThat(xbtUsd.orderMin()).isEqualByComparingTo("0.0002");
        assertThat(xbtUsd.listedFees()).isEqualTo(new FeeSchedule(new BigDecimal("0.0016"), new BigDecimal("0.0026")));
        assertThat(pairs.byWsName("ADA/XBT").orElseThrow().instrument().tickSize()).isEqualByComparingTo("1E-8");
    }

    @Test
    void shouldLeaveOutDarkPoolPairsOfTheDocumentedSample() {
        KrakenPairs sample = KrakenMapper.assetPairs(KrakenMapper.result(
                KrakenLoopback.fixture("marketdata/example-assetpairs-data.json")), KrakenCaptures.VENUE);

        assertThat(sample.size()).isEqualTo(75);
        assertThat(sample.byRestName("XETHXXBT.d")).isEmpty();
    }

    @Test
    void shouldPreferTickSizeAndCostMinimumWhereKrakenPublishesThem() {
        String reply = "{\"error\":[],\"result\":{\"XXBTZUSD\":{\"altname\":\"XBTUSD\",\"wsname\":\"XBT/USD\","
                + "\"base\":\"XXBT\",\"quote\":\"ZUSD\",\"pair_decimals\":1,\"cost_decimals\":5,\"lot_decimals\":8,"
                + "\"fees\":[[0,0.4]],\"fees_maker\":[[0,0.25]],\"ordermin\":\"0.00005\",\"costmin\":\"0.5\","
                + "\"tick_size\":\"0.5\",\"status\":\"post_only\"},\"XETHZUSD\":{\"altname\":\"ETHUSD\","
                + "\"wsname\":\"ETH/USD\",\"base\":\"XETH\",\"quote\":\"ZUSD\",\"pair_decimals\":2,\"lot_decimals\":8,"
                + "\"fees\":[[0,0.4]],\"status\":\"cancel_only\"}}}";

        KrakenPairs parsed = KrakenMapper.assetPairs(KrakenMapper.result(reply), KrakenCaptures.VENUE);

        KrakenPair xbt = parsed.byWsName("XBT/USD").orElseThrow();
        assertThat(xbt.instrument().tickSize()).isEqualByComparingTo("0.5");
        assertThat(xbt.instrument().minNotional()).isEqualByComparingTo("0.5");
        assertThat(xbt.orderMin()).isEqualByComparingTo("0.00005");
        assertThat(xbt.listedFees()).isEqualTo(new FeeSchedule(new BigDecimal("0.0025"), new BigDecimal("0.004")));
        assertThat(xbt.acceptsNewOrders()).isTrue();
        KrakenPair eth = parsed.byWsName("ETH/USD").orElseThrow();
        assertThat(eth.acceptsNewOrders()).isFalse();
        assertThat(eth.listedFees().makerRate()).isEqualByComparingTo("0.004");
    }

    @Test
    void shouldReadTheOlderBalanceReplyWithNothingLocked() {
        Map<Asset, Balance> balances = KrakenMapper.balances(KrakenMapper.result(
                KrakenLoopback.fixture("account/example-balance-data.json")));

        assertThat(balances).containsOnlyKeys(Asset.of("EUR"), Asset.of("BTC"), Asset.of("XTSTCUR"));
        assertThat(balances.get(Asset.of("BTC"))).isEqualTo(
                new Balance(Asset.of("BTC"), new BigDecimal("0.4888583300"), new BigDecimal("0.4888583300"),
                        BigDecimal.ZERO));
    }

    @Test
    void shouldReadFeeRatesAsFractionsAndFallBackToListedRatesForAnotherPair() {
        KrakenPair xbtUsd = pairs.byWsName("XBT/USD").orElseThrow();
        KrakenPair ethUsd = pairs.byWsName("ETH/USD").orElseThrow();
        var result = KrakenMapper.result(KrakenLoopback.fixture("account/example-tradevolume-data.json"));

        assertThat(KrakenMapper.fees(result, xbtUsd)).isEqualTo(new FeeSchedule(new BigDecimal("0.0016"),
                new BigDecimal("0.003")));
        assertThat(KrakenMapper.fees(result, ethUsd)).isEqualTo(ethUsd.listedFees());
    }

    @Test
    void shouldReadOpenOrdersFindingTheirPairByAlternativeName() {
        List<KrakenOrder> orders = KrakenMapper.orders(KrakenMapper.result(
                KrakenLoopback.fixture("trading/example-openorders-data.json")), pairs);

        assertThat(orders).hasSize(6);
        KrakenOrder first = orders.get(0);
        assertThat(first.txid()).isEqualTo("O767CW-TXHCL-FWZ5R2");
        assertThat(first.pair().wsName()).isEqualTo("XRP/XBT");
        assertThat(first.side()).isEqualTo(Side.BUY);
        assertThat(first.price()).isEqualByComparingTo("0.00001");
        assertThat(first.volume()).isEqualByComparingTo("1000");
        assertThat(first.orderStatus()).isEqualTo(OrderStatus.OPEN);
        assertThat(first.clientOrderId()).isNull();
        assertThat(first.updatedNs()).isEqualTo(1_499_872_460_257_200_000L);
    }

    @Test
    void shouldReadTradeHistoryOldestFirstWithExactTimes() {
        List<KrakenTrade> trades = KrakenMapper.tradesHistory(KrakenMapper.result(
                KrakenLoopback.fixture("trading/example-tradehistory-data.json")), pairs);

        assertThat(trades).extracting(KrakenTrade::tradeId).containsExactly("TY5BYV-WJUQF-XPYEYD-1",
                "TY5BYV-WJUQF-XPYEYD-2", "TY5BYV-WJUQF-XPYEYD-3");
        KrakenTrade ltc = trades.get(0);
        assertThat(ltc.pair().wsName()).isEqualTo("LTC/XBT");
        assertThat(ltc.side()).isEqualTo(Side.SELL);
        assertThat(ltc.fee()).isEqualByComparingTo("0.03208");
        assertThat(ltc.timeNs()).isEqualTo(1_389_071_942_208_900_000L);
        assertThat(ltc.maker()).isNull();
    }

    @Test
    void shouldMapKrakensOrderStatusesToOurs() {
        KrakenPair pair = pairs.byWsName("XBT/USD").orElseThrow();

        assertThat(order(pair, "pending", "0").orderStatus()).isEqualTo(OrderStatus.OPEN);
        assertThat(order(pair, "open", "0.4").orderStatus()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(order(pair, "closed", "1").orderStatus()).isEqualTo(OrderStatus.FILLED);
        assertThat(order(pair, "canceled", "0.4").orderStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order(pair, "expired", "0").orderStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order(pair, "canceled", "1").orderStatus()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void shouldReadTheTxidOfAnAddOrderReplyAndRefuseOneWithout() {
        assertThat(KrakenMapper.addOrderTxid(KrakenMapper.result(
                KrakenLoopback.fixture("trading/example-addorder-response-data.json"))))
                .isEqualTo("OWQJ5O-ZWYC7-5R7POQ");
        assertThatThrownBy(() -> KrakenMapper.addOrderTxid(KrakenMapper.result("{\"error\":[],\"result\":{}}")))
                .isInstanceOf(MalformedKrakenMessageException.class);
        assertThat(Optional.ofNullable(KrakenMapper.clientOrderId(KrakenMapper.parse("{\"cl_ord_id\":\"has space\"}"))))
                .isEmpty();
    }

    private static KrakenOrder order(KrakenPair pair, String status, String executed) {
        return new KrakenOrder("O1", pair, Side.BUY, "limit", status, BigDecimal.TEN, BigDecimal.ONE,
                new BigDecimal(executed), 0, null);
    }
}
