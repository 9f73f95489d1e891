package dev.ballast.bot.recovery;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the bot reconciles with its venues, at start and while trading. Immutable.
 *
 * @param intervalNs          how often reconciliation runs while trading; 0: only at start
 * @param tolerance           how far a balance may differ before it refuses the start (or fails a periodic check)
 * @param cancelUnknownOrders cancel open orders on our accounts that are not ours (another client order id
 *                            prefix); false: leave them, and only log them
 * @param ourPrefix           the prefix of our client order ids: an open order with it that we do not track is ours,
 *                            and is adopted
 */
public record ReconciliationSettings(long intervalNs, BalanceTolerance tolerance, boolean cancelUnknownOrders,
                                     String ourPrefix) {
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9]{1,3}");

    public ReconciliationSettings {
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(ourPrefix, "ourPrefix");
        if (intervalNs < 0) {
            throw new IllegalArgumentException("intervalNs must be >= 0 (was " + intervalNs + ")");
        }
        if (!PREFIX.matcher(ourPrefix).matches()) {
            throw new IllegalArgumentException("ourPrefix must be 1-3 letters or digits (was '" + ourPrefix + "')");
        }
    }

    /** True when {@code clientOrderId} was made by a bot of ours. */
    boolean isOurs(String clientOrderId) {
        return clientOrderId.startsWith(ourPrefix);
    }
}
