package dev.ballast.connectors.binance;

/** A Binance REST or user-stream message that lacks what its kind must hold: a broken promise of the venue's. */
final class BinanceFormatException extends RuntimeException {
    BinanceFormatException(String message) {
        super(message);
    }
}
