package dev.ballast.bot.journal;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One step of the journal's schema: a version (1, 2, ... with no gap), what it does, and its statements for a
 * dialect. Applied in order on open, each in one transaction with its row in {@code schema_version}.
 */
record Migration(int version, String description, Function<Dialect, List<String>> statements) {
    Migration {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(statements, "statements");
        if (version < 1) {
            throw new IllegalArgumentException("migration version must be >= 1 (was " + version + ")");
        }
    }
}
