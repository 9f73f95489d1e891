/**
 * Pre-trade risk and the trading state: the guards every order passes on the engine thread before it leaves
 * ({@link dev.ballast.bot.risk.PreTradeGuards}, reached through {@link dev.ballast.bot.risk.PreTradeCheck}, the
 * one hook in {@code OrderManager.place}), the trading state ACTIVE / REDUCING / HALTED with its automatic
 * triggers ({@link dev.ballast.bot.risk.TradingStateMachine}), and the operator's ways in: commands posted from
 * any thread ({@link dev.ballast.bot.risk.OperatorCommands}) by the control file watcher
 * ({@link dev.ballast.bot.risk.ControlFileWatcher}), the {@code ballast control} command or a signal.
 *
 * <p>Expected outcomes are values: a refused order is an {@link dev.ballast.bot.risk.OrderDenied} with its
 * {@link dev.ballast.bot.risk.DenyReason}, counted and shown in the status, never an exception. Everything here but
 * {@link dev.ballast.bot.risk.OperatorCommands}, {@link dev.ballast.bot.risk.ControlFile} and the watcher is owned
 * by the engine thread and reads time from the engine's clock only.
 */
package dev.ballast.bot.risk;
