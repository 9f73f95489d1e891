package dev.ballast.connectors.binance;

import dev.ballast.core.Instrument;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code exchangeInfo} says: every symbol's trading rules as an {@link Instrument} (tick from
 * {@code PRICE_FILTER}, lot from {@code LOT_SIZE}, minimum notional from {@code NOTIONAL} or {@code MIN_NOTIONAL}),
 * whether it is trading, and the API's rate limits. Immutable.
 */
record BinanceExchangeInfo(Map<String, Instrument> instruments, Map<String, String> status,
                           List<BinanceRateLimit> rateLimits) {
    BinanceExchangeInfo {
        instruments = Map.copyOf(Objects.requireNonNull(instruments, "instruments"));
        status = Map.copyOf(Objects.requireNonNull(status, "status"));
        rateLimits = List.copyOf(Objects.requireNonNull(rateLimits, "rateLimits"));
    }
}
