package dev.ballast.core;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order is in its life. The legal moves:
 *
 * <pre>
 *   PENDING_NEW ──> OPEN ──> PARTIALLY_FILLED ──> FILLED
 *        │            │             │   └──────> CANCELLED
 *        │            └─────────────┴──────────> FILLED | CANCELLED
 *        ├──> PARTIALLY_FILLED | FILLED | CANCELLED (an IOC that expired) | REJECTED
 *        └──> UNKNOWN (no answer: resolved by asking the venue by client id) ──> any of the above
 * </pre>
 *
 * Any non-terminal status may also become UNKNOWN (a cancel that timed out). FILLED, CANCELLED and
 * REJECTED are terminal.
 */
public enum OrderStatus {
    PENDING_NEW,
    OPEN,
    PARTIALLY_FILLED,
    FILLED,
    CANCELLED,
    REJECTED,
    UNKNOWN;

    private Set<OrderStatus> next;

    static {
        PENDING_NEW.next = EnumSet.of(OPEN, PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED, UNKNOWN);
        OPEN.next = EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELLED, UNKNOWN);
        PARTIALLY_FILLED.next = EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELLED, UNKNOWN);
        UNKNOWN.next = EnumSet.of(OPEN, PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED, UNKNOWN);
        FILLED.next = EnumSet.noneOf(OrderStatus.class);
        CANCELLED.next = EnumSet.noneOf(OrderStatus.class);
        REJECTED.next = EnumSet.noneOf(OrderStatus.class);
    }

    /** True when this status may move to {@code to}. */
    public boolean canMoveTo(OrderStatus to) {
        return next.contains(to);
    }

    /** True for FILLED, CANCELLED and REJECTED: nothing more can happen to the order. */
    public boolean isTerminal() {
        return next.isEmpty();
    }

    /** True while the order may still rest on the book or trade (including while its fate is unknown). */
    public boolean isLive() {
        return !isTerminal();
    }
}
