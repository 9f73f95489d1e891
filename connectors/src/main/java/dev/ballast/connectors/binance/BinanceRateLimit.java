package dev.ballast.connectors.binance;

import java.util.Locale;
import java.util.Objects;

/**
 * One entry of {@code exchangeInfo.rateLimits}: at most {@code limit} of {@code type} per window of
 * {@code intervalMs} (Binance counts in fixed windows aligned to the clock: minutes start at :00).
 */
public record BinanceRateLimit(Type type, long intervalMs, long limit) {
    /** What a limit counts. */
    public enum Type {
        /** The sum of the weights of all requests (per IP). */
        REQUEST_WEIGHT,
        /** New orders (per account). */
        ORDERS,
        /** Requests of any kind (spot, per IP). */
        RAW_REQUESTS
    }

    public BinanceRateLimit {
        Objects.requireNonNull(type, "type");
        if (intervalMs <= 0) {
            throw new IllegalArgumentException("intervalMs must be > 0 (was " + intervalMs + ")");
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0 (was " + limit + ")");
        }
    }

    /**
     * The limit as Binance spells it: {@code interval} one of SECOND, MINUTE, HOUR, DAY.
     *
     * @throws IllegalArgumentException for an unknown type or interval
     */
    public static BinanceRateLimit of(String type, String interval, int intervalNum, long limit) {
        long unitMs = switch (interval) {
            case "SECOND" -> 1_000L;
            case "MINUTE" -> 60_000L;
            case "HOUR" -> 3_600_000L;
            case "DAY" -> 86_400_000L;
            default -> throw new IllegalArgumentException("unknown rate limit interval '" + interval + "'");
        };
        return new BinanceRateLimit(Type.valueOf(type), unitMs * intervalNum, limit);
    }

    public long intervalNs() {
        return intervalMs * 1_000_000L;
    }

    /**
     * The response header in which Binance reports what it has counted in this window, lower case:
     * {@code x-mbx-used-weight-1m}, {@code x-mbx-order-count-10s}, {@code x-mbx-order-count-1d}; null for
     * RAW_REQUESTS, which no header reports.
     */
    public String usageHeader() {
        String prefix = switch (type) {
            case REQUEST_WEIGHT -> "x-mbx-used-weight-";
            case ORDERS -> "x-mbx-order-count-";
            case RAW_REQUESTS -> null;
        };
        return prefix == null ? null : prefix + intervalLabel();
    }

    /** {@code 10s}, {@code 1m}, {@code 1d}: the window as Binance's headers name it. */
    String intervalLabel() {
        long[] unitsMs = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] letters = {"d", "h", "m", "s"};
        for (int i = 0; i < unitsMs.length; i++) {
            if (intervalMs % unitsMs[i] == 0) {
                return (intervalMs / unitsMs[i]) + letters[i];
            }
        }
        return intervalMs + "ms";
    }

    @Override
    public String toString() {
        return type.name().toLowerCase(Locale.ROOT) + " " + limit + "/" + intervalLabel();
    }
}
