package dev.ballast.bot.backtest;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A whole backtest: its inputs and, in the order to show them, the strategies run on them (the configured one first). */
public record BacktestRun(BacktestInputs inputs, List<StrategyRun> strategies) {
    public BacktestRun {
        Objects.requireNonNull(inputs, "inputs");
        strategies = List.copyOf(strategies);
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("a backtest needs at least one strategy run");
        }
        Set<String> names = new HashSet<>();
        for (StrategyRun s : strategies) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("strategy names must be unique ('" + s.name() + "' twice)");
            }
        }
    }
}
