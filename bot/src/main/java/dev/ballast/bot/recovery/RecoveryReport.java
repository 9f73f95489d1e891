package dev.ballast.bot.recovery;

import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Fill;
import dev.ballast.core.OpenOrder;
import dev.ballast.core.Order;
import dev.ballast.core.OrderStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a start's reconciliation found and did, venue by venue: fills that happened while the bot was down (now
 * journaled), journaled orders settled with the venue's word, orders of ours still open (adopted), open orders that
 * are not ours, every balance difference, and the venues that could not be asked. Immutable.
 */
public record RecoveryReport(List<Fill> fillsWhileDown, List<Settled> settled, List<Order> adopted,
                             List<OpenOrder> unknownOrders, List<BalanceDifference> differences,
                             List<String> unreachable) {
    /** What a start without a journal found: nothing. */
    public static final RecoveryReport NOTHING = new RecoveryReport(List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of());

    /** A journaled order whose fate the venue told us: its status now, and why. */
    public record Settled(ClientOrderId clientOrderId, OrderStatus status, String reason) {
        public Settled {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public RecoveryReport {
        fillsWhileDown = List.copyOf(fillsWhileDown);
        settled = List.copyOf(settled);
        adopted = List.copyOf(adopted);
        unknownOrders = List.copyOf(unknownOrders);
        differences = List.copyOf(differences);
        unreachable = List.copyOf(unreachable);
    }

    /** True when trading must not start: a balance off beyond tolerance, or a venue that could not be asked. */
    public boolean refused() {
        return !unreachable.isEmpty() || differences.stream().anyMatch(BalanceDifference::beyondTolerance);
    }

    /** Why the start is refused, one reason per line, with what the operator can do; empty when it is not. */
    public String refusal() {
        if (!refused()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        lines.add("refusing to start trading: reconciliation with the venues found what it cannot explain");
        for (String venue : unreachable) {
            lines.add("  " + venue);
        }
        for (BalanceDifference d : differences) {
            if (d.beyondTolerance()) {
                lines.add("  " + d.describe());
            }
        }
        lines.add("check the venue's account history (deposits, withdrawals, trades by another client); when the venue"
                + " is right, start once with reconciliation.balanceTolerance raised to cover the difference");
        return String.join(System.lineSeparator(), lines);
    }
}
