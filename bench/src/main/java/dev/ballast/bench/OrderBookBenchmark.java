package dev.ballast.bench;

import dev.ballast.connectors.binance.BinanceMarket;
import dev.ballast.core.Instrument;
import dev.ballast.core.Side;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.event.BookSnapshot;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.dto.Order.OrderType;
import org.knowm.xchange.dto.marketdata.OrderBookUpdate;
import org.knowm.xchange.dto.trade.LimitOrder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Applying real Binance level changes to an L2 book: our {@link OrderBook}, XChange's
 * {@code org.knowm.xchange.dto.marketdata.OrderBook.update(OrderBookUpdate)}, and a
 * {@code TreeMap<Long, Long>} per side. Every implementation gets the same changes: all levels of every
 * diff the synced book applies from the spot (0808 + 0809) or USD-M (0808) recording, pre-parsed in setup.
 *
 * <p>One operation is one level change: each invocation applies the next {@link #BATCH} changes, going
 * round the recording and reloading its snapshot (measured, once per lap) when it reaches the end. So
 * ops/s is level changes per second and {@code gc.alloc.rate.norm} is bytes allocated per change.
 *
 * <pre>
 * mvn -B -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar OrderBookBenchmark -f 1 -wi 3 -i 5 -prof gc
 * </pre>
 * Run from the project root (the recording is found at {@code ../shared/data}) or set {@code BALLAST_DATA}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OrderBookBenchmark {
    /** Level changes per invocation. */
    static final int BATCH = 10_000;

    /** The recording, pre-parsed; shared by every benchmark of one market. */
    @State(Scope.Benchmark)
    public static class Recording {
        @Param({"SPOT", "USDM"})
        public String market;

        RecordedLevelChanges changes;

        @Setup(Level.Trial)
        public void load() throws IOException {
            changes = RecordedLevelChanges.load(BinanceMarket.valueOf(market));
        }
    }

    /** Our book, a cursor into the recording. */
    @State(Scope.Thread)
    public static class Ballast {
        OrderBook book;
        BookSnapshot snapshot;
        int cursor;

        @Setup(Level.Trial)
        public void setUp(Recording recording) {
            snapshot = recording.changes.snapshot;
            Instrument instrument = recording.changes.market.instrument();
            book = new OrderBook(instrument, recording.changes.market.sequenceRule());
            book.applySnapshot(snapshot);
        }
    }

    /** XChange's book, with an {@code OrderBookUpdate} built in setup for every change. */
    @State(Scope.Thread)
    public static class XChange {
        org.knowm.xchange.dto.marketdata.OrderBook book;
        OrderBookUpdate[] updates;
        List<LimitOrder> snapshotAsks;
        List<LimitOrder> snapshotBids;
        Date date;
        int cursor;

        @Setup(Level.Trial)
        public void setUp(Recording recording) {
            RecordedLevelChanges changes = recording.changes;
            Instrument instrument = changes.market.instrument();
            CurrencyPair pair = new CurrencyPair(instrument.base().code(), instrument.quote().code());
            date = new Date(changes.snapshot.timestampNs() / 1_000_000);
            BookSnapshot s = changes.snapshot;
            snapshotBids = limitOrders(OrderType.BID, s.bidTicks(), s.bidLots(), s.bidCount(), instrument, pair);
            snapshotAsks = limitOrders(OrderType.ASK, s.askTicks(), s.askLots(), s.askCount(), instrument, pair);
            updates = new OrderBookUpdate[changes.count];
            for (int i = 0; i < changes.count; i++) {
                BigDecimal volume = instrument.lotsToSize(changes.sizeLots[i]);
                updates[i] = new OrderBookUpdate(changes.bid[i] ? OrderType.BID : OrderType.ASK, volume, pair,
                        instrument.ticksToPrice(changes.priceTicks[i]), date, volume);
            }
            book = new org.knowm.xchange.dto.marketdata.OrderBook(date, snapshotAsks, snapshotBids);
        }

        private List<LimitOrder> limitOrders(OrderType type, long[] ticks, long[] lots, int count,
                                             Instrument instrument, CurrencyPair pair) {
            List<LimitOrder> orders = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                orders.add(new LimitOrder(type, instrument.lotsToSize(lots[i]), pair, null, date,
                        instrument.ticksToPrice(ticks[i])));
            }
            return orders;
        }
    }

    /** The baseline: a sorted map per side, boxed keys and values. */
    @State(Scope.Thread)
    public static class SortedMaps {
        TreeMap<Long, Long> bids;
        TreeMap<Long, Long> asks;
        BookSnapshot snapshot;
        int cursor;

        @Setup(Level.Trial)
        public void setUp(Recording recording) {
            snapshot = recording.changes.snapshot;
            bids = new TreeMap<>(Collections.reverseOrder());
            asks = new TreeMap<>();
            reload();
        }

        void reload() {
            bids.clear();
            asks.clear();
            for (int i = 0; i < snapshot.bidCount(); i++) {
                bids.put(snapshot.bidTicks()[i], snapshot.bidLots()[i]);
            }
            for (int i = 0; i < snapshot.askCount(); i++) {
                asks.put(snapshot.askTicks()[i], snapshot.askLots()[i]);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long ballastOrderBook(Recording recording, Ballast state) {
        RecordedLevelChanges changes = recording.changes;
        boolean[] bid = changes.bid;
        long[] price = changes.priceTicks;
        long[] size = changes.sizeLots;
        OrderBook book = state.book;
        int cursor = state.cursor;
        for (int n = 0; n < BATCH; n++) {
            if (cursor == changes.count) {
                book.applySnapshot(state.snapshot);
                cursor = 0;
            }
            book.setLevel(bid[cursor] ? Side.BUY : Side.SELL, price[cursor], size[cursor]);
            cursor++;
        }
        state.cursor = cursor;
        return book.bestBidTicks() + book.bestAskTicks();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int xchangeOrderBook(Recording recording, XChange state) {
        int count = recording.changes.count;
        int cursor = state.cursor;
        for (int n = 0; n < BATCH; n++) {
            if (cursor == count) {
                state.book = new org.knowm.xchange.dto.marketdata.OrderBook(state.date, state.snapshotAsks,
                        state.snapshotBids);
                cursor = 0;
            }
            state.book.update(state.updates[cursor]);
            cursor++;
        }
        state.cursor = cursor;
        return state.book.getBids().size() + state.book.getAsks().size();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long treeMapBaseline(Recording recording, SortedMaps state) {
        RecordedLevelChanges changes = recording.changes;
        boolean[] bid = changes.bid;
        long[] price = changes.priceTicks;
        long[] size = changes.sizeLots;
        int cursor = state.cursor;
        for (int n = 0; n < BATCH; n++) {
            if (cursor == changes.count) {
                state.reload();
                cursor = 0;
            }
            TreeMap<Long, Long> side = bid[cursor] ? state.bids : state.asks;
            if (size[cursor] == 0) {
                side.remove(price[cursor]);
            } else {
                side.put(price[cursor], size[cursor]);
            }
            cursor++;
        }
        state.cursor = cursor;
        return state.bids.firstKey() + state.asks.firstKey();
    }
}
