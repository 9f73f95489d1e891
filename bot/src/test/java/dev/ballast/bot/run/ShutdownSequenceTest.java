package dev.ballast.bot.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.bot.risk.RiskLimits;
import dev.ballast.bot.testing.TwoVenueEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shutdown is bounded by its timeout on the engine clock, whether or not the venues confirm the cancels. */
class ShutdownSequenceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Duration IDLE_STEP = Duration.ofMillis(10);

    private final TwoVenueEngine t = new TwoVenueEngine(RiskLimits.NONE);
    private final List<String> steps = new ArrayList<>();

    private ShutdownSequence sequence(Runnable idle) {
        return new ShutdownSequence(t.engine, t.clock, TIMEOUT.toNanos(), idle)
                .beforeExit(() -> steps.add("journal flushed with " + t.engine.orders().liveCount() + " open"));
    }

    @Test
    void shouldGiveUpOnAVenueThatNeverConfirmsItsCancelsWithinTheTimeoutAndStillRunTheBeforeExitSteps() {
        t.books(60_000);
        t.acceptAll();
        long startNs = t.clock.nowNs();

        ShutdownSequence.Result result = sequence(() -> t.clock.advance(IDLE_STEP)).run("SIGTERM");

        assertThat(result.flat()).isFalse();
        assertThat(result.openOrders()).isEqualTo(4);
        assertThat(result.tookNs()).isLessThanOrEqualTo(TIMEOUT.toNanos());
        assertThat(t.clock.nowNs() - startNs).isLessThanOrEqualTo(TIMEOUT.toNanos());
        assertThat(t.a.cancelAlls).isEqualTo(1);
        assertThat(t.b.cancelAlls).isEqualTo(1);
        assertThat(steps).containsExactly("journal flushed with 4 open");
        assertThat(t.engine.isQuoting()).isFalse();
    }

    @Test
    void shouldFinishAsSoonAsEveryVenueHasConfirmedItsCancels() {
        t.books(60_000);
        t.acceptAll();
        List<Runnable> venues = new ArrayList<>();
        venues.add(t::confirmCancels); // the venues answer on the first idle round

        ShutdownSequence.Result result = sequence(() -> {
            t.clock.advance(IDLE_STEP);
            if (!venues.isEmpty()) {
                venues.remove(0).run();
            }
        }).run("end of test");

        assertThat(result.flat()).isTrue();
        assertThat(result.openOrders()).isZero();
        assertThat(result.tookNs()).isLessThan(Duration.ofSeconds(1).toNanos());
        assertThat(steps).containsExactly("journal flushed with 0 open");
    }
}
