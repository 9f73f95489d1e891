package dev.ballast.connectors.binance;

import dev.ballast.connectors.testing.ConcurrentSink;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static dev.ballast.connectors.binance.BinanceLoopback.soon;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Instrument;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.book.ApplyResult;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.CancelRejected;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.RejectReason;
import dev.ballast.core.event.VenueStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Binance's faults, each with the end state it must leave: refusals the engine handles (unknown order on cancel,
 * post-only would cross, insufficient balance, rate limit), a depth gap resynced from a fresh snapshot, malformed
 * stream messages skipped, an expired listen key replaced, and a place whose reply was lost settled by client id
 * and never sent again. Spot NKNUSDT unless a test says otherwise.
 */
class BinanceVenueFaultTest {
    private static final String SYMBOL = "NKNUSDT";

    private BinanceLoopback loop;
    private BinanceVenue venue;
    private final ConcurrentSink sink = new ConcurrentSink();

    @AfterEach
    void stop() {
        if (venue != null) {
            venue.close();
        }
        loop.close();
    }

    private void open(BinanceProduct product, String symbol, List<String> frames, Duration callTimeout,
                      BinanceVenueConfig config) {
        loop = loop == null ? new BinanceLoopback(product) : loop;
        loop.replayOnConnect(frames);
        venue = loop.venue(config == null ? loop.config(symbol) : config, callTimeout);
    }

    private void openSpot() {
        loop = new BinanceLoopback(BinanceProduct.SPOT);
        open(BinanceProduct.SPOT, SYMBOL, BinanceCaptures.subscribedFrames(BinanceCaptures.SPOT_WS, SYMBOL),
                Duration.ofSeconds(5), null);
    }

    private void startAndSync(String symbol) {
        venue.start(sink);
        soon().until(() -> venue.feed(symbol).isValid());
    }

    private OrderRequest postOnlyBid(String id, String price, String size) {
        return new OrderRequest(new ClientOrderId(id), venue.instruments().get(0).id(), Side.BUY,
                OrderType.LIMIT_POST_ONLY, new BigDecimal(price), new BigDecimal(size));
    }

    private List<Event> outcome(OrderRequest r) {
        soon().until(() -> !sink.forOrder(r.clientOrderId()).isEmpty());
        return sink.forOrder(r.clientOrderId());
    }

    private void stubPlace(int status, String body) {
        loop.rest.stubFor(post(urlPathEqualTo(loop.prefix() + "/order"))
                .willReturn(aResponse().withStatus(status).withBody(body)));
    }

    private int placesSent() {
        return loop.rest.findAll(postRequestedFor(urlPathEqualTo(loop.prefix() + "/order"))).size();
    }

    // ------------------------------------------------------------------------------------------------ refusals

