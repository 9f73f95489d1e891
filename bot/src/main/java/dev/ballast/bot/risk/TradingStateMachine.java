package dev.ballast.bot.risk;

import dev.ballast.core.event.RejectReason;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trading state (ACTIVE / REDUCING / HALTED) and what moves it: operator commands, and the automatic
 * triggers, each of which can only halt — a trailing drawdown of equity from its peak, a loss over the UTC day
 * (engine clock), a failed reconciliation, and repeated venue rejects. HALTED is left only by the operator's
 * {@code resume}; {@code reduce} while HALTED is refused. Every command and every change is logged with its reason,
 * and every change goes to the listener (the engine cancels orders on it).
 *
 * <p>A {@code resume} re-arms the triggers from the state at that moment: the drawdown's peak and the day's
 * starting equity are taken again at the next equity reading, and past rejects are forgotten, so the same loss
 * does not halt the bot again at once. A loss after the resume counts from there.
 *
 * <p>Not thread-safe: owned by the engine thread (other threads post {@link OperatorCommand}s to
 * {@link OperatorCommands}, which the engine drains into {@link #apply}).
 */
public final class TradingStateMachine {
    private static final Logger LOG = LoggerFactory.getLogger("ballast.risk");
    private static final long NS_PER_DAY = 86_400_000_000_000L;

    /** One change of state. @param source {@code operator (file)}, {@code automatic}, ... */
    public record Transition(TradingState from, TradingState to, String reason, String source, long timestampNs) {
        public Transition {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(source, "source");
        }
    }

    private final RiskLimits limits;
    private TradingState state = TradingState.ACTIVE;
    private String reason = "start";
    private long sinceNs;
    private long transitions;
    private OperatorCommand lastCommand;
    private Consumer<Transition> listener = t -> { };
    private final ArrayDeque<Long> rejectTimes = new ArrayDeque<>();
    private double peakEquity = Double.NaN;
    private double dayStartEquity = Double.NaN;
    private long day = Long.MIN_VALUE;

    public TradingStateMachine(RiskLimits limits, long startNs) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.sinceNs = startNs;
    }

    /** Receives every change of state, on the engine thread, after the state has changed. */
    public void onTransition(Consumer<Transition> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Applies an operator's command. */
    public void apply(OperatorCommand command, long nowNs) {
        Objects.requireNonNull(command, "command");
        lastCommand = command;
        LOG.info("COMMAND {} while {}", command, state);
        String why = "operator " + command.action().word() + (command.reason().isEmpty() ? "" : ": " + command.reason());
        String source = "operator (" + command.source() + ")";
        switch (command.action()) {
            case HALT -> {
                if (state != TradingState.HALTED) {
                    move(TradingState.HALTED, why, source, nowNs);
                }
            }
            case REDUCE -> {
                if (state == TradingState.HALTED) {
                    LOG.warn("COMMAND {} refused: HALTED is left only by resume", command);
                } else if (state == TradingState.ACTIVE) {
                    move(TradingState.REDUCING, why, source, nowNs);
                }
            }
            case RESUME -> {
                if (state != TradingState.ACTIVE) {
                    rearm();
                    move(TradingState.ACTIVE, why, source, nowNs);
                }
            }
        }
    }

    /**
     * A venue refused one of our orders. Counted toward the repeated-rejects halt are the rejects that say our orders
     * or our link to the venue are wrong (invalid order, min notional, rate limited, venue unavailable, other); not
     * counted are a post-only order that would have crossed (the market moved: the venue did what we asked) and
     * insufficient balance (one venue's balance on one side ran out as inventory moved between venues; routine for a
     * multi-venue maker, and the quotes there come back when it is rebalanced).
     */
    public void onReject(RejectReason rejectReason, String message, long nowNs) {
        if (!countsTowardHalt(rejectReason) || state == TradingState.HALTED
                || limits.rejectsToHalt() == Integer.MAX_VALUE) {
            return;
        }
        rejectTimes.addLast(nowNs);
        while (!rejectTimes.isEmpty() && nowNs - rejectTimes.peekFirst() > limits.rejectWindowNs()) {
            rejectTimes.removeFirst();
        }
        if (rejectTimes.size() >= limits.rejectsToHalt()) {
            rejectTimes.clear();
            move(TradingState.HALTED, limits.rejectsToHalt() + " rejects within " + limits.rejectWindowNs() / 1_000_000
                    + " ms (last: " + rejectReason + (message == null || message.isEmpty() ? "" : " " + message) + ")",
                    "automatic", nowNs);
        }
    }

    /**
     * The current equity (cash + holdings at fair value, in the quote currency). Halts on a drawdown from the peak
     * beyond {@code maxDrawdownPct}, or a loss since the start of the UTC day beyond {@code maxDailyLossPct}.
     */
    public void onEquity(double equity, long nowNs) {
        if (!(equity > 0) || Double.isInfinite(equity)) {
            return;
        }
        long today = Math.floorDiv(nowNs, NS_PER_DAY);
        if (today != day || Double.isNaN(dayStartEquity)) {
            day = today;
            dayStartEquity = equity;
        }
        if (Double.isNaN(peakEquity) || equity > peakEquity) {
            peakEquity = equity;
        }
        if (state == TradingState.HALTED) {
            return;
        }
        double drawdownPct = (peakEquity - equity) / peakEquity * 100;
        if (drawdownPct > limits.maxDrawdownPct()) {
            move(TradingState.HALTED, String.format(Locale.ROOT,
                    "drawdown %.2f%% from peak equity %.2f (equity %.2f) > maxDrawdownPct %s", drawdownPct, peakEquity,
                    equity, limits.maxDrawdownPct()), "automatic", nowNs);
            return;
        }
        double dailyLossPct = (dayStartEquity - equity) / dayStartEquity * 100;
        if (dailyLossPct > limits.maxDailyLossPct()) {
            move(TradingState.HALTED, String.format(Locale.ROOT,
                    "daily loss %.2f%% from the day's first equity %.2f (equity %.2f) > maxDailyLossPct %s", dailyLossPct,
                    dayStartEquity, equity, limits.maxDailyLossPct()), "automatic", nowNs);
        }
    }

    /** Whether a reject of this kind counts toward the repeated-rejects halt (see {@link #onReject}). */
    public static boolean countsTowardHalt(RejectReason reason) {
        return reason != RejectReason.POST_ONLY_WOULD_CROSS && reason != RejectReason.INSUFFICIENT_BALANCE;
    }

    /** Reconciliation found a difference it cannot explain: halt. */
    public void onReconciliationFailed(String why, long nowNs) {
        String reasonText = "reconciliation failed: " + why;
        if (state == TradingState.HALTED) {
            LOG.warn("already HALTED ({}); also {}", reason, reasonText);
            return;
        }
        move(TradingState.HALTED, reasonText, "automatic", nowNs);
    }

    private void rearm() {
        peakEquity = Double.NaN;
        dayStartEquity = Double.NaN;
        rejectTimes.clear();
    }

    private void move(TradingState to, String why, String source, long nowNs) {
        TradingState from = state;
        state = to;
        reason = why;
        sinceNs = nowNs;
        transitions++;
        if (to == TradingState.HALTED) {
            LOG.warn("TRADING {} -> {} by {}: {}", from, to, source, why);
        } else {
            LOG.info("TRADING {} -> {} by {}: {}", from, to, source, why);
        }
        listener.accept(new Transition(from, to, why, source, nowNs));
    }

    public TradingState state() {
        return state;
    }

    /** Why the state is what it is: the reason of the last change ({@code start} before any). */
    public String reason() {
        return reason;
    }

    /** The engine-clock time of the last change (the start before any). */
    public long sinceNs() {
        return sinceNs;
    }

    public long transitionCount() {
        return transitions;
    }

    /** The last operator command applied, or null. */
    public OperatorCommand lastCommand() {
        return lastCommand;
    }
}
