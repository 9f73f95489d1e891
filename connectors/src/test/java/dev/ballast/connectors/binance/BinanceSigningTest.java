package dev.ballast.connectors.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.connectors.live.Credentials;
import dev.ballast.connectors.live.RestRequest;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import dev.ballast.core.time.ManualClock;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Binance request signing and building, checked against the worked example of Binance's own REST docs. */
class BinanceSigningTest {
    private static final Credentials DOCS_KEYS = new Credentials(BinanceLoopback.API_KEY, BinanceLoopback.SECRET,
            null);

    @Test
    void shouldSignTheDocumentedExampleQueryToTheDocumentedSignature() {
        String query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000"
                + "&timestamp=1499827319559";

        assertThat(new BinanceSigner(DOCS_KEYS).sign(query, null))
                .isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    void shouldSignTheQueryFollowedByTheBodyAsTheDocsMixedExampleDoes() {
        String query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC";
        String body = "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";

        assertThat(new BinanceSigner(DOCS_KEYS).sign(query, body))
                .isEqualTo("0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77");
    }

    @Test
    void shouldBuildASignedSpotPostOnlyOrderWithPlainDecimalsAndTheKeyInAHeader() {
        BinanceRest rest = new BinanceRest(BinanceVenueConfig.spot(VenueId.of("binance"), List.of("BTCUSDT"),
                DOCS_KEYS), new ManualClock(1_499_827_319_559_000_000L));
        OrderRequest order = new OrderRequest(new ClientOrderId("q42"), InstrumentId.of("binance", "BTCUSDT"),
                Side.SELL, OrderType.LIMIT_POST_ONLY, new BigDecimal("61837.6300"), new BigDecimal("1E-5"));

        RestRequest request = rest.newOrder(order, order.price(), order.size());

        String query = "symbol=BTCUSDT&side=SELL&type=LIMIT_MAKER&quantity=0.00001&price=61837.63"
                + "&newClientOrderId=q42&newOrderRespType=RESULT&timestamp=1499827319559&recvWindow=5000";
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.url()).isEqualTo("https://api.binance.com/api/v3/order?" + query + "&signature="
                + new BinanceSigner(DOCS_KEYS).sign(query, null));
        assertThat(request.headers()).containsEntry("X-MBX-APIKEY", BinanceLoopback.API_KEY);
        assertThat(request.endpoint().idempotent()).isFalse();
        assertThat(request.toString()).doesNotContain("signature").doesNotContain(BinanceLoopback.API_KEY);
    }

    @Test
    void shouldSpellUsdmPostOnlyAsGtxAndIocAsLimitIoc() {
        BinanceRest rest = new BinanceRest(BinanceVenueConfig.usdM(VenueId.of("binance-usdm"), List.of("BTCUSDT"),
                DOCS_KEYS), new ManualClock(0));
        InstrumentId btc = InstrumentId.of("binance-usdm", "BTCUSDT");

        String postOnly = rest.newOrder(new OrderRequest(new ClientOrderId("a1"), btc, Side.BUY,
                OrderType.LIMIT_POST_ONLY, new BigDecimal("60000.1"), new BigDecimal("0.001")),
                new BigDecimal("60000.1"), new BigDecimal("0.001")).url();
        String ioc = rest.newOrder(new OrderRequest(new ClientOrderId("a2"), btc, Side.BUY, OrderType.LIMIT_IOC,
                new BigDecimal("60000.1"), new BigDecimal("0.001")), new BigDecimal("60000.1"),
                new BigDecimal("0.001")).url();
        String market = rest.newOrder(new OrderRequest(new ClientOrderId("a3"), btc, Side.SELL, OrderType.MARKET,
                null, new BigDecimal("0.001")), null, new BigDecimal("0.001")).url();

        assertThat(postOnly).startsWith("https://fapi.binance.com/fapi/v1/order?").contains("type=LIMIT&timeInForce=GTX");
        assertThat(ioc).contains("type=LIMIT&timeInForce=IOC");
        assertThat(market).contains("type=MARKET").doesNotContain("price=").doesNotContain("timeInForce");
    }

    @Test
    void shouldAskForAListenKeyWithTheApiKeyButNoSignature() {
        BinanceRest rest = new BinanceRest(BinanceVenueConfig.spot(VenueId.of("binance"), List.of("BTCUSDT"),
                DOCS_KEYS), new ManualClock(0));

        RestRequest request = rest.newListenKey();

        assertThat(request.url()).isEqualTo("https://api.binance.com/api/v3/userDataStream");
        assertThat(request.headers()).containsEntry("X-MBX-APIKEY", BinanceLoopback.API_KEY);
    }

    @Test
    void shouldRefuseToBuildAPrivateRequestWithoutKeys() {
        BinanceRest rest = new BinanceRest(BinanceVenueConfig.spot(VenueId.of("binance"), List.of("BTCUSDT"), null),
                new ManualClock(0));

        assertThat(rest.depth("BTCUSDT").url()).isEqualTo("https://api.binance.com/api/v3/depth?symbol=BTCUSDT&limit=1000");
        assertThatThrownBy(rest::account).isInstanceOf(IllegalStateException.class).hasMessageContaining("no credentials");
    }
}
