/**
 * The rebalancing decision: per asset, whether to wait inside the band, skew the quotes, hedge now, or hedge part
 * and skew the rest, with the numbers compared. Pure and deterministic: no clock, no I/O, no threads.
 * {@link dev.ballast.strategies.rebalance.RebalanceDecider} holds the rule and its formulas; the hedge router plugs
 * in through {@link dev.ballast.strategies.rebalance.HedgeCostCurve}.
 */
package dev.ballast.strategies.rebalance;
