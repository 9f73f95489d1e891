package dev.ballast.connectors.remote;

import static dev.ballast.connectors.remote.RemoteFixture.SIM_A;
import static dev.ballast.connectors.remote.RemoteFixture.settled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.connectors.testing.RecordingSink;
import dev.ballast.connectors.testing.SequencedTestBook;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.OrderReport;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderStatus;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.VenueId;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.RejectReason;
import dev.ballast.core.event.VenueStatus;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated exchange as a process apart from the bot: its state outlives a client, a new client starts from
 * fresh snapshots, a client order id sent twice is counted, and an order whose request fails is settled, never sent
 * again.
 */
class SimExchangeServerTest {
    private static final Instrument BTCUSDT = RemoteFixture.btcUsdt(SIM_A);

    private RemoteFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void shouldKeepAClientsRestingOrderAndFillsAfterTheClientDies() {
        fixture = new RemoteFixture(0);
        RemoteFixture.Client first = connect();
        OrderRequest ioc = ioc(first, "first-1", Side.BUY, 3);
        first.venue.place(ioc);
        OrderRequest bid = postOnly(first, "first-2", Side.BUY, -5);
        first.venue.place(bid);
        fixture.advanceMs(100);
        first.venue.close(); // the bot is gone; the exchange is not

        RemoteFixture.Client second = connect();

        assertThat(second.venue.openOrders()).singleElement()
                .satisfies(o -> assertThat(o.clientOrderId()).isEqualTo(bid.clientOrderId()));
        assertThat(second.venue.orderStatus(BTCUSDT.id(), bid.clientOrderId())).get()
                .satisfies(r -> assertThat(r.status()).isEqualTo(OrderStatus.OPEN));
        List<Fill> fills = second.venue.tradesSince(BTCUSDT.id(), null);
        assertThat(fills).isNotEmpty().allSatisfy(f -> assertThat(f.clientOrderId()).isEqualTo(ioc.clientOrderId()));
        assertThat(second.venue.tradesSince(BTCUSDT.id(), fills.get(0).tradeId())).isEqualTo(
                fills.subList(1, fills.size()));
        assertThat(second.venue.balances()).isEqualTo(fixture.server.venue(SIM_A).balances());
    }

    @Test
    void shouldCountAClientOrderIdSentAgainByALaterClient() {
        fixture = new RemoteFixture(0);
        RemoteFixture.Client first = connect();
        OrderRequest bid = postOnly(first, "again-1", Side.BUY, -5);
        first.venue.place(bid);
        fixture.advanceMs(100);
        first.venue.close();
        RemoteFixture.Client second = connect();

        second.venue.place(bid);
        fixture.advanceMs(100);

        assertThat(fixture.server.duplicateOrderIds()).containsExactly(bid.clientOrderId());
        assertThat(fixture.server.receivedOrderIds()).containsExactly(bid.clientOrderId());
        assertThat(second.sink.forOrder(bid.clientOrderId())).singleElement().isInstanceOfSatisfying(
                OrderRejected.class, r -> assertThat(r.message()).contains("duplicate client order id"));
    }

    @Test
    void shouldStartEveryConnectionWithASnapshotAndNumberItsEventsFromOne() {
        fixture = new RemoteFixture(20); // other traders move the book all the time
        RemoteFixture.Client first = connect();
        for (int i = 0; i < 10; i++) {
            fixture.advanceMs(100);
        }
        assertThat(first.sink.ofType(BookDelta.class)).isNotEmpty();

        RemoteFixture.Client late = connect();
        for (int i = 0; i < 10; i++) {
            fixture.advanceMs(100);
        }

        List<Event> bookEvents = late.sink.events().stream()
                .filter(e -> e instanceof BookSnapshot || e instanceof BookDelta).toList();
        assertThat(bookEvents.get(0)).isInstanceOf(BookSnapshot.class);
        SequencedTestBook book = new SequencedTestBook(BTCUSDT.id());
        bookEvents.forEach(book::apply); // throws at the first delta that does not chain
        assertThat(book.isSynced()).isTrue();
        assertThat(late.venue.lastSequence()).isLessThan(first.venue.lastSequence());
    }

    @Test
    void shouldReconnectAfterADroppedStreamAndResyncFromAFreshSnapshot() {
        fixture = new RemoteFixture(20);
        RemoteFixture.Client client = connect();
        fixture.advanceMs(500);
        int snapshotsBefore = client.sink.ofType(BookSnapshot.class).size();

        fixture.server.dropStreams(SIM_A);
        settled().until(() -> client.venue.connectionCount() == 2 && client.venue.isConnected());
        fixture.advanceMs(500);

        assertThat(client.sink.ofType(VenueStatus.class)).extracting(VenueStatus::health)
                .containsExactly(VenueHealth.HEALTHY, VenueHealth.DISCONNECTED, VenueHealth.HEALTHY);
        assertThat(client.sink.ofType(BookSnapshot.class)).hasSizeGreaterThan(snapshotsBefore);
        SequencedTestBook book = new SequencedTestBook(BTCUSDT.id());
        client.sink.events().forEach(book::apply);
        assertThat(book.isSynced()).isTrue();
    }

