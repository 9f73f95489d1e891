package dev.ballast.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.ballast.connectors.testing.RecordingSink;
import dev.ballast.connectors.testing.SequencedTestBook;
import dev.ballast.core.Asset;
import dev.ballast.core.Balance;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.FeeSchedule;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.Liquidity;
import dev.ballast.core.OpenOrder;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.event.CancelRejected;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.RejectReason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Venue} must do, whatever is behind it: reference data, balances, the book stream, and order
 * entry with its outcomes as events. Subclassed per implementation, which supplies a fresh venue on a quiet market
 * — prices holding still and nobody else trading for the length of a test — and a way to move time.
 *
 * <p>The account must hold enough of the instrument's base and quote to buy or sell the size resting at the best
 * level. Each test starts the venue, lets it stream the book, and reads the book from the stream; after each test
 * the balances must add up and {@link #assertInternalState()} must hold.
 */
public abstract class VenueContractTest {
    /** Long enough for any command to reach the venue and its answer to come back. */
    private static final long SETTLE_MS = 1_000;

    protected Venue venue;
    protected Instrument instrument;
    protected RecordingSink sink;
    protected SequencedTestBook book;
    private int applied;
    private int nextId;

    /** A fresh venue, not started, on a quiet market. */
    protected abstract Venue newVenue();

    /** The instrument the tests trade, one of the venue's. */
    protected abstract Instrument instrumentUnderTest();

    /** Moves time forward by {@code ms} and lets the venue do what falls due. */
    protected abstract void advanceMs(long ms);

    /** Checks the implementation's own bookkeeping against what the venue reports; called after every test. */
    protected void assertInternalState() {
    }

    @BeforeEach
    void startVenue() {
        venue = newVenue();
        instrument = instrumentUnderTest();
        sink = new RecordingSink();
        book = new SequencedTestBook(instrument.id());
        startStreaming(sink);
        settle();
    }

    /**
     * Starts the venue's streams into {@code sink}, which the test thread reads. A venue that delivers its events
     * from threads of its own starts them into a queue instead and hands them to {@code sink} in {@link #advanceMs}.
     */
    protected void startStreaming(RecordingSink sink) {
        venue.start(sink);
    }

    @AfterEach
    void checkStateAndClose() {
        for (Balance b : venue.balances().values()) {
            assertThat(b.free().signum()).as("free %s", b.asset()).isGreaterThanOrEqualTo(0);
        }
        assertInternalState();
        venue.close();
    }

    @Test
    void shouldListTheInstrumentUnderItsOwnVenueId() {
        assertThat(venue.instruments()).contains(instrument);
        assertThat(venue.instruments()).allSatisfy(i -> assertThat(i.id().venue()).isEqualTo(venue.id()));
    }

    @Test
    void shouldQuoteFeesWithTakerAtLeastMaker() {
        FeeSchedule fees = venue.fees(instrument.id());

        assertThat(fees.takerRate()).isGreaterThanOrEqualTo(fees.makerRate());
    }

    @Test
    void shouldStreamATwoSidedUncrossedBookOnceStarted() {
        assertThat(book.isSynced()).isTrue();
        assertThat(book.bids()).isNotEmpty();
        assertThat(book.asks()).isNotEmpty();
        assertThat(book.isCrossed()).isFalse();
    }

    @Test
    void shouldStartWithNothingLocked() {
        Map<Asset, Balance> balances = venue.balances();

        assertThat(balances).containsKeys(instrument.base(), instrument.quote());
        assertThat(balances.values()).allSatisfy(b -> assertThat(b.locked()).isZero());
        assertThat(venue.openOrders()).isEmpty();
    }

    @Test
    void shouldAcceptAPostOnlyBidShowItOpenInTheBookAndLockItsQuote() {
        long priceTicks = book.bestBidTicks() - 5;
        long lotsBefore = book.bidLotsAt(priceTicks);
        OrderRequest bid = postOnly(Side.BUY, priceTicks, lotsFor(2));

        send(bid);

        assertThat(sink.forOrder(bid.clientOrderId())).singleElement().isInstanceOf(OrderAccepted.class);
        assertThat(venue.openOrders()).singleElement().satisfies(o -> {
            assertThat(o.clientOrderId()).isEqualTo(bid.clientOrderId());
            assertThat(o.side()).isEqualTo(Side.BUY);
            assertThat(o.price()).isEqualByComparingTo(bid.price());
            assertThat(o.size()).isEqualByComparingTo(bid.size());
            assertThat(o.filledSize()).isZero();
        });
        assertThat(venue.balances().get(instrument.quote()).locked())
                .isGreaterThanOrEqualTo(bid.price().multiply(bid.size()));
        assertThat(book.bidLotsAt(priceTicks)).isEqualTo(lotsBefore + instrument.sizeToLots(bid.size()));
    }

    @Test
    void shouldRejectAPostOnlyOrderThatWouldCross() {
        OrderRequest bid = postOnly(Side.BUY, book.bestAskTicks(), lotsFor(2));

        send(bid);

        assertThat(sink.forOrder(bid.clientOrderId())).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.POST_ONLY_WOULD_CROSS));
        assertThat(venue.openOrders()).isEmpty();
    }

    @Test
    void shouldFillAnIocUpToItsLimitThenCancelTheRest() {
        long askTicks = book.bestAskTicks();
        long askLots = book.askLotsAt(askTicks);
        BigDecimal baseBefore = venue.balances().get(instrument.base()).total();
        OrderRequest ioc = new OrderRequest(nextId(), instrument.id(), Side.BUY, OrderType.LIMIT_IOC,
                instrument.ticksToPrice(askTicks), instrument.lotsToSize(askLots + 3));

        send(ioc);

        List<Event> events = sink.forOrder(ioc.clientOrderId());
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOf(OrderAccepted.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(OrderFilled.class, f -> {
            Fill fill = f.fill();
            assertThat(fill.price()).isEqualByComparingTo(instrument.ticksToPrice(askTicks));
            assertThat(fill.size()).isEqualByComparingTo(instrument.lotsToSize(askLots));
            assertThat(fill.liquidity()).isEqualTo(Liquidity.TAKER);
            assertThat(fill.feeAsset()).isEqualTo(instrument.quote());
            assertThat(fill.fee()).isEqualByComparingTo(
                    fill.notional().multiply(venue.fees(instrument.id()).takerRate()));
        });
        assertThat(events.get(2)).isInstanceOf(OrderCancelled.class);
        assertThat(venue.balances().get(instrument.base()).total())
                .isEqualByComparingTo(baseBefore.add(instrument.lotsToSize(askLots)));
        assertThat(venue.openOrders()).isEmpty();
    }

    @Test
    void shouldCancelARestingOrderAndUnlockItsBalance() {
        OrderRequest ask = postOnly(Side.SELL, book.bestAskTicks() + 5, lotsFor(2));
        send(ask);
        assertThat(venue.balances().get(instrument.base()).locked()).isPositive();

        venue.cancel(instrument.id(), ask.clientOrderId());
        settle();

        assertThat(sink.forOrder(ask.clientOrderId())).last().isInstanceOf(OrderCancelled.class);
        assertThat(venue.openOrders()).isEmpty();
        assertThat(venue.balances().get(instrument.base()).locked()).isZero();
    }

    @Test
    void shouldCancelEveryOpenOrderOnCancelAll() {
        OrderRequest bid = postOnly(Side.BUY, book.bestBidTicks() - 3, lotsFor(2));
        OrderRequest ask = postOnly(Side.SELL, book.bestAskTicks() + 3, lotsFor(2));
        venue.place(bid);
        venue.place(ask);
        settle();
        assertThat(venue.openOrders()).hasSize(2);

        venue.cancelAll();
        settle();

        assertThat(sink.forOrder(bid.clientOrderId())).last().isInstanceOf(OrderCancelled.class);
        assertThat(sink.forOrder(ask.clientOrderId())).last().isInstanceOf(OrderCancelled.class);
        assertThat(venue.openOrders()).isEmpty();
        assertThat(venue.balances().values()).allSatisfy(b -> assertThat(b.locked()).isZero());
    }

    @Test
    void shouldRejectTheCancelOfAnOrderItNeverSaw() {
        ClientOrderId unknown = nextId();

        venue.cancel(instrument.id(), unknown);
        settle();

        assertThat(sink.forOrder(unknown)).singleElement().isInstanceOfSatisfying(CancelRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_ORDER));
    }

    @Test
    void shouldRejectTheCancelOfAnOrderAlreadyCancelled() {
        OrderRequest bid = postOnly(Side.BUY, book.bestBidTicks() - 3, lotsFor(2));
        send(bid);
        venue.cancel(instrument.id(), bid.clientOrderId());
        settle();

        venue.cancel(instrument.id(), bid.clientOrderId());
        settle();

        assertThat(sink.forOrder(bid.clientOrderId())).last().isInstanceOfSatisfying(CancelRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_ORDER));
    }

    @Test
    void shouldRejectABuyBeyondTheFreeQuoteBalance() {
        long priceTicks = book.bestBidTicks() - 3;
        BigDecimal free = venue.balances().get(instrument.quote()).free();
        BigDecimal affordable = free.divide(instrument.ticksToPrice(priceTicks).multiply(instrument.lotSize()),
                0, RoundingMode.CEILING);
        OrderRequest bid = postOnly(Side.BUY, priceTicks, affordable.longValueExact() + 1);

        send(bid);

        assertRejected(bid, RejectReason.INSUFFICIENT_BALANCE);
    }

    @Test
    void shouldRejectASellBeyondTheFreeBaseBalance() {
        BigDecimal free = venue.balances().get(instrument.base()).free();
        OrderRequest ask = postOnly(Side.SELL, book.bestAskTicks() + 3, instrument.sizeToLots(
                instrument.roundSizeDown(free)) + 1);

        send(ask);

        assertRejected(ask, RejectReason.INSUFFICIENT_BALANCE);
    }

    @Test
    void shouldRejectAnOrderBelowTheMinimumNotional() {
        long priceTicks = book.bestBidTicks() - 3;
        BigDecimal price = instrument.ticksToPrice(priceTicks);
        long lots = instrument.minNotional().divide(price.multiply(instrument.lotSize()), 0, RoundingMode.CEILING)
                .longValueExact() - 1;
        assumeThat(lots).as("one lot already meets the minimum notional").isPositive();
        OrderRequest bid = postOnly(Side.BUY, priceTicks, lots);

        send(bid);

        assertRejected(bid, RejectReason.MIN_NOTIONAL);
    }

    @Test
    void shouldRejectAPriceOffTheTickGrid() {
        BigDecimal offGrid = instrument.ticksToPrice(book.bestBidTicks() - 3)
                .subtract(instrument.tickSize().divide(BigDecimal.valueOf(2)));
        OrderRequest bid = new OrderRequest(nextId(), instrument.id(), Side.BUY, OrderType.LIMIT_POST_ONLY, offGrid,
                instrument.lotsToSize(lotsFor(2)));

        send(bid);

        assertRejected(bid, RejectReason.INVALID_ORDER);
    }

    @Test
    void shouldRejectASizeOffTheLotGrid() {
        BigDecimal offGrid = instrument.lotsToSize(lotsFor(2)).add(instrument.lotSize().divide(BigDecimal.TEN));
        OrderRequest bid = new OrderRequest(nextId(), instrument.id(), Side.BUY, OrderType.LIMIT_POST_ONLY,
                instrument.ticksToPrice(book.bestBidTicks() - 3), offGrid);

        send(bid);

        assertRejected(bid, RejectReason.INVALID_ORDER);
    }

    @Test
    void shouldRejectADuplicateClientOrderIdWithoutPlacingASecondOrder() {
        OrderRequest first = postOnly(Side.BUY, book.bestBidTicks() - 3, lotsFor(2));
        send(first);
        BigDecimal lockedAfterFirst = venue.balances().get(instrument.quote()).locked();
        OrderRequest again = new OrderRequest(first.clientOrderId(), instrument.id(), Side.BUY,
                OrderType.LIMIT_POST_ONLY, instrument.ticksToPrice(book.bestBidTicks() - 4), first.size());

        send(again);

        assertThat(sink.forOrder(first.clientOrderId())).hasSize(2).last()
                .isInstanceOfSatisfying(OrderRejected.class, r -> {
                    assertThat(r.reason()).isEqualTo(RejectReason.INVALID_ORDER);
                    assertThat(r.message()).contains("duplicate client order id");
                });
        assertThat(venue.openOrders()).singleElement()
                .satisfies(o -> assertThat(o.price()).isEqualByComparingTo(first.price()));
        assertThat(venue.balances().get(instrument.quote()).locked()).isEqualByComparingTo(lockedAfterFirst);
    }

    @Test
    void shouldRejectTheReuseOfAClientOrderIdAfterItsOrderEnded() {
        OrderRequest first = postOnly(Side.BUY, book.bestBidTicks() - 3, lotsFor(2));
        send(first);
        venue.cancel(instrument.id(), first.clientOrderId());
        settle();

        send(first);

        assertThat(sink.forOrder(first.clientOrderId())).last().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.message()).contains("duplicate client order id"));
        assertThat(venue.openOrders()).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    /** Lets time pass until every command sent has been answered, and applies the book stream. */
    protected void settle() {
        advanceMs(SETTLE_MS);
        List<Event> events = sink.events();
        for (; applied < events.size(); applied++) {
            book.apply(events.get(applied));
        }
    }

    protected void send(OrderRequest request) {
        venue.place(request);
        settle();
    }

    protected ClientOrderId nextId() {
        return new ClientOrderId("contract-" + nextId++);
    }

    protected OrderRequest postOnly(Side side, long priceTicks, long lots) {
        return new OrderRequest(nextId(), instrument.id(), side, OrderType.LIMIT_POST_ONLY,
                instrument.ticksToPrice(priceTicks), instrument.lotsToSize(lots));
    }

    /** The lots whose notional at the best bid reaches {@code multiple} × the minimum notional (at least one). */
    protected long lotsFor(int multiple) {
        BigDecimal price = instrument.ticksToPrice(book.bestBidTicks());
        BigDecimal notional = instrument.minNotional().multiply(BigDecimal.valueOf(multiple));
        return Math.max(1, notional.divide(price.multiply(instrument.lotSize()), 0, RoundingMode.CEILING)
                .longValueExact());
    }

    private void assertRejected(OrderRequest request, RejectReason reason) {
        assertThat(sink.forOrder(request.clientOrderId())).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason()).isEqualTo(reason));
        assertThat(venue.openOrders()).extracting(OpenOrder::clientOrderId).doesNotContain(request.clientOrderId());
    }
}
