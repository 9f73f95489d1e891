package dev.ballast.connectors.okx;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ballast.connectors.testing.SequencedTestBook;
import dev.ballast.core.Asset;
import dev.ballast.core.Balance;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Liquidity;
import dev.ballast.core.OpenOrder;
import dev.ballast.core.OrderReport;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderStatus;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderFilled;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The OKX venue against loopback OKX: reference data, account, book sync, order entry and fills, each as the
 * engine would see it. REST from WireMock (real instrument lists, documented reply shapes), streams from a local
 * WebSocket server replaying the real May 2022 capture.
 */
class OkxVenueContractTest {
    private static final InstrumentId BTC_USDT = new InstrumentId(OkxTestData.VENUE, "BTC-USDT");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private OkxLoopback okx = OkxLoopback.trading();

    @AfterEach
    void close() {
        okx.close();
    }

    @Test
    void shouldReadSpotAndSwapInstrumentsWithOkxTickLotAndContractSize() {
        okx.close();
        okx = new OkxLoopback(List.of("BTC-USDT", "BTC-USDT-SWAP"), OkxLoopback.CREDENTIALS);

        List<Instrument> instruments = okx.venue.instruments();

        assertThat(instruments).hasSize(2);
        Instrument spot = instruments.get(0);
        assertThat(spot.id()).isEqualTo(BTC_USDT);
        assertThat(spot.base()).isEqualTo(Asset.of("BTC"));
        assertThat(spot.quote()).isEqualTo(Asset.of("USDT"));
        assertThat(spot.tickSize()).isEqualByComparingTo("0.1");
        assertThat(spot.lotSize()).isEqualByComparingTo("0.00000001");
        Instrument swap = instruments.get(1);
        assertThat(swap.id().symbol()).isEqualTo("BTC-USDT-SWAP");
        assertThat(swap.base()).isEqualTo(Asset.of("BTC"));
        assertThat(swap.quote()).isEqualTo(Asset.of("USDT"));
        assertThat(swap.lotSize()).as("one contract of ctVal 0.01 BTC").isEqualByComparingTo("0.01");
    }

    @Test
    void shouldReadFeesAsPositiveChargesFromOkxsNegativeRates() {
        var fees = okx.venue.fees(BTC_USDT);

        assertThat(fees.makerRate()).isEqualByComparingTo("0.0008");
        assertThat(fees.takerRate()).isEqualByComparingTo("0.001");
    }

    @Test
    void shouldReadBalancesAsFreePlusFrozen() {
        Map<Asset, Balance> balances = okx.venue.balances();

        assertThat(balances.get(Asset.of("BTC"))).isEqualTo(new Balance(Asset.of("BTC"), new BigDecimal("1.50"),
                new BigDecimal("1.25"), new BigDecimal("0.25")));
        assertThat(balances.get(Asset.of("USDT")).free()).isEqualByComparingTo("9500.5");
        assertThat(balances.get(Asset.of("USDT")).locked()).isEqualByComparingTo("500");
        assertThat(balances.get(Asset.of("OKB")).total()).isEqualByComparingTo("3");
    }

    @Test
    void shouldListOnlyOurOpenOrdersOnConfiguredInstruments() {
        List<OpenOrder> open = okx.venue.openOrders();

        assertThat(open).singleElement().satisfies(o -> {
            assertThat(o.clientOrderId()).isEqualTo(new ClientOrderId("b1l2x0abc0"));
            assertThat(o.side()).isEqualTo(Side.BUY);
            assertThat(o.price()).isEqualByComparingTo("30000.1");
            assertThat(o.size()).isEqualByComparingTo("0.004");
            assertThat(o.filledSize()).isEqualByComparingTo("0.001");
        });
    }

    @Test
    void shouldSyncTheBookFromTheReplayedCaptureWithEveryChecksumVerified() {
        SequencedTestBook book = new SequencedTestBook(BTC_USDT);

        okx.venue.start(okx.sink);

        await().atMost(WAIT).until(() -> bookEvents() == 98 && okx.sink.lastHealth() == VenueHealth.HEALTHY);
        for (Event e : okx.sink.events()) {
            book.apply(e);
            if (book.isSynced()) {
                assertThat(book.isCrossed()).isFalse();
            }
        }
        assertThat(book.isSynced()).isTrue();
        assertThat(book.deltasApplied()).isEqualTo(97);
        assertThat(okx.venue.publicStream().checksumsVerified()).as("every BTC-USDT frame").isEqualTo(98);
        assertThat(okx.venue.publicStream().checksumMismatches()).isZero();
        assertThat(okx.venue.health()).isEqualTo(VenueHealth.HEALTHY);
    }

    @Test
    void shouldPlaceAPostOnlyOrderWithExactTextAndAcknowledgeItWhenTheStreamShowsItLive() {
        startTrading();
        ClientOrderId id = new ClientOrderId("b1l2x0p1");

        okx.venue.place(new OrderRequest(id, BTC_USDT, Side.BUY, OrderType.LIMIT_POST_ONLY,
                new BigDecimal("30100.50"), new BigDecimal("0.00200000")));

        await().atMost(WAIT).until(() -> okx.posts("/api/v5/trade/order") == 1);
        okx.rest.verify(postRequestedFor(urlPathEqualTo("/api/v5/trade/order")).withRequestBody(equalToJson(
                "{\"instId\":\"BTC-USDT\",\"tdMode\":\"cash\",\"clOrdId\":\"b1l2x0p1\",\"side\":\"buy\","
                        + "\"ordType\":\"post_only\",\"sz\":\"0.002\",\"px\":\"30100.5\"}")));
        okx.pushOrder("ws-order-live.json", id.value());
        await().atMost(WAIT).until(() -> !okx.sink.forOrder(id).isEmpty());
        assertThat(okx.sink.forOrder(id)).singleElement().isInstanceOfSatisfying(OrderAccepted.class,
                a -> assertThat(a.venueOrderId().value()).isEqualTo("447131929581559999"));
    }

