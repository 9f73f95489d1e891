package dev.ballast.connectors.live;

import java.util.Objects;

/**
 * One REST endpoint of a venue as the guard sees it: a name for logs and per-endpoint limits (e.g.
 * {@code "POST /api/v3/order"}), its kind, its cost in the venue's request weight (1 where the venue counts
 * calls), and whether a failed call may be sent again.
 */
public record Endpoint(String name, RequestKind kind, int weight, boolean idempotent) {
    public Endpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (weight < 0) {
            throw new IllegalArgumentException("weight must be >= 0 (was " + weight + ")");
        }
        if (idempotent && (kind == RequestKind.ORDER || kind == RequestKind.CANCEL)) {
            throw new IllegalArgumentException(name + ": order entry is never idempotent");
        }
    }

    /** A read (public or private): idempotent, retried on transport failures. */
    public static Endpoint read(String name, RequestKind kind, int weight) {
        return new Endpoint(name, kind, weight, true);
    }

    /** Order entry: never retried. */
    public static Endpoint write(String name, RequestKind kind, int weight) {
        return new Endpoint(name, kind, weight, false);
    }
}
