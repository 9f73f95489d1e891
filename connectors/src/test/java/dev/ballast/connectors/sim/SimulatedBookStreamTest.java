package dev.ballast.connectors.sim;

import static dev.ballast.connectors.sim.SimFixture.SIM_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.connectors.testing.EventText;
import dev.ballast.connectors.testing.RecordingSink;
import dev.ballast.connectors.testing.SequencedTestBook;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Instrument;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.book.ApplyResult;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.book.SequenceRule;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.PublicTrade;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** The public L2 stream of a simulated venue: a snapshot, then deltas numbered one by one, our orders included. */
class SimulatedBookStreamTest {
    private static final Instrument BTCUSDT = SimFixture.btcUsdt(SIM_A);

    private final RecordingSink sink = new RecordingSink();
    private SimFixture sim;
    private SimulatedVenue venue;

    /** A busy minute: a moving, dislocated market, takers, and our orders placed, filled and cancelled. */
    private void busyMinute() {
        sim = new SimFixture(SimFixture.marketConfig(21, 3, 4));
        venue = sim.add(SimFixture.venue().dislocationBps(2).takers(5, "0.05").withEth());
        venue.start(sink);
        sim.advanceMs(100);
        SequencedTestBook tracker = new SequencedTestBook(BTCUSDT.id());
        int applied = 0;
        for (int i = 0; i < 120; i++) {
            applied = SimFixture.applyFrom(sink, applied, tracker);
            long bid = tracker.bestBidTicks();
            long ask = tracker.bestAskTicks();
            venue.place(order("b" + i, Side.BUY, OrderType.LIMIT_POST_ONLY, bid + (i % 3), "0.02"));
            venue.place(order("a" + i, Side.SELL, OrderType.LIMIT_POST_ONLY, ask - (i % 2), "0.02"));
            if (i % 4 == 0) {
                venue.cancel(BTCUSDT.id(), new ClientOrderId("b" + (i - 1)));
            }
            if (i % 10 == 5) {
                venue.place(order("x" + i, Side.BUY, OrderType.LIMIT_IOC, ask + 5, "0.03"));
            }
            sim.runMs(500, 50);
        }
    }

    private static OrderRequest order(String id, Side side, OrderType type, long priceTicks, String size) {
        return new OrderRequest(new ClientOrderId(id), BTCUSDT.id(), side, type, BTCUSDT.ticksToPrice(priceTicks),
                new BigDecimal(size));
    }

    @Test
    void shouldChainEveryDeltaOnThePreviousOneAndNeverCross() {
        busyMinute();
        SequencedTestBook book = new SequencedTestBook(BTCUSDT.id());

        for (Event e : sink.events()) {
            book.apply(e); // throws at the first delta that does not chain
            if (e instanceof BookDelta || e instanceof BookSnapshot) {
                assertThat(book.isCrossed()).as("crossed after %s", EventText.render(e)).isFalse();
            }
        }

        assertThat(book.deltasApplied()).isGreaterThan(500);
        assertThat(sink.ofType(PublicTrade.class)).isNotEmpty();
    }

    @Test
    void shouldPublishDeltasThatAddUpToAFreshSnapshot() {
        busyMinute();
        venue.requestSnapshot(BTCUSDT.id());
        int requestedAt = sink.events().size();
        sim.advanceMs(1_000);
        SequencedTestBook book = new SequencedTestBook(BTCUSDT.id());
        List<Event> events = sink.events();
        BookSnapshot fresh = null;
        for (int i = 0; i < events.size(); i++) {
            if (i >= requestedAt && events.get(i) instanceof BookSnapshot s && s.instrument().equals(BTCUSDT.id())) {
                fresh = s;
                break;
            }
            book.apply(events.get(i));
        }

        assertThat(fresh).as("the snapshot asked for").isNotNull();
        assertThat(fresh.updateId()).isEqualTo(book.lastUpdateId());
        SequencedTestBook fromSnapshot = new SequencedTestBook(BTCUSDT.id());
        fromSnapshot.apply(fresh);
        assertThat(book.bids()).isEqualTo(fromSnapshot.bids());
        assertThat(book.asks()).isEqualTo(fromSnapshot.asks());
    }

    @Test
    void shouldShowOurRestingOrderAsALevelOfItsOwnAndRemoveItOnCancel() {
        sim = new SimFixture(SimFixture.stillMarket(22));
        venue = sim.add(SimFixture.venue());
        venue.start(sink);
        sim.advanceMs(100);
        SequencedTestBook book = new SequencedTestBook(BTCUSDT.id());
        int applied = SimFixture.applyFrom(sink, 0, book);
        long farAsk = book.asks().lastKey() + 100;
        venue.place(order("far", Side.SELL, OrderType.LIMIT_POST_ONLY, farAsk, "0.0123"));
        sim.advanceMs(100);
        applied = SimFixture.applyFrom(sink, applied, book);

        assertThat(book.askLotsAt(farAsk)).isEqualTo(123);

        venue.cancel(BTCUSDT.id(), new ClientOrderId("far"));
        sim.advanceMs(100);
        SimFixture.applyFrom(sink, applied, book);

        assertThat(book.asks()).doesNotContainKey(farAsk);
    }

    @Test
    void shouldCentreTheSyntheticTouchOnTheVenueMidWithTheConfiguredSpread() {
        sim = new SimFixture(SimFixture.marketConfig(23, 3, 4));
        venue = sim.add(SimFixture.venue().dislocationBps(2).spreadBps(4));
        venue.start(sink);
        for (int i = 0; i < 50; i++) {
            sim.advanceMs(100);
            SequencedTestBook book = new SequencedTestBook(BTCUSDT.id());
            SimFixture.applyFrom(sink, 0, book);
            double mid = venue.midPrice(BTCUSDT.id());
            double tick = BTCUSDT.tickSizeDouble();

            // the touch is the first populated price at or beyond mid ± 2 bps: a tick or a few further out
            assertThat(book.bestBidTicks() * tick).isBetween(mid * (1 - 2e-4) - 20 * tick, mid * (1 - 2e-4));
            assertThat(book.bestAskTicks() * tick).isBetween(mid * (1 + 2e-4), mid * (1 + 2e-4) + 20 * tick);
            assertThat(book.bids()).hasSize(20);
            assertThat(book.asks()).hasSize(20);
        }
    }

    /**
     * The same stream through core's {@link OrderBook} with {@link SequenceRule#SEQUENTIAL}. For the lead: enable
     * once the OrderBook implementation (branch h-book) is merged; it is a stub that throws on this branch.
     */
    @Test
    @Disabled("needs OrderBook from h-book: enable after merge")
    void shouldChainIntoCoreOrderBookWithTheSequentialRule() {
        busyMinute();
        OrderBook book = new OrderBook(BTCUSDT, SequenceRule.SEQUENTIAL);
        SequencedTestBook reference = new SequencedTestBook(BTCUSDT.id());

        for (Event e : sink.events()) {
            reference.apply(e);
            if (e instanceof BookSnapshot s && s.instrument().equals(BTCUSDT.id())) {
                book.applySnapshot(s);
            } else if (e instanceof BookDelta d && d.instrument().equals(BTCUSDT.id())) {
                assertThat(book.applyDelta(d)).isEqualTo(ApplyResult.APPLIED);
                assertThat(book.isCrossed()).isFalse();
                assertThat(book.bestBidTicks()).isEqualTo(reference.bestBidTicks());
                assertThat(book.bestAskTicks()).isEqualTo(reference.bestAskTicks());
            }
        }
        assertThat(book.lastUpdateId()).isEqualTo(reference.lastUpdateId());
    }
}
