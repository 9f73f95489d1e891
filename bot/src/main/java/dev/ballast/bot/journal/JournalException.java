package dev.ballast.bot.journal;

/**
 * A journal could not be opened, read or written: the database is unreachable, full, locked by another bot, or
 * newer than this build. Unchecked: the engine catches it where it writes (an order whose intent was not written
 * is not sent) and the start fails with it where the journal cannot be opened or read.
 */
public class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
