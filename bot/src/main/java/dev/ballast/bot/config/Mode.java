package dev.ballast.bot.config;

import java.util.Locale;

/** How the bot trades. Written in the config in lower case ({@code mode: paper}). */
public enum Mode {
    /** Against simulated venues only: no keys, no network, no real money. */
    PAPER;

    /** The name used in the config file. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a venue of this type may be used in this mode: paper mode allows only simulated venues. */
    public boolean allows(VenueType type) {
        return this != PAPER || type.isSimulated();
    }
}
