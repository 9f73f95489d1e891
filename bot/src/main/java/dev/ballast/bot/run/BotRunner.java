package dev.ballast.bot.run;

import dev.ballast.bot.engine.Engine;
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
    private final SimulatedMarket market;
    private final Clock clock;
    private final long shutdownTimeoutNs;
    private final Path controlFile;
    private final List<Runnable> beforeExit = new ArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicReference<Stop> stop = new AtomicReference<>();
    private volatile ShutdownSequence.Result result;

    /**
     * @param shutdownTimeout the longest a shutdown may take (config {@code engine.shutdownTimeoutMs})
     * @param controlFile     the operator's control file (config {@code risk.controlFile}), null for none
     */
    public BotRunner(PaperTrading bot, Clock clock, Duration shutdownTimeout, Path controlFile) {
        this.engine = bot.engine();
        this.market = bot.market();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.shutdownTimeoutNs = shutdownTimeout.toNanos();
        this.controlFile = controlFile;
    }

    /** Adds a step run on the engine thread at shutdown, after the cancels, before the final report (journal flush). */
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
                done.countDown();
            }
        }, "engine");
        engineThread.setDaemon(true);

        sim.start();
        engineThread.start();
        boolean finishedInTime = awaitEngine();
        if (control != null) {
            control.shutdownNow();
        }
        sim.join(1000);
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
        beforeExit.forEach(sequence::beforeExit);
        return sequence;
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
        engine.start();
        while (stop.get() == null) {
            if (clock.nowNs() >= endNs) {
                requestStop("duration reached");
                break;
            }
            if (engine.doWork() == 0) {
                LockSupport.parkNanos(IDLE_PARK_NS);
            }
        }
        result = shutdownSequence().run(stop.get().reason());
    }
}
