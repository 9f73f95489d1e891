package dev.ballast.bot.backtest;

import java.util.List;
import java.util.Objects;

/**
 * What a backtest ran on, as written into its results: the config file and data files (as given, so that the
 * output does not depend on the directory it ran from), the seed, the asset and quote currency of the labels.
 * Never a wall-clock time: the results of the same inputs must be byte-identical.
 */
public record BacktestInputs(String configFile, List<String> dataFiles, long seed, String baseAsset, String quoteAsset) {
    public BacktestInputs {
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(baseAsset, "baseAsset");
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        dataFiles = List.copyOf(dataFiles);
    }
}
