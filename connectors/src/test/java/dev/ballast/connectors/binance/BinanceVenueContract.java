package dev.ballast.connectors.binance;

import dev.ballast.connectors.testing.ConcurrentSink;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static dev.ballast.connectors.binance.BinanceLoopback.soon;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ballast.core.Asset;
import dev.ballast.core.Balance;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.FeeSchedule;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.Liquidity;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.book.ApplyResult;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.VenueStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a live Binance venue must do on each product, against a loopback Binance serving real captures: reference
 * data, balances and fees, a book synced from the recorded snapshot and diffs, place and cancel by client id, and
 * every fill of the user-data stream reaching the sink once. Subclassed per product.
 */
abstract class BinanceVenueContract {
    protected BinanceLoopback loop;
    protected BinanceVenue venue;
    protected ConcurrentSink sink;

    abstract BinanceProduct product();

    /** The symbol traded, one of the capture's. */
    abstract String symbol();

    abstract String wsCapture();

    abstract String snapshotCapture();

    /** The symbol's tick, lot and minimum notional in the captured exchangeInfo. */
    abstract String[] expectedRules();

    /** The balances the account reply holds. */
    abstract void assertBalances(Map<Asset, Balance> balances);

    abstract FeeSchedule expectedFees();

    /** WireMock template for the request's client id (new, or original for a query or cancel). */
    static final String REQUEST_ID = "{{#if request.query.newClientOrderId}}{{request.query.newClientOrderId}}"
            + "{{else}}{{request.query.origClientOrderId}}{{/if}}";

    /** An order as Binance shows it (order 28, size 100 or 10), in {@code status}, under client id {@code id}. */
    abstract String orderReply(String status, String id);

    String orderReply(String status) {
        return orderReply(status, REQUEST_ID);
    }

    /** A user-data event for an order: NEW, CANCELED, or a TRADE of {@code qty} at {@code price}. */
    abstract String userEvent(String clientId, long orderId, String execType, String status, long tradeId,
                              String qty, String price, String cumQty, boolean maker);

    /** An own-trades reply ({@code myTrades}/{@code userTrades}) holding one trade of order 28. */
    abstract String tradesReply();

    @BeforeEach
    void startLoopback() {
        loop = new BinanceLoopback(product());
        loop.replayOnConnect(BinanceCaptures.subscribedFrames(wsCapture(), symbol()));
        venue = loop.venue(loop.config(symbol()));
        sink = new ConcurrentSink();
    }

    @AfterEach
    void stop() {
        venue.close();
        loop.close();
    }

    @Test
    void shouldReadTheInstrumentsTickLotAndMinimumNotionalFromExchangeInfo() {
        List<Instrument> instruments = venue.instruments();

        assertThat(instruments).singleElement().satisfies(i -> {
            assertThat(i.id().venue()).isEqualTo(venue.id());
            assertThat(i.id().symbol()).isEqualTo(symbol());
            assertThat(i.tickSize()).isEqualByComparingTo(expectedRules()[0]);
            assertThat(i.lotSize()).isEqualByComparingTo(expectedRules()[1]);
            assertThat(i.minNotional()).isEqualByComparingTo(expectedRules()[2]);
        });
    }

    /** The rate limits of the captured exchangeInfo. */
    abstract List<BinanceRateLimit> expectedLimits();

    @Test
    void shouldTakeItsRateLimitsFromExchangeInfo() {
        venue.instruments();

        assertThat(venue.budget().limits()).containsExactlyElementsOf(expectedLimits());
    }

