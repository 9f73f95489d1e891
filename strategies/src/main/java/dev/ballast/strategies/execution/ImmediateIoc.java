package dev.ballast.strategies.execution;

/**
 * The whole hedge at once, as one child: for hedges small enough that the book takes them without much impact.
 * After that child, done — what it left unfilled goes back to the decision.
 *
 * <p>Not thread-safe: owned by the engine thread.
 */
public final class ImmediateIoc implements HedgeSchedule {
    private boolean sent;

    @Override
    public HedgeChild nextChild(long nowNs, double remaining) {
        HedgeSchedule.checkRemaining(remaining);
        if (sent || remaining == 0) {
            return HedgeChild.finished();
        }
        sent = true;
        return HedgeChild.at(nowNs, remaining);
    }

    @Override
    public String name() {
        return "ioc";
    }

    @Override
    public String toString() {
        return "ioc";
    }
}