    @Test
    void shouldReportAnOrderStillOnItsWayToTheVenueAsOpen() {
        fixture = new RemoteFixture(0);
        RemoteFixture.Client client = connect();
        OrderRequest bid = postOnly(client, "way-1", Side.BUY, -5);
        client.venue.place(bid);
        settled().until(() -> client.venue.pendingCommands() == 0); // at the server; the venue's latency not yet run

        OrderReport onItsWay = client.venue.orderStatus(BTCUSDT.id(), bid.clientOrderId()).orElseThrow();
        fixture.advanceMs(100);
        OrderReport accepted = client.venue.orderStatus(BTCUSDT.id(), bid.clientOrderId()).orElseThrow();

        assertThat(onItsWay.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(onItsWay.venueOrderId()).isNull();
        assertThat(accepted.venueOrderId()).isNotNull();
        assertThat(client.sink.forOrder(bid.clientOrderId())).singleElement().isInstanceOf(OrderAccepted.class);
        assertThat(client.venue.orderStatus(BTCUSDT.id(), new ClientOrderId("never-sent"))).isEmpty();
    }

    @Test
    void shouldRejectAnOrderThatCouldNotBeSentAndReportTheVenueDisconnected() {
        fixture = new RemoteFixture(0);
        RemoteFixture.Client client = connect();
        fixture.advanceMs(100);
        fixture.server.close();
        OrderRequest bid = postOnly(client, "down-1", Side.BUY, -5);

        client.venue.place(bid);
        settled().until(() -> client.venue.pendingCommands() == 0 && !client.venue.isConnected());
        client.drain();

        assertThat(client.sink.forOrder(bid.clientOrderId())).singleElement().isInstanceOfSatisfying(
                OrderRejected.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.VENUE_UNAVAILABLE));
        assertThat(client.sink.ofType(VenueStatus.class)).last()
                .satisfies(s -> assertThat(s.health()).isEqualTo(VenueHealth.DISCONNECTED));
        assertThatThrownBy(client.venue::balances).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("balances");
    }

    @Test
    void shouldRefuseAVenueTheServerDoesNotServeWithItsName() {
        fixture = new RemoteFixture(0);
        RemoteVenue stranger = fixture.newVenue(VenueId.of("sim-z"));

        assertThatThrownBy(stranger::instruments).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("no venue 'sim-z'");
        stranger.close();
    }

    @Test
    void shouldDeliverFillsOnTheStreamInTheOrderTheVenueMadeThem() {
        fixture = new RemoteFixture(0);
        RemoteFixture.Client client = connect();
        OrderRequest ioc = ioc(client, "fills-1", Side.SELL, 4);

        client.venue.place(ioc);
        fixture.advanceMs(100);

        List<Fill> streamed = client.sink.ofType(OrderFilled.class).stream().map(OrderFilled::fill).toList();
        assertThat(streamed).isNotEmpty().isEqualTo(client.venue.tradesSince(BTCUSDT.id(), null));
        assertThat(client.venue.droppedEventCount()).isZero();
    }

    // ---------------------------------------------------------------- helpers

    private RemoteFixture.Client connect() {
        RemoteFixture.Client c = fixture.start(fixture.newVenue(SIM_A), new RecordingSink());
        fixture.advanceMs(50); // the first snapshots arrive
        return c;
    }

    /** A post-only order {@code offsetTicks} from the best price on its side (negative: away from the touch). */
    private static OrderRequest postOnly(RemoteFixture.Client c, String id, Side side, long offsetTicks) {
        SequencedTestBook book = bookOf(c);
        long priceTicks = side == Side.BUY ? book.bestBidTicks() + offsetTicks : book.bestAskTicks() - offsetTicks;
        return new OrderRequest(new ClientOrderId(id), BTCUSDT.id(), side, OrderType.LIMIT_POST_ONLY,
                BTCUSDT.ticksToPrice(priceTicks), new BigDecimal("0.01"));
    }

    /** An IOC that crosses {@code levels} levels of the opposite side. */
    private static OrderRequest ioc(RemoteFixture.Client c, String id, Side side, int levels) {
        SequencedTestBook book = bookOf(c);
        long priceTicks = side == Side.BUY ? book.bestAskTicks() + levels : book.bestBidTicks() - levels;
        return new OrderRequest(new ClientOrderId(id), BTCUSDT.id(), side, OrderType.LIMIT_IOC,
                BTCUSDT.ticksToPrice(priceTicks), new BigDecimal("0.6"));
    }

    private static SequencedTestBook bookOf(RemoteFixture.Client c) {
        SequencedTestBook book = new SequencedTestBook(BTCUSDT.id());
        c.sink.events().forEach(book::apply);
        return book;
    }
}
