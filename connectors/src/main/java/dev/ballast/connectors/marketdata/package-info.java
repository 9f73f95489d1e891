/**
 * Recorded market data for backtests: {@link dev.ballast.connectors.marketdata.MarketDataSource} and its
 * implementations (recorded Binance files, Tardis-style CSV) and a time merge of several sources.
 */
package dev.ballast.connectors.marketdata;
