package dev.ballast.connectors.backtest;

import static dev.ballast.connectors.backtest.BacktestFixture.BTC_USDT;
import static dev.ballast.connectors.backtest.BacktestFixture.ORDER_LATENCY_MS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.connectors.testing.RecordingSink;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.Side;
import dev.ballast.core.book.ApplyResult;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.book.SequenceRule;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.PublicTrade;
import dev.ballast.core.event.RejectReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the engine sees: the recorded book with our resting orders in it, numbered for a
 * {@link SequenceRule#SEQUENTIAL} book, the recorded trades, and recorded gaps passed on. An engine-side
 * {@link OrderBook} follows the stream in every test.
 */
class BacktestBookStreamTest {
    private BacktestFixture f;
    private OrderBook engineBook;
    private final List<ApplyResult> deltaResults = new ArrayList<>();
    private int applied;

    @BeforeEach
    void standardBook() {
        f = new BacktestFixture();
        engineBook = new OrderBook(BTC_USDT, SequenceRule.SEQUENTIAL);
        f.standardBook();
        follow();
    }

    /** Applies what the venue published since the last call to the engine-side book. */
    private void follow() {
        List<Event> events = f.sink.events();
        for (; applied < events.size(); applied++) {
            Event e = events.get(applied);
            if (e instanceof BookSnapshot s) {
                engineBook.applySnapshot(s);
            } else if (e instanceof BookDelta d) {
                deltaResults.add(engineBook.applyDelta(d));
            }
        }
    }

    @Test
    void shouldPublishTheRecordedBookWithOurRestingOrdersInIt() {
        assertThat(engineBook.isValid()).isTrue();
        assertThat(engineBook.sizeLotsAtPrice(Side.BUY, 600_000)).isEqualTo(10);

        OrderRequest bid = f.postOnly(Side.BUY, 600_000, 5);
        f.atMs(ORDER_LATENCY_MS);
        follow();
        assertThat(engineBook.sizeLotsAtPrice(Side.BUY, 600_000)).isEqualTo(15);

        f.level(Side.BUY, 600_000, 12);
        follow();
        assertThat(engineBook.sizeLotsAtPrice(Side.BUY, 600_000)).isEqualTo(17);

        f.trade(599_999, 3, Side.SELL);
        follow();
        assertThat(engineBook.sizeLotsAtPrice(Side.BUY, 600_000)).isEqualTo(14);

        f.cancel(bid);
        f.atMs(ORDER_LATENCY_MS + BacktestFixture.CANCEL_LATENCY_MS);
        follow();
        assertThat(engineBook.sizeLotsAtPrice(Side.BUY, 600_000)).isEqualTo(12);
        assertThat(deltaResults).isNotEmpty().containsOnly(ApplyResult.APPLIED);
    }

    @Test
    void shouldShowAnOrderThatImprovesTheBookAsTheNewTouch() {
        f.level(Side.SELL, 600_001, 0);
        f.postOnly(Side.BUY, 600_001, 5);
        f.atMs(ORDER_LATENCY_MS);
        follow();

        assertThat(engineBook.bestBidTicks()).isEqualTo(600_001);
        assertThat(engineBook.bestBidLots()).isEqualTo(5);
        assertThat(engineBook.bestAskTicks()).isEqualTo(600_002);
    }

    @Test
    void shouldHideAnOrderTheRecordedOtherSideHasReachedUntilTheMarketMovesBack() {
        OrderRequest bid = f.postOnly(Side.BUY, 600_000, 5);
        f.atMs(ORDER_LATENCY_MS);
        f.level(Side.BUY, 600_000, 0);
        f.level(Side.SELL, 600_000, 4); // the recording's sellers now offer at our bid
        follow();
        assertThat(engineBook.isCrossed()).isFalse();
        assertThat(engineBook.sizeLotsAtPrice(Side.BUY, 600_000)).isZero();

        f.trade(600_000, 4, Side.BUY);
        f.level(Side.SELL, 600_000, 0);
        follow();

        assertThat(f.fillLots(bid)).containsExactly(4L);
        assertThat(engineBook.isCrossed()).isFalse();
        assertThat(engineBook.bestBidTicks()).isEqualTo(600_000);
        assertThat(engineBook.bestBidLots()).isEqualTo(1);
        assertThat(deltaResults).containsOnly(ApplyResult.APPLIED);
    }

    @Test
    void shouldForwardARecordedTradeBeforeTheFillsItCausesAndTheBookAfterThem() {
        f.postOnly(Side.BUY, 600_000, 5);
        f.atMs(ORDER_LATENCY_MS);
        int before = f.sink.events().size();

        f.trade(599_999, 3, Side.SELL);

        List<Event> after = f.sink.events().subList(before, f.sink.events().size());
        assertThat(after).hasSize(3);
        assertThat(after.get(0)).isInstanceOfSatisfying(PublicTrade.class,
                t -> assertThat(t.priceTicks()).isEqualTo(599_999));
        assertThat(after.get(1)).isInstanceOf(OrderFilled.class);
        assertThat(after.get(2)).isInstanceOf(BookDelta.class);
    }

    @Test
    void shouldPassARecordedGapOnAndResyncFromTheNextRecordedSnapshot() {
        f.loseOneUpdate();
        f.level(Side.BUY, 600_000, 11);
        follow();
        assertThat(f.venue.gaps()).isEqualTo(1);
        assertThat(deltaResults).containsExactly(ApplyResult.GAP);
        assertThat(engineBook.isValid()).isFalse();

        OrderRequest bid = f.postOnly(Side.BUY, 599_990, 5);
        f.atMs(ORDER_LATENCY_MS);
        f.level(Side.BUY, 600_000, 12); // chains on the lost update: ignored until the next snapshot
        assertThat(f.sink.forOrder(bid.clientOrderId())).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.VENUE_UNAVAILABLE));

        f.standardBook();
        follow();
        assertThat(engineBook.isValid()).isTrue();
        assertThat(engineBook.bestBidLots()).isEqualTo(10);
    }

    @Test
    void shouldAnswerASnapshotRequestWithTheRecordedBookAndOurOrders() {
        f.postOnly(Side.SELL, 600_003, 5);
        f.atMs(ORDER_LATENCY_MS);

        f.venue.requestSnapshot(BTC_USDT.id());
        f.atMs(2 * ORDER_LATENCY_MS);

        assertThat(f.sink.events()).last().isInstanceOfSatisfying(BookSnapshot.class, s -> {
            assertThat(s.bidCount()).isEqualTo(3);
            assertThat(s.askCount()).isEqualTo(3);
            assertThat(s.askTicks()[2]).isEqualTo(600_003);
            assertThat(s.askLots()[2]).isEqualTo(35);
        });
        follow();
        assertThat(deltaResults).containsOnly(ApplyResult.APPLIED);
    }

    @Test
    void shouldPublishNoBookBeforeTheFirstRecordedSnapshotAndASnapshotOnStartOnceThereIsOne() {
        BacktestFixture late = new BacktestFixture();
        late.level(Side.BUY, 600_000, 3); // before any snapshot: ignored
        assertThat(late.sink.events()).isEmpty();
        assertThat(late.venue.ignoredDeltas()).isEqualTo(1);

        BacktestVenue notStarted = new BacktestVenue(BacktestFixture.spotConfig(0, 0), late.clock);
        notStarted.onMarketEvent(new BookSnapshot(BTC_USDT.id(), 1, new long[] {600_000}, new long[] {7}, 1,
                new long[] {600_001}, new long[] {8}, 1, late.clock.nowNs()));
        RecordingSink sink = new RecordingSink();
        notStarted.start(sink);

        assertThat(sink.events()).singleElement().isInstanceOfSatisfying(BookSnapshot.class, s -> {
            assertThat(s.bidLots()[0]).isEqualTo(7);
            assertThat(s.askLots()[0]).isEqualTo(8);
        });
    }
}