    @Test
    void shouldReadBalancesFromTheSignedAccountCall() {
        assertBalances(venue.balances());

        LoggedRequest request = loop.rest.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlPathEqualTo(product() == BinanceProduct.SPOT ? "/api/v3/account"
                        : "/fapi/v2/account"))).get(0);
        assertThat(request.getHeader("X-MBX-APIKEY")).isEqualTo(BinanceLoopback.API_KEY);
        assertThat(request.queryParameter("signature").firstValue()).matches("[0-9a-f]{64}");
        assertThat(request.queryParameter("timestamp").firstValue())
                .isEqualTo(Long.toString(BinanceLoopback.START_NS / 1_000_000));
    }

    @Test
    void shouldReadTheAccountsFeeRates() {
        FeeSchedule fees = venue.fees(venue.instruments().get(0).id());

        assertThat(fees.makerRate()).isEqualByComparingTo(expectedFees().makerRate());
        assertThat(fees.takerRate()).isEqualByComparingTo(expectedFees().takerRate());
    }

    @Test
    void shouldPublishTheRecordedBookInSyncWithoutAGapOrACrossThenReportHealthy() throws Exception {
        Instrument instrument = venue.instruments().get(0);
        List<String> frames = BinanceCaptures.subscribedFrames(wsCapture(), symbol());
        BookOracle oracle = new BookOracle(BinanceCaptures.snapshots(snapshotCapture()).get(symbol()), frames,
                instrument.tickSize(), product().isFutures());

        venue.start(sink);

        soon().until(() -> venue.withBook(symbol(), OrderBook::lastUpdateId) == oracle.lastUpdateId);
        OrderBook published = new OrderBook(instrument, BinanceVenue.PUBLISHED_SEQUENCE_RULE);
        List<Event> events = sink.events();
        assertThat(events.stream().filter(e -> e instanceof BookSnapshot || e instanceof BookDelta).findFirst())
                .get().isInstanceOf(BookSnapshot.class);
        for (Event e : events) {
            if (e instanceof BookSnapshot s) {
                published.applySnapshot(s);
            } else if (e instanceof BookDelta d) {
                assertThat(published.applyDelta(d)).isEqualTo(ApplyResult.APPLIED);
            } else {
                continue;
            }
            assertThat(published.isCrossed()).as("crossed after %s", e).isFalse();
        }
        assertSameBook(published, oracle, instrument);
        assertThat(venue.feed(symbol()).gaps()).isZero();
        soon().until(() -> venue.checkHealth() == VenueHealth.HEALTHY);
        soon().until(() -> lastStatus() == VenueHealth.HEALTHY);
    }

    @Test
    void shouldPlaceAPostOnlyOrderSignedUnderItsClientIdAndReportItAccepted() {
        loop.rest.stubFor(post(urlPathEqualTo(loop.prefix() + "/order")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(orderReply("NEW"))
                .withTransformers("response-template")));
        startAndSync();
        Instrument instrument = venue.instruments().get(0);
        BigDecimal price = instrument.ticksToPrice(venue.withBook(symbol(), OrderBook::bestBidTicks) - 10);
        OrderRequest bid = new OrderRequest(new ClientOrderId("q1bid"), instrument.id(), Side.BUY,
                OrderType.LIMIT_POST_ONLY, price, lotsWorth(instrument, price, 3));

        venue.place(bid);

        soon().until(() -> !sink.forOrder(bid.clientOrderId()).isEmpty());
        assertThat(sink.forOrder(bid.clientOrderId())).singleElement().isInstanceOfSatisfying(OrderAccepted.class,
                a -> assertThat(a.venueOrderId().value()).isEqualTo("28"));
        LoggedRequest sent = loop.rest.findAll(postRequestedFor(urlPathEqualTo(loop.prefix() + "/order"))).get(0);
        assertThat(sent.queryParameter("newClientOrderId").firstValue()).isEqualTo("q1bid");
        assertThat(sent.queryParameter("side").firstValue()).isEqualTo("BUY");
        assertThat(sent.queryParameter("price").firstValue()).isEqualTo(price.toPlainString());
        assertThat(sent.queryParameter("quantity").firstValue()).isEqualTo(bid.size().toPlainString());
        assertPostOnlySpelling(sent);
        assertThat(sent.getHeader("X-MBX-APIKEY")).isEqualTo(BinanceLoopback.API_KEY);
        assertThat(sent.getUrl()).contains("&recvWindow=200&signature=");
    }

    /** How the product says post-only: LIMIT_MAKER on spot, LIMIT + GTX on USD-M. */
    abstract void assertPostOnlySpelling(LoggedRequest sent);

    @Test
    void shouldCancelByClientIdAndReportItCancelled() {
        loop.rest.stubFor(delete(urlPathEqualTo(loop.prefix() + "/order")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(orderReply("CANCELED"))
                .withTransformers("response-template")));
        startAndSync();
        ClientOrderId id = new ClientOrderId("q2ask");

        venue.cancel(venue.instruments().get(0).id(), id);

        soon().until(() -> !sink.forOrder(id).isEmpty());
        assertThat(sink.forOrder(id)).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("OrderAccepted", "OrderCancelled");
        assertThat(loop.rest.findAll(deleteRequestedFor(urlPathEqualTo(loop.prefix() + "/order"))).get(0)
                .queryParameter("origClientOrderId").firstValue()).isEqualTo("q2ask");
    }

    @Test
    void shouldPassEachFillOfTheUserStreamToTheSinkOnceEvenWhenBinanceRepeatsIt() {
        startAndSync();
        ClientOrderId id = new ClientOrderId("q3bid");
        soon().until(() -> loop.userConnected("key-1"));

        loop.pushUser("key-1", userEvent("q3bid", 28, "NEW", "NEW", -1, "0", "0", "0", true));
        loop.pushUser("key-1", userEvent("q3bid", 28, "TRADE", "PARTIALLY_FILLED", 9001, "4", "7.6110", "4", true));
        loop.pushUser("key-1", userEvent("q3bid", 28, "TRADE", "PARTIALLY_FILLED", 9001, "4", "7.6110", "4", true));
        loop.pushUser("key-1", userEvent("q3bid", 28, "TRADE", "FILLED", 9002, "6", "7.6100", "10", false));

        soon().until(() -> sink.forOrder(id).size() == 3);
        List<Event> events = sink.forOrder(id);
        assertThat(events.get(0)).isInstanceOf(OrderAccepted.class);
        Fill first = ((OrderFilled) events.get(1)).fill();
        Fill second = ((OrderFilled) events.get(2)).fill();
        assertThat(first.tradeId()).isEqualTo(new TradeId("9001"));
        assertThat(first.size()).isEqualByComparingTo("4");
        assertThat(first.price()).isEqualByComparingTo("7.6110");
        assertThat(first.liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(first.side()).isEqualTo(Side.BUY);
        assertThat(first.fee()).isEqualByComparingTo("0.01");
        assertThat(first.feeAsset()).isEqualTo(Asset.of("USDT"));
        assertThat(first.venueOrderId().value()).isEqualTo("28");
        assertThat(second.tradeId()).isEqualTo(new TradeId("9002"));
        assertThat(second.liquidity()).isEqualTo(Liquidity.TAKER);
    }

    @Test
    void shouldReportACancelFromTheUserStreamAfterTheFillsBeforeIt() {
        startAndSync();
        ClientOrderId id = new ClientOrderId("q4ask");
        soon().until(() -> loop.userConnected("key-1"));

        loop.pushUser("key-1", userEvent("q4ask", 29, "TRADE", "PARTIALLY_FILLED", 9101, "2", "7.6120", "2", true));
        loop.pushUser("key-1", userEvent("q4ask", 29, "CANCELED", "CANCELED", -1, "0", "0", "2", true));

        soon().until(() -> sink.forOrder(id).size() == 3);
        assertThat(sink.forOrder(id)).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("OrderAccepted", "OrderFilled", "OrderCancelled");
    }

    @Test
    void shouldCancelAllOpenOrdersOfEachSymbol() {
        loop.rest.stubFor(delete(urlPathEqualTo(cancelAllPath())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(cancelAllReply())));
        startAndSync();

        venue.cancelAll();

        soon().until(() -> !loop.rest.findAll(deleteRequestedFor(urlPathEqualTo(cancelAllPath()))).isEmpty());
        assertThat(loop.rest.findAll(deleteRequestedFor(urlPathEqualTo(cancelAllPath()))).get(0)
                .queryParameter("symbol").firstValue()).isEqualTo(symbol());
        assertCancelAllReported();
    }

    abstract String cancelAllPath();

    abstract String cancelAllReply();

    /** What the sink holds after cancel-all: spot lists the cancelled orders, USD-M leaves it to the stream. */
    abstract void assertCancelAllReported();

    @Test
    void shouldReportAnOrdersStatusByClientIdAndEmptyWhenTheVenueDoesNotKnowIt() {
        loop.rest.stubFor(get(urlPathEqualTo(loop.prefix() + "/order"))
                .withQueryParam("origClientOrderId", equalTo("q5bid")).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody(orderReply("PARTIALLY_FILLED"))
                        .withTransformers("response-template")));
        loop.rest.stubFor(get(urlPathEqualTo(loop.prefix() + "/order"))
                .withQueryParam("origClientOrderId", equalTo("nobody")).willReturn(aResponse().withStatus(400)
                        .withBody("{\"code\":-2013,\"msg\":\"Order does not exist.\"}")));
        startAndSync();
        var instrument = venue.instruments().get(0).id();

        var report = venue.orderStatus(instrument, new ClientOrderId("q5bid"));
        var unknown = venue.orderStatus(instrument, new ClientOrderId("nobody"));

        assertThat(report).get().satisfies(r -> {
            assertThat(r.clientOrderId().value()).isEqualTo("q5bid");
            assertThat(r.venueOrderId().value()).isEqualTo("28");
            assertThat(r.status()).isEqualTo(dev.ballast.core.OrderStatus.PARTIALLY_FILLED);
            assertThat(r.instrument()).isEqualTo(instrument);
        });
        assertThat(unknown).isEmpty();
    }

    @Test
    void shouldListOwnTradesAfterATradeIdOldestFirst() {
        loop.rest.stubFor(get(urlPathEqualTo(product() == BinanceProduct.SPOT ? "/api/v3/myTrades"
                : "/fapi/v1/userTrades")).withQueryParam("fromId", equalTo("9001"))
                .willReturn(BinanceLoopback.json(tradesReply())));
        loop.rest.stubFor(get(urlPathEqualTo(loop.prefix() + "/order")).withQueryParam("orderId", equalTo("28"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(orderReply("FILLED", "q6bid"))));
        startAndSync();

        List<Fill> fills = venue.tradesSince(venue.instruments().get(0).id(), new TradeId("9000"));

        assertThat(fills).singleElement().satisfies(f -> {
            assertThat(f.clientOrderId().value()).isEqualTo("q6bid");
            assertThat(f.tradeId().value()).isEqualTo("9001");
            assertThat(f.venueOrderId().value()).isEqualTo("28");
        });
    }

    // ------------------------------------------------------------------------------------------------ helpers

    protected void startAndSync() {
        venue.start(sink);
        soon().until(() -> venue.feed(symbol()).isValid());
    }

    protected VenueHealth lastStatus() {
        List<VenueStatus> statuses = sink.ofType(VenueStatus.class);
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1).health();
    }

    /** A size on the lot grid whose notional at {@code price} is {@code multiple} × the minimum. */
    protected static BigDecimal lotsWorth(Instrument instrument, BigDecimal price, int multiple) {
        BigDecimal notional = instrument.minNotional().multiply(BigDecimal.valueOf(multiple));
        long lots = notional.divide(price.multiply(instrument.lotSize()), 0, RoundingMode.CEILING).longValueExact();
        return instrument.lotsToSize(Math.max(1, lots));
    }

    private static void assertSameBook(OrderBook published, BookOracle oracle, Instrument instrument) {
        assertThat(published.levels(Side.BUY)).isEqualTo(oracle.bids.size());
        assertThat(published.levels(Side.SELL)).isEqualTo(oracle.asks.size());
        assertSide(published, Side.BUY, oracle.bids, instrument);
        assertSide(published, Side.SELL, oracle.asks, instrument);
    }

    private static void assertSide(OrderBook book, Side side, Map<BigDecimal, BigDecimal> expected,
                                   Instrument instrument) {
        int i = 0;
        for (Map.Entry<BigDecimal, BigDecimal> level : expected.entrySet().stream().limit(50)
                .collect(Collectors.toList())) {
            assertThat(book.priceTicksAt(side, i)).as("%s level %d price", side, i)
                    .isEqualTo(instrument.priceToTicks(level.getKey()));
            assertThat(book.sizeLotsAt(side, i)).as("%s level %d size", side, i).isEqualTo(
                    level.getValue().divide(instrument.lotSize(), 0, RoundingMode.CEILING).longValueExact());
            i++;
        }
    }
}
