package dev.ballast.connectors.marketdata;

/**
 * Recorded market data that cannot be replayed correctly: a book sequence gap with no later snapshot to
 * resync from. The message names the file (or source) and the update id where it broke.
 */
public final class MarketDataException extends RuntimeException {
    public MarketDataException(String message) {
        super(message);
    }
}
