package dev.ballast.connectors.sim;

import dev.ballast.core.ClientOrderId;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.OrderRequest;

/** What the engine sends a simulated venue; each reaches it one latency after it was sent. Immutable. */
sealed interface Command {
    /** Start streaming: snapshots of every book now, deltas and trades from here on. */
    record Start() implements Command {
    }

    record Place(OrderRequest request) implements Command {
    }

    record Cancel(InstrumentId instrument, ClientOrderId clientOrderId) implements Command {
    }

    record CancelAll() implements Command {
    }

    record Snapshot(InstrumentId instrument) implements Command {
    }

    /** A command and the simulated time it reaches the venue. */
    record Stamped(Command command, long arrivalNs) {
    }
}
