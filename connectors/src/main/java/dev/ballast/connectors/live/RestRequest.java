package dev.ballast.connectors.live;

import java.util.Map;
import java.util.Objects;

/**
 * A fully built, already signed REST request. {@code url} is absolute (the venue's base URL, which tests point
 * at WireMock, plus path and query). {@code body} is null for requests without one. Headers may carry the API
 * key and signature: {@link #toString()} never prints them, nor the query's signature.
 */
public record RestRequest(Endpoint endpoint, String method, String url, Map<String, String> headers, String body,
                          String contentType) {
    public RestRequest {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static RestRequest get(Endpoint endpoint, String url, Map<String, String> headers) {
        return new RestRequest(endpoint, "GET", url, headers, null, null);
    }

    @Override
    public String toString() {
        int q = url.indexOf('?');
        return method + " " + (q < 0 ? url : url.substring(0, q)) + " [" + endpoint.name() + "]";
    }
}
