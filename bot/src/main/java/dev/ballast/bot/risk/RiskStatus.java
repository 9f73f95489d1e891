package dev.ballast.bot.risk;

import java.util.Map;
import java.util.Objects;

/**
 * What the status shows of risk: the trading state, why and since when, the last operator command, and the orders
 * denied so far per reason. An immutable copy, made on the engine thread.
 *
 * @param lastCommand the last operator command applied, null when none
 */
public record RiskStatus(TradingState state, String reason, long sinceNs, OperatorCommand lastCommand,
                         Map<DenyReason, Long> deniedByReason) {
    public RiskStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        deniedByReason = Map.copyOf(deniedByReason);
    }

    /** Denied orders, every reason together. */
    public long deniedCount() {
        long n = 0;
        for (long v : deniedByReason.values()) {
            n += v;
        }
        return n;
    }
}
