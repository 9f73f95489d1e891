package dev.ballast.bot.run;

import dev.ballast.bot.engine.Engine;
import dev.ballast.bot.status.StatusFormatter;
import dev.ballast.core.Order;
import dev.ballast.core.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's way out, bounded in time whatever the venues do: stop quoting and cancel every order on every venue,
 * wait for the venues to confirm (applying the fills that raced the cancels), run the before-exit steps (the
 * journal's flush and close), print the final report. It takes at most {@code timeoutNs} on the engine clock from
 * {@link #run}: the last fifth of it (at most one second) is kept for the before-exit steps, and a venue that never
 * confirms its cancels only makes the bot exit with those orders logged as still open — the next start reconciles
 * them with the venue.
 *
 * <p>Runs on the engine thread, which it drives by calling {@link Engine#doWork()}; {@code idle} is called when a
 * round did nothing (the runner parks briefly; a test moves its manual clock).
 */
public final class ShutdownSequence {
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSequence.class);
    private static final Logger STATUS = LoggerFactory.getLogger("ballast.status");
    private static final long MAX_RESERVE_NS = 1_000_000_000L;

    /** How a shutdown ended. @param openOrders orders of ours the venues had not confirmed cancelled at exit */
    public record Result(boolean flat, int openOrders, long tookNs) {
    }

    private final Engine engine;
    private final Clock clock;
    private final long timeoutNs;
    private final Runnable idle;
    private final List<Runnable> beforeExit = new ArrayList<>();

    /**
     * @param timeoutNs the longest the whole sequence may take; > 0
     * @param idle      called after a round of engine work that did nothing
     */
    public ShutdownSequence(Engine engine, Clock clock, long timeoutNs, Runnable idle) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idle = Objects.requireNonNull(idle, "idle");
        if (timeoutNs <= 0) {
            throw new IllegalArgumentException("timeoutNs must be > 0 (was " + timeoutNs + ")");
        }
        this.timeoutNs = timeoutNs;
    }

    /**
     * Adds a step run on the engine thread once the cancels are settled or timed out, before the final report, in the
     * order added (the journal's flush and close go here). A step that throws is logged; the next still runs.
     */
    public ShutdownSequence beforeExit(Runnable step) {
        beforeExit.add(Objects.requireNonNull(step, "step"));
        return this;
    }

    /** Runs the whole sequence. Engine thread. */
    public Result run(String reason) {
        long startNs = clock.nowNs();
        long reserveNs = Math.min(MAX_RESERVE_NS, timeoutNs / 5);
        long cancelDeadlineNs = startNs + timeoutNs - reserveNs;
        engine.beginShutdown(reason);
        while (!engine.isFlat() && clock.nowNs() < cancelDeadlineNs) {
            if (engine.doWork() == 0) {
                idle.run();
            }
        }
        // a last drain: fills that raced the cancels still count, within half of the reserve
        long drainEndNs = Math.min(clock.nowNs() + reserveNs / 2, startNs + timeoutNs);
        while (clock.nowNs() < drainEndNs && engine.doWork() > 0) {
            Thread.onSpinWait();
        }
        boolean flat = engine.isFlat();
        if (flat) {
            LOG.info("every order cancelled on every venue");
        } else {
            for (Order o : engine.orders().liveOrders()) {
                LOG.error("still open at exit (no cancel confirmation within {} ms; the next start reconciles it): {}",
                        timeoutNs / 1_000_000, o);
            }
        }
        for (Runnable step : beforeExit) {
            try {
                step.run();
            } catch (RuntimeException e) {
                LOG.error("a before-exit step failed; carrying on with the exit", e);
            }
        }
        STATUS.info("\n{}", StatusFormatter.finalReport(engine));
        return new Result(flat, engine.orders().liveCount(), clock.nowNs() - startNs);
    }
}
