package dev.ballast.bench;

import dev.ballast.bot.journal.JdbcJournal;
import dev.ballast.bot.journal.Synchronous;
import dev.ballast.core.Asset;
import dev.ballast.core.ClientOrderIdGenerator;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Liquidity;
import dev.ballast.core.Order;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the journal costs the engine thread: the synchronous writes it makes, each committed before it returns, on
 * an SQLite file in WAL mode ({@code java.io.tmpdir}), at both synchronous levels.
 * <ul>
 *   <li>{@code intent}: one order's intent, the write made before every {@code Venue.place};</li>
 *   <li>{@code quoteLife}: intent, acknowledgement and cancel, the three writes of a quote that is replaced;</li>
 *   <li>{@code fill}: one fill (insert, deduplicated by trade id, and its order's filled size).</li>
 * </ul>
 *
 * <pre>
 * mvn -B -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar JournalBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class JournalBenchmark {
    private static final Instrument BTC = new Instrument(InstrumentId.of("sim-a", "BTCUSDT"), Asset.of("BTC"),
            Asset.of("USDT"), new BigDecimal("0.01"), new BigDecimal("0.0001"), new BigDecimal("5"));
    private static final BigDecimal PRICE = new BigDecimal("60000.01");
    private static final BigDecimal SIZE = new BigDecimal("0.0100");

    @Param({"normal", "full"})
    public String synchronous;

    private Path dir;
    private JdbcJournal journal;
    private ClientOrderIdGenerator ids;
    private long n;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("ballast-journal-bench");
        journal = JdbcJournal.open(dir.resolve("journal.db").toString(), Synchronous.valueOf(synchronous.toUpperCase()));
        ids = new ClientOrderIdGenerator("bl", journal.beginSession(1_767_225_600_000L, 0));
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        journal.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Order nextOrder() {
        return new Order(ids.next(), BTC, Side.BUY, OrderType.LIMIT_POST_ONLY, PRICE, SIZE, ++n);
    }

    @Benchmark
    public Order intent() {
        Order o = nextOrder();
        journal.intent(o, "quote");
        return o;
    }

    @Benchmark
    public Order quoteLife() {
        Order o = nextOrder();
        journal.intent(o, "quote");
        journal.accepted(new OrderAccepted(BTC.id(), o.clientOrderId(), new VenueOrderId("v" + n), n));
        journal.cancelled(new OrderCancelled(BTC.id(), o.clientOrderId(), "requote", n));
        return o;
    }

    @Benchmark
    public boolean fill() {
        Order o = nextOrder();
        return journal.fill(BTC, new Fill(BTC.id(), o.clientOrderId(), null, new TradeId("t" + n), Side.BUY, PRICE,
                SIZE, BigDecimal.ZERO, BTC.quote(), Liquidity.MAKER, n));
    }
}
