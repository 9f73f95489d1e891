package dev.ballast.bot.config;

import java.util.Locale;

/**
 * How a hedge larger than {@code sliceAbove} is executed ({@code assets.<ASSET>.hedge.execution}); smaller ones
 * always go as one IOC. Written in the config in lower case with '-' ({@code almgren-chriss}).
 */
public enum HedgeExecutionType {
    /** The whole hedge as one immediate-or-cancel order, whatever its size. */
    IOC,
    /** Equal slices at equal intervals over {@code sliceHorizonSec}. */
    TWAP,
    /** Slices along the Almgren–Chriss optimal trajectory, front-loaded by {@code urgency}. */
    ALMGREN_CHRISS,
    /** A visible clip of {@code icebergClip} at a time, the next one {@code icebergRefillMs} after. */
    ICEBERG;

    /** The name used in the config file, the same as the schedule's {@code HedgeSchedule.name()}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
