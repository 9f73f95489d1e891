package dev.ballast.connectors.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;

/**
 * Reading Binance REST and user-stream JSON as trees (small messages off the hot path; the market-data stream
 * has its own streaming parser). Decimals are read as {@link BigDecimal}, exactly as Binance writes them.
 * Thread-safe.
 */
final class BinanceJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private BinanceJson() {
    }

    /** The tree of {@code text}, or null when it is not JSON. */
    static JsonNode readOrNull(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * The tree of {@code text}.
     *
     * @throws BinanceFormatException if it is not JSON
     */
    static JsonNode read(String text, String what) {
        JsonNode node = readOrNull(text);
        if (node == null || node.isMissingNode()) {
            throw new BinanceFormatException(what + ": not JSON");
        }
        return node;
    }

    /**
     * A decimal field written as a string (or a number).
     *
     * @throws BinanceFormatException if absent or not a decimal
     */
    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new BinanceFormatException("missing decimal '" + field + "'");
        }
        try {
            return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText());
        } catch (NumberFormatException e) {
            throw new BinanceFormatException("'" + field + "' is not a decimal");
        }
    }

    /** A decimal field, or {@code fallback} when absent. */
    static BigDecimal decimalOr(JsonNode node, String field, BigDecimal fallback) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? fallback : decimal(node, field);
    }

    /**
     * A text field.
     *
     * @throws BinanceFormatException if absent
     */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new BinanceFormatException("missing field '" + field + "'");
        }
        return v.asText();
    }

    /**
     * An integral field.
     *
     * @throws BinanceFormatException if absent or not an integer
     */
    static long integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToLong()) {
            throw new BinanceFormatException("missing integer '" + field + "'");
        }
        return v.asLong();
    }
}
