package dev.ballast.connectors.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ballast.connectors.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Real Binance error replies from ../shared/data/fixtures/binance_error_payloads_observed.json. */
final class BinanceErrorSamples {
    private static final JsonNode SAMPLES = load();

    private BinanceErrorSamples() {
    }

    /** The body of the first sample with {@code code} whose message contains {@code wording}. */
    static String body(int code, String wording) {
        return sample(code, wording).get("body").toString();
    }

    /** Its HTTP status (400 where the source did not show one). */
    static int status(int code, String wording) {
        JsonNode status = sample(code, wording).get("http_status");
        return status == null || status.isNull() ? 400 : status.asInt();
    }

    private static JsonNode sample(int code, String wording) {
        for (JsonNode s : SAMPLES.get("samples")) {
            if (s.get("code").asInt() == code && s.get("body").get("msg").asText().contains(wording)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no observed Binance error " + code + " saying '" + wording + "'");
    }

    private static JsonNode load() {
        try {
            return new ObjectMapper().readTree(
                    SharedData.resolve("fixtures/binance_error_payloads_observed.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
