package dev.ballast.bench;

import dev.ballast.connectors.binance.BinanceMarket;
import dev.ballast.connectors.binance.BinanceRecordedReader;
import dev.ballast.connectors.marketdata.BinanceRecordedSource;
import dev.ballast.core.book.ApplyResult;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Replaying a real Binance recording the way a backtest does: read (gunzip), parse, order and sync in a
 * {@link BinanceRecordedSource}, and apply every book event to an {@link OrderBook}. One operation is one
 * whole replay of the market's files from a fresh source and book; the {@code messages} counter is the
 * recorded lines read (every line is a message: depth diff, trade, bookTicker or snapshot), so its rate is
 * messages per second; {@code events} counts what the source handed out (snapshot, diffs, trades).
 *
 * <p>{@code input=GZIP_FILES} reads the {@code .gz} files as a backtest does; {@code input=IN_MEMORY} reads
 * the same contents decompressed into memory in setup, so the difference is the cost of gunzip and file I/O.
 *
 * <pre>
 * mvn -B -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar ReplayThroughputBenchmark -prof gc
 * </pre>
 * The class sets one fork with a 1 GB heap, six 2 s warm-up iterations (the parse reaches full speed only
 * around the fifth) and five 2 s measured ones.
 * Run from the project root (the recording is found at {@code ../shared/data}) or set {@code BALLAST_DATA}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ReplayThroughputBenchmark {
    private static final String DIR = "market/binance-btc-2024-08-08/";

    /** Which recording, read how. */
    @State(Scope.Benchmark)
    public static class Recording {
        @Param({"SPOT", "USDM"})
        public String market;

        @Param({"GZIP_FILES", "IN_MEMORY"})
        public String input;

        BinanceMarket binanceMarket;
        List<Path> files;
        List<byte[]> contents;
        List<String> names;

        @Setup(Level.Trial)
        public void load() throws IOException {
            binanceMarket = BinanceMarket.valueOf(market);
            files = switch (binanceMarket) {
                case SPOT -> List.of(RecordedLevelChanges.data(DIR + "binance-spot_btcusdt_20240808.gz"),
                        RecordedLevelChanges.data(DIR + "binance-spot_btcusdt_20240809.gz"));
                case USDM -> List.of(RecordedLevelChanges.data(DIR + "binance-usdm_btcusdt_20240808.gz"));
                case COINM -> List.of(RecordedLevelChanges.data(DIR + "binance-coinm_btcusd_perp_20240808.gz"),
                        RecordedLevelChanges.data(DIR + "binance-coinm_btcusd_perp_20240809.gz"));
            };
            contents = new ArrayList<>();
            names = new ArrayList<>();
            for (Path file : files) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    contents.add(in.readAllBytes());
                }
                names.add(file.getFileName().toString());
            }
        }

        BinanceRecordedSource open() {
            if (input.equals("IN_MEMORY")) {
                return new BinanceRecordedSource(BinanceRecordedReader.inMemory(binanceMarket, contents, names),
                        "in memory " + names);
            }
            return new BinanceRecordedSource(binanceMarket, files);
        }
    }

    /** Per-iteration totals, reported by JMH as rates. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Counts {
        /** Recorded lines read. */
        public long messages;
        /** Events handed out by the source. */
        public long events;
    }

    @Benchmark
    public long replay(Recording recording, Counts counts, Blackhole blackhole) {
        OrderBook book = new OrderBook(recording.binanceMarket.instrument(), recording.binanceMarket.sequenceRule());
        long events = 0;
        try (BinanceRecordedSource source = recording.open()) {
            Event event;
            while ((event = source.next()) != null) {
                events++;
                if (event instanceof BookDelta delta) {
                    if (book.applyDelta(delta) != ApplyResult.APPLIED) {
                        throw new IllegalStateException("the source handed out a delta the book refused: " + delta);
                    }
                } else if (event instanceof BookSnapshot snapshot) {
                    book.applySnapshot(snapshot);
                } else {
                    blackhole.consume(event);
                }
            }
            counts.messages += source.linesRead();
        }
        counts.events += events;
        blackhole.consume(book.bestBidTicks());
        return events;
    }
}
