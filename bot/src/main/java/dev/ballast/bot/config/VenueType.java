package dev.ballast.bot.config;

import java.util.Locale;

/**
 * What kind of venue a {@code venues.<id>} entry configures. Written in the config in lower case
 * ({@code type: simulated}). Each type has its own set of keys, read by its own method in the loader; see
 * docs/config.md, "Adding a venue type".
 */
public enum VenueType {
    /** The in-process simulated exchange used by paper mode and backtests. */
    SIMULATED(true);

    private final boolean simulated;

    VenueType(boolean simulated) {
        this.simulated = simulated;
    }

    /** True for venues that run in-process on the shared simulated market ({@code simulation}). */
    public boolean isSimulated() {
        return simulated;
    }

    /** The name used in the config file. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
