/**
 * Paper-live: real public market data from a live venue, our orders filled locally against it by the backtest
 * venue's queue-position model. How an operator tries a configuration on today's market before it trades money.
 */
package dev.ballast.connectors.paperlive;
