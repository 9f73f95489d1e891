package dev.ballast.connectors.kraken;

/**
 * What the Kraken public stream has seen since start, for the status and tests: book checksums verified and
 * failed, book resyncs asked for, and messages that could not be read (counted and skipped).
 */
public record KrakenStreamCounters(long checksumsVerified, long checksumMismatches, long resyncs,
                                   long malformedMessages) {
}
