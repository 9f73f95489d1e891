package dev.ballast.bot.backtest;

import java.util.List;
import java.util.Objects;

/**
 * One strategy's outcome in a backtest: its name (e.g. {@code configured}, {@code no-hedge}), a one-line
 * description, metrics, plot series and every fill in the order recorded.
 */
public record StrategyRun(String name, String description, BacktestMetrics metrics, BacktestSeries series,
                          List<BacktestFill> fills) {
    public StrategyRun {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(series, "series");
        fills = List.copyOf(fills);
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
    }
}
