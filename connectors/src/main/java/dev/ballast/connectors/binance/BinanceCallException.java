package dev.ballast.connectors.binance;

/**
 * A blocking Binance call (instruments, fees, balances, open orders, order status, own trades) that got no usable
 * answer: the venue is unreachable, banned us, its breaker is open, or it refused the read. The message names the
 * endpoint and the outcome, never a key or a secret. Order entry never throws this: its outcomes are events.
 */
public final class BinanceCallException extends RuntimeException {
    public BinanceCallException(String message) {
        super(message);
    }
}
