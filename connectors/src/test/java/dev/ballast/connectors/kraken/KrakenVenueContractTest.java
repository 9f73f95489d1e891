package dev.ballast.connectors.kraken;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ballast.connectors.kraken.KrakenLoopback.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ballast.connectors.testing.SequencedTestBook;
import dev.ballast.core.Asset;
import dev.ballast.core.Balance;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.FeeSchedule;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Liquidity;
import dev.ballast.core.OpenOrder;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.VenueStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Kraken venue against Kraken on loopback: reference data and account from the REST samples, books from the
 * real WebSocket capture, order entry and the private stream's order updates and fills.
 */
class KrakenVenueContractTest {
    private static final InstrumentId XBT_CHF = InstrumentId.of("kraken", "XBT/CHF");
    private static KrakenLoopback kraken;
    private KrakenVenue venue;

    @BeforeAll
    static void startServers() {
        kraken = new KrakenLoopback();
    }

    @AfterAll
    static void stopServers() {
        kraken.close();
    }

    @BeforeEach
    void freshKraken() {
        kraken.reset();
    }

    @Test
    void shouldListTheConfiguredPairsWithTickLotAndMinimumsFromAssetPairs() {
        venue = kraken.venue();

        List<Instrument> instruments = venue.instruments();

        assertThat(instruments).extracting(i -> i.id().symbol()).containsExactlyElementsOf(KrakenCaptures.PAIRS);
        Instrument xbtChf = instruments.stream().filter(i -> i.id().equals(XBT_CHF)).findFirst().orElseThrow();
        assertThat(xbtChf.base()).isEqualTo(Asset.of("BTC"));
        assertThat(xbtChf.quote()).isEqualTo(Asset.of("CHF"));
        assertThat(xbtChf.tickSize()).isEqualByComparingTo("0.1");
        assertThat(xbtChf.lotSize()).isEqualByComparingTo("0.00000001");
        assertThat(venue.pair(XBT_CHF).orElseThrow().orderMin()).isEqualByComparingTo("0.0002");
        assertThat(instruments).allSatisfy(i -> assertThat(i.id().venue()).isEqualTo(venue.id()));
    }

    @Test
    void shouldFetchTheInstrumentsOnceAndServeThemFromTheCacheUntilTheyAreDue() {
        venue = kraken.venue();
        venue.instruments();
        venue.instruments();
        kraken.clock.advance(Duration.ofMinutes(5));
        venue.instruments();

        assertThat(kraken.rest.findAll(getRequestedFor(urlPathEqualTo("/0/public/AssetPairs")))).hasSize(1);
    }

    @Test
    void shouldReadTheAccountsFeeRatesFromTradeVolume() {
        venue = kraken.venue();

        FeeSchedule fees = venue.fees(InstrumentId.of("kraken", "XBT/USD"));

        assertThat(fees.makerRate()).isEqualByComparingTo("0.0016");
        assertThat(fees.takerRate()).isEqualByComparingTo("0.003");
        LoggedRequest call = kraken.privateCalls("TradeVolume").get(0);
        assertThat(call.getBodyAsString()).contains("pair=XXBTZUSD");
    }

    @Test
    void shouldReadBalancesWithFundsHeldForOrdersAsLocked() {
        venue = kraken.venue();

        Map<Asset, Balance> balances = venue.balances();

        assertThat(balances).containsOnlyKeys(Asset.of("USD"), Asset.of("BTC"), Asset.of("CHF"), Asset.of("ETH"));
        Balance btc = balances.get(Asset.of("BTC"));
        assertThat(btc.total()).isEqualByComparingTo("1.2435");
        assertThat(btc.locked()).isEqualByComparingTo("0.85");
        assertThat(btc.free()).isEqualByComparingTo("0.3935");
    }

    @Test
    void shouldSignPrivateCallsWithTheKeyAndAnIncreasingNonce() {
        venue = kraken.venue();
        venue.balances();
        kraken.clock.advanceNs(1_000);
        venue.balances();

        List<LoggedRequest> calls = kraken.privateCalls("BalanceEx");
        assertThat(calls).hasSize(2);
        long[] nonces = new long[2];
        for (int i = 0; i < 2; i++) {
            LoggedRequest call = calls.get(i);
            assertThat(call.getHeader("API-Key")).isEqualTo(KrakenLoopback.API_KEY);
            String body = call.getBodyAsString();
            assertThat(body).startsWith("nonce=");
            nonces[i] = Long.parseLong(body.substring("nonce=".length()));
            String expected = new KrakenSigner(kraken.config().credentials(), () -> 0L)
                    .sign("/0/private/BalanceEx", nonces[i], body);
            assertThat(call.getHeader("API-Sign")).isEqualTo(expected);
        }
        assertThat(nonces[1]).isGreaterThan(nonces[0]);
    }

