/**
 * Backtest bookkeeping and output: {@link dev.ballast.bot.backtest.BacktestRecorder} collects samples and fills
 * of one strategy run and computes its {@link dev.ballast.bot.backtest.BacktestMetrics};
 * {@link dev.ballast.bot.backtest.BacktestResults} writes {@code results.json},
 * {@link dev.ballast.bot.backtest.BacktestReport} writes a self-contained {@code report.html},
 * {@link dev.ballast.bot.backtest.ConsoleTable} and {@link dev.ballast.bot.backtest.ProgressBar} talk to the console.
 *
 * <p>Plain data in, files out: nothing here reads the engine, the wall clock or the network, so the same
 * samples and fills always give byte-identical files.
 */
package dev.ballast.bot.backtest;
