package dev.ballast.connectors.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ballast.core.Asset;
import dev.ballast.core.Balance;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.FeeSchedule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The Binance contract on spot, with NKNUSDT of cryptofeed's 2021 capture (exchangeInfo, snapshot, 150 diffs). */
class BinanceSpotVenueContractTest extends BinanceVenueContract {
    @Override
    BinanceProduct product() {
        return BinanceProduct.SPOT;
    }

    @Override
    String symbol() {
        return "NKNUSDT";
    }

    @Override
    String wsCapture() {
        return BinanceCaptures.SPOT_WS;
    }

    @Override
    String snapshotCapture() {
        return BinanceCaptures.SPOT_SNAPSHOTS;
    }

    @Override
    String[] expectedRules() {
        return new String[] {"0.0001", "1", "10"};
    }

    /** 2021's limits, not today's defaults: proof they were read. */
    @Override
    List<BinanceRateLimit> expectedLimits() {
        return List.of(new BinanceRateLimit(BinanceRateLimit.Type.REQUEST_WEIGHT, 60_000, 1_200),
                new BinanceRateLimit(BinanceRateLimit.Type.ORDERS, 10_000, 50),
                new BinanceRateLimit(BinanceRateLimit.Type.ORDERS, 86_400_000, 160_000),
                new BinanceRateLimit(BinanceRateLimit.Type.RAW_REQUESTS, 300_000, 6_100));
    }

    @Override
    void assertBalances(Map<Asset, Balance> balances) {
        assertThat(balances).containsOnlyKeys(Asset.of("NKN"), Asset.of("USDT"));
        assertThat(balances.get(Asset.of("USDT"))).satisfies(b -> {
            assertThat(b.total()).isEqualByComparingTo("1250.5");
            assertThat(b.free()).isEqualByComparingTo("1000.5");
            assertThat(b.locked()).isEqualByComparingTo("250");
        });
        assertThat(balances.get(Asset.of("NKN")).total()).isEqualByComparingTo("5000");
    }

    @Override
    FeeSchedule expectedFees() {
        return new FeeSchedule(new BigDecimal("0.00075"), new BigDecimal("0.001"));
    }

    @Override
    String orderReply(String status, String id) {
        String executed = "PARTIALLY_FILLED".equals(status) ? "40" : "FILLED".equals(status) ? "100" : "0";
        return "{\"symbol\":\"NKNUSDT\",\"orderId\":28,\"orderListId\":-1,\"clientOrderId\":\"" + id + "\","
                + "\"origClientOrderId\":\"" + id + "\",\"transactTime\":1633998513000,\"time\":1633998513000,"
                + "\"updateTime\":1633998514000,\"price\":\"0.35000000\",\"origQty\":\"100.00000000\","
                + "\"executedQty\":\"" + executed + ".00000000\",\"cummulativeQuoteQty\":\"0.00000000\",\"status\":\""
                + status + "\",\"timeInForce\":\"GTC\",\"type\":\"LIMIT_MAKER\",\"side\":\"BUY\","
                + "\"workingTime\":1633998513000,\"selfTradePreventionMode\":\"NONE\"}";
    }

    @Override
    String userEvent(String clientId, long orderId, String execType, String status, long tradeId, String qty,
                     String price, String cumQty, boolean maker) {
        boolean cancel = "CANCELED".equals(execType);
        return "{\"e\":\"executionReport\",\"E\":1633998513100,\"s\":\"NKNUSDT\",\"c\":\""
                + (cancel ? "cxlA1b2" : clientId) + "\",\"S\":\"BUY\",\"o\":\"LIMIT_MAKER\",\"f\":\"GTC\","
                + "\"q\":\"10.00000000\",\"p\":\"7.61100000\",\"P\":\"0.00000000\",\"F\":\"0.00000000\",\"g\":-1,"
                + "\"C\":\"" + (cancel ? clientId : "") + "\",\"x\":\"" + execType + "\",\"X\":\"" + status
                + "\",\"r\":\"NONE\",\"i\":" + orderId + ",\"l\":\"" + qty + "\",\"z\":\"" + cumQty + "\",\"L\":\""
                + price + "\",\"n\":\"" + ("TRADE".equals(execType) ? "0.01" : "0") + "\",\"N\":"
                + ("TRADE".equals(execType) ? "\"USDT\"" : "null") + ",\"T\":1633998513099,\"t\":" + tradeId
                + ",\"I\":8641984,\"w\":" + !"TRADE".equals(execType) + ",\"m\":" + maker + ",\"M\":false,"
                + "\"O\":1633998512000,\"Z\":\"0.00000000\",\"Y\":\"0.00000000\",\"Q\":\"0.00000000\","
                + "\"W\":1633998512000,\"V\":\"NONE\"}";
    }

    @Override
    String tradesReply() {
        return "[{\"symbol\":\"NKNUSDT\",\"id\":9001,\"orderId\":28,\"orderListId\":-1,\"price\":\"0.35200000\","
                + "\"qty\":\"40.00000000\",\"quoteQty\":\"14.08000000\",\"commission\":\"0.01408000\","
                + "\"commissionAsset\":\"USDT\",\"time\":1633998513000,\"isBuyer\":true,\"isMaker\":true,"
                + "\"isBestMatch\":true}]";
    }

    @Override
    void assertPostOnlySpelling(LoggedRequest sent) {
        assertThat(sent.queryParameter("type").firstValue()).isEqualTo("LIMIT_MAKER");
        assertThat(sent.queryParameter("timeInForce").isPresent()).as("LIMIT_MAKER takes no timeInForce (-1106)")
                .isFalse();
    }

    @Override
    String cancelAllPath() {
        return "/api/v3/openOrders";
    }

    @Override
    String cancelAllReply() {
        return "[" + cancelled("q7a", 30, "BUY") + "," + cancelled("q7b", 31, "SELL") + "]";
    }

    private static String cancelled(String id, long orderId, String side) {
        return "{\"symbol\":\"NKNUSDT\",\"origClientOrderId\":\"" + id + "\",\"orderId\":" + orderId
                + ",\"orderListId\":-1,\"clientOrderId\":\"cxl" + orderId + "\",\"transactTime\":1633998515000,"
                + "\"price\":\"0.30000000\",\"origQty\":\"50.00000000\",\"executedQty\":\"0.00000000\","
                + "\"cummulativeQuoteQty\":\"0.00000000\",\"status\":\"CANCELED\",\"timeInForce\":\"GTC\","
                + "\"type\":\"LIMIT_MAKER\",\"side\":\"" + side + "\",\"selfTradePreventionMode\":\"NONE\"}";
    }

    @Override
    void assertCancelAllReported() {
        BinanceLoopback.soon().until(() -> sink.forOrder(new ClientOrderId("q7b")).size() == 2);
        for (String id : new String[] {"q7a", "q7b"}) {
            assertThat(sink.forOrder(new ClientOrderId(id))).extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("OrderAccepted", "OrderCancelled");
        }
    }
}
