package dev.ballast.connectors.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.connectors.SharedData;
import dev.ballast.connectors.binance.BinanceBookTicker;
import dev.ballast.connectors.binance.BinanceMarket;
import dev.ballast.connectors.binance.BinanceMessageHandler;
import dev.ballast.connectors.binance.BinanceRecordedReader;
import dev.ballast.connectors.testing.EventText;
import dev.ballast.connectors.testing.RecordingSink;
import dev.ballast.core.Asset;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.Liquidity;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.book.ApplyResult;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.book.SequenceRule;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.PublicTrade;
import dev.ballast.core.time.ManualClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The backtest venue on real data: the first {@value #EVENTS} book and trade events of the recorded Binance spot
 * BTCUSDT stream (2024-08-08), with one resting bid on the first recorded bid level at least
 * {@value #TICKS_BELOW_TOUCH} ticks below the touch, so that it joins a queue. Deltas that come before the
 * snapshot are held back and fed after it, as the market data source does with the bridging diff.
 */
class BacktestRecordedReplayTest {
    private static final int EVENTS = 12_000;
    private static final int PLACE_AFTER_EVENTS = 500;
    private static final long TICKS_BELOW_TOUCH = 3;
    private static final long BID_LOTS = 100; // 0.001 BTC
    private static final Instrument SPOT = BinanceMarket.SPOT.instrument();

    @Test
    void shouldFillARestingBidOnlyWhenRecordedTradesPrintAtOrThroughItsPrice() throws IOException {
        Replay replay = replay();

        assertThat(replay.gaps).isZero();
        assertThat(replay.engineDeltaResults).isNotEmpty().containsOnly(ApplyResult.APPLIED);
        assertThat(replay.crossedEngineBooks).isZero();
        assertThat(replay.bidTicks).isPositive();
        List<Event> events = replay.sink.events();
        List<Fill> fills = new ArrayList<>();
        long acceptedAt = -1;
        long firstThroughTradeNs = Long.MAX_VALUE;
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (e instanceof OrderAccepted a && a.clientOrderId().equals(replay.bidId)) {
                acceptedAt = i;
            } else if (e instanceof PublicTrade t && acceptedAt >= 0 && t.priceTicks() < replay.bidTicks) {
                firstThroughTradeNs = Math.min(firstThroughTradeNs, t.timestampNs());
            } else if (e instanceof OrderFilled filled) {
                fills.add(filled.fill());
                int j = i - 1;
                while (events.get(j) instanceof OrderFilled) {
                    j--;
                }
                assertThat(events.get(j)).as("what caused fill %s", filled.fill())
                        .isInstanceOfSatisfying(PublicTrade.class, t -> {
                            assertThat(t.priceTicks()).isLessThanOrEqualTo(replay.bidTicks);
                            assertThat(t.aggressor()).isEqualTo(Side.SELL);
                        });
            }
        }
        assertThat(acceptedAt).isNotNegative();
        assertThat(replay.aheadAtArrival).as("recorded lots queued ahead of the bid").isPositive();
        assertThat(fills).as("the bid fills within the first %d events", EVENTS).isNotEmpty();
        assertThat(fills).allSatisfy(fill -> {
            assertThat(fill.clientOrderId()).isEqualTo(replay.bidId);
            assertThat(fill.price()).isEqualByComparingTo(SPOT.ticksToPrice(replay.bidTicks));
            assertThat(fill.liquidity()).isEqualTo(Liquidity.MAKER);
        });
        assertThat(fills.get(0).timestampNs()).isLessThanOrEqualTo(firstThroughTradeNs);
        System.out.printf("real spot replay: %d events in %.1f ms; bid %s at %d ticks (touch %d), "
                        + "queue ahead at arrival %d lots; %d fills, %s BTC, first %.3f s after it went live%n",
                EVENTS, replay.elapsedNs / 1e6, replay.bidId, replay.bidTicks, replay.touchTicks, replay.aheadAtArrival,
                fills.size(), fills.stream().map(Fill::size).reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString(),
                (fills.get(0).timestampNs() - replay.acceptedNs) / 1e9);
    }

    @Test
    void shouldProduceTheSameEventsWhenTheSameRecordingIsReplayedTwice() throws IOException {
        Replay a = replay();
        Replay b = replay();
        System.out.printf("replay times %.1f ms, %.1f ms%n", a.elapsedNs / 1e6, b.elapsedNs / 1e6);
        List<String> first = render(a.sink.events());
        List<String> second = render(b.sink.events());

        assertThat(first).hasSizeGreaterThan(EVENTS);
        assertThat(second).isEqualTo(first);
    }

    private static List<String> render(List<Event> events) {
        return events.stream().map(EventText::render).toList();
    }

    /** Replays the first {@link #EVENTS} events as a driver would, with an engine-side book following the stream. */
    private static Replay replay() throws IOException {
        Path file = SharedData.resolve("market/binance-btc-2024-08-08/binance-spot_btcusdt_20240808.gz");
        List<Event> recording = new ArrayList<>();
        try (BinanceRecordedReader reader = new BinanceRecordedReader(BinanceMarket.SPOT, List.of(file))) {
            Collector collector = new Collector(recording);
            while (recording.size() < EVENTS && reader.readNext(collector)) {
                // one message per call
            }
            assertThat(reader.malformed()).isZero();
        }
        Replay r = new Replay();
        ManualClock clock = new ManualClock(0);
        BacktestVenue venue = new BacktestVenue(BacktestVenueConfig.spot(SPOT, BinanceMarket.SPOT.sequenceRule(),
                new BigDecimal("1"), new BigDecimal("5"), 20, 20,
                Map.of(Asset.of("USDT"), new BigDecimal("100000"), Asset.of("BTC"), BigDecimal.ONE)), clock);
        venue.start(r.sink);
        OrderBook engineBook = new OrderBook(SPOT, SequenceRule.SEQUENTIAL);
        int followed = 0;
        int sinceSnapshot = -1;
        long start = System.nanoTime();
        for (Event e : recording.subList(0, Math.min(EVENTS, recording.size()))) {
            long t = Math.max(clock.nowNs(), e.timestampNs());
            clock.set(t);
            venue.advanceTo(t);
            venue.onMarketEvent(e);
            List<Event> out = r.sink.events();
            for (; followed < out.size(); followed++) {
                Event p = out.get(followed);
                if (p instanceof BookSnapshot s) {
                    engineBook.applySnapshot(s);
                    sinceSnapshot = 0;
                } else if (p instanceof BookDelta d) {
                    r.engineDeltaResults.add(engineBook.applyDelta(d));
                    if (engineBook.isCrossed()) {
                        r.crossedEngineBooks++;
                    }
                } else if (p instanceof OrderAccepted a && a.clientOrderId().equals(r.bidId)) {
                    r.acceptedNs = a.timestampNs();
                    r.aheadAtArrival = engineBook.sizeLotsAtPrice(Side.BUY, r.bidTicks);
                }
            }
            if (sinceSnapshot >= 0 && ++sinceSnapshot == PLACE_AFTER_EVENTS) {
                r.touchTicks = engineBook.bestBidTicks();
                r.bidTicks = firstLevelAtOrBelow(engineBook, engineBook.bestBidTicks() - TICKS_BELOW_TOUCH);
                venue.place(new OrderRequest(r.bidId, SPOT.id(), Side.BUY, OrderType.LIMIT_POST_ONLY,
                        SPOT.ticksToPrice(r.bidTicks), SPOT.lotsToSize(BID_LOTS)));
            }
        }
        r.elapsedNs = System.nanoTime() - start;
        r.gaps = venue.gaps();
        return r;
    }

    /** The best bid level at or below {@code priceTicks}: a price with a recorded queue to join. */
    private static long firstLevelAtOrBelow(OrderBook book, long priceTicks) {
        for (int i = 0; ; i++) {
            long level = book.priceTicksAt(Side.BUY, i);
            if (level <= priceTicks) {
                return level;
            }
        }
    }

    /** What one replay produced. */
    private static final class Replay {
        final RecordingSink sink = new RecordingSink();
        final ClientOrderId bidId = new ClientOrderId("recorded-bid");
        final List<ApplyResult> engineDeltaResults = new ArrayList<>();
        long crossedEngineBooks;
        long bidTicks;
        long touchTicks;
        long acceptedNs;
        long aheadAtArrival;
        long gaps;
        long elapsedNs;
    }

    /** Collects book and trade events; deltas before the first snapshot are held back and follow it. */
    private static final class Collector implements BinanceMessageHandler {
        private final List<Event> out;
        private final List<BookDelta> beforeSnapshot = new ArrayList<>();
        private boolean synced;

        Collector(List<Event> out) {
            this.out = out;
        }

        @Override
        public void onSnapshot(BookSnapshot snapshot, long localNs) {
            out.add(snapshot);
            out.addAll(beforeSnapshot);
            beforeSnapshot.clear();
            synced = true;
        }

        @Override
        public void onDelta(BookDelta delta, long localNs) {
            if (synced) {
                out.add(delta);
            } else {
                beforeSnapshot.add(delta);
            }
        }

        @Override
        public void onTrade(PublicTrade trade, long localNs) {
            out.add(trade);
        }

        @Override
        public void onBookTicker(BinanceBookTicker ticker, long localNs) {
            // not market data the venue replays
        }
    }
}
