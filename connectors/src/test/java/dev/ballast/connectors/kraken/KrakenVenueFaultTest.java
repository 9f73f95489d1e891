package dev.ballast.connectors.kraken;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ballast.connectors.kraken.KrakenLoopback.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ballast.connectors.kraken.KrakenCaptures.Frame;
import dev.ballast.connectors.live.HealthBoard;
import dev.ballast.connectors.testing.RecordingSink;
import dev.ballast.connectors.testing.SequencedTestBook;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.event.CancelRejected;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.RejectReason;
import dev.ballast.core.event.VenueStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.WebSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kraken's share of the fault matrix, each case ending in an asserted state. */
class KrakenVenueFaultTest {
    private static final String XMR_BOOK = "{\"name\":\"book\",\"depth\":1000}";
    private static final InstrumentId XBT_CHF = InstrumentId.of("kraken", "XBT/CHF");
    private static final String TXID = "OTIME1-OUTXX-ABCDEF";
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
    void shouldRejectTheCancelOfAnOrderKrakenDoesNotKnow() {
        kraken.privateStub("CancelOrder", "{\"error\":[\"EOrder:Unknown order\"]}");
        venue = startedVenue();
        ClientOrderId never = new ClientOrderId("nope1");

        venue.cancel(XBT_CHF, never);

        await().until(() -> !kraken.sink.forOrder(never).isEmpty());
        assertThat(kraken.sink.forOrder(never)).singleElement().isInstanceOfSatisfying(CancelRejected.class, r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_ORDER);
            assertThat(r.message()).isEqualTo("EOrder:Unknown order");
        });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "EOrder:Post only order, POST_ONLY_WOULD_CROSS",
            "EOrder:Insufficient funds, INSUFFICIENT_BALANCE",
            "EGeneral:Invalid arguments:volume, INVALID_ORDER",
            "EOrder:Order minimum not met, MIN_NOTIONAL",
            "EOrder:Rate limit exceeded, RATE_LIMITED"})
    void shouldTurnKrakensOrderErrorsIntoRejectReasons(String error, RejectReason reason) {
        kraken.privateStub("AddOrder", "{\"error\":[\"" + error + "\"]}");
        venue = startedVenue();
        OrderRequest bid = postOnly("rej1", "56000.0", "0.001");

        venue.place(bid);

        await().until(() -> !kraken.sink.forOrder(bid.clientOrderId()).isEmpty());
        assertThat(kraken.sink.forOrder(bid.clientOrderId())).singleElement().isInstanceOfSatisfying(
                OrderRejected.class, r -> assertThat(r.reason()).isEqualTo(reason));
        assertThat(kraken.privateCalls("AddOrder")).hasSize(1);
    }

    @Test
    void shouldRejectLocallyWithoutSendingAnOrderKrakenWouldRefuse() {
        venue = startedVenue();
        OrderRequest tooSmall = postOnly("small1", "56000.0", "0.0001");
        OrderRequest offTick = postOnly("tick1", "56000.05", "0.001");
        OrderRequest first = postOnly("dup1", "56000.0", "0.001");

        venue.place(tooSmall);
        venue.place(offTick);
        venue.place(first);
        venue.place(first);

        await().until(() -> kraken.sink.forOrder(first.clientOrderId()).size() == 2);
        assertThat(kraken.sink.forOrder(tooSmall.clientOrderId())).singleElement().isInstanceOfSatisfying(
                OrderRejected.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.MIN_NOTIONAL));
        assertThat(kraken.sink.forOrder(offTick.clientOrderId())).singleElement().isInstanceOfSatisfying(
                OrderRejected.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.INVALID_ORDER));
        assertThat(kraken.sink.forOrder(first.clientOrderId()).stream().filter(e -> e instanceof OrderRejected))
                .singleElement().isInstanceOfSatisfying(OrderRejected.class,
                        r -> assertThat(r.message()).contains("duplicate client order id"));
        assertThat(kraken.privateCalls("AddOrder")).hasSize(1);
    }

    @Test
    void shouldResolveAnAddOrderThatTimedOutByItsClientOrderIdAndNeverSendItAgain() {
        kraken.privateStubSlow("AddOrder", KrakenLoopback.fixture("trading/example-addorder-response-data.json"),
                KrakenLoopback.SLOW);
        kraken.privateStubWhen("OpenOrders", "cl_ord_id=late1", openOrder(TXID, "late1", "open", "0.00000000"));
        venue = startedVenue();
        OrderRequest bid = postOnly("late1", "56000.0", "0.001");

        venue.place(bid);

        await().until(() -> !kraken.sink.forOrder(bid.clientOrderId()).isEmpty());
        assertThat(kraken.sink.forOrder(bid.clientOrderId())).singleElement().isInstanceOfSatisfying(
                OrderAccepted.class, a -> assertThat(a.venueOrderId()).isEqualTo(new VenueOrderId(TXID)));
        await().during(Duration.ofMillis(500))
                .until(() -> kraken.privateCalls("AddOrder").size() == 1);
        assertThat(kraken.privateCalls("OpenOrders")).extracting(LoggedRequest::getBodyAsString)
                .anySatisfy(b -> assertThat(b).contains("cl_ord_id=late1"));
    }

    @Test
    void shouldRejectAnAddOrderThatTimedOutOnlyOnceKrakenHasRepeatedlyNotFoundIt() {
        kraken.privateStubSlow("AddOrder", KrakenLoopback.fixture("trading/example-addorder-response-data.json"),
                KrakenLoopback.SLOW);
        venue = startedVenue();
        OrderRequest bid = postOnly("lost1", "56000.0", "0.001");

        venue.place(bid);

        await().atMost(Duration.ofSeconds(10)).until(() -> !kraken.sink.forOrder(bid.clientOrderId()).isEmpty());
        assertThat(kraken.sink.forOrder(bid.clientOrderId())).singleElement().isInstanceOfSatisfying(
                OrderRejected.class, r -> {
                    assertThat(r.reason()).isEqualTo(RejectReason.VENUE_UNAVAILABLE);
                    assertThat(r.message()).contains("no order lost1");
                });
        assertThat(closedOrderLookups("lost1")).hasSize(kraken.config().notFoundConfirmations());
        assertThat(kraken.privateCalls("AddOrder")).hasSize(1);
    }

    @Test
    void shouldLookUpAnOrderWhenKrakenAnswersThatItsServiceIsUnavailable() {
        kraken.privateStub("AddOrder", "{\"error\":[\"EService:Unavailable\"]}");
        kraken.privateStubWhen("ClosedOrders", "cl_ord_id=busy1",
                "{\"error\":[],\"result\":{\"closed\":" + orderEntry(TXID, "busy1", "canceled", "0.00000000")
                        + ",\"count\":1}}");
        venue = startedVenue();
        OrderRequest bid = postOnly("busy1", "56000.0", "0.001");

        venue.place(bid);

        await().until(() -> kraken.sink.forOrder(bid.clientOrderId()).size() == 2);
        List<Event> events = kraken.sink.forOrder(bid.clientOrderId());
        assertThat(events.get(0)).isInstanceOf(OrderAccepted.class);
        assertThat(events.get(1)).isInstanceOf(OrderCancelled.class);
        assertThat(kraken.privateCalls("AddOrder")).hasSize(1);
    }

    @Test
    void shouldReportTheFillsOfATimedOutOrderFoundFilledFromTradeHistory() {
        kraken.privateStubSlow("AddOrder", KrakenLoopback.fixture("trading/example-addorder-response-data.json"),
                KrakenLoopback.SLOW);
        kraken.privateStubWhen("ClosedOrders", "cl_ord_id=fill1",
                "{\"error\":[],\"result\":{\"closed\":" + orderEntry(TXID, "fill1", "closed", "0.00100000")
                        + ",\"count\":1}}");
        kraken.privateStub("TradesHistory", "{\"error\":[],\"result\":{\"trades\":{\"THIST1-AAAAA-BBBBBB\":{"
                + "\"ordertxid\":\"" + TXID + "\",\"pair\":\"XBTCHF\",\"time\":1700000000.5,\"type\":\"buy\","
                + "\"ordertype\":\"limit\",\"price\":\"56000.0\",\"cost\":\"56.0\",\"fee\":\"0.0896\","
                + "\"vol\":\"0.00100000\",\"margin\":\"0.0\",\"misc\":\"\",\"maker\":true}},\"count\":1}}");
        venue = startedVenue();
        OrderRequest bid = postOnly("fill1", "56000.0", "0.001");

        venue.place(bid);

        await().until(() -> kraken.sink.forOrder(bid.clientOrderId()).size() == 2);
        List<Event> events = kraken.sink.forOrder(bid.clientOrderId());
        assertThat(events.get(0)).isInstanceOf(OrderAccepted.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(OrderFilled.class,
                f -> assertThat(f.fill().tradeId().value()).isEqualTo("THIST1-AAAAA-BBBBBB"));
        assertThat(kraken.privateCalls("AddOrder")).hasSize(1);
    }

    @Test
    void shouldLookUpACancelledOrderWhenTheStreamNeverConfirmsTheCancel() {
        kraken.privateStubWhen("QueryOrders", "txid=OWQJ5O-ZWYC7-5R7POQ", "{\"error\":[],\"result\":"
                + orderEntry("OWQJ5O-ZWYC7-5R7POQ", "quiet1", "canceled", "0.00000000") + "}");
        venue = startedVenue();
        OrderRequest ask = postOnly("quiet1", "57000.0", "0.001");
        venue.place(ask);
        await().until(() -> !kraken.sink.forOrder(ask.clientOrderId()).isEmpty());

        venue.cancel(XBT_CHF, ask.clientOrderId());

        await().atMost(Duration.ofSeconds(10)).until(() -> kraken.sink.forOrder(ask.clientOrderId()).size() == 2);
        assertThat(kraken.sink.forOrder(ask.clientOrderId()).get(1)).isInstanceOf(OrderCancelled.class);
    }

    @Test
    void shouldMarkTheBookInvalidOnABadChecksumAndResyncToHealthyFromAFreshSnapshot() {
        Resync resync = new Resync("XMR/USD", 5);
        kraken.publicScript(resync::serve);
        venue = kraken.venue();

        venue.start(kraken.sink);

        await().atMost(Duration.ofSeconds(10)).until(() -> resync.resent
                && venue.streamCounters().checksumsVerified() == resync.verifiable());
        assertThat(venue.checkHealth()).isEqualTo(VenueHealth.HEALTHY);
        assertThat(venue.streamCounters().checksumMismatches()).isEqualTo(1);
        assertThat(venue.streamCounters().resyncs()).isEqualTo(1);
        List<VenueStatus> statuses = kraken.sink.ofType(VenueStatus.class);
        int invalid = indexOf(statuses, s -> s.health() == VenueHealth.BOOK_INVALID
                && s.detail().contains("book XMR/USD: checksum mismatch"));
        assertThat(invalid).isNotNegative();
        assertThat(statuses.subList(invalid, statuses.size()))
                .anySatisfy(s -> assertThat(s.health()).isEqualTo(VenueHealth.HEALTHY));
        assertThat(kraken.publicReceived).containsSubsequence(
                "{\"event\":\"unsubscribe\",\"pair\":[\"XMR/USD\"],\"subscription\":" + XMR_BOOK + "}",
                "{\"event\":\"subscribe\",\"pair\":[\"XMR/USD\"],\"subscription\":" + XMR_BOOK + "}");
        SequencedTestBook engineBook = new SequencedTestBook(resync.instrument());
        kraken.sink.events().forEach(engineBook::apply);
        assertThat(engineBook.isSynced()).isTrue();
        assertThat(engineBook.bestBidTicks()).isEqualTo(resync.reference.book("XMR/USD").bestTicks(true));
        assertThat(engineBook.bestAskTicks()).isEqualTo(resync.reference.book("XMR/USD").bestTicks(false));
    }

    @Test
    void shouldCountAndSkipAMalformedMessageAndStayHealthy() {
        venue = startedVenue();

        kraken.pushPublic("{\"event\":");
        kraken.pushPublic("[1664,{\"a\":[[\"13.2845\",\"lots\",\"1618678133.383209\"]],\"c\":\"1\"},\"book-1000\","
                + "\"WAVES/EUR\"]");
        kraken.pushPublic("{\"event\":\"heartbeat\"}");

        await().until(() -> venue.streamCounters().malformedMessages() == 2);
        assertThat(venue.streamCounters().checksumMismatches()).isZero();
    }

    @Test
    void shouldMarkASilentStreamStaleAndHealthyAgainWhenTrafficResumes() {
        venue = startedVenue();

        kraken.clock.advance(kraken.config().streamSilence().plusSeconds(1));

        assertThat(venue.checkHealth()).isEqualTo(VenueHealth.STREAM_STALE);
        assertThat(kraken.sink.ofType(VenueStatus.class)).last()
                .satisfies(s -> assertThat(s.health()).isEqualTo(VenueHealth.STREAM_STALE));

        kraken.pushPublic("{\"event\":\"heartbeat\"}");
        kraken.pushPrivate("{\"event\":\"heartbeat\"}");

        await().until(() -> venue.checkHealth() == VenueHealth.HEALTHY);
    }

    @Test
    void shouldFailABlockingReadWithRateLimitedWhenKrakenSaysSlowDownAndNotRetryIt() {
        kraken.privateStub("BalanceEx", "{\"error\":[\"EAPI:Rate limit exceeded\"]}");
        venue = kraken.venue();

        assertThatThrownBy(() -> venue.balances()).isInstanceOfSatisfying(KrakenCallException.class,
                e -> assertThat(e.reason()).isEqualTo(RejectReason.RATE_LIMITED));
        assertThat(kraken.privateCalls("BalanceEx")).hasSize(1);
    }

    @Test
    void shouldRetryAReadWithAFreshNonceWhenKrakenRefusesTheNonce() {
        kraken.stub(post(urlPathEqualTo("/0/private/BalanceEx")).atPriority(1).inScenario("nonce")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second")
                .willReturn(okJson("{\"error\":[\"EAPI:Invalid nonce\"]}")));
        venue = kraken.venue();

        assertThat(venue.balances()).isNotEmpty();

        List<String> bodies = kraken.privateCalls("BalanceEx").stream().map(LoggedRequest::getBodyAsString).toList();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0)).isNotEqualTo(bodies.get(1));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Serves the ten snapshots, then one pair's updates with the n-th top-of-book update corrupted; answers the
     * pair's renewed subscription with a snapshot of the true book at that point and the rest of its updates.
     */
    private static final class Resync {
        final String pair;
        final KrakenPublicStream reference;
        private final List<String> before = new ArrayList<>();
        private final List<String> after = new ArrayList<>();
        private String corrupted;
        private String freshSnapshot;
        volatile boolean resent;

        Resync(String pair, int nth) {
            this.pair = pair;
            KrakenPairs pairs = KrakenCaptures.pairs();
            RecordingSink ignored = new RecordingSink();
            reference = new KrakenPublicStream(pairs.require(KrakenCaptures.PAIRS), 1000, ignored,
                    new HealthBoard(KrakenCaptures.VENUE, ignored, () -> 0L));
            reference.onOpen(text -> true);
            Pattern firstLevel = Pattern.compile("\\{\"([ab])\":\\[\\[\"([0-9.]+)\",\"([0-9.]+)\"");
            int seen = 0;
            for (Frame f : KrakenCaptures.received(KrakenCaptures.BOOKS)) {
                String t = f.text();
                boolean snapshot = t.contains("{\"as\":");
                boolean ours = t.endsWith("\"" + pair + "\"]");
                if (!snapshot && !ours) {
                    continue;
                }
                reference.onMessage(t, f.receivedNs());
                if (snapshot) {
                    before.add(t);
                    continue;
                }
                if (corrupted != null) {
                    after.add(t);
                    continue;
                }
                Matcher m = firstLevel.matcher(t);
                boolean top = t.contains("\"c\":\"") && m.find() && new BigDecimal(m.group(3)).signum() != 0
                        && reference.book(pair).rawLevels(m.group(1).equals("b")).stream().limit(10)
                        .anyMatch(l -> l[0].equals(m.group(2)));
                if (top && ++seen == nth) {
                    corrupted = t.replaceFirst("(\\[\"[0-9.]+\",\")([0-9])", "$1" + "7");
                    if (corrupted.equals(t)) {
                        corrupted = t.replaceFirst("(\\[\"[0-9.]+\",\")([0-9])", "$1" + "8");
                    }
                    freshSnapshot = snapshotOf(reference.book(pair));
                } else {
                    before.add(t);
                }
            }
        }

        InstrumentId instrument() {
            return InstrumentId.of("kraken", pair);
        }

        /** The checksums the venue can verify: every update served except the corrupted one. */
        long verifiable() {
            return before.stream().filter(t -> t.contains("\"c\":\"")).count()
                    + after.stream().filter(t -> t.contains("\"c\":\"")).count();
        }

        void serve(WebSocket ws, String received) {
            if (!received.contains("\"subscribe\"") || !received.contains("\"name\":\"book\"")) {
                return;
            }
            if (received.contains("\"pair\":[\"" + pair + "\"]")) {
                ws.send(freshSnapshot);
                after.forEach(ws::send);
                resent = true;
            } else {
                before.forEach(ws::send);
                ws.send(corrupted);
            }
        }

        private static String snapshotOf(KrakenBook book) {
            StringBuilder sb = new StringBuilder("[992,{\"as\":[");
            appendLevels(sb, book.rawLevels(false));
            sb.append("],\"bs\":[");
            appendLevels(sb, book.rawLevels(true));
            return sb.append("]},\"book-1000\",\"").append(book.instrument().id().symbol()).append("\"]").toString();
        }

        private static void appendLevels(StringBuilder sb, List<String[]> levels) {
            for (int i = 0; i < levels.size(); i++) {
                sb.append(i == 0 ? "" : ",").append("[\"").append(levels.get(i)[0]).append("\",\"")
                        .append(levels.get(i)[1]).append("\",\"1618678200.000000\"]");
            }
        }
    }

    private KrakenVenue startedVenue() {
        KrakenVenue v = kraken.venue();
        v.start(kraken.sink);
        await().until(() -> v.checkHealth() == VenueHealth.HEALTHY);
        return v;
    }

    private static OrderRequest postOnly(String id, String price, String size) {
        return new OrderRequest(new ClientOrderId(id), XBT_CHF, Side.BUY, OrderType.LIMIT_POST_ONLY,
                new BigDecimal(price), new BigDecimal(size));
    }

    private List<LoggedRequest> closedOrderLookups(String clientId) {
        return kraken.privateCalls("ClosedOrders").stream()
                .filter(r -> r.getBodyAsString().contains("cl_ord_id=" + clientId)).toList();
    }

    /** {@code {"txid": {...}}}: one order in the shape of Kraken's OpenOrders/ClosedOrders/QueryOrders entries. */
    private static String orderEntry(String txid, String clientId, String status, String executed) {
        return "{\"" + txid + "\":{\"refid\":null,\"userref\":0,\"cl_ord_id\":\"" + clientId + "\",\"status\":\""
                + status + "\",\"opentm\":1700000000.1,\"starttm\":0,\"expiretm\":0,\"descr\":{\"pair\":\"XBTCHF\","
                + "\"type\":\"buy\",\"ordertype\":\"limit\",\"price\":\"56000.0\",\"price2\":\"0\","
                + "\"leverage\":\"none\",\"order\":\"buy 0.00100000 XBTCHF @ limit 56000.0\"},"
                + "\"vol\":\"0.00100000\",\"vol_exec\":\"" + executed + "\",\"cost\":\"0\",\"fee\":\"0\","
                + "\"price\":\"0\",\"misc\":\"\",\"oflags\":\"fciq,post\"}}";
    }

    private static String openOrder(String txid, String clientId, String status, String executed) {
        return "{\"error\":[],\"result\":{\"open\":" + orderEntry(txid, clientId, status, executed) + "}}";
    }

    private static <T> int indexOf(List<T> list, Predicate<T> p) {
        for (int i = 0; i < list.size(); i++) {
            if (p.test(list.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
