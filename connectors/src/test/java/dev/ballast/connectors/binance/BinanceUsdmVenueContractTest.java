package dev.ballast.connectors.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ballast.core.Asset;
import dev.ballast.core.Balance;
import dev.ballast.core.FeeSchedule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The Binance contract on USD-M futures, with SUSHIUSDT of cryptofeed's 2021 capture (fapi exchangeInfo, snapshot,
 * 255 diffs linked by {@code pu}).
 */
class BinanceUsdmVenueContractTest extends BinanceVenueContract {
    @Override
    BinanceProduct product() {
        return BinanceProduct.USD_M;
    }

    @Override
    String symbol() {
        return "SUSHIUSDT";
    }

    @Override
    String wsCapture() {
        return BinanceCaptures.FUTURES_WS;
    }

    @Override
    String snapshotCapture() {
        return BinanceCaptures.FUTURES_SNAPSHOTS;
    }

    @Override
    String[] expectedRules() {
        return new String[] {"0.001", "1", "5"};
    }

    @Override
    List<BinanceRateLimit> expectedLimits() {
        return List.of(new BinanceRateLimit(BinanceRateLimit.Type.REQUEST_WEIGHT, 60_000, 2_400),
                new BinanceRateLimit(BinanceRateLimit.Type.ORDERS, 60_000, 1_200),
                new BinanceRateLimit(BinanceRateLimit.Type.ORDERS, 10_000, 300));
    }

    @Override
    void assertBalances(Map<Asset, Balance> balances) {
        assertThat(balances).containsOnlyKeys(Asset.of("USDT"), Asset.of("SUSHI"));
        assertThat(balances.get(Asset.of("USDT"))).satisfies(b -> {
            assertThat(b.total()).isEqualByComparingTo("2000");
            assertThat(b.free()).isEqualByComparingTo("1950");
            assertThat(b.locked()).isEqualByComparingTo("50");
        });
        assertThat(balances.get(Asset.of("SUSHI"))).as("the signed position").satisfies(b -> {
            assertThat(b.total()).isEqualByComparingTo("-12");
            assertThat(b.locked()).isZero();
        });
    }

    @Override
    FeeSchedule expectedFees() {
        return new FeeSchedule(new BigDecimal("0.0002"), new BigDecimal("0.0004"));
    }

    @Override
    String orderReply(String status, String id) {
        String executed = "PARTIALLY_FILLED".equals(status) ? "4" : "FILLED".equals(status) ? "10" : "0";
        return "{\"clientOrderId\":\"" + id + "\",\"cumQty\":\"" + executed + "\",\"cumQuote\":\"0\","
                + "\"executedQty\":\"" + executed + "\",\"orderId\":28,\"avgPrice\":\"0.00000\",\"origQty\":\"10\","
                + "\"price\":\"7.6000\",\"reduceOnly\":false,\"side\":\"BUY\",\"positionSide\":\"BOTH\",\"status\":\""
                + status + "\",\"stopPrice\":\"0\",\"closePosition\":false,\"symbol\":\"SUSHIUSDT\","
                + "\"timeInForce\":\"GTX\",\"type\":\"LIMIT\",\"origType\":\"LIMIT\",\"updateTime\":1626992742000,"
                + "\"time\":1626992741000,\"workingType\":\"CONTRACT_PRICE\",\"priceProtect\":false}";
    }

    @Override
    String userEvent(String clientId, long orderId, String execType, String status, long tradeId, String qty,
                     String price, String cumQty, boolean maker) {
        boolean trade = "TRADE".equals(execType);
        return "{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":1626992742100,\"T\":1626992742099,\"o\":{\"s\":\"SUSHIUSDT\","
                + "\"c\":\"" + clientId + "\",\"S\":\"BUY\",\"o\":\"LIMIT\",\"f\":\"GTX\",\"q\":\"10\",\"p\":\"7.6110\","
                + "\"ap\":\"0\",\"sp\":\"0\",\"x\":\"" + execType + "\",\"X\":\"" + status + "\",\"i\":" + orderId
                + ",\"l\":\"" + qty + "\",\"z\":\"" + cumQty + "\",\"L\":\"" + price + "\","
                + (trade ? "\"N\":\"USDT\",\"n\":\"0.01\"," : "") + "\"T\":1626992742099,\"t\":"
                + Math.max(tradeId, 0) + ",\"b\":\"0\",\"a\":\"0\",\"m\":" + maker + ",\"R\":false,"
                + "\"wt\":\"CONTRACT_PRICE\",\"ot\":\"LIMIT\",\"ps\":\"BOTH\",\"cp\":false,\"rp\":\"0\",\"pP\":false,"
                + "\"si\":0,\"ss\":0}}";
    }

    @Override
    String tradesReply() {
        return "[{\"buyer\":true,\"commission\":\"0.00608800\",\"commissionAsset\":\"USDT\",\"id\":9001,\"maker\":true,"
                + "\"orderId\":28,\"price\":\"7.6100\",\"qty\":\"4\",\"quoteQty\":\"30.44\",\"realizedPnl\":\"0\","
                + "\"side\":\"BUY\",\"positionSide\":\"BOTH\",\"symbol\":\"SUSHIUSDT\",\"time\":1626992742000}]";
    }

    @Override
    void assertPostOnlySpelling(LoggedRequest sent) {
        assertThat(sent.queryParameter("type").firstValue()).isEqualTo("LIMIT");
        assertThat(sent.queryParameter("timeInForce").firstValue()).isEqualTo("GTX");
    }

    @Override
    String cancelAllPath() {
        return "/fapi/v1/allOpenOrders";
    }

    @Override
    String cancelAllReply() {
        return "{\"code\":200,\"msg\":\"The operation of cancel all open order is done.\"}";
    }

    @Override
    void assertCancelAllReported() {
        // USD-M does not list what it cancelled: each order's CANCELED comes on the user-data stream
        assertThat(sink.events()).noneMatch(e -> dev.ballast.connectors.testing.RecordingSink.orderId(e) != null);
    }
}
