package dev.ballast.connectors.live;

import java.util.Objects;

/**
 * The outcome of one guarded REST call, as a value: callers switch on it, nothing is thrown for an outcome a
 * venue can produce. {@link Unknown} matters most: a non-idempotent call (an order) whose fate we do not know
 * — timeout or connection lost after sending — must be resolved by asking the venue for that client order id,
 * never by sending it again.
 */
public sealed interface CallResult {
    /** The venue accepted the call; the reply body is the caller's to parse. */
    record Success(RestReply reply) implements CallResult {
        public Success {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** The venue refused the request on its merits. */
    record Rejected(RestReply reply, String code, String message) implements CallResult {
        public Rejected {
            Objects.requireNonNull(reply, "reply");
            Objects.requireNonNull(code, "code");
        }
    }

    /**
     * The request was not sent, or was sent and certainly not acted on: the guard refused it (breaker open,
     * budget spent, banned) or the venue answered with a failure. Safe to reconsider later.
     */
    record NotDone(Failure failure, String detail, long retryAfterNs) implements CallResult {
        public NotDone {
            Objects.requireNonNull(failure, "failure");
            detail = detail == null ? "" : detail;
        }
    }

    /** The request may or may not have reached the venue (timeout, reset mid-response). Look it up. */
    record Unknown(Failure failure, String detail) implements CallResult {
        public Unknown {
            Objects.requireNonNull(failure, "failure");
            detail = detail == null ? "" : detail;
        }
    }

    /** Why a call did not succeed. */
    enum Failure {
        CIRCUIT_OPEN, RATE_LIMITED, BANNED, SERVER_ERROR, TIMEOUT, TRANSPORT, MALFORMED_REPLY
    }
}