    @Test
    void shouldDeliverFillsOnceAndTheCancelFromTheStream() {
        startTrading();
        ClientOrderId id = new ClientOrderId("b1l2x0p2");
        okx.venue.place(new OrderRequest(id, BTC_USDT, Side.BUY, OrderType.LIMIT_POST_ONLY,
                new BigDecimal("30100.5"), new BigDecimal("0.002")));
        await().atMost(WAIT).until(() -> okx.posts("/api/v5/trade/order") == 1);
        okx.pushOrder("ws-order-live.json", id.value());
        okx.pushOrder("ws-order-partially-filled.json", id.value());
        okx.pushOrder("ws-order-partially-filled.json", id.value()); // OKX may repeat a push: one fill only

        okx.venue.cancel(BTC_USDT, id);
        await().atMost(WAIT).until(() -> okx.posts("/api/v5/trade/cancel-order") == 1);
        okx.pushOrder("ws-order-cancelled.json", id.value());

        await().atMost(WAIT).until(() -> okx.sink.forOrder(id).size() >= 3);
        List<Event> events = okx.sink.forOrder(id);
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOf(OrderAccepted.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(OrderFilled.class, f -> {
            Fill fill = f.fill();
            assertThat(fill.tradeId()).isEqualTo(new TradeId("312837800"));
            assertThat(fill.price()).isEqualByComparingTo("30100.5");
            assertThat(fill.size()).isEqualByComparingTo("0.0005");
            assertThat(fill.fee()).isEqualByComparingTo("0.0000004");
            assertThat(fill.feeAsset()).isEqualTo(Asset.of("BTC"));
            assertThat(fill.liquidity()).isEqualTo(Liquidity.MAKER);
            assertThat(fill.venueOrderId().value()).isEqualTo("447131929581559999");
        });
        assertThat(events.get(2)).isInstanceOf(OrderCancelled.class);
    }

    @Test
    void shouldAnswerOrderStatusByClientOrderId() {
        ClientOrderId id = new ClientOrderId("b1l2x0q1");

        OrderReport report = okx.venue.orderStatus(BTC_USDT, id).orElseThrow();

        assertThat(report.clientOrderId()).isEqualTo(id);
        assertThat(report.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(report.price()).isEqualByComparingTo("30100.5");
        assertThat(report.size()).isEqualByComparingTo("0.002");
        assertThat(report.filledSize()).isZero();
    }

    @Test
    void shouldReturnOurFillsAfterATradeIdOldestFirst() {
        List<Fill> since = okx.venue.tradesSince(BTC_USDT, new TradeId("312837717"));

        assertThat(since).extracting(f -> f.tradeId().value()).containsExactly("312837718", "312837720");
        assertThat(since.get(1).side()).isEqualTo(Side.SELL);
        assertThat(since.get(1).fee()).isEqualByComparingTo("0.0605006");
        assertThat(since.get(1).feeAsset()).isEqualTo(Asset.of("USDT"));
        assertThat(since.get(1).liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(okx.venue.tradesSince(BTC_USDT, null)).hasSize(3);
    }

    @Test
    void shouldSignEveryPrivateRequestAsOkxVerifiesIt() {
        okx.venue.balances();
        okx.venue.fees(BTC_USDT);
        okx.venue.openOrders();
        okx.venue.orderStatus(BTC_USDT, new ClientOrderId("b1l2x0q2"));
        startTrading();
        okx.venue.place(new OrderRequest(new ClientOrderId("b1l2x0s1"), BTC_USDT, Side.SELL, OrderType.LIMIT_IOC,
                new BigDecimal("30000"), new BigDecimal("0.001")));
        await().atMost(WAIT).until(() -> okx.posts("/api/v5/trade/order") == 1);

        OkxSigner verifier = new OkxSigner(OkxLoopback.CREDENTIALS, false);
        List<LoggedRequest> privateRequests = okx.rest.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .anyRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlMatching("/api/v5/(account|trade)/.*")));
        assertThat(privateRequests).hasSizeGreaterThanOrEqualTo(5);
        for (LoggedRequest r : privateRequests) {
            String prehash = r.getHeader("OK-ACCESS-TIMESTAMP") + r.getMethod().value() + r.getUrl()
                    + r.getBodyAsString();
            assertThat(r.getHeader("OK-ACCESS-SIGN")).as(r.getUrl()).isEqualTo(verifier.sign(prehash));
            assertThat(r.getHeader("OK-ACCESS-KEY")).isEqualTo(OkxLoopback.CREDENTIALS.apiKey());
            assertThat(r.getHeader("OK-ACCESS-PASSPHRASE")).isEqualTo(OkxLoopback.CREDENTIALS.passphrase());
            assertThat(r.getHeader("OK-ACCESS-TIMESTAMP")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        }
    }

    // ---------------------------------------------------------------- helpers

    private void startTrading() {
        okx.venue.start(okx.sink);
        await().atMost(WAIT).until(() -> okx.venue.health() == VenueHealth.HEALTHY);
    }

    private long bookEvents() {
        return okx.sink.events().stream().filter(e -> e instanceof dev.ballast.core.event.BookSnapshot
                || e instanceof dev.ballast.core.event.BookDelta).count();
    }
}
