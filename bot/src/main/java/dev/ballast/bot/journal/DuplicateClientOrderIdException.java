package dev.ballast.bot.journal;

import dev.ballast.core.ClientOrderId;

/** An intent was written for a client order id the journal already has: that order must not be sent. */
public final class DuplicateClientOrderIdException extends JournalException {
    private static final long serialVersionUID = 1L;
    private final transient ClientOrderId clientOrderId;

    public DuplicateClientOrderIdException(ClientOrderId clientOrderId) {
        super("client order id " + clientOrderId + " is already in the journal: it is never sent twice");
        this.clientOrderId = clientOrderId;
    }

    public ClientOrderId clientOrderId() {
        return clientOrderId;
    }
}
