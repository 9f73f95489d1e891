/**
 * The simulated exchange: an in-process market for paper mode, tests and backtests.
 *
 * <p>{@link dev.ballast.connectors.sim.SimulatedMarket} is the shared world (one seeded random-walk price per
 * asset) and the driver: its {@code doWork()} moves every venue to the clock's now, in time order and
 * deterministically. {@link dev.ballast.connectors.sim.SimulatedVenue} implements
 * {@link dev.ballast.connectors.Venue} on it: books of synthetic liquidity around the venue's own (dislocated) mid
 * plus our orders, anonymous Poisson taker flow, spot balances, fees, and order entry with latency. Configuration:
 * {@link dev.ballast.connectors.sim.SimulatedMarketConfig}, {@link dev.ballast.connectors.sim.SimulatedAssetSpec},
 * {@link dev.ballast.connectors.sim.SimulatedVenueConfig}, {@link dev.ballast.connectors.sim.SimulatedMarketSpec}.
 * The model's rules (queue priority, adverse fills, self-trade prevention, balance locks) are documented on
 * {@code SimulatedVenue} and in docs/simulated-exchange.md.
 */
package dev.ballast.connectors.sim;
