package dev.ballast.connectors.okx;

import dev.ballast.connectors.live.Credentials;
import dev.ballast.core.VenueId;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything an {@link OkxVenue} needs to know, validated here so a bad value fails at start with the field's name.
 *
 * @param venueId          our name for the venue ({@code okx})
 * @param restBaseUrl      REST base, {@code https://www.okx.com} (tests: a WireMock URL)
 * @param publicWsUrl      public stream, {@code wss://ws.okx.com:8443/ws/v5/public}
 * @param privateWsUrl     private stream, {@code wss://ws.okx.com:8443/ws/v5/private}
 * @param symbols          OKX {@code instId}s to trade and stream: spot ({@code BTC-USDT}) or linear swaps
 *                         ({@code BTC-USDT-SWAP})
 * @param credentials      API key, secret and passphrase; null for public data only (paper-live): order entry and
 *                         account calls are then refused
 * @param demoTrading      sends {@code x-simulated-trading: 1} (OKX's demo environment)
 * @param callTimeout      longest a REST call may take before its outcome is unknown
 * @param pingAfterQuiet   send OKX's {@code "ping"} after this much silence (OKX closes a connection after 30 s
 *                         without traffic)
 * @param streamSilence    a stream silent this long is STREAM_STALE (and the engine stops quoting on it)
 * @param metadataTtl      instruments are fetched again when older than this
 * @param metadataRefresh  instruments older than this are refreshed in the background on the next read
 * @param resolveBackoffMin first wait before asking OKX about an order whose outcome is unknown
 * @param resolveBackoffMax longest wait between such lookups
 */
public record OkxConfig(VenueId venueId, String restBaseUrl, String publicWsUrl, String privateWsUrl,
                        List<String> symbols, Credentials credentials, boolean demoTrading, Duration callTimeout,
                        Duration pingAfterQuiet, Duration streamSilence, Duration metadataTtl,
                        Duration metadataRefresh, Duration resolveBackoffMin, Duration resolveBackoffMax) {
    public static final String REST_URL = "https://www.okx.com";
    public static final String PUBLIC_WS_URL = "wss://ws.okx.com:8443/ws/v5/public";
    public static final String PRIVATE_WS_URL = "wss://ws.okx.com:8443/ws/v5/private";

    public OkxConfig {
        Objects.requireNonNull(venueId, "okx.venueId");
        restBaseUrl = url(restBaseUrl, "restBaseUrl", "http");
        publicWsUrl = url(publicWsUrl, "publicWsUrl", "ws");
        privateWsUrl = url(privateWsUrl, "privateWsUrl", "ws");
        Objects.requireNonNull(symbols, "okx.symbols");
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("okx.symbols must name at least one instrument");
        }
        for (String s : symbols) {
            if (s == null || !s.matches("[A-Z0-9]+-[A-Z0-9]+(-SWAP)?")) {
                throw new IllegalArgumentException("okx.symbols: '" + s + "' is not an OKX spot or swap instId "
                        + "such as BTC-USDT or BTC-USDT-SWAP");
            }
        }
        symbols = List.copyOf(symbols);
        if (credentials != null && credentials.passphrase() == null) {
            throw new IllegalArgumentException("okx.credentials: OKX needs a passphrase with the API key");
        }
        positive(callTimeout, "callTimeout");
        positive(pingAfterQuiet, "pingAfterQuiet");
        positive(streamSilence, "streamSilence");
        positive(metadataTtl, "metadataTtl");
        positive(metadataRefresh, "metadataRefresh");
        positive(resolveBackoffMin, "resolveBackoffMin");
        positive(resolveBackoffMax, "resolveBackoffMax");
        if (pingAfterQuiet.compareTo(streamSilence) >= 0) {
            throw new IllegalArgumentException("okx.pingAfterQuiet (" + pingAfterQuiet
                    + ") must be shorter than okx.streamSilence (" + streamSilence + ")");
        }
        if (pingAfterQuiet.compareTo(Duration.ofSeconds(30)) >= 0) {
            throw new IllegalArgumentException("okx.pingAfterQuiet must be under 30 s, OKX's idle limit (was "
                    + pingAfterQuiet + ")");
        }
        if (metadataRefresh.compareTo(metadataTtl) >= 0) {
            throw new IllegalArgumentException("okx.metadataRefresh (" + metadataRefresh
                    + ") must be shorter than okx.metadataTtl (" + metadataTtl + ")");
        }
        if (resolveBackoffMax.compareTo(resolveBackoffMin) < 0) {
            throw new IllegalArgumentException("okx.resolveBackoffMax (" + resolveBackoffMax
                    + ") must be >= okx.resolveBackoffMin (" + resolveBackoffMin + ")");
        }
    }

    /**
     * Production endpoints and defaults: 5 s call timeout, ping after 15 s of quiet, stale after 25 s, instruments
     * kept an hour and refreshed after 15 minutes, unknown orders looked up after 250 ms backing off to 5 s.
     */
    public static OkxConfig of(List<String> symbols, Credentials credentials) {
        return new OkxConfig(VenueId.of("okx"), REST_URL, PUBLIC_WS_URL, PRIVATE_WS_URL, symbols, credentials, false,
                Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(25), Duration.ofHours(1),
                Duration.ofMinutes(15), Duration.ofMillis(250), Duration.ofSeconds(5));
    }

    /** This config under another venue name (the bot's config names its venues). */
    public OkxConfig withVenueId(VenueId id) {
        return new OkxConfig(id, restBaseUrl, publicWsUrl, privateWsUrl, symbols, credentials, demoTrading, callTimeout,
                pingAfterQuiet, streamSilence, metadataTtl, metadataRefresh, resolveBackoffMin, resolveBackoffMax);
    }

    /** This config against OKX's demo environment ({@code x-simulated-trading: 1}) or not. */
    public OkxConfig withDemoTrading(boolean demo) {
        return new OkxConfig(venueId, restBaseUrl, publicWsUrl, privateWsUrl, symbols, credentials, demo, callTimeout,
                pingAfterQuiet, streamSilence, metadataTtl, metadataRefresh, resolveBackoffMin, resolveBackoffMax);
    }

    /** This config pointed at other endpoints (tests: loopback servers). */
    public OkxConfig withUrls(String rest, String publicWs, String privateWs) {
        return new OkxConfig(venueId, rest, publicWs, privateWs, symbols, credentials, demoTrading, callTimeout,
                pingAfterQuiet, streamSilence, metadataTtl, metadataRefresh, resolveBackoffMin, resolveBackoffMax);
    }

    /** This config with other timings. */
    public OkxConfig withTimings(Duration call, Duration ping, Duration silence, Duration backoffMin,
                                 Duration backoffMax) {
        return new OkxConfig(venueId, restBaseUrl, publicWsUrl, privateWsUrl, symbols, credentials, demoTrading, call,
                ping, silence, metadataTtl, metadataRefresh, backoffMin, backoffMax);
    }

    /** This config with another metadata lifetime. */
    public OkxConfig withMetadata(Duration ttl, Duration refresh) {
        return new OkxConfig(venueId, restBaseUrl, publicWsUrl, privateWsUrl, symbols, credentials, demoTrading,
                callTimeout, pingAfterQuiet, streamSilence, ttl, refresh, resolveBackoffMin, resolveBackoffMax);
    }

    /** True when order entry and account calls are possible. */
    public boolean trading() {
        return credentials != null;
    }

    @Override
    public String toString() {
        return "OkxConfig[" + venueId + " " + restBaseUrl + " " + symbols + (credentials == null ? " public-only" : " "
                + credentials) + (demoTrading ? " demo" : "") + "]";
    }

    private static String url(String value, String field, String scheme) {
        Objects.requireNonNull(value, "okx." + field);
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("okx." + field + " is not a URL (was '" + value + "')");
        }
        if (uri.getScheme() == null || !uri.getScheme().startsWith(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("okx." + field + " must be an absolute " + scheme + "(s) URL (was '"
                    + value + "')");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static void positive(Duration d, String field) {
        Objects.requireNonNull(d, "okx." + field);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("okx." + field + " must be > 0 (was " + d + ")");
        }
    }
}
