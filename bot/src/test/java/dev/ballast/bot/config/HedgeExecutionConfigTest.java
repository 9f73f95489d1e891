package dev.ballast.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ballast.strategies.execution.AlmgrenChrissSchedule;
import dev.ballast.strategies.execution.HedgeChild;
import dev.ballast.strategies.execution.HedgeSchedule;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The schedule a hedge gets from its asset's execution settings. */
class HedgeExecutionConfigTest {
    private static final long START_NS = 1_000_000_000L;

    private static HedgeExecutionConfig execution(HedgeExecutionType type) {
        return new HedgeExecutionConfig(type, new BigDecimal("1"), 20, 4, 2.0, new BigDecimal("0.3"), 500);
    }

    @Test
    void shouldSendAHedgeUpToSliceAboveAsOneIocWhateverTheExecution() {
        for (HedgeExecutionType type : HedgeExecutionType.values()) {
            HedgeSchedule schedule = execution(type).schedule(START_NS, 1.0, 0.01);

            assertThat(schedule.name()).as(type.configName()).isEqualTo("ioc");
        }
    }

    @Test
    void shouldSendEvenALargeHedgeAsOneIocWhenTheExecutionIsIoc() {
        HedgeSchedule schedule = execution(HedgeExecutionType.IOC).schedule(START_NS, 50, 0.01);

        assertThat(schedule.name()).isEqualTo("ioc");
        assertThat(schedule.nextChild(START_NS, 50).size()).isEqualTo(50);
    }

    @Test
    void shouldSliceALargeTwapHedgeIntoEqualChildrenOverTheHorizon() {
        HedgeSchedule schedule = execution(HedgeExecutionType.TWAP).schedule(START_NS, 2.0, 0.01);

        HedgeChild first = schedule.nextChild(START_NS, 2.0);
        HedgeChild secondPreview = schedule.nextChild(START_NS, 1.5);

        assertThat(schedule.name()).isEqualTo("twap");
        assertThat(first.size()).isEqualTo(0.5);
        assertThat(secondPreview.sendAtNs()).isEqualTo(START_NS + 5_000_000_000L); // 20 s / 4 slices
    }

    @Test
    void shouldTurnUrgencyIntoTheAlmgrenChrissKappaOverTheSliceHorizon() {
        HedgeExecutionConfig config = execution(HedgeExecutionType.ALMGREN_CHRISS);

        HedgeSchedule schedule = config.schedule(START_NS, 2.0, 0.01);

        assertThat(config.kappaPerSec()).isEqualTo(0.1); // κT = 2 over T = 20 s
        assertThat(schedule).isInstanceOfSatisfying(AlmgrenChrissSchedule.class,
                ac -> assertThat(ac.kappaPerSec()).isEqualTo(0.1));
        // x(t) = X·sinh(κ(T − t))/sinh(κT): the first of 4 slices sends X·(1 − sinh(1.5)/sinh(2))
        assertThat(schedule.nextChild(START_NS, 2.0).size())
                .isCloseTo(2.0 * (1 - Math.sinh(1.5) / Math.sinh(2)), within(1e-12));
    }

    @Test
    void shouldShowALargeIcebergHedgeOneClipAtATime() {
        HedgeSchedule schedule = execution(HedgeExecutionType.ICEBERG).schedule(START_NS, 2.0, 0.01);

        HedgeChild first = schedule.nextChild(START_NS, 2.0);
        HedgeChild next = schedule.nextChild(START_NS, 1.7);

        assertThat(schedule.name()).isEqualTo("iceberg");
        assertThat(first.size()).isEqualTo(0.3);
        assertThat(next.sendAtNs()).isEqualTo(START_NS + 500_000_000L);
    }
}
