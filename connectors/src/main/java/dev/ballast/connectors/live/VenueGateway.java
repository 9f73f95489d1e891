package dev.ballast.connectors.live;

import dev.ballast.core.VenueHealth;

/**
 * Every REST call to one venue goes through here, guarded in one fixed order:
 * <ol>
 *   <li>ban gate — after a 418 nothing is sent until the ban ends;</li>
 *   <li>rate budget — the API key's shared {@link RateBudget}; a call it refuses is {@code NotDone(RATE_LIMITED)};</li>
 *   <li>circuit breaker — opens on transport errors, 5xx and timeouts, never on business rejects;</li>
 *   <li>timeout — per call;</li>
 *   <li>retry — only {@link Endpoint#idempotent() idempotent} calls, with backoff, each retry drawing on the budget.</li>
 * </ol>
 * A 429 honours {@code Retry-After} and slows the budget down. Blocking: called on a venue I/O thread, never on
 * the engine thread. Thread-safe.
 */
public interface VenueGateway {
    CallResult call(RestRequest request);

    /** The gateway's part of the venue's health: BANNED, CIRCUIT_OPEN, RATE_LIMITED or HEALTHY. */
    VenueHealth health();
}
