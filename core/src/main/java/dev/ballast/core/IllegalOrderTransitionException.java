package dev.ballast.core;

/** Thrown when an order is asked to make a move its state machine forbids: a broken invariant, not an outcome. */
public final class IllegalOrderTransitionException extends IllegalStateException {
    public IllegalOrderTransitionException(ClientOrderId id, OrderStatus from, OrderStatus to) {
        super("order " + id + ": illegal transition " + from + " -> " + to);
    }
}
