package dev.ballast.bot.run;

import dev.ballast.bot.engine.Engine;
import dev.ballast.bot.journal.Journal;
import dev.ballast.bot.recovery.PeriodicReconciler;
import dev.ballast.bot.recovery.ReconciliationSettings;
import dev.ballast.bot.recovery.Recovery;
import dev.ballast.bot.recovery.StartRefusedException;
import dev.ballast.bot.risk.ControlFileWatcher;
import dev.ballast.bot.status.StatusFormatter;
import dev.ballast.connectors.sim.SimulatedMarket;
import dev.ballast.core.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an assembled paper bot in real time: an {@code engine} thread that owns all trading state, a
 * {@code sim-exchange} thread that plays the simulated venues, both on the system clock, and a {@code control-file}
 * thread that reads the operator's control file every second. Stops on {@link #requestStop}, on SIGTERM or SIGINT
 * (see {@link Signals}; SIGUSR2 halts trading), on JVM shutdown, or at the end of the duration; stopping runs the
 * {@link ShutdownSequence} (stop quoting, cancel every order on every venue, wait for the confirmations, the
 * before-exit steps, the final report), bounded by {@code shutdownTimeout} even when a venue never answers.
 *
 * <p>Journal: the engine thread starts by recovering ({@link Recovery#start}: the journal, then each venue, before
 * the first quote; a refused start ends the run with {@link #startRefusal()} set and nothing sent), reconciles
 * periodically while trading (a failed reconciliation halts trading: {@link Engine#onReconciliationFailed}; the run
 * goes on, HALTED, until the operator resumes or stops it), and in the shutdown sequence's before-exit steps journals
 * the final inventory snapshot, then flushes and closes the journal. A start that is refused, or a shutdown that did
 * not get that far, still closes the journal as the engine thread's last act.
 *
 * <p>Threads: {@link #run} is called once, from the main thread, and returns when the engine thread is done, or
 * {@code shutdownTimeout} plus one second after the stop request if it is not (the engine thread is a daemon: the
 * process exits anyway). {@link #requestStop} is safe from any thread; {@link #beforeExit} is called before
 * {@link #run}.
 */
public final class BotRunner {
    private static final Logger LOG = LoggerFactory.getLogger(BotRunner.class);
    private static final Logger STATUS = LoggerFactory.getLogger("ballast.status");
    private static final long IDLE_PARK_NS = 200_000;
    private static final long EXIT_GRACE_NS = 1_000_000_000L;

    /** How a run ended. @param finishedInTime false when the engine had not finished its shutdown at the bound */
    public record Outcome(boolean flat, String stopReason, boolean stoppedBySignal, boolean finishedInTime) {
    }

    private record Stop(String reason, boolean bySignal, long atNs) {
    }

    private final Engine engine;
    private final Journal journal;
    private final Recovery recovery;
    private final ReconciliationSettings reconciliation;
    private final SimulatedMarket market;
    private final Clock clock;
    private final long shutdownTimeoutNs;
    private final Path controlFile;
    private final List<Runnable> beforeExit = new ArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicReference<Stop> stop = new AtomicReference<>();
    private volatile ShutdownSequence.Result result;
    private volatile String startRefusal;

    /**
     * A paper bot: the simulated market is driven on its own {@code sim-exchange} thread.
     *
     * @param shutdownTimeout the longest a shutdown may take (config {@code engine.shutdownTimeoutMs})
     * @param controlFile     the operator's control file (config {@code risk.controlFile}), null for none
     */
    public BotRunner(PaperTrading bot, Clock clock, Duration shutdownTimeout, Path controlFile) {
        this(bot.engine(), bot.journal(), bot.recovery(), bot.reconciliationSettings(), bot.market(), clock,
                shutdownTimeout, controlFile);
    }

    /**
     * A bot on real exchanges (live or paper-live): no simulated market to drive; the venues run their own threads.
     *
     * @param shutdownTimeout the longest a shutdown may take (config {@code engine.shutdownTimeoutMs})
     * @param controlFile     the operator's control file (config {@code risk.controlFile}), null for none
     */
    public BotRunner(LiveTrading bot, Clock clock, Duration shutdownTimeout, Path controlFile) {
        this(bot.engine(), bot.journal(), bot.recovery(), bot.reconciliationSettings(), null, clock, shutdownTimeout,
                controlFile);
    }

    private BotRunner(Engine engine, Journal journal, Recovery recovery, ReconciliationSettings reconciliation,
                      SimulatedMarket market, Clock clock, Duration shutdownTimeout, Path controlFile) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.recovery = Objects.requireNonNull(recovery, "recovery");
        this.reconciliation = Objects.requireNonNull(reconciliation, "reconciliation");
        this.market = market;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.shutdownTimeoutNs = shutdownTimeout.toNanos();
        this.controlFile = controlFile;
    }

    /** Why the start was refused (reconciliation), or null when it was not. */
    public String startRefusal() {
        return startRefusal;
    }

    /**
     * Adds a step run on the engine thread at shutdown, after the cancels and the final inventory snapshot, before the
     * journal is closed and the final report printed.
     */
    public void beforeExit(Runnable step) {
        beforeExit.add(Objects.requireNonNull(step, "step"));
    }

    /** Asks the bot to stop; the engine thread cancels everything and finishes. The first reason given is kept. */
    public void requestStop(String reason) {
        stop(reason, false);
    }

    private void stop(String reason, boolean bySignal) {
        stop.compareAndSet(null, new Stop(reason, bySignal, clock.nowNs()));
    }

    /** Runs until stopped or until {@code duration} (null = until stopped) has passed. */
    public Outcome run(Duration duration) throws InterruptedException {
        long startNs = clock.nowNs();
        long endNs = duration == null ? Long.MAX_VALUE : startNs + duration.toNanos();
        List<String> signals = Signals.install(reason -> stop(reason, true), engine.operatorCommands());
        LOG.info("signals handled: {} (TERM, INT: stop; USR2: halt trading); control file: {}", signals,
                controlFile == null ? "none" : controlFile);
        Thread hook = new Thread(() -> {
            requestStop("JVM shutdown");
            try {
                done.await(TimeUnit.NANOSECONDS.toMillis(shutdownTimeoutNs + EXIT_GRACE_NS), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shutdown-hook");
        Runtime.getRuntime().addShutdownHook(hook);
        ScheduledExecutorService control = startControlFileWatcher();

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
                requestStop("engine failure");
                emergencyShutdown();
            } finally {
                closeJournal(); // closed already by the shutdown sequence, unless the start was refused or it failed
                done.countDown();
            }
        }, "engine");
        engineThread.setDaemon(true);

        if (market != null) {
            sim.start();
        }
        engineThread.start();
        boolean finishedInTime = awaitEngine();
        if (control != null) {
            control.shutdownNow();
        }
        if (market != null) {
            sim.join(1000);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running: it is waiting on `done`, which is already counted down or will time out
        }
        Stop s = stop.get();
        ShutdownSequence.Result r = result;
        return new Outcome(r != null && r.flat(), s == null ? "" : s.reason(), s != null && s.bySignal(),
                finishedInTime);
    }

    /** Waits for the engine thread, at most {@code shutdownTimeout} + 1 s after a stop request; true if it finished. */
    private boolean awaitEngine() throws InterruptedException {
        while (!done.await(100, TimeUnit.MILLISECONDS)) {
            Stop s = stop.get();
            if (s != null && clock.nowNs() - s.atNs() > shutdownTimeoutNs + EXIT_GRACE_NS) {
                LOG.error("the engine did not finish its shutdown within {} ms; exiting without it",
                        TimeUnit.NANOSECONDS.toMillis(shutdownTimeoutNs + EXIT_GRACE_NS));
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the control file once on this thread (so a bot restarted after a {@code halt} starts HALTED, before any
     * order), then every second on a daemon thread. Null when there is no control file.
     */
    private ScheduledExecutorService startControlFileWatcher() {
        if (controlFile == null) {
            return null;
        }
        ControlFileWatcher watcher = new ControlFileWatcher(controlFile, engine.operatorCommands());
        watcher.poll();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "control-file");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(watcher::poll, 1, 1, TimeUnit.SECONDS);
        return executor;
    }

    private ShutdownSequence shutdownSequence() {
        ShutdownSequence sequence = new ShutdownSequence(engine, clock, shutdownTimeoutNs,
                () -> LockSupport.parkNanos(IDLE_PARK_NS));
        sequence.beforeExit(engine::journalSnapshot);
        beforeExit.forEach(sequence::beforeExit);
        sequence.beforeExit(this::closeJournal);
        return sequence;
    }

    /**
     * Closes the journal: every write is committed already; this flushes it and marks the session ended. Idempotent;
     * a failure is logged (the next start recovers as after a crash).
     */
    private void closeJournal() {
        try {
            journal.close();
        } catch (RuntimeException e) {
            LOG.error("the journal could not be closed cleanly; the next start recovers as after a crash", e);
        }
    }

    /** Last resort after the engine loop died: the same bounded shutdown, reporting what it could not do. */
    private void emergencyShutdown() {
        try {
            result = shutdownSequence().run("engine failure");
        } catch (RuntimeException | Error again) {
            LOG.error("emergency shutdown failed too: orders may remain open on the venues", again);
        }
    }

    private void engineLoop(long startNs, long endNs) {
        engine.statusSink(e -> STATUS.info("\n{}", StatusFormatter.status(e, startNs)));
        try {
            recovery.start(engine);
        } catch (StartRefusedException e) {
            startRefusal = e.getMessage(); // nothing was sent
            return;
        }
        // a failed reconciliation halts trading (every order cancelled, nothing new sent); the run goes on
        PeriodicReconciler reconciler = new PeriodicReconciler(engine, reconciliation,
                failure -> engine.onReconciliationFailed(failure.message()), clock);
        while (stop.get() == null) {
            if (clock.nowNs() >= endNs) {
                requestStop("duration reached");
                break;
            }
            if (engine.doWork() + reconciler.doWork() == 0) {
                LockSupport.parkNanos(IDLE_PARK_NS);
            }
        }
        result = shutdownSequence().run(stop.get().reason());
    }
}
