/**
 * Binance: recorded market data and live trading.
 *
 * <p>Recorded: {@link dev.ballast.connectors.binance.BinanceRecordedReader} reads hftbacktest's captures of the
 * {@link dev.ballast.connectors.binance.BinanceMarket}s (spot, USD-M, COIN-M BTC) through
 * {@link dev.ballast.connectors.binance.BinanceMessageParser}, the streaming mapper of Binance's market-data JSON.
 *
 * <p>Live: {@link dev.ballast.connectors.binance.BinanceVenue} implements {@link dev.ballast.connectors.Venue} for
 * spot and USD-M futures ({@link dev.ballast.connectors.binance.BinanceProduct}), configured by
 * {@link dev.ballast.connectors.binance.BinanceVenueConfig} and wired on the live kit by
 * {@link dev.ballast.connectors.binance.BinanceVenue#create}. Inside: the same parser for the market stream, one
 * book feed per symbol (snapshot + diffs by Binance's rules, republished in sequence), the REST request builder and
 * signer, {@link dev.ballast.connectors.binance.BinanceReplyClassifier} (errors in HTTP statuses and codes),
 * {@link dev.ballast.connectors.binance.BinanceRateBudget} (the limits of {@code exchangeInfo.rateLimits}), the
 * mapper of REST and user-data JSON, the user-data stream with its listen key, order entry with lookups by client
 * id, and the order tracker that tells the engine each thing once and in order. See docs/venues/binance.md.
 */
package dev.ballast.connectors.binance;
