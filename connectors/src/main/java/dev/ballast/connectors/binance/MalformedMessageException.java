package dev.ballast.connectors.binance;

/** A Binance message that could not be turned into events: bad JSON, a missing field, or an off-grid decimal. */
public final class MalformedMessageException extends Exception {
    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