    @Test
    void shouldSyncEveryBookFromTheRealCaptureVerifyingEveryChecksum() {
        kraken.publicScript(KrakenLoopback::replayBooks);
        venue = kraken.venue();

        venue.start(kraken.sink);

        long expected = KrakenCaptures.framesWithChecksum(KrakenCaptures.BOOKS);
        await().atMost(Duration.ofSeconds(20)).until(() -> venue.streamCounters().checksumsVerified() == expected);
        assertThat(venue.streamCounters()).isEqualTo(new KrakenStreamCounters(expected, 0, 0, 0));
        await().until(() -> kraken.sink.ofType(VenueStatus.class).stream().reduce((a, b) -> b)
                .map(s -> s.health() == VenueHealth.HEALTHY).orElse(false));
        SequencedTestBook book = new SequencedTestBook(XBT_CHF);
        for (Event e : kraken.sink.events()) {
            book.apply(e);
        }
        assertThat(book.isSynced()).isTrue();
        assertThat(book.isCrossed()).isFalse();
        assertThat(kraken.sink.ofType(BookSnapshot.class)).hasSize(10);
        assertThat(kraken.sink.ofType(BookDelta.class)).hasSizeGreaterThan((int) expected - 1);
    }

    @Test
    void shouldPlaceAPostOnlyOrderWithItsClientOrderIdAndReportItAccepted() {
        venue = startedVenue();
        OrderRequest bid = new OrderRequest(new ClientOrderId("q1A2b3"), XBT_CHF, Side.BUY, OrderType.LIMIT_POST_ONLY,
                new BigDecimal("56000.0"), new BigDecimal("0.00100000"));

        venue.place(bid);

        await().until(() -> !kraken.sink.forOrder(bid.clientOrderId()).isEmpty());
        assertThat(kraken.sink.forOrder(bid.clientOrderId())).singleElement().isInstanceOfSatisfying(
                OrderAccepted.class,
                a -> assertThat(a.venueOrderId()).isEqualTo(new VenueOrderId("OWQJ5O-ZWYC7-5R7POQ")));
        String body = kraken.privateCalls("AddOrder").get(0).getBodyAsString();
        assertThat(body).contains("ordertype=limit", "type=buy", "volume=0.001", "pair=XBTCHF", "price=56000",
                "oflags=post", "cl_ord_id=q1A2b3").doesNotContain("timeinforce");
    }

    @Test
    void shouldSendAnIocAsATimeInForceAndAMarketOrderWithoutAPrice() {
        venue = startedVenue();
        OrderRequest ioc = new OrderRequest(new ClientOrderId("h1"), XBT_CHF, Side.SELL, OrderType.LIMIT_IOC,
                new BigDecimal("56100.5"), new BigDecimal("0.01"));
        OrderRequest market = new OrderRequest(new ClientOrderId("h2"), XBT_CHF, Side.BUY, OrderType.MARKET, null,
                new BigDecimal("0.01"));

        venue.place(ioc);
        venue.place(market);

        await().until(() -> kraken.privateCalls("AddOrder").size() == 2);
        List<String> bodies = kraken.privateCalls("AddOrder").stream().map(LoggedRequest::getBodyAsString).toList();
        assertThat(bodies).anySatisfy(b -> assertThat(b).contains("type=sell", "price=56100.5", "timeinforce=IOC",
                "cl_ord_id=h1").doesNotContain("oflags"));
        assertThat(bodies).anySatisfy(b -> assertThat(b).contains("ordertype=market", "cl_ord_id=h2")
                .doesNotContain("price="));
    }

    @Test
    void shouldCancelByClientOrderIdAndReportTheCancelWhenTheStreamConfirmsIt() {
        venue = startedVenue();
        OrderRequest ask = placeAccepted("ask1", Side.SELL, "57000.0", "0.002");

        venue.cancel(XBT_CHF, ask.clientOrderId());
        await().until(() -> kraken.privateCalls("CancelOrder").size() == 1);
        kraken.pushPrivate("[[{\"OWQJ5O-ZWYC7-5R7POQ\":{\"status\":\"canceled\",\"vol_exec\":\"0.00000000\","
                + "\"cancel_reason\":\"User requested\",\"lastupdated\":\"1700000001.000000\"}}],\"openOrders\","
                + "{\"sequence\":2}]");

        await().until(() -> kraken.sink.forOrder(ask.clientOrderId()).size() == 2);
        assertThat(kraken.sink.forOrder(ask.clientOrderId()).get(1)).isInstanceOfSatisfying(OrderCancelled.class,
                c -> assertThat(c.reason()).isEqualTo("User requested"));
        assertThat(kraken.privateCalls("CancelOrder").get(0).getBodyAsString()).contains("cl_ord_id=ask1");
    }

