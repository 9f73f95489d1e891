package dev.ballast.bot.run;

import dev.ballast.bot.engine.Engine;
import dev.ballast.bot.journal.Journal;
import dev.ballast.bot.recovery.PeriodicReconciler;
import dev.ballast.bot.recovery.Recovery;
import dev.ballast.bot.recovery.ReconciliationSettings;
import dev.ballast.bot.recovery.StartRefusedException;
import dev.ballast.bot.status.StatusFormatter;
import dev.ballast.connectors.sim.SimulatedMarket;
import dev.ballast.core.Order;
import dev.ballast.core.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an assembled paper bot in real time: an {@code engine} thread that owns all trading state and a
 * {@code sim-exchange} thread that plays the simulated venues, both on the system clock. Stops on
 * {@link #requestStop}, on JVM shutdown (Ctrl-C, SIGTERM) or at the end of the duration; stopping means: stop
 * quoting, cancel every open order on every venue, wait for the venues to confirm (bounded), print the final
 * inventory and PnL.
 *
 * <p>Journal: the engine thread starts by recovering ({@link Recovery#start}: the journal, then each venue, before
 * the first quote; a refused start ends the run with {@link #startRefusal()} set), reconciles periodically while
 * trading, snapshots the inventory at the end, and closes the journal (flushed) as its last act.
 *
 * <p>Threads: {@link #run} is called once, from the main thread, and returns when both threads are done.
 * {@link #requestStop} is safe from any thread.
 */
public final class BotRunner {
    private static final Logger LOG = LoggerFactory.getLogger(BotRunner.class);
    private static final Logger STATUS = LoggerFactory.getLogger("ballast.status");
    private static final long IDLE_PARK_NS = 200_000;
    private static final Duration CANCEL_DEADLINE = Duration.ofSeconds(10);

    private final Engine engine;
    private final Journal journal;
    private final Recovery recovery;
    private final ReconciliationSettings reconciliation;
    private final SimulatedMarket market;
    private final Clock clock;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile String stopReason;
    private volatile boolean flatAtExit;
    private volatile String startRefusal;

    public BotRunner(PaperTrading bot, Clock clock) {
        this.engine = bot.engine();
        this.journal = bot.journal();
        this.recovery = bot.recovery();
        this.reconciliation = bot.reconciliationSettings();
        this.market = bot.market();
        this.clock = clock;
    }

    /** A bot on real exchanges (live or paper-live): no simulated market to drive; the venues run their own threads. */
    public BotRunner(LiveTrading bot, Clock clock) {
        this.engine = bot.engine();
        this.journal = bot.journal();
        this.recovery = bot.recovery();
        this.reconciliation = bot.reconciliationSettings();
        this.market = null;
        this.clock = clock;
    }

    /** Asks the bot to stop; the engine thread cancels everything and finishes. */
    public void requestStop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    /** Why the start was refused (reconciliation), or null when it was not. */
    public String startRefusal() {
        return startRefusal;
    }

    /**
     * Runs until stopped or until {@code duration} (null = until stopped) has passed.
     *
     * @return true when every order was confirmed cancelled before exit
     */
    public boolean run(Duration duration) throws InterruptedException {
        long startNs = clock.nowNs();
        long endNs = duration == null ? Long.MAX_VALUE : startNs + duration.toNanos();
        Thread hook = new Thread(() -> {
            requestStop("signal");
            try {
                if (!done.await(CANCEL_DEADLINE.toSeconds() + 5, TimeUnit.SECONDS)) {
                    System.err.println("ballast: engine did not finish its shutdown in time");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shutdown-hook");
        Runtime.getRuntime().addShutdownHook(hook);

        Thread sim = new Thread(() -> {
            while (done.getCount() > 0) {
                if (market.doWork() == 0) {
                    LockSupport.parkNanos(IDLE_PARK_NS);
                }
            }
        }, "sim-exchange");
        sim.setDaemon(true);

        Thread engineThread = new Thread(() -> {
            try {
                engineLoop(startNs, endNs);
            } catch (RuntimeException | Error e) {
                LOG.error("engine thread failed; cancelling every open order", e);
                emergencyCancel();
            } finally {
                journal.close(); // every write is committed already: this marks the session ended and checkpoints
                done.countDown();
            }
        }, "engine");

        if (market != null) {
            sim.start();
        }
        engineThread.start();
        engineThread.join();
        if (market != null) {
            sim.join(1000);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running: it is waiting on `done`, which is already counted down
        }
        return flatAtExit;
    }

    /** Last resort after the engine loop died: ask every venue to cancel everything, wait briefly, report. */
    private void emergencyCancel() {
        try {
            engine.beginShutdown("engine failure");
            long deadline = clock.nowNs() + CANCEL_DEADLINE.toNanos();
            while (!engine.isFlat() && clock.nowNs() < deadline) {
                if (engine.doWork() == 0) {
                    LockSupport.parkNanos(IDLE_PARK_NS);
                }
            }
            flatAtExit = engine.isFlat();
            STATUS.info("\n{}", StatusFormatter.finalReport(engine));
        } catch (RuntimeException | Error again) {
            LOG.error("emergency cancel failed too: orders may remain open on the venues", again);
        }
    }

    private void engineLoop(long startNs, long endNs) {
        engine.statusSink(e -> STATUS.info("\n{}", StatusFormatter.status(e, startNs)));
        try {
            recovery.start(engine);
        } catch (StartRefusedException e) {
            startRefusal = e.getMessage();
            flatAtExit = true; // nothing was sent
            return;
        }
        // until the risk layer turns a failure into HALTED, a failed reconciliation stops the run: quotes pulled,
        // every order cancelled
        PeriodicReconciler reconciler = new PeriodicReconciler(engine, reconciliation,
                failure -> requestStop(failure.message()), clock);
        while (stopReason == null) {
            if (clock.nowNs() >= endNs) {
                requestStop("duration reached");
                break;
            }
            if (engine.doWork() + reconciler.doWork() == 0) {
                LockSupport.parkNanos(IDLE_PARK_NS);
            }
        }
        engine.beginShutdown(stopReason);
        long deadline = clock.nowNs() + CANCEL_DEADLINE.toNanos();
        while (!engine.isFlat() && clock.nowNs() < deadline) {
            if (engine.doWork() == 0) {
                LockSupport.parkNanos(IDLE_PARK_NS);
            }
        }
        // a last, bounded drain: fills that raced the cancels still count
        long drainEnd = clock.nowNs() + 200_000_000L;
        while (engine.doWork() > 0 && clock.nowNs() < drainEnd) {
            Thread.onSpinWait();
        }
        flatAtExit = engine.isFlat();
        engine.journalSnapshot();
        if (!flatAtExit) {
            for (Order o : engine.orders().liveOrders()) {
                LOG.error("still open at exit (venue did not confirm the cancel in {}s): {}", CANCEL_DEADLINE.toSeconds(), o);
            }
        } else {
            LOG.info("every order cancelled on every venue");
        }
        String report = StatusFormatter.finalReport(engine);
        STATUS.info("\n{}", report);
    }
}
