package dev.ballast.bot.config;

import dev.ballast.bot.journal.Synchronous;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where and how the bot journals ({@code journal}; see docs/recovery.md). Every field is optional in the file.
 * Immutable.
 *
 * @param url where the journal lives: a path to an SQLite file (created with its directories), a
 *     {@code jdbc:sqlite:} URL, or a {@code jdbc:postgresql://} URL; default {@code $BALLAST_DATA_DIR/journal.db},
 *     or {@code ./data/journal.db} when that variable is not set
 * @param snapshotIntervalSec how often the inventory is snapshotted into the journal; >= 0 (0: only at start);
 *     default {@value #DEFAULT_SNAPSHOT_INTERVAL_SEC}
 * @param synchronous SQLite's commit durability: {@code normal} (survives a process kill; the default) or
 *     {@code full} (also survives a power loss, one fsync per write)
 */
public record JournalConfig(String url, long snapshotIntervalSec, Synchronous synchronous) {
    public static final long DEFAULT_SNAPSHOT_INTERVAL_SEC = 60;
    /** The environment variable naming the directory for data the bot keeps (the Docker image sets /data). */
    public static final String DATA_DIR_VARIABLE = "BALLAST_DATA_DIR";

    /** @throws IllegalArgumentException listing every field that breaks its rule */
    public JournalConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(synchronous, "synchronous");
        Rules r = new Rules();
        r.require(!url.isBlank(), "url must not be blank");
        r.nonNegative("snapshotIntervalSec", snapshotIntervalSec);
        r.throwIfAny();
    }

    /** The default journal file: {@code journal.db} in {@code $BALLAST_DATA_DIR}, else in {@code ./data}. */
    public static String defaultUrl(Function<String, String> env) {
        String dir = env.apply(DATA_DIR_VARIABLE);
        return (dir == null || dir.isBlank() ? "./data" : dir.replaceAll("/+$", "")) + "/journal.db";
    }

    /** The settings used when the config has no {@code journal} section. */
    public static JournalConfig defaults(Function<String, String> env) {
        return new JournalConfig(defaultUrl(env), DEFAULT_SNAPSHOT_INTERVAL_SEC, Synchronous.NORMAL);
    }
}
