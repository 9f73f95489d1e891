package dev.ballast.bot.journal;

/**
 * How hard an SQLite journal waits for the disk on each commit (SQLite's {@code PRAGMA synchronous}, in WAL mode).
 * PostgreSQL ignores it: its own {@code synchronous_commit} setting decides.
 */
public enum Synchronous {
    /**
     * A commit is in the operating system's hands when the write returns; the WAL is synced to disk at checkpoints.
     * Survives a process kill (what crash-only needs: the OS still writes the data out); a power loss or kernel
     * panic may lose the last commits before the checkpoint, never corrupt the database. The default.
     */
    NORMAL,
    /** Every commit is synced to disk before the write returns: survives a power loss, at the cost of an fsync. */
    FULL;

    /** The name in the config file. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
