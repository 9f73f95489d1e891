package dev.ballast.bench;

import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Engine throughput on one thread: market events (book deltas, public trades) and fills of our quotes through
 * book update, inventory, the quote model and order placement, on the real {@code Engine} wired as for the
 * default config (2 venues × BTC, ETH) with {@link InstantAckVenue}s that accept every order and confirm every
 * cancel at once.
 *
 * <p>One op = one event of the {@link MarketTape} (a book delta, a public trade, or a fill of one of our
 * resting quotes). Each invocation applies the next {@value #BATCH} and then calls {@code doWork} once, which
 * runs the re-quotes that are due (at most one per asset per 250 ms of venue time, and at once after a fill).
 * The venues' answers to the orders this causes (accepts, cancel confirmations) are applied too but not
 * counted as ops. So {@code ops/s} is tape events per second and {@code gc.alloc.rate.norm} is bytes per
 * tape event, everything included.
 *
 * <ul>
 *   <li>{@code direct}: {@code engine.onEvent(event)} per event, {@code doWork()} per batch.</li>
 *   <li>{@code viaInbox}: as in production, each event offered to the engine's inbox and drained by
 *       {@code doWork()}; the offer (a connector thread's work in production) is measured too.</li>
 * </ul>
 *
 * <p>The trial fails if any fill missed its quote, the engine saw a fill for an order it did not place, an
 * event threw, or a book saw a sequence gap — the run would then not measure what it claims.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EngineThroughputBenchmark {
    static final int BATCH = 256;
    /** 2^18 events a lap; about 50 MB of events. */
    static final int TAPE_LENGTH = 1 << 18;
    /** 5,000 events per second of venue time over the 4 markets: a busy market. */
    static final long EVENT_GAP_NS = 200_000;

    /** One fill of our quotes per this many book deltas; 0 = no fills (book, trades and timed re-quotes only). */
    @Param("1000")
    public int bookDeltasPerFill;

    private EngineRig rig;

    @Setup(Level.Trial)
    public void setUp() {
        EngineRig.requireQuietLogging();
        rig = new EngineRig(TAPE_LENGTH, bookDeltasPerFill, EVENT_GAP_NS);
        System.out.println();
        System.out.println("tape: " + rig.tape().describe());
        rig.start();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.println();
        System.out.println(rig.summary());
        rig.requireHealthy();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void direct() {
        rig.applyDirect(BATCH);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void viaInbox() {
        rig.applyViaInbox(BATCH);
    }
}
