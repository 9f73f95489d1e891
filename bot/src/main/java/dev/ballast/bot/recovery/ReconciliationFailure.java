package dev.ballast.bot.recovery;

import dev.ballast.core.VenueId;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** What a periodic reconciliation could not explain on one venue, at {@code atNs}. Immutable. */
public record ReconciliationFailure(VenueId venue, List<BalanceDifference> differences, long atNs) {
    public ReconciliationFailure {
        Objects.requireNonNull(venue, "venue");
        differences = List.copyOf(differences);
    }

    /** One line per difference, for logs and the operator. */
    public String message() {
        return "reconciliation with " + venue + " failed: " + differences.stream().map(BalanceDifference::describe)
                .collect(Collectors.joining("; "));
    }
}
