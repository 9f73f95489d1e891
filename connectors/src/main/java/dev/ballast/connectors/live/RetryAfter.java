package dev.ballast.connectors.live;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;

/** Reads an HTTP {@code Retry-After} header: delay-seconds or an HTTP date (RFC 9110 10.2.3). Stateless. */
public final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * How long the reply asks us to wait from {@code nowEpochNs}, in nanoseconds; 0 when the header is absent,
     * unreadable or already past.
     */
    public static long nanosFrom(RestReply reply, long nowEpochNs) {
        return parseNs(reply.header("retry-after"), nowEpochNs);
    }

    /** See {@link #nanosFrom}; {@code value} may be null. */
    public static long parseNs(String value, long nowEpochNs) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        String v = value.trim();
        try {
            double seconds = Double.parseDouble(v);
            return seconds <= 0 || Double.isNaN(seconds) ? 0 : (long) Math.min(seconds * 1e9, Long.MAX_VALUE / 4);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                long atNs = TimeUnit.SECONDS.toNanos(at.getEpochSecond()) + at.getNano();
                return Math.max(0, atNs - nowEpochNs);
            } catch (DateTimeParseException notDate) {
                return 0;
            }
        }
    }
}
