package dev.ballast.bot.engine;

/**
 * The engine's timing knobs.
 *
 * @param requoteIntervalNs     at most one quote refresh per asset in this time (a fill refreshes at once)
 * @param requoteToleranceBps   a resting quote within this many bps (of fair value) of the new price is kept,
 *                              not replaced (converted to each venue's whole ticks, rounded down; 0 = exact)
 * @param statusIntervalNs      how often a status report is published
 * @param drainBatch            how many inbox events one {@code doWork} applies at most
 */
public record EngineSettings(long requoteIntervalNs, double requoteToleranceBps, long statusIntervalNs, int drainBatch) {
    public EngineSettings {
        if (requoteIntervalNs < 0) {
            throw new IllegalArgumentException("requoteIntervalNs must be >= 0 (was " + requoteIntervalNs + ")");
        }
        if (!(requoteToleranceBps >= 0)) {
            throw new IllegalArgumentException("requoteToleranceBps must be >= 0 (was " + requoteToleranceBps + ")");
        }
        if (statusIntervalNs <= 0) {
            throw new IllegalArgumentException("statusIntervalNs must be > 0 (was " + statusIntervalNs + ")");
        }
        if (drainBatch <= 0) {
            throw new IllegalArgumentException("drainBatch must be > 0 (was " + drainBatch + ")");
        }
    }
}
