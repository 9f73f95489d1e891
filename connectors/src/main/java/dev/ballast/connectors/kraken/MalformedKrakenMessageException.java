package dev.ballast.connectors.kraken;

/**
 * A Kraken reply or stream message that could not be turned into core types: bad JSON, a missing field, an
 * unknown pair, a decimal off its grid. The message names what was wrong, never a credential.
 */
public final class MalformedKrakenMessageException extends RuntimeException {
    public MalformedKrakenMessageException(String message) {
        super(message);
    }

    public MalformedKrakenMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
