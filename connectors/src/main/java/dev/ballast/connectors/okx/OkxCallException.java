package dev.ballast.connectors.okx;

/**
 * A blocking OKX call (reference data, balances, open orders, an order lookup, fills) that got no usable answer: the
 * guard refused it, OKX failed or refused it, or its outcome is unknown. Order entry never throws this: its outcomes
 * are events. The message names the endpoint and the failure, never a credential.
 */
public final class OkxCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OkxCallException(String message) {
        super(message);
    }
}
