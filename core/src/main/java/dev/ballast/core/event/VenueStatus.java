package dev.ballast.core.event;

import dev.ballast.core.VenueHealth;
import dev.ballast.core.VenueId;
import java.util.Objects;

/**
 * A venue's health changed: its circuit breaker opened or closed, a stream went stale or came back, a book
 * lost sync or was resynced, a ban started or ended. Venues send one when the state changes (not on every
 * message). The engine does not quote on a venue that is not {@link VenueHealth#usable() usable}, and the
 * hedge router prices such a venue at infinite cost. {@code detail} says why in a few words, never a secret.
 */
public record VenueStatus(VenueId venue, VenueHealth health, String detail, long timestampNs) implements Event {
    public VenueStatus {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(health, "health");
        detail = detail == null ? "" : detail;
    }
}
