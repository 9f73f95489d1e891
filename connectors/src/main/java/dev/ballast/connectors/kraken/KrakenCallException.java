package dev.ballast.connectors.kraken;

import dev.ballast.core.event.RejectReason;
import java.util.Objects;

/**
 * A blocking Kraken call (reference data, balances, order status, trade history) that did not get an answer:
 * Kraken refused it, the guard held it back, or Kraken could not be reached after every attempt. Never thrown
 * for order entry, whose outcomes are events. The message names the call and Kraken's error, never a credential.
 */
public final class KrakenCallException extends RuntimeException {
    private final RejectReason reason;

    public KrakenCallException(String message, RejectReason reason) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why, in the engine's words: VENUE_UNAVAILABLE, RATE_LIMITED, or the reject reason of Kraken's error. */
    public RejectReason reason() {
        return reason;
    }
}
