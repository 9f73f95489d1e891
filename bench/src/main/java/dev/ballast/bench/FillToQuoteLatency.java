package dev.ballast.bench;

import dev.ballast.core.Side;
import dev.ballast.core.event.OrderFilled;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import org.HdrHistogram.Histogram;

/**
 * Fill to next quote decision latency: how long the engine takes from a fill of one of our quotes waiting in
 * its inbox to the replacement quote's {@code place} reaching the venue.
 *
 * <p>The engine is the real one, wired as for the default config (see {@link EngineRig}), on
 * {@link InstantAckVenue}s. Each round: {@value #BOOK_EVENTS_PER_FILL_DEFAULT} market events (book deltas and
 * public trades) go through the inbox and {@code doWork} as in production (not timed), with the venues'
 * answers fed back; then the whole of one resting quote is filled (a buy, then a sell, market after market,
 * so the drift stays near zero), the fill is offered to the inbox, and the time from just before
 * {@code engine.doWork()} to the moment the venue receives the new quote for that market and side
 * ({@link System#nanoTime()} in {@link InstantAckVenue#place}) is recorded in an HdrHistogram. The new quote
 * is then accepted and the next round starts.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.ballast.bench.FillToQuoteLatency}. System properties
 * {@code warmupFills}, {@code fills} and {@code bookEventsPerFill} change the counts.
 */
public final class FillToQuoteLatency {
    private static final int BOOK_EVENTS_PER_FILL_DEFAULT = 1000;
    private static final int CHUNK = 64;
    private static final int CONTROL_STEPS = 1_500;
    private static long sink;

    private FillToQuoteLatency() {
    }

    public static void main(String[] args) {
        int warmupFills = Integer.getInteger("warmupFills", 20_000);
        int fills = Integer.getInteger("fills", 100_000);
        int bookEventsPerFill = Integer.getInteger("bookEventsPerFill", BOOK_EVENTS_PER_FILL_DEFAULT);

        EngineRig.requireQuietLogging();
        EngineRig rig = new EngineRig(1 << 18, 0, EngineThroughputBenchmark.EVENT_GAP_NS);
        rig.start();
        int markets = rig.instruments().size();
        Histogram all = histogram();
        Histogram[] byPosition = {histogram(), histogram(), histogram(), histogram()};
        Histogram control = histogram();
        long missing = 0;
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long measuredBytes = 0;
        long startNs = System.nanoTime();

        for (int round = 0; round < warmupFills + fills; round++) {
            for (int done = 0; done < bookEventsPerFill; done += CHUNK) {
                rig.applyViaInbox(Math.min(CHUNK, bookEventsPerFill - done));
            }
            settle(rig);

            int m = (round / 2) % markets;
            Side side = round % 2 == 0 ? Side.BUY : Side.SELL;
            OrderFilled fill = rig.fillQuote(m, side);
            if (fill == null) {
                missing++;
                continue;
            }
            long bytesBefore = threads.getCurrentThreadAllocatedBytes();
            rig.inbox.offer(fill);
            InstantAckVenue venue = rig.watch(m, side);
            long beforeNs = System.nanoTime();
            rig.engine.doWork();
            long placedNs = venue.watchedPlaceNs();
            long bytes = threads.getCurrentThreadAllocatedBytes() - bytesBefore;
            if (placedNs == 0) {
                throw new IllegalStateException("no replacement quote after fill " + fill.fill());
            }
            settle(rig);
            long controlNs = timeControlWork();
            if (round >= warmupFills) {
                all.recordValue(placedNs - beforeNs);
                byPosition[rig.requotePosition(m, side)].recordValue(placedNs - beforeNs);
                control.recordValue(controlNs);
                measuredBytes += bytes;
            }
        }
        long tookMs = (System.nanoTime() - startNs) / 1_000_000;
        rig.requireHealthy();

        System.out.println("tape: " + rig.tape().describe());
        System.out.println(rig.summary());
        System.out.printf("fill -> replacement place: %,d fills measured after %,d warm-up fills, %,d market events "
                + "between fills; %,d rounds without a quote to fill; %,d ms%n", all.getTotalCount(), warmupFills,
                bookEventsPerFill, missing, tookMs);
        System.out.println("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf("allocated per fill (the whole doWork: fill, inventory, re-quote, order): %,d bytes%n",
                measuredBytes / Math.max(1, all.getTotalCount()));
        System.out.println("latency in us                      count      p50      p90      p99    p99.9      max     mean");
        print("fill -> replacement place", all);
        String[] positions = {"  filled side re-quoted 1st", "  filled side re-quoted 2nd", "  filled side re-quoted 3rd",
                "  filled side re-quoted 4th"};
        for (int p = 0; p < byPosition.length; p++) {
            print(positions[p], byPosition[p]);
        }
        print("control: fixed CPU work", control);
        if (sink == 42) {
            System.out.println();
        }
    }

    private static Histogram histogram() {
        return new Histogram(60_000_000_000L, 3);
    }

    private static void print(String label, Histogram h) {
        System.out.printf("%-30s %,10d %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f%n", label, h.getTotalCount(),
                us(h.getValueAtPercentile(50)), us(h.getValueAtPercentile(90)), us(h.getValueAtPercentile(99)),
                us(h.getValueAtPercentile(99.9)), us(h.getMaxValue()), h.getMean() / 1000.0);
    }

    /**
     * The experimental control: a fixed, allocation-free chain of multiplications (a few microseconds) timed the
     * same way as the fill. Its tail is what this machine (other processes, interrupts, the hypervisor) adds to
     * any measurement of that length; tail beyond it is the engine's.
     */
    private static long timeControlWork() {
        long x = sink;
        long beforeNs = System.nanoTime();
        for (int i = 0; i < CONTROL_STEPS; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            x ^= x >>> 29;
        }
        long ns = System.nanoTime() - beforeNs;
        sink = x;
        return ns;
    }

    /** Lets the engine apply the venues' answers (and anything they cause) until nothing is left to do. */
    private static void settle(EngineRig rig) {
        while (rig.offerReplies() > 0 || !rig.inbox.isEmpty()) {
            rig.engine.doWork();
        }
    }

    private static double us(long ns) {
        return ns / 1000.0;
    }
}
