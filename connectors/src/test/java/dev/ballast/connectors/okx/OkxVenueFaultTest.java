package dev.ballast.connectors.okx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ballast.core.ClientOrderId;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.event.CancelRejected;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.RejectReason;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What goes wrong on OKX, each with its end state: refusals become events, unknown outcomes are looked up by client
 * order id and never sent again, throttling and outages are reported, bad orders never leave.
 */
class OkxVenueFaultTest {
    private static final InstrumentId BTC_USDT = new InstrumentId(OkxTestData.VENUE, "BTC-USDT");
    private static final String PLACE = "/api/v5/trade/order";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private OkxLoopback okx = OkxLoopback.trading();

    @AfterEach
    void close() {
        okx.close();
    }

    @Test
    void shouldRejectTheCancelOfAnOrderOkxDoesNotKnowAsUnknownOrder() {
        startTrading();
        okx.stubPost("/api/v5/trade/cancel-order", "cancel-unknown.json");
        ClientOrderId id = new ClientOrderId("b1l2x0f1");

        okx.venue.cancel(BTC_USDT, id);

        await().atMost(WAIT).until(() -> !okx.sink.forOrder(id).isEmpty());
        assertThat(okx.sink.forOrder(id)).singleElement().isInstanceOfSatisfying(CancelRejected.class, r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_ORDER);
            assertThat(r.message()).contains("51400");
        });
    }

    @Test
    void shouldRejectAPostOnlyOrderThatOkxCancelsForTakingLiquidityAndNeverReportItAccepted() {
        startTrading();
        ClientOrderId id = new ClientOrderId("b1l2x0f2");

        okx.venue.place(order(id, OrderType.LIMIT_POST_ONLY, "30300", "0.002"));
        await().atMost(WAIT).until(() -> okx.posts(PLACE) == 1);
        okx.pushOrder("ws-order-post-only-cancelled.json", id.value());

        await().atMost(WAIT).until(() -> !okx.sink.forOrder(id).isEmpty());
        assertThat(okx.sink.forOrder(id)).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.POST_ONLY_WOULD_CROSS));
    }

    @Test
    void shouldRejectAnOrderForInsufficientBalance() {
        startTrading();
        okx.stubPost(PLACE, "place-insufficient.json");
        ClientOrderId id = new ClientOrderId("b1l2x0f3");

        okx.venue.place(order(id, OrderType.LIMIT_POST_ONLY, "30100.5", "1000"));

        await().atMost(WAIT).until(() -> !okx.sink.forOrder(id).isEmpty());
        assertThat(okx.sink.forOrder(id)).singleElement().isInstanceOfSatisfying(OrderRejected.class, r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.INSUFFICIENT_BALANCE);
            assertThat(r.message()).contains("51008");
        });
    }

    @Test
    void shouldResolveAPlaceThatTimedOutByClientOrderIdWithoutEverSendingItAgain() {
        okx.close();
        okx = new OkxLoopback(List.of("BTC-USDT"), OkxLoopback.CREDENTIALS, null, Duration.ofSeconds(1));
        startTrading();
        okx.stub(post(urlPathEqualTo(PLACE)).willReturn(OkxLoopback.json(OkxTestData.resource("place-ok.json"))
                .withFixedDelay(2_500)));
        ClientOrderId id = new ClientOrderId("b1l2x0f4");

        okx.venue.place(order(id, OrderType.LIMIT_IOC, "30100.5", "0.002"));

        await().atMost(WAIT).until(() -> !okx.sink.forOrder(id).isEmpty());
        assertThat(okx.sink.forOrder(id)).singleElement().isInstanceOfSatisfying(OrderAccepted.class,
                a -> assertThat(a.venueOrderId().value()).isEqualTo("447131929581559999"));
        okx.rest.verify(getRequestedFor(urlPathEqualTo(PLACE)).withQueryParam("clOrdId",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo(id.value())));
        assertThat(okx.posts(PLACE)).as("sent once, never again").isEqualTo(1);
    }

    @Test
    void shouldRejectAPlaceThatTimedOutOnlyWhenOkxTwiceSaysItHasNoSuchOrder() {
        okx.close();
        okx = new OkxLoopback(List.of("BTC-USDT"), OkxLoopback.CREDENTIALS, null, Duration.ofSeconds(1));
        startTrading();
        okx.stub(post(urlPathEqualTo(PLACE)).willReturn(OkxLoopback.json(OkxTestData.resource("place-ok.json"))
                .withFixedDelay(2_500)));
        okx.stubGet(PLACE, "order-not-found.json");
        ClientOrderId id = new ClientOrderId("b1l2x0f5");

        okx.venue.place(order(id, OrderType.LIMIT_IOC, "30100.5", "0.002"));

        await().atMost(WAIT).until(() -> !okx.sink.forOrder(id).isEmpty());
        assertThat(okx.sink.forOrder(id)).singleElement().isInstanceOfSatisfying(OrderRejected.class, r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.VENUE_UNAVAILABLE);
            assertThat(r.message()).contains("never placed");
        });
        okx.rest.verify(2, getRequestedFor(urlPathEqualTo(PLACE)));
        assertThat(okx.posts(PLACE)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"okx 50013 system busy", "HTTP 503"})
    void shouldLookUpAnOrderWhoseReplyLeavesItsFateOpen(String failure) {
        startTrading();
        if (failure.startsWith("HTTP")) {
            okx.stub(post(urlPathEqualTo(PLACE)).willReturn(aResponse().withStatus(503).withBody("upstream down")));
        } else {
            okx.stubPost(PLACE, "place-busy.json");
        }
        ClientOrderId id = new ClientOrderId("b1l2x0f6");

        okx.venue.place(order(id, OrderType.LIMIT_IOC, "30100.5", "0.002"));

        await().atMost(WAIT).until(() -> !okx.sink.forOrder(id).isEmpty());
        assertThat(okx.sink.forOrder(id)).singleElement().isInstanceOf(OrderAccepted.class);
        assertThat(okx.posts(PLACE)).isEqualTo(1);
    }

    @Test
    void shouldRejectAsRateLimitedWhenOkxSaysTooManyRequestsAndReportTheVenueThrottledUntilItPasses() {
        startTrading();
        okx.stubPost(PLACE, "place-throttled.json");
        ClientOrderId id = new ClientOrderId("b1l2x0f7");

        okx.venue.place(order(id, OrderType.LIMIT_POST_ONLY, "30100.5", "0.002"));

        await().atMost(WAIT).until(() -> !okx.sink.forOrder(id).isEmpty());
        assertThat(okx.sink.forOrder(id)).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.RATE_LIMITED));
        okx.venue.doWork();
        assertThat(okx.sink.lastHealth()).isEqualTo(VenueHealth.RATE_LIMITED);
        okx.clock.advance(Duration.ofSeconds(6));
        okx.venue.doWork();
        assertThat(okx.sink.lastHealth()).isEqualTo(VenueHealth.HEALTHY);
    }

    @Test
    void shouldRejectOrdersOffTheGridOrBelowMinSzWithoutSendingThem() {
        startTrading();
        ClientOrderId offTick = new ClientOrderId("b1l2x0f8");
        ClientOrderId tooSmall = new ClientOrderId("b1l2x0f9");
        ClientOrderId offLot = new ClientOrderId("b1l2x0fa");

        okx.venue.place(order(offTick, OrderType.LIMIT_POST_ONLY, "30100.55", "0.002"));
        okx.venue.place(order(tooSmall, OrderType.LIMIT_POST_ONLY, "30100.5", "0.000001"));
        okx.venue.place(order(offLot, OrderType.LIMIT_POST_ONLY, "30100.5", "0.0020000001"));

        await().atMost(WAIT).until(() -> !okx.sink.forOrder(offLot).isEmpty());
        assertThat(reason(offTick)).isEqualTo(RejectReason.INVALID_ORDER);
        assertThat(reason(tooSmall)).isEqualTo(RejectReason.MIN_NOTIONAL);
        assertThat(reason(offLot)).isEqualTo(RejectReason.INVALID_ORDER);
        assertThat(okx.posts(PLACE)).isZero();
    }

    @Test
    void shouldRejectADuplicateClientOrderIdWithoutSendingIt() {
        startTrading();
        ClientOrderId id = new ClientOrderId("b1l2x0fb");
        okx.venue.place(order(id, OrderType.LIMIT_IOC, "30100.5", "0.002"));

        okx.venue.place(order(id, OrderType.LIMIT_IOC, "30100.4", "0.002"));

        await().atMost(WAIT).until(() -> okx.sink.forOrder(id).size() == 2);
        assertThat(okx.sink.forOrder(id).get(0)).isInstanceOf(OrderAccepted.class);
        assertThat(okx.sink.forOrder(id).get(1)).isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.message()).contains("duplicate client order id"));
        assertThat(okx.posts(PLACE)).isEqualTo(1);
    }

    @Test
    void shouldLookUpAPostOnlyOrderStillAwaitingThePrivateStreamWhenItDrops() {
        startTrading();
        ClientOrderId id = new ClientOrderId("b1l2x0fc");
        okx.venue.place(order(id, OrderType.LIMIT_POST_ONLY, "30100.5", "0.002"));
        await().atMost(WAIT).until(() -> okx.posts(PLACE) == 1);

        okx.ws.dropPrivate();

        await().atMost(WAIT).until(() -> !okx.sink.forOrder(id).isEmpty());
        assertThat(okx.sink.forOrder(id)).singleElement().isInstanceOf(OrderAccepted.class);
        okx.rest.verify(getRequestedFor(urlPathEqualTo(PLACE)));
        assertThat(okx.posts(PLACE)).isEqualTo(1);
    }

    @Test
    void shouldLookUpAPostOnlyOrderTheStreamNeverReports() {
        startTrading();
        ClientOrderId id = new ClientOrderId("b1l2x0fe");

        okx.venue.place(order(id, OrderType.LIMIT_POST_ONLY, "30100.5", "0.002"));

        await().atMost(WAIT).until(() -> !okx.sink.forOrder(id).isEmpty());
        assertThat(okx.sink.forOrder(id)).singleElement().isInstanceOf(OrderAccepted.class);
        okx.rest.verify(getRequestedFor(urlPathEqualTo(PLACE)));
        assertThat(okx.posts(PLACE)).isEqualTo(1);
    }

    @Test
    void shouldCancelEveryOpenOrderInBatchesAndHearTheOutcomeFromTheStream() {
        startTrading();
        ClientOrderId ours = new ClientOrderId("b1l2x0abc0");

        okx.venue.cancelAll();

        await().atMost(WAIT).until(() -> okx.posts("/api/v5/trade/cancel-batch-orders") == 1);
        okx.rest.verify(postRequestedFor(urlPathEqualTo("/api/v5/trade/cancel-batch-orders")).withRequestBody(
                equalToJson("[{\"instId\":\"BTC-USDT\",\"clOrdId\":\"b1l2x0abc0\"},"
                        + "{\"instId\":\"BTC-USDT\",\"ordId\":\"447131929581551617\"}]")));
        okx.pushOrder("ws-order-cancelled.json", ours.value());
        await().atMost(WAIT).until(() -> !okx.sink.forOrder(ours).isEmpty());
        assertThat(okx.sink.forOrder(ours)).singleElement().isInstanceOf(OrderCancelled.class);
    }

    @Test
    void shouldTradeNothingAndReadNoAccountWithoutCredentials() {
        okx.close();
        okx = new OkxLoopback(List.of("BTC-USDT"), null);
        okx.venue.start(okx.sink);
        await().atMost(WAIT).until(() -> okx.venue.health() == VenueHealth.HEALTHY);
        ClientOrderId id = new ClientOrderId("b1l2x0fd");

        okx.venue.place(order(id, OrderType.LIMIT_POST_ONLY, "30100.5", "0.002"));

        await().atMost(WAIT).until(() -> !okx.sink.forOrder(id).isEmpty());
        assertThat(reason(id)).isEqualTo(RejectReason.VENUE_UNAVAILABLE);
        assertThatThrownBy(() -> okx.venue.balances()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("public data only");
        assertThat(okx.ws.privateReceived()).isEmpty();
        assertThat(okx.posts(PLACE)).isZero();
    }

    @Test
    void shouldThrowANamedFailureWhenABlockingCallGetsNoAnswer() {
        okx.stub(get(urlPathEqualTo("/api/v5/account/balance")).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> okx.venue.balances()).isInstanceOf(OkxCallException.class)
                .hasMessageContaining("GET /api/v5/account/balance").hasMessageContaining("SERVER_ERROR");
    }

    // ---------------------------------------------------------------- helpers

    private void startTrading() {
        okx.venue.start(okx.sink);
        await().atMost(WAIT).until(() -> okx.venue.health() == VenueHealth.HEALTHY);
    }

    private RejectReason reason(ClientOrderId id) {
        return ((OrderRejected) okx.sink.forOrder(id).get(0)).reason();
    }

    private static OrderRequest order(ClientOrderId id, OrderType type, String price, String size) {
        return new OrderRequest(id, BTC_USDT, Side.BUY, type, new BigDecimal(price), new BigDecimal(size));
    }
}
