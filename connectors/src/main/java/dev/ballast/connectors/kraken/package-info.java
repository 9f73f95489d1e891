/**
 * Kraken spot, live. {@link dev.ballast.connectors.kraken.KrakenVenue} implements
 * {@link dev.ballast.connectors.Venue}; {@link dev.ballast.connectors.kraken.KrakenVenueConfig} configures it and
 * {@link dev.ballast.connectors.kraken.KrakenVenue#create} wires it on the live kit. Inside:
 * {@link dev.ballast.connectors.kraken.KrakenMapper} (the one place Kraken's JSON becomes core types),
 * {@link dev.ballast.connectors.kraken.KrakenAssets} (Kraken's asset names to ours),
 * {@link dev.ballast.connectors.kraken.KrakenReplyClassifier} (errors in HTTP 200 replies),
 * {@link dev.ballast.connectors.kraken.KrakenRateBudget} and {@link dev.ballast.connectors.kraken.KrakenRateTier}
 * (the API counter and the per-pair trading counters), the request signer, the public stream with its book
 * checksum, the private stream, and the order tracker that makes each order's events in order. See
 * docs/venues/kraken.md.
 */
package dev.ballast.connectors.kraken;