    @Test
    void shouldReportEachFillOnceEvenWhenKrakenRepeatsIt() {
        venue = startedVenue();
        OrderRequest bid = placeAccepted("bid7", Side.BUY, "56000.0", "0.003");
        String trade = "[[{\"TRADE1-AAAAA-BBBBBB\":{\"ordertxid\":\"OWQJ5O-ZWYC7-5R7POQ\","
                + "\"postxid\":\"TKH2SE-M7IF5-CFI7LT\","
                + "\"pair\":\"XBT/CHF\",\"time\":\"1700000002.123456\",\"type\":\"buy\",\"ordertype\":\"limit\","
                + "\"price\":\"56000.0\",\"cost\":\"56.0\",\"fee\":\"0.0896\",\"vol\":\"0.00100000\","
                + "\"margin\":\"0.0\"}}],"
                + "\"ownTrades\",{\"sequence\":%d}]";

        kraken.pushPrivate(String.format(trade, 1));
        kraken.pushPrivate(String.format(trade, 2));
        kraken.pushPrivate("[[{\"OWQJ5O-ZWYC7-5R7POQ\":{\"status\":\"canceled\",\"vol_exec\":\"0.00100000\","
                + "\"cancel_reason\":\"User requested\"}}],\"openOrders\",{\"sequence\":2}]");

        await().until(() -> kraken.sink.forOrder(bid.clientOrderId()).size() == 3);
        List<Event> events = kraken.sink.forOrder(bid.clientOrderId());
        assertThat(events.get(0)).isInstanceOf(OrderAccepted.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(OrderFilled.class, f -> {
            Fill fill = f.fill();
            assertThat(fill.tradeId().value()).isEqualTo("TRADE1-AAAAA-BBBBBB");
            assertThat(fill.price()).isEqualByComparingTo("56000");
            assertThat(fill.size()).isEqualByComparingTo("0.001");
            assertThat(fill.fee()).isEqualByComparingTo("0.0896");
            assertThat(fill.feeAsset()).isEqualTo(Asset.of("CHF"));
            assertThat(fill.liquidity()).isEqualTo(Liquidity.MAKER);
            assertThat(fill.timestampNs()).isEqualTo(1_700_000_002_123_456_000L);
        });
        assertThat(events.get(2)).isInstanceOf(OrderCancelled.class);
    }

    @Test
    void shouldReturnOurTradesSinceAnIdFromTradeHistoryOldestFirst() {
        venue = startedVenue();
        InstrumentId xbtUsd = InstrumentId.of("kraken", "XBT/USD");

        List<Fill> fills = venue.tradesSince(xbtUsd, new TradeId("TY5BYV-WJUQF-XPYEYD-1"));

        assertThat(fills).extracting(f -> f.tradeId().value())
                .containsExactly("TY5BYV-WJUQF-XPYEYD-2", "TY5BYV-WJUQF-XPYEYD-3");
        assertThat(fills.get(0).side()).isEqualTo(Side.SELL);
        assertThat(fills.get(0).price()).isEqualByComparingTo("32.07562");
        assertThat(fills.get(0).venueOrderId()).isEqualTo(new VenueOrderId("ONRNOX-DVI4W-76DL6Q-2"));
        assertThat(kraken.privateCalls("TradesHistory").get(0).getBodyAsString())
                .contains("start=TY5BYV-WJUQF-XPYEYD-1");
    }

    @Test
    void shouldListOpenOrdersUnderTheirTxidWhenKrakenHasNoClientOrderId() {
        venue = startedVenue();

        List<OpenOrder> open = venue.openOrders();

        assertThat(open).hasSize(6);
        assertThat(open).anySatisfy(o -> {
            assertThat(o.clientOrderId().value()).isEqualTo("OAFWLV-M5O5T-IMSVT6");
            assertThat(o.instrument().symbol()).isEqualTo("ETH/EUR");
            assertThat(o.side()).isEqualTo(Side.BUY);
            assertThat(o.price()).isEqualByComparingTo("100");
            assertThat(o.size()).isEqualByComparingTo("0.1");
        });
    }

    // ---------------------------------------------------------------- helpers

    private KrakenVenue startedVenue() {
        KrakenVenue v = kraken.venue();
        v.start(kraken.sink);
        await().until(() -> v.checkHealth() == VenueHealth.HEALTHY);
        return v;
    }

    private OrderRequest placeAccepted(String id, Side side, String price, String size) {
        OrderRequest r = new OrderRequest(new ClientOrderId(id), XBT_CHF, side, OrderType.LIMIT_POST_ONLY,
                new BigDecimal(price), new BigDecimal(size));
        venue.place(r);
        await().until(() -> !kraken.sink.forOrder(r.clientOrderId()).isEmpty());
        assertThat(kraken.sink.forOrder(r.clientOrderId()).get(0)).isInstanceOf(OrderAccepted.class);
        return r;
    }
}
