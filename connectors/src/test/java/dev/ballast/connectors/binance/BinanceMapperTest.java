package dev.ballast.connectors.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ballast.connectors.SharedData;
import dev.ballast.core.Instrument;
import dev.ballast.core.OpenOrder;
import dev.ballast.core.OrderReport;
import dev.ballast.core.OrderStatus;
import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Binance REST and user-data mapper on real replies: the full 2021 exchangeInfo of spot and USD-M
 * (cryptofeed's captures) and XChange's Binance order samples (MIT).
 */
class BinanceMapperTest {
    private final BinanceMapper spot = new BinanceMapper(VenueId.of("binance"), BinanceProduct.SPOT);
    private final BinanceMapper usdm = new BinanceMapper(VenueId.of("binance-usdm"), BinanceProduct.USD_M);

    @Test
    void shouldReadEverySpotSymbolsRulesFromTheFullExchangeInfo() {
        BinanceExchangeInfo info = spot.exchangeInfo(BinanceCaptures.exchangeInfo(BinanceCaptures.SPOT_INFO));

        assertThat(info.instruments()).hasSizeGreaterThan(1_600);
        Instrument btc = info.instruments().get("BTCUSDT");
        assertThat(btc.id().toString()).isEqualTo("binance:BTCUSDT");
        assertThat(btc.base().code()).isEqualTo("BTC");
        assertThat(btc.quote().code()).isEqualTo("USDT");
        assertThat(btc.tickSize()).isEqualByComparingTo("0.01");
        assertThat(btc.lotSize()).isEqualByComparingTo("0.00001");
        assertThat(btc.minNotional()).isEqualByComparingTo("10");
        assertThat(info.status()).containsEntry("BTCUSDT", "TRADING");
        assertThat(info.rateLimits()).hasSize(4);
    }

    @Test
    void shouldReadUsdmRulesWithTheMinimumNotionalUnderNotional() {
        BinanceExchangeInfo info = usdm.exchangeInfo(BinanceCaptures.exchangeInfo(BinanceCaptures.FUTURES_INFO));

        Instrument btc = info.instruments().get("BTCUSDT");
        assertThat(btc.id().toString()).isEqualTo("binance-usdm:BTCUSDT");
        assertThat(btc.tickSize()).isEqualByComparingTo("0.01");
        assertThat(btc.lotSize()).isEqualByComparingTo("0.001");
        assertThat(btc.minNotional()).isEqualByComparingTo("5");
    }

    @Test
    void shouldReadTodaysNotionalFilterAsTheMinimumNotional() {
        String info = "{\"rateLimits\":[],\"symbols\":[{\"symbol\":\"BTCUSDT\",\"status\":\"TRADING\","
                + "\"baseAsset\":\"BTC\",\"quoteAsset\":\"USDT\",\"filters\":[{\"filterType\":\"PRICE_FILTER\","
                + "\"minPrice\":\"0.01\",\"maxPrice\":\"1000000.00\",\"tickSize\":\"0.01000000\"},"
                + "{\"filterType\":\"LOT_SIZE\",\"minQty\":\"0.00001\",\"maxQty\":\"9000\",\"stepSize\":\"0.00001000\"},"
                + "{\"filterType\":\"NOTIONAL\",\"minNotional\":\"5.00000000\",\"applyMinToMarket\":true,"
                + "\"maxNotional\":\"9000000.00000000\",\"applyMaxToMarket\":false,\"avgPriceMins\":5}]}]}";

        assertThat(spot.exchangeInfo(info).instruments().get("BTCUSDT").minNotional()).isEqualByComparingTo("5");
    }

    @Test
    void shouldReadXchangesOpenOrderSample() throws Exception {
        String body = Files.readString(SharedData.resolve("fixtures/xchange/xchange-binance/__files/open-orders.json"));

        List<OpenOrder> orders = spot.openOrders(body);

        assertThat(orders).singleElement().satisfies(o -> {
            assertThat(o.clientOrderId().value()).isEqualTo("myOrder1");
            assertThat(o.venueOrderId().value()).isEqualTo("1");
            assertThat(o.instrument().symbol()).isEqualTo("LTCBTC");
            assertThat(o.side()).isEqualTo(Side.BUY);
            assertThat(o.price()).isEqualByComparingTo("0.1");
            assertThat(o.size()).isEqualByComparingTo("1.0");
            assertThat(o.filledSize()).isZero();
        });
    }

    @Test
    void shouldReadXchangesFilledMarketOrderAsAReportWithoutPrice() throws Exception {
        String body = Files.readString(SharedData.resolve("fixtures/xchange/xchange-binance/filled-market-order.json"));

        OrderReport report = spot.orderReport(new ObjectMapper().readTree(body));

        assertThat(report.clientOrderId().value()).isEqualTo("gzcLIkn86ag3FycOCEl6Vi");
        assertThat(report.venueOrderId().value()).isEqualTo("460498247");
        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(report.side()).isEqualTo(Side.SELL);
        assertThat(report.price()).as("a market order has none").isNull();
        assertThat(report.filledSize()).isEqualByComparingTo("0.107");
        assertThat(report.updatedNs()).isEqualTo(1_566_249_504_234_000_000L);
    }

    @Test
    void shouldNameACancelledSpotOrderByItsOriginalClientIdNotTheCancels() throws Exception {
        BinanceExecution x = spot.execution(new ObjectMapper().readTree("{\"e\":\"executionReport\",\"E\":2,"
                + "\"s\":\"BTCUSDT\",\"c\":\"cancelReq9\",\"S\":\"SELL\",\"o\":\"LIMIT\",\"f\":\"GTC\",\"q\":\"1\","
                + "\"p\":\"60000\",\"C\":\"q77\",\"x\":\"CANCELED\",\"X\":\"CANCELED\",\"r\":\"NONE\",\"i\":5,"
                + "\"l\":\"0\",\"z\":\"0.5\",\"L\":\"0\",\"n\":\"0\",\"N\":null,\"T\":1,\"t\":-1,\"m\":false}"));

        assertThat(x.clientOrderId()).isEqualTo("q77");
        assertThat(x.isTrade()).isFalse();
        assertThat(x.cumulativeQty()).isEqualByComparingTo("0.5");
    }

    @Test
    void shouldReadAUsdmTradeUpdateFromItsOrderObject() throws Exception {
        BinanceExecution x = usdm.execution(new ObjectMapper().readTree("{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":3,"
                + "\"T\":2,\"o\":{\"s\":\"BTCUSDT\",\"c\":\"h1\",\"S\":\"SELL\",\"o\":\"MARKET\",\"f\":\"GTC\","
                + "\"q\":\"0.002\",\"p\":\"0\",\"x\":\"TRADE\",\"X\":\"FILLED\",\"i\":8886774,\"l\":\"0.002\","
                + "\"z\":\"0.002\",\"L\":\"60000.5\",\"N\":\"USDT\",\"n\":\"0.048\",\"T\":1568879465650,"
                + "\"t\":1234,\"m\":false,\"R\":false,\"ps\":\"BOTH\"}}"));

        assertThat(x.isTrade()).isTrue();
        assertThat(x.tradeId()).isEqualTo(1234);
        assertThat(x.eventTimeMs()).isEqualTo(1_568_879_465_650L);
        assertThat(x.lastPrice()).isEqualByComparingTo("60000.5");
        assertThat(x.side()).isEqualTo(Side.SELL);
    }

    @Test
    void shouldReadSpotFeesFromTheOlderCommissionFieldsWhenNoRatesAreGiven() {
        var fees = spot.fees("{\"makerCommission\":10,\"takerCommission\":15,\"balances\":[]}");

        assertThat(fees.makerRate()).isEqualByComparingTo("0.001");
        assertThat(fees.takerRate()).isEqualByComparingTo("0.0015");
    }

    @Test
    void shouldCapUsdmFreeBalanceAtTheWalletWhenUnrealisedProfitMakesMoreAvailable() {
        var balances = usdm.balances("{\"assets\":[{\"asset\":\"USDT\",\"walletBalance\":\"100\","
                + "\"availableBalance\":\"130\"}],\"positions\":[]}", List.of());

        assertThat(balances.get(dev.ballast.core.Asset.of("USDT"))).satisfies(b -> {
            assertThat(b.free()).isEqualByComparingTo("100");
            assertThat(b.locked()).isZero();
        });
        assertThat(Map.copyOf(balances)).hasSize(1);
    }
}
