package dev.ballast.connectors.okx;

/**
 * An OKX message that does not have the shape OKX documents (a missing field, a number that is not one). Thrown by
 * {@link OkxMapper}; a stream counts and skips the message, a REST call turns it into a failure. The message names
 * the field, never a credential.
 */
final class OkxMalformedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OkxMalformedException(String message) {
        super(message);
    }

    OkxMalformedException(String message, Throwable cause) {
        super(message, cause);
    }
}