    @Test
    void shouldRejectTheCancelOfAnOrderBinanceDoesNotKnowAsAnUnknownOrder() {
        openSpot();
        loop.rest.stubFor(delete(urlPathEqualTo("/api/v3/order")).willReturn(aResponse()
                .withStatus(BinanceErrorSamples.status(-2011, "Unknown order sent."))
                .withBody(BinanceErrorSamples.body(-2011, "Unknown order sent."))));
        startAndSync(SYMBOL);
        ClientOrderId gone = new ClientOrderId("gone1");

        venue.cancel(venue.instruments().get(0).id(), gone);

        soon().until(() -> !sink.forOrder(gone).isEmpty());
        assertThat(sink.forOrder(gone)).singleElement().isInstanceOfSatisfying(CancelRejected.class, r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_ORDER);
            assertThat(r.message()).contains("-2011");
        });
        assertThat(venue.checkHealth()).isEqualTo(VenueHealth.HEALTHY);
    }

    @Test
    void shouldRejectASpotPostOnlyBidThatWouldTakeAsPostOnlyWouldCross() {
        openSpot();
        stubPlace(400, BinanceErrorSamples.body(-2010, "immediately match"));
        startAndSync(SYMBOL);
        OrderRequest bid = postOnlyBid("cross1", "0.3600", "100");

        venue.place(bid);

        assertThat(outcome(bid)).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.POST_ONLY_WOULD_CROSS));
    }

    @Test
    void shouldRejectAUsdmGtxOrderThatWouldTakeAsPostOnlyWouldCross() {
        loop = new BinanceLoopback(BinanceProduct.USD_M);
        open(BinanceProduct.USD_M, "SUSHIUSDT", BinanceCaptures.subscribedFrames(BinanceCaptures.FUTURES_WS,
                "SUSHIUSDT"), Duration.ofSeconds(5), null);
        stubPlace(400, "{\"code\":-5022,\"msg\":\"Due to the order could not be executed as maker, the Post Only"
                + " order will be rejected. The order will not be recorded in the order history\"}");
        startAndSync("SUSHIUSDT");
        OrderRequest bid = postOnlyBid("gtx1", "7.700", "10");

        venue.place(bid);

        assertThat(outcome(bid)).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.POST_ONLY_WOULD_CROSS));
    }

    @Test
    void shouldRejectAnOrderTheBalanceCannotPayForAsInsufficientBalance() {
        openSpot();
        stubPlace(400, BinanceErrorSamples.body(-2010, "insufficient balance"));
        startAndSync(SYMBOL);
        OrderRequest bid = postOnlyBid("poor1", "0.3400", "100000");

        venue.place(bid);

        assertThat(outcome(bid)).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.INSUFFICIENT_BALANCE));
    }

    @Test
    void shouldRejectOrdersOffTheGridOrBelowTheMinimumNotionalWithoutSendingThem() {
        openSpot();
        startAndSync(SYMBOL);
        OrderRequest offTick = postOnlyBid("grid1", "0.34005", "100");
        OrderRequest offLot = postOnlyBid("grid2", "0.3400", "100.5");
        OrderRequest small = postOnlyBid("small1", "0.3400", "29");

        venue.place(offTick);
        venue.place(offLot);
        venue.place(small);

        assertThat(outcome(offTick)).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.INVALID_ORDER));
        assertThat(outcome(offLot)).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.INVALID_ORDER));
        assertThat(outcome(small)).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.MIN_NOTIONAL));
        assertThat(placesSent()).isZero();
    }

    @Test
    void shouldRejectAClientIdUsedBeforeWithoutSendingItAgain() {
        openSpot();
        stubPlace(200, "{\"symbol\":\"NKNUSDT\",\"orderId\":41,\"clientOrderId\":\"dup1\",\"transactTime\":1,"
                + "\"status\":\"NEW\",\"executedQty\":\"0\"}");
        startAndSync(SYMBOL);
        OrderRequest first = postOnlyBid("dup1", "0.3400", "100");
        venue.place(first);
        soon().until(() -> sink.forOrder(first.clientOrderId()).size() == 1);

        venue.place(postOnlyBid("dup1", "0.3300", "100"));

        soon().until(() -> sink.forOrder(first.clientOrderId()).size() == 2);
        assertThat(sink.forOrder(first.clientOrderId()).get(1)).isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.message()).contains("duplicate client order id"));
        assertThat(placesSent()).isEqualTo(1);
    }

    @Test
    void shouldRejectAnOrderRefusedFor429AsRateLimitedAndHoldBackTheNextCall() {
        openSpot();
        loop.rest.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "30").withBody(BinanceErrorSamples.body(-1003, "Too much request weight"))));
        startAndSync(SYMBOL);
        OrderRequest first = postOnlyBid("rl1", "0.3400", "100");
        OrderRequest second = postOnlyBid("rl2", "0.3400", "100");

        venue.place(first);
        venue.place(second);

        assertThat(outcome(first)).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.RATE_LIMITED));
        assertThat(outcome(second)).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.RATE_LIMITED));
        assertThat(placesSent()).as("the second waits out Retry-After instead of being sent").isEqualTo(1);
    }

    @Test
    void shouldRefuseOrdersButStreamBooksWithoutKeys() {
        loop = new BinanceLoopback(BinanceProduct.SPOT);
        BinanceVenueConfig base = loop.config(SYMBOL);
        BinanceVenueConfig publicOnly = base.withCredentials(null);
        open(BinanceProduct.SPOT, SYMBOL, BinanceCaptures.subscribedFrames(BinanceCaptures.SPOT_WS, SYMBOL),
                Duration.ofSeconds(5), publicOnly);
        startAndSync(SYMBOL);
        OrderRequest bid = postOnlyBid("paper1", "0.3400", "100");

        venue.place(bid);

        assertThat(outcome(bid)).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.VENUE_UNAVAILABLE));
        assertThat(venue.balances()).isEmpty();
        assertThat(venue.fees(bid.instrument())).isEqualTo(BinanceProduct.SPOT.publicFees());
        soon().until(() -> venue.checkHealth() == VenueHealth.HEALTHY);
        assertThat(loop.rest.findAll(postRequestedFor(urlPathEqualTo("/api/v3/userDataStream")))).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ unknown outcomes

    @Test
    void shouldSettleAPlaceWhoseReplyTimedOutByItsClientIdAndNeverSendItAgain() {
        loop = new BinanceLoopback(BinanceProduct.SPOT);
        open(BinanceProduct.SPOT, SYMBOL, BinanceCaptures.subscribedFrames(BinanceCaptures.SPOT_WS, SYMBOL),
                Duration.ofMillis(500), null);
        loop.rest.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(2_000).withBody("{}")));
        loop.rest.stubFor(get(urlPathEqualTo("/api/v3/order")).withQueryParam("origClientOrderId", equalTo("slow1"))
                .willReturn(BinanceLoopback.json("{\"symbol\":\"NKNUSDT\",\"orderId\":77,\"clientOrderId\":\"slow1\","
                        + "\"price\":\"0.34000000\",\"origQty\":\"100.00000000\",\"executedQty\":\"0.00000000\","
                        + "\"status\":\"NEW\",\"type\":\"LIMIT_MAKER\",\"side\":\"BUY\",\"time\":1633998512000,"
                        + "\"updateTime\":1633998512000}")));
        startAndSync(SYMBOL);
        OrderRequest bid = postOnlyBid("slow1", "0.3400", "100");

        venue.place(bid);

        assertThat(outcome(bid)).singleElement().isInstanceOfSatisfying(OrderAccepted.class,
                a -> assertThat(a.venueOrderId().value()).isEqualTo("77"));
        assertThat(loop.rest.findAll(getRequestedFor(urlPathEqualTo("/api/v3/order")))).isNotEmpty();
        assertThat(placesSent()).isEqualTo(1);
    }

    @Test
    void shouldRejectAPlaceLostInTransitOnlyOnceBinanceCouldNoLongerActOnIt() {
        loop = new BinanceLoopback(BinanceProduct.SPOT);
        open(BinanceProduct.SPOT, SYMBOL, BinanceCaptures.subscribedFrames(BinanceCaptures.SPOT_WS, SYMBOL),
                Duration.ofMillis(500), null);
        loop.rest.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(2_000).withBody("{}")));
        loop.rest.stubFor(get(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withStatus(400)
                .withBody("{\"code\":-2013,\"msg\":\"Order does not exist.\"}")));
        startAndSync(SYMBOL);
        OrderRequest bid = postOnlyBid("lost1", "0.3400", "100");

        venue.place(bid);
        soon().until(() -> loop.rest.findAll(getRequestedFor(urlPathEqualTo("/api/v3/order"))).size() >= 3);

        assertThat(sink.forOrder(bid.clientOrderId())).as("still within recvWindow: not settled").isEmpty();
        loop.clock.advance(Duration.ofSeconds(2));
        assertThat(outcome(bid)).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.VENUE_UNAVAILABLE));
        assertThat(placesSent()).isEqualTo(1);
    }

    @Test
    void shouldSettleAPlaceAnsweredWith503ByItsClientIdWithItsFills() {
        openSpot();
        loop.rest.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withStatus(503)
                .withBody("{\"code\":-1001,\"msg\":\"Internal error; unable to process your request.\"}")));
        loop.rest.stubFor(get(urlPathEqualTo("/api/v3/order")).withQueryParam("origClientOrderId", equalTo("busy1"))
                .willReturn(BinanceLoopback.json("{\"symbol\":\"NKNUSDT\",\"orderId\":78,\"clientOrderId\":\"busy1\","
                        + "\"price\":\"0.35300000\",\"origQty\":\"100.00000000\",\"executedQty\":\"100.00000000\","
                        + "\"status\":\"FILLED\",\"type\":\"LIMIT\",\"side\":\"BUY\",\"time\":1633998512000,"
                        + "\"updateTime\":1633998512500}")));
        loop.rest.stubFor(get(urlPathEqualTo("/api/v3/myTrades")).withQueryParam("orderId", equalTo("78"))
                .willReturn(BinanceLoopback.json("[{\"symbol\":\"NKNUSDT\",\"id\":501,\"orderId\":78,\"price\":"
                        + "\"0.35300000\",\"qty\":\"100.00000000\",\"quoteQty\":\"35.3\",\"commission\":\"0.0353\","
                        + "\"commissionAsset\":\"USDT\",\"time\":1633998512500,\"isBuyer\":true,\"isMaker\":false,"
                        + "\"isBestMatch\":true}]")));
        startAndSync(SYMBOL);
        OrderRequest ioc = new OrderRequest(new ClientOrderId("busy1"), venue.instruments().get(0).id(), Side.BUY,
                OrderType.LIMIT_IOC, new BigDecimal("0.3530"), new BigDecimal("100"));

        venue.place(ioc);

        soon().until(() -> sink.forOrder(ioc.clientOrderId()).size() == 2);
        List<Event> events = sink.forOrder(ioc.clientOrderId());
        assertThat(events.get(0)).isInstanceOf(OrderAccepted.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(OrderFilled.class,
                f -> assertThat(f.fill().tradeId().value()).isEqualTo("501"));
        assertThat(placesSent()).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------------ streams

    @Test
    void shouldMarkTheBookInvalidOnADepthGapAndResyncFromAFreshSnapshot() throws Exception {
        List<String> frames = BinanceCaptures.subscribedFrames(BinanceCaptures.SPOT_WS, SYMBOL);
        loop = new BinanceLoopback(BinanceProduct.SPOT);
        Instrument nkn = instrument(SYMBOL);
        String captured = BinanceCaptures.snapshots(BinanceCaptures.SPOT_SNAPSHOTS).get(SYMBOL);
        BookOracle atK = new BookOracle(captured, frames.subList(0, 100), nkn.tickSize(), false);
        BookOracle full = new BookOracle(captured, frames, nkn.tickSize(), false);
        loop.rest.stubFor(get(urlPathEqualTo("/api/v3/depth")).inScenario("depth")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("fresh")
                .willReturn(BinanceLoopback.json(captured)));
        loop.rest.stubFor(get(urlPathEqualTo("/api/v3/depth")).inScenario("depth").whenScenarioStateIs("fresh")
                .willReturn(BinanceLoopback.json(snapshotJson(atK))));
        open(BinanceProduct.SPOT, SYMBOL, frames.subList(0, 50), Duration.ofSeconds(5), null);
        startAndSync(SYMBOL);
        soon().until(() -> lastStatus() == VenueHealth.HEALTHY);

        for (String f : frames.subList(51, frames.size())) { // diff 50 lost
            loop.pushMarket(f);
        }

        soon().until(() -> venue.withBook(SYMBOL, OrderBook::lastUpdateId) == full.lastUpdateId
                && venue.feed(SYMBOL).isValid());
        assertThat(venue.feed(SYMBOL).gaps()).isEqualTo(1);
        List<VenueHealth> statuses = sink.ofType(VenueStatus.class).stream().map(VenueStatus::health)
                .collect(Collectors.toList());
        assertThat(statuses.subList(statuses.lastIndexOf(VenueHealth.BOOK_INVALID) - 1, statuses.size()))
                .containsExactly(VenueHealth.HEALTHY, VenueHealth.BOOK_INVALID, VenueHealth.HEALTHY);
        OrderBook published = published(nkn);
        assertThat(published.bestBidTicks()).isEqualTo(nkn.priceToTicks(full.bids.firstKey()));
        assertThat(published.bestAskTicks()).isEqualTo(nkn.priceToTicks(full.asks.firstKey()));
        assertThat(published.levels(Side.BUY)).isEqualTo(full.bids.size());
        assertThat(published.levels(Side.SELL)).isEqualTo(full.asks.size());
        assertThat(loop.rest.findAll(getRequestedFor(urlPathEqualTo("/api/v3/depth")))).hasSize(2);
    }

    @Test
    void shouldCountAndSkipMalformedStreamMessagesAndKeepTheBook() {
        List<String> frames = BinanceCaptures.subscribedFrames(BinanceCaptures.SPOT_WS, SYMBOL);
        loop = new BinanceLoopback(BinanceProduct.SPOT);
        open(BinanceProduct.SPOT, SYMBOL, frames.subList(0, 60), Duration.ofSeconds(5), null);
        startAndSync(SYMBOL);
        soon().until(() -> loop.userConnected("key-1"));

        loop.pushMarket("{\"stream\":\"nknusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,"
                + "\"s\":\"NKNUSDT\",\"U\":\"not a number\"}}");
        loop.pushMarket("this is not JSON");
        loop.pushUser("key-1", "{\"e\":\"executionReport\",\"s\":\"NKNUSDT\"}");
        for (String f : frames.subList(60, frames.size())) {
            loop.pushMarket(f);
        }

        soon().until(() -> venue.malformedMessages() == 3);
        String last = frames.get(frames.size() - 1);
        long lastU = Long.parseLong(last.replaceAll(".*\"u\":(\\d+).*", "$1"));
        soon().until(() -> venue.withBook(SYMBOL, OrderBook::lastUpdateId) == lastU);
        assertThat(venue.feed(SYMBOL).isValid()).isTrue();
        assertThat(venue.feed(SYMBOL).gaps()).isZero();
    }

    @Test
    void shouldReplaceAnExpiredListenKeyAndKeepReportingFills() {
        openSpot();
        startAndSync(SYMBOL);
        soon().until(() -> loop.userConnected("key-1"));

        loop.pushUser("key-1", "{\"e\":\"listenKeyExpired\",\"E\":1633998600000,\"listenKey\":\"key-1\"}");
        soon().until(() -> loop.userConnected("key-2"));
        loop.pushUser("key-2", "{\"e\":\"executionReport\",\"E\":1633998600100,\"s\":\"NKNUSDT\",\"c\":\"after1\","
                + "\"S\":\"SELL\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"50.00000000\",\"p\":\"0.35000000\",\"C\":\"\","
                + "\"x\":\"TRADE\",\"X\":\"FILLED\",\"r\":\"NONE\",\"i\":90,\"l\":\"50.00000000\",\"z\":\"50.00000000\","
                + "\"L\":\"0.35000000\",\"n\":\"0.0175\",\"N\":\"USDT\",\"T\":1633998600099,\"t\":777,\"m\":false}");

        ClientOrderId id = new ClientOrderId("after1");
        soon().until(() -> sink.forOrder(id).size() == 2);
        assertThat(sink.forOrder(id).get(1)).isInstanceOfSatisfying(OrderFilled.class,
                f -> assertThat(f.fill().side()).isEqualTo(Side.SELL));
        assertThat(venue.listenKeysObtained()).isEqualTo(2);
        assertThat(loop.rest.findAll(postRequestedFor(urlPathEqualTo("/api/v3/userDataStream")))).hasSize(2);
    }

    @Test
    void shouldKeepTheListenKeyAliveOnATimerAndReplaceItWhenBinanceHasForgottenIt() {
        loop = new BinanceLoopback(BinanceProduct.USD_M);
        BinanceVenueConfig config = loop.config("SUSHIUSDT").withTimings(Duration.ofMillis(200), Duration.ofMinutes(10),
                Duration.ofMillis(100), Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(50),
                Duration.ofMillis(50));
        open(BinanceProduct.USD_M, "SUSHIUSDT", BinanceCaptures.subscribedFrames(BinanceCaptures.FUTURES_WS,
                "SUSHIUSDT"), Duration.ofSeconds(5), config);
        startAndSync("SUSHIUSDT");
        soon().until(() -> loop.rest.findAll(putRequestedFor(urlPathEqualTo("/fapi/v1/listenKey"))).size() >= 2);

        loop.rest.stubFor(put(urlPathEqualTo("/fapi/v1/listenKey")).willReturn(aResponse().withStatus(400)
                .withBody("{\"code\":-1125,\"msg\":\"This listenKey does not exist.\"}")));

        soon().until(() -> loop.userConnected("key-2"));
        assertThat(venue.listenKeysObtained()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldRepublishTheSyncedBookWhenTheEngineAsksWithoutAnotherRestSnapshot() {
        openSpot();
        startAndSync(SYMBOL);
        soon().until(() -> venue.withBook(SYMBOL, OrderBook::lastUpdateId) >= 499_870_179L);
        int snapshotsBefore = sink.ofType(BookSnapshot.class).size();

        venue.requestSnapshot(venue.instruments().get(0).id());

        soon().until(() -> sink.ofType(BookSnapshot.class).size() == snapshotsBefore + 1);
        assertThat(loop.rest.findAll(getRequestedFor(urlPathEqualTo("/api/v3/depth")))).hasSize(1);
        OrderBook published = published(instrument(SYMBOL));
        assertThat(published.bestBidTicks()).isEqualTo(venue.withBook(SYMBOL, OrderBook::bestBidTicks));
    }

    @Test
    void shouldInvalidateTheBooksWhenTheMarketStreamDropsThenReconnectAndResync() {
        openSpot();
        startAndSync(SYMBOL);
        soon().until(() -> lastStatus() == VenueHealth.HEALTHY);

        loop.dropMarket();

        soon().until(() -> loop.marketConnections.get() == 2 && venue.feed(SYMBOL).isValid()
                && lastStatus() == VenueHealth.HEALTHY);
        List<VenueHealth> statuses = sink.ofType(VenueStatus.class).stream().map(VenueStatus::health)
                .collect(Collectors.toList());
        assertThat(statuses.get(statuses.size() - 2)).as("unusable until resynced (disconnected or book invalid)")
                .isIn(VenueHealth.DISCONNECTED, VenueHealth.BOOK_INVALID);
        assertThat(statuses.subList(0, statuses.size() - 2)).contains(VenueHealth.HEALTHY);
        assertThat(loop.rest.findAll(getRequestedFor(urlPathEqualTo("/api/v3/depth")))).hasSize(2);
        published(instrument(SYMBOL));
    }

    @Test
    void shouldLookUpLiveOrdersAfterTheUserStreamReconnectsAndPassOnWhatItMissed() {
        openSpot();
        stubPlace(200, "{\"symbol\":\"NKNUSDT\",\"orderId\":81,\"clientOrderId\":\"miss1\",\"transactTime\":1,"
                + "\"status\":\"NEW\",\"executedQty\":\"0\"}");
        loop.rest.stubFor(get(urlPathEqualTo("/api/v3/order")).withQueryParam("origClientOrderId", equalTo("miss1"))
                .willReturn(BinanceLoopback.json("{\"symbol\":\"NKNUSDT\",\"orderId\":81,\"clientOrderId\":\"miss1\","
                        + "\"price\":\"0.34000000\",\"origQty\":\"100.00000000\",\"executedQty\":\"100.00000000\","
                        + "\"status\":\"FILLED\",\"type\":\"LIMIT_MAKER\",\"side\":\"BUY\",\"time\":1633998512000,"
                        + "\"updateTime\":1633998519000}")));
        loop.rest.stubFor(get(urlPathEqualTo("/api/v3/myTrades")).withQueryParam("orderId", equalTo("81"))
                .willReturn(BinanceLoopback.json("[{\"symbol\":\"NKNUSDT\",\"id\":601,\"orderId\":81,\"price\":"
                        + "\"0.34000000\",\"qty\":\"100.00000000\",\"quoteQty\":\"34\",\"commission\":\"0.025\","
                        + "\"commissionAsset\":\"USDT\",\"time\":1633998519000,\"isBuyer\":true,\"isMaker\":true,"
                        + "\"isBestMatch\":true}]")));
        startAndSync(SYMBOL);
        soon().until(() -> loop.userConnected("key-1"));
        OrderRequest bid = postOnlyBid("miss1", "0.3400", "100");
        venue.place(bid);
        soon().until(() -> sink.forOrder(bid.clientOrderId()).size() == 1);

        loop.dropUser("key-1");

        soon().until(() -> sink.forOrder(bid.clientOrderId()).size() == 2);
        assertThat(sink.forOrder(bid.clientOrderId()).get(1)).isInstanceOfSatisfying(OrderFilled.class, f -> {
            assertThat(f.fill().tradeId().value()).isEqualTo("601");
            assertThat(f.fill().size()).isEqualByComparingTo("100");
        });
        assertThat(placesSent()).isEqualTo(1);
    }

    @Test
    void shouldServeCachedInstrumentsWithinTheirTtlAndRefreshThemOnceItHasPassed() {
        openSpot();
        assertThat(venue.instruments().get(0).minNotional()).isEqualByComparingTo("10");
        String raised = BinanceCaptures.exchangeInfo(BinanceCaptures.SPOT_INFO, BinanceLoopback.CAPTURED_SYMBOLS)
                .replace("\"minNotional\":\"10.00000000\"", "\"minNotional\":\"12.00000000\"");
        loop.rest.stubFor(get(urlPathEqualTo("/api/v3/exchangeInfo")).willReturn(BinanceLoopback.json(raised)));

        assertThat(venue.instruments().get(0).minNotional()).as("within the TTL: cached").isEqualByComparingTo("10");
        loop.clock.advance(Duration.ofMinutes(11));

        soon().until(() -> venue.instruments().get(0).minNotional().compareTo(new BigDecimal("12")) == 0);
        assertThat(loop.rest.findAll(getRequestedFor(urlPathEqualTo("/api/v3/exchangeInfo")))).hasSize(1 + 2);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private VenueHealth lastStatus() {
        List<VenueStatus> statuses = sink.ofType(VenueStatus.class);
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1).health();
    }

    /** The book as the engine would hold it from what the venue published; every message must chain on. */
    private OrderBook published(Instrument instrument) {
        OrderBook book = new OrderBook(instrument, BinanceVenue.PUBLISHED_SEQUENCE_RULE);
        for (Event e : sink.events()) {
            if (e instanceof BookSnapshot s) {
                book.applySnapshot(s);
            } else if (e instanceof BookDelta d) {
                assertThat(book.applyDelta(d)).isEqualTo(ApplyResult.APPLIED);
                assertThat(book.isCrossed()).isFalse();
            }
        }
        return book;
    }

    private static Instrument instrument(String symbol) {
        return new BinanceMapper(dev.ballast.core.VenueId.of("binance"), BinanceProduct.SPOT)
                .exchangeInfo(BinanceCaptures.exchangeInfo(BinanceCaptures.SPOT_INFO, BinanceLoopback.CAPTURED_SYMBOLS))
                .instruments().get(symbol);
    }

    /** A REST depth reply holding the oracle's book at its last update id: the "fresh snapshot" after a gap. */
    private static String snapshotJson(BookOracle book) {
        return "{\"lastUpdateId\":" + book.lastUpdateId + ",\"bids\":" + levels(book.bids) + ",\"asks\":"
                + levels(book.asks) + "}";
    }

    private static String levels(Map<BigDecimal, BigDecimal> side) {
        List<String> out = new ArrayList<>();
        side.forEach((p, q) -> out.add("[\"" + p.toPlainString() + "\",\"" + q.toPlainString() + "\"]"));
        return "[" + String.join(",", out) + "]";
    }

}
