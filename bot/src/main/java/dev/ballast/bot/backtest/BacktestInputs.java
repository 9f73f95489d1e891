package dev.ballast.bot.backtest;

import java.util.List;
import java.util.Objects;

/**
 * What a backtest ran on, as written into its results: the config file and data files (as given, so that the
 * output does not depend on the directory it ran from), the seed, the asset and quote currency of the labels, and
 * how much of the recording was replayed ({@code durationSec}: its first so many seconds of exchange time; 0 for
 * all of it). Never a wall-clock time: the results of the same inputs must be byte-identical.
 */
public record BacktestInputs(String configFile, List<String> dataFiles, long seed, String baseAsset, String quoteAsset,
                             long durationSec) {
    public BacktestInputs {
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(baseAsset, "baseAsset");
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        if (durationSec < 0) {
            throw new IllegalArgumentException("durationSec must be >= 0 (was " + durationSec + ")");
        }
        dataFiles = List.copyOf(dataFiles);
    }

    /** Inputs of a replay of the whole recording. */
    public BacktestInputs(String configFile, List<String> dataFiles, long seed, String baseAsset, String quoteAsset) {
        this(configFile, dataFiles, seed, baseAsset, quoteAsset, 0);
    }
}
