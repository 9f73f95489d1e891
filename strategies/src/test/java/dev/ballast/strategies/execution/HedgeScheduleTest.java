package dev.ballast.strategies.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HedgeScheduleTest {
    private static final long SEC = 1_000_000_000L;
    private static final long START = 1_700_000_000L * SEC;

    @Test
    void shouldSendAnImmediateIocOnceAndThenHandTheRestBack() {
        ImmediateIoc ioc = new ImmediateIoc();

        HedgeChild first = ioc.nextChild(START, 0.3);

        assertThat(first.dueAt(START)).isTrue();
        assertThat(first.size()).isEqualTo(0.3);
        assertThat(ioc.nextChild(START + 1, 0.1).done()).isTrue();
    }

    @Test
    void shouldSendEqualTwapSlicesWhenEveryChildFills() {
        TwapSchedule twap = new TwapSchedule(START, 4 * SEC, 4, 0);
        double remaining = 1.0;

        for (int slice = 1; slice <= 4; slice++) {
            long due = START + (slice - 1) * SEC;
            HedgeChild preview = twap.nextChild(due - 1, remaining);
            if (slice > 1) {
                assertThat(preview.dueAt(due - 1)).isFalse();
                assertThat(preview.sendAtNs()).isEqualTo(due);
            }
            HedgeChild child = twap.nextChild(due, remaining);
            assertThat(child.dueAt(due)).isTrue();
            assertThat(child.size()).as("slice %d", slice).isCloseTo(0.25, within(1e-12));
            remaining -= child.size();
        }
        assertThat(twap.nextChild(START + 10 * SEC, remaining).done()).isTrue();
    }

    @Test
    void shouldNotCountAPreviewAsSent() {
        TwapSchedule twap = new TwapSchedule(START, 4 * SEC, 4, 0);
        twap.nextChild(START, 1.0);

        twap.nextChild(START + SEC / 2, 0.75);
        twap.nextChild(START + SEC / 2, 0.75);

        assertThat(twap.slicesSent()).isEqualTo(1);
        assertThat(twap.nextChild(START + SEC, 0.75).size()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void shouldSpreadWhatAChildLeftUnfilledOverTheSlicesLeft() {
        TwapSchedule twap = new TwapSchedule(START, 4 * SEC, 4, 0);
        twap.nextChild(START, 1.0);

        // the first 0.25 filled only 0.05: 0.95 is spread over the three slices left
        HedgeChild second = twap.nextChild(START + SEC, 0.95);

        assertThat(second.size()).isCloseTo(0.95 / 3, within(1e-12));
    }

    @Test
    void shouldCatchUpOnMissedSlicesRatherThanSendThemAll() {
        TwapSchedule twap = new TwapSchedule(START, 4 * SEC, 4, 0);

        HedgeChild child = twap.nextChild(START + 2 * SEC + SEC / 2, 1.0);

        // slices 1 and 2 were missed: slice 3 of 4 sends half of what remains, slice 4 the rest
        assertThat(child.sendAtNs()).isEqualTo(START + 2 * SEC);
        assertThat(child.size()).isCloseTo(0.5, within(1e-12));
        assertThat(twap.nextChild(START + 3 * SEC, 0.5).size()).isCloseTo(0.5, within(1e-12));
        assertThat(twap.nextChild(START + 4 * SEC, 0.2).done()).isTrue();
    }

    @Test
    void shouldRaiseSmallChildrenToTheMinimumAndStopBelowIt() {
        TwapSchedule twap = new TwapSchedule(START, 10 * SEC, 10, 0.05);

        assertThat(twap.nextChild(START, 0.2).size()).isEqualTo(0.05);
        assertThat(twap.nextChild(START + SEC, 0.04).done()).isTrue();
    }

    @Test
    void shouldSendTheAlmgrenChrissTradeListWhenEveryChildFills() {
        // the paper's Table 1 trajectory, one "day" per second
        AlmgrenChriss ac = AlmgrenChriss.optimal(AlmgrenChrissParams.PAPER_TABLE_1);
        AlmgrenChrissSchedule schedule = AlmgrenChrissSchedule.of(ac, START, SEC, 0);
        double remaining = 1e6;

        for (int j = 1; j <= 5; j++) {
            HedgeChild child = schedule.nextChild(START + (j - 1) * SEC, remaining);
            assertThat(child.size()).as("n_%d", j).isCloseTo(ac.trade(j), offset(1e-6));
            remaining -= child.size();
        }
        assertThat(remaining).isCloseTo(0, offset(1e-6));
        assertThat(schedule.nextChild(START + 5 * SEC, 0).done()).isTrue();
    }

    @Test
    void shouldReplanAnUnfilledRemainderAsTheOptimalTrajectoryFromThere() {
        AlmgrenChrissParams paper = AlmgrenChrissParams.PAPER_TABLE_1;
        AlmgrenChriss ac = AlmgrenChriss.optimal(paper);
        AlmgrenChrissSchedule schedule = AlmgrenChrissSchedule.of(ac, START, SEC, 0);
        double firstChild = schedule.nextChild(START, 1e6).size();

        // half of the first child filled; what is left, 770,978, is re-planned over the 4 days left
        double remaining = 1e6 - firstChild / 2;
        HedgeChild second = schedule.nextChild(START + SEC, remaining);

        AlmgrenChriss fromHere = AlmgrenChriss.optimal(new AlmgrenChrissParams(remaining, 4, 4, paper.sigma(),
                paper.eta(), paper.epsilon(), paper.gamma(), paper.lambda()));
        assertThat(second.size()).isCloseTo(fromHere.trade(1), offset(1e-6));
        assertThat(second.size()).isGreaterThan(ac.trade(2));
        double left = remaining - second.size();
        for (int j = 3; j <= 5; j++) {
            left -= schedule.nextChild(START + (j - 1) * SEC, left).size();
        }
        assertThat(left).isCloseTo(0, offset(1e-6));
    }

    @Test
    void shouldBeTwapWhenKappaIsZero() {
        AlmgrenChrissSchedule ac = new AlmgrenChrissSchedule(START, 4 * SEC, 4, 0, 0);

        assertThat(ac.nextChild(START, 1.0).size()).isCloseTo(0.25, within(1e-12));
        assertThat(ac.nextChild(START + SEC, 0.75).size()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void shouldGiveTheSameChildrenForTheSameCalls() {
        AlmgrenChrissSchedule a = new AlmgrenChrissSchedule(START, 60 * SEC, 6, 0.02, 0.001);
        AlmgrenChrissSchedule b = new AlmgrenChrissSchedule(START, 60 * SEC, 6, 0.02, 0.001);
        double[] remaining = {1.0, 0.8, 0.61, 0.5, 0.2, 0.1};

        for (int j = 0; j < 6; j++) {
            long now = START + j * 10 * SEC + 3;
            assertThat(a.nextChild(now, remaining[j])).isEqualTo(b.nextChild(now, remaining[j]));
        }
    }

    @Test
    void shouldRefillAnIcebergClipOnlyAfterItFilledAndTheDelayPassed() {
        IcebergSchedule iceberg = new IcebergSchedule(START, 0.1, SEC / 5);

        HedgeChild first = iceberg.nextChild(START, 0.35);
        HedgeChild early = iceberg.nextChild(START + 1, 0.25);
        HedgeChild second = iceberg.nextChild(START + SEC / 5, 0.25);

        assertThat(first.size()).isEqualTo(0.1);
        assertThat(early.dueAt(START + 1)).isFalse();
        assertThat(early.sendAtNs()).isEqualTo(START + SEC / 5);
        assertThat(second.dueAt(START + SEC / 5)).isTrue();
        assertThat(second.size()).isEqualTo(0.1);
        assertThat(iceberg.nextChild(START + SEC, 0.05).size()).isEqualTo(0.05);
        assertThat(iceberg.nextChild(START + 2 * SEC, 0).done()).isTrue();
    }

    @Test
    void shouldEndAnIcebergWhenAClipFilledNothing() {
        IcebergSchedule iceberg = new IcebergSchedule(START, 0.1, 0);
        iceberg.nextChild(START, 0.35);

        assertThat(iceberg.nextChild(START + SEC, 0.35).done()).isTrue();
    }

    @Test
    void shouldRefuseANegativeRemainder() {
        assertThatThrownBy(() -> new ImmediateIoc().nextChild(START, -0.1))
                .hasMessage("remaining must be finite and >= 0 (was -0.1)");
        assertThatThrownBy(() -> new TwapSchedule(START, 4 * SEC, 0, 0)).hasMessage("slices must be >= 1 (was 0)");
    }
}
