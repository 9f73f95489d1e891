package dev.ballast.bot.recovery;

/**
 * The start was refused: reconciliation found what it cannot explain (a balance off beyond tolerance) or could not
 * reach a venue. Nothing was quoted; the message says what differs, on which venue, by how much, and what to do.
 */
public final class StartRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public StartRefusedException(String message) {
        super(message);
    }

    public StartRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
