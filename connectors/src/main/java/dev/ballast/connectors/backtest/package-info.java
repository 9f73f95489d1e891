/**
 * The backtest venue: one recorded market replayed into the engine on the simulated clock, with our orders filled
 * against it. {@link dev.ballast.connectors.backtest.BacktestVenue} implements {@link dev.ballast.connectors.Venue};
 * the replay driver pushes the recording in ({@code onMarketEvent}) and moves time ({@code advanceTo}). Configuration:
 * {@link dev.ballast.connectors.backtest.BacktestVenueConfig} and
 * {@link dev.ballast.connectors.backtest.ContractType}. The fill model (queue position, latency, taker walks) is
 * documented on {@code BacktestVenue} and {@code RestingOrders}, and in docs/backtest-venue.md.
 */
package dev.ballast.connectors.backtest;
