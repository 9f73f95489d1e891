package dev.ballast.bot.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the bot trades. Written in the config in lower case ({@code mode: paper-live}). The mode decides which
 * venue types a config may use and which of a live venue's keys it takes (docs/config.md, "Modes").
 */
public enum Mode {
    /** Against simulated venues only ({@code type: simulated}): no keys, no network, no real money. */
    PAPER,
    /**
     * Against live venue types, reading only their public market data; our orders are filled locally against that
     * data and never reach the exchange. No keys: a live venue's credential keys are an error in this mode.
     */
    PAPER_LIVE,
    /** Against live venue types, trading real money with the API keys each venue names. */
    LIVE;

    /** The name used in the config file: {@code paper}, {@code paper-live}, {@code live}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether a venue of this type may be used in this mode: paper takes simulated venues, the others live ones. */
    public boolean allows(VenueType type) {
        return (this == PAPER) == type.isSimulated();
    }

    /** The config names of the venue types this mode allows, comma-separated, for messages. */
    public String allowedTypes() {
        return Arrays.stream(VenueType.values()).filter(this::allows).map(VenueType::configName)
                .collect(Collectors.joining(", "));
    }

    /** True when the mode's venues run on the shared simulated market, which {@code simulation} configures. */
    public boolean usesSimulation() {
        return this == PAPER;
    }

    /** True when the mode sends orders to live venues, which then need their API keys. */
    public boolean usesKeys() {
        return this == LIVE;
    }
}
