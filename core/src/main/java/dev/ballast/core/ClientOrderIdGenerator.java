package dev.ballast.core;

import java.util.Objects;

/**
 * Makes unique client order ids: {@code <prefix>-<session>-<counter>}, the session a base-36 stamp
 * given at start (e.g. the start time in ms), the counter base 36. Two sessions with different stamps
 * never collide; within a session the counter never repeats. Not thread-safe: owned by the engine thread.
 */
public final class ClientOrderIdGenerator {
    private final String stem;
    private long next;

    public ClientOrderIdGenerator(String prefix, long sessionStamp) {
        Objects.requireNonNull(prefix, "prefix");
        if (sessionStamp < 0) {
            throw new IllegalArgumentException("sessionStamp must be >= 0 (was " + sessionStamp + ")");
        }
        this.stem = prefix + "-" + Long.toString(sessionStamp, 36) + "-";
        new ClientOrderId(stem + "0"); // validates the prefix once, up front
    }

    public ClientOrderId next() {
        return new ClientOrderId(stem + Long.toString(next++, 36));
    }
}
