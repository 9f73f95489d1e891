package dev.ballast.connectors.live;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** What came back over HTTP: status, headers (names lower-cased), body text, and when it arrived. */
public record RestReply(int status, Map<String, List<String>> headers, String body, long receivedNs) {
    public RestReply {
        Objects.requireNonNull(headers, "headers");
        body = body == null ? "" : body;
    }

    /** The first value of a header, case-insensitive, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
