package dev.ballast.connectors.remote;

/** A message on the simulated exchange's wire that could not be read: not JSON, a missing field, a refused value. */
public final class MalformedRemoteMessageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedRemoteMessageException(String message) {
        super(message);
    }

    public MalformedRemoteMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
