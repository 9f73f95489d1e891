package dev.ballast.connectors.live;

import java.util.Objects;

/**
 * A venue's reading of one reply, made by its {@link ReplyClassifier}. Venues disagree on where errors live
 * (Binance: HTTP 4xx with a JSON code; OKX: HTTP 200 with {@code code != "0"}; Kraken: HTTP 200 with an
 * {@code error} array), so each venue classifies its own replies and the guard acts on the verdict.
 */
public sealed interface ReplyVerdict {
    /** The call did what was asked. */
    record Ok() implements ReplyVerdict {
    }

    /**
     * The venue understood and refused (insufficient balance, post-only would cross, unknown order, bad
     * parameter). Not a failure of the venue: never opens the breaker, never retried.
     */
    record BusinessReject(String code, String message) implements ReplyVerdict {
        public BusinessReject {
            Objects.requireNonNull(code, "code");
            message = message == null ? "" : message;
        }
    }

    /** Too many requests: slow down, and wait at least {@code retryAfterNs} (0 when the venue did not say). */
    record Throttled(long retryAfterNs) implements ReplyVerdict {
    }

    /** The venue bans us (Binance 418) for {@code retryAfterNs} (from Retry-After; 0 when the venue did not say). */
    record Banned(long retryAfterNs) implements ReplyVerdict {
    }

    /** The venue failed (5xx, "service unavailable", an unreadable body): counts against the breaker. */
    record VenueFailure(String detail) implements ReplyVerdict {
    }

    ReplyVerdict OK = new Ok();
}
