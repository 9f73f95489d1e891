package dev.ballast.bot.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.event.RejectReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trading state's automatic triggers and the operator's commands, on the engine clock. */
class TradingStateMachineTest {
    private static final long DAY_NS = Duration.ofDays(1).toNanos();
    private static final long T0 = 1_767_225_600_000_000_000L + Duration.ofHours(20).toNanos(); // 2026-01-01T20:00Z
    private final List<TradingStateMachine.Transition> heard = new ArrayList<>();

    private TradingStateMachine machine(RiskLimits limits) {
        TradingStateMachine m = new TradingStateMachine(limits, T0);
        m.onTransition(heard::add);
        return m;
    }

    private static OperatorCommand command(OperatorCommand.Action action) {
        return new OperatorCommand(action, "by hand", "test");
    }

    @Test
    void shouldHaltWhenEquityFallsFurtherBelowItsPeakThanTheDrawdownLimit() {
        TradingStateMachine m = machine(RiskLimits.builder().maxDrawdownPct(4).build());

        m.onEquity(100_000, T0);
        m.onEquity(110_000, T0 + 1);
        m.onEquity(105_600, T0 + 2); // exactly 4 % below the peak
        assertThat(m.state()).isEqualTo(TradingState.ACTIVE);

        m.onEquity(105_599, T0 + 3);
        assertThat(m.state()).isEqualTo(TradingState.HALTED);
        assertThat(m.reason()).startsWith("drawdown 4.00% from peak equity 110000.00 (equity 105599.00)");
        assertThat(heard).singleElement().satisfies(t -> {
            assertThat(t.from()).isEqualTo(TradingState.ACTIVE);
            assertThat(t.to()).isEqualTo(TradingState.HALTED);
            assertThat(t.source()).isEqualTo("automatic");
        });
    }

    @Test
    void shouldHaltOnALossOverTheUtcDayAndCountTheNextDayFromItsOwnFirstEquity() {
        TradingStateMachine m = machine(RiskLimits.builder().maxDailyLossPct(2).build());

        m.onEquity(100_000, T0);
        m.onEquity(98_500, T0 + Duration.ofHours(3).toNanos()); // 23:00: -1.5 % today
        assertThat(m.state()).isEqualTo(TradingState.ACTIVE);
        m.onEquity(98_500, T0 + Duration.ofHours(5).toNanos()); // 01:00 the next day: a new day starts at 98 500
        m.onEquity(96_600, T0 + Duration.ofHours(6).toNanos()); // -1.93 % today, -3.4 % since yesterday
        assertThat(m.state()).isEqualTo(TradingState.ACTIVE);

        m.onEquity(96_500, T0 + DAY_NS);
        assertThat(m.state()).isEqualTo(TradingState.HALTED);
        assertThat(m.reason()).startsWith("daily loss 2.03% from the day's first equity 98500.00");
    }

    @Test
    void shouldHaltAfterRepeatedRejectsWithinTheWindowButNotCountPostOnlyCrossesNorEmptyBalances() {
        long window = Duration.ofSeconds(10).toNanos();
        TradingStateMachine m = machine(RiskLimits.builder().rejectsToHalt(3, window).build());

        m.onReject(RejectReason.VENUE_UNAVAILABLE, "", T0);
        m.onReject(RejectReason.INSUFFICIENT_BALANCE, "", T0 + 1);
        m.onReject(RejectReason.POST_ONLY_WOULD_CROSS, "", T0 + 2);
        m.onReject(RejectReason.RATE_LIMITED, "", T0 + window); // the first is still inside the window
        assertThat(m.state()).isEqualTo(TradingState.ACTIVE);

        m.onReject(RejectReason.INVALID_ORDER, "bad size", T0 + window + 1); // the first has left the window
        assertThat(m.state()).isEqualTo(TradingState.ACTIVE);
        m.onReject(RejectReason.INVALID_ORDER, "bad size", T0 + window + 2);
        assertThat(m.state()).isEqualTo(TradingState.HALTED);
        assertThat(m.reason()).isEqualTo("3 rejects within 10000 ms (last: INVALID_ORDER bad size)");
    }

    @Test
    void shouldHaltWhenReconciliationFails() {
        TradingStateMachine m = machine(RiskLimits.NONE);

        m.onReconciliationFailed("sim-a BTC balance 0.4 vs journal 0.5", T0);

        assertThat(m.state()).isEqualTo(TradingState.HALTED);
        assertThat(m.reason()).isEqualTo("reconciliation failed: sim-a BTC balance 0.4 vs journal 0.5");
    }

    @Test
    void shouldLeaveHaltedOnlyOnResumeAndRefuseReduceThere() {
        TradingStateMachine m = machine(RiskLimits.NONE);

        m.apply(command(OperatorCommand.Action.HALT), T0);
        m.apply(command(OperatorCommand.Action.REDUCE), T0 + 1);
        assertThat(m.state()).isEqualTo(TradingState.HALTED);

        m.apply(command(OperatorCommand.Action.RESUME), T0 + 2);
        assertThat(m.state()).isEqualTo(TradingState.ACTIVE);
        assertThat(m.reason()).isEqualTo("operator resume: by hand");
        assertThat(m.sinceNs()).isEqualTo(T0 + 2);
        assertThat(heard).extracting(TradingStateMachine.Transition::to)
                .containsExactly(TradingState.HALTED, TradingState.ACTIVE);
        assertThat(heard.get(1).source()).isEqualTo("operator (test)");
    }

    @Test
    void shouldGoFromActiveToReducingAndBackAndIgnoreACommandForTheStateItIsIn() {
        TradingStateMachine m = machine(RiskLimits.NONE);

        m.apply(command(OperatorCommand.Action.RESUME), T0);
        m.apply(command(OperatorCommand.Action.REDUCE), T0 + 1);
        m.apply(command(OperatorCommand.Action.REDUCE), T0 + 2);
        assertThat(m.state()).isEqualTo(TradingState.REDUCING);
        m.apply(command(OperatorCommand.Action.HALT), T0 + 3);
        m.apply(command(OperatorCommand.Action.HALT), T0 + 4);

        assertThat(heard).extracting(TradingStateMachine.Transition::to)
                .containsExactly(TradingState.REDUCING, TradingState.HALTED);
        assertThat(m.lastCommand().action()).isEqualTo(OperatorCommand.Action.HALT);
    }

    @Test
    void shouldRearmTheDrawdownFromTheEquityAtResumeSoTheSameLossDoesNotHaltAgain() {
        TradingStateMachine m = machine(RiskLimits.builder().maxDrawdownPct(5).maxDailyLossPct(5).build());
        m.onEquity(100_000, T0);
        m.onEquity(94_000, T0 + 1);
        assertThat(m.state()).isEqualTo(TradingState.HALTED);

        m.apply(command(OperatorCommand.Action.RESUME), T0 + 2);
        m.onEquity(94_000, T0 + 3);
        m.onEquity(90_000, T0 + 4); // -4.3 % since the resume
        assertThat(m.state()).isEqualTo(TradingState.ACTIVE);

        m.onEquity(89_000, T0 + 5); // -5.3 % since the resume
        assertThat(m.state()).isEqualTo(TradingState.HALTED);
    }

    @Test
    void shouldNeverHaltByItselfWithoutLimits() {
        TradingStateMachine m = machine(RiskLimits.NONE);

        m.onEquity(100_000, T0);
        m.onEquity(1, T0 + 1);
        for (int i = 0; i < 1000; i++) {
            m.onReject(RejectReason.OTHER, "", T0 + i);
        }

        assertThat(m.state()).isEqualTo(TradingState.ACTIVE);
        assertThat(heard).isEmpty();
    }
}
