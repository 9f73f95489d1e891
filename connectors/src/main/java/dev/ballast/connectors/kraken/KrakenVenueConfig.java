package dev.ballast.connectors.kraken;

import dev.ballast.connectors.live.Credentials;
import dev.ballast.core.VenueId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How to reach and use Kraken spot. Immutable; validated on construction (messages name the field and value).
 *
 * @param venue                our name for the venue (default {@code kraken})
 * @param restUrl              REST base, default {@code https://api.kraken.com} (tests: WireMock)
 * @param publicWsUrl          public WebSocket v1, default {@code wss://ws.kraken.com}
 * @param privateWsUrl         private WebSocket v1, default {@code wss://ws-auth.kraken.com}
 * @param symbols              the pairs we trade, by Kraken WebSocket name ({@code XBT/USD}); also our symbols
 * @param credentials          API key and secret, or null for public data only (paper-live): then no account
 *                             calls, and orders are refused locally
 * @param tier                 the account's verification tier, which sets the rate limits modelled
 * @param callTimeout          one REST call, from sending to the whole reply (for the gateway)
 * @param streamSilence        a stream silent this long is STREAM_STALE (Kraken heartbeats every second)
 * @param metadataRefresh      instruments and fees are refreshed in the background after this
 * @param metadataTtl          and are dropped (the next call blocks to reload) after this; >= refresh
 * @param bookDepth            book subscription depth: 10, 25, 100, 500 or 1000
 * @param readAttempts         private reads are tried this many times, each freshly signed (a Kraken nonce is
 *                             single-use, so the gateway cannot resend them)
 * @param lookupBackoffMin     first wait before asking again about an order whose fate is unknown
 * @param lookupBackoffMax     longest such wait (doubles from the minimum)
 * @param notFoundConfirmations an order whose AddOrder timed out is declared never placed only after Kraken
 *                             has not found it this many times in a row (Kraken may still be processing it)
 * @param serializePrivateCalls sign and send private calls one at a time, so nonces reach Kraken in order; turn
 *                             off only with a nonce window set on the key
 */
public record KrakenVenueConfig(VenueId venue, String restUrl, String publicWsUrl, String privateWsUrl,
                                List<String> symbols, Credentials credentials, KrakenRateTier tier,
                                Duration callTimeout, Duration streamSilence, Duration metadataRefresh,
                                Duration metadataTtl, int bookDepth, int readAttempts, Duration lookupBackoffMin,
                                Duration lookupBackoffMax, int notFoundConfirmations, boolean serializePrivateCalls) {
    public static final String DEFAULT_REST_URL = "https://api.kraken.com";
    public static final String DEFAULT_PUBLIC_WS_URL = "wss://ws.kraken.com";
    public static final String DEFAULT_PRIVATE_WS_URL = "wss://ws-auth.kraken.com";
    private static final Set<Integer> DEPTHS = Set.of(10, 25, 100, 500, 1000);

    public KrakenVenueConfig {
        Objects.requireNonNull(venue, "kraken.venue");
        restUrl = stripSlash(requireUrl(restUrl, "restUrl"));
        publicWsUrl = requireUrl(publicWsUrl, "publicWsUrl");
        privateWsUrl = requireUrl(privateWsUrl, "privateWsUrl");
        Objects.requireNonNull(symbols, "kraken.symbols");
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("kraken.symbols must name at least one pair (was empty)");
        }
        symbols = List.copyOf(symbols);
        Objects.requireNonNull(tier, "kraken.tier");
        requirePositive(callTimeout, "callTimeout");
        requirePositive(streamSilence, "streamSilence");
        requirePositive(metadataRefresh, "metadataRefresh");
        requirePositive(metadataTtl, "metadataTtl");
        if (metadataTtl.compareTo(metadataRefresh) < 0) {
            throw new IllegalArgumentException("kraken.metadataTtl must be >= metadataRefresh " + metadataRefresh
                    + " (was " + metadataTtl + ")");
        }
        if (!DEPTHS.contains(bookDepth)) {
            throw new IllegalArgumentException("kraken.bookDepth must be one of 10, 25, 100, 500, 1000 (was "
                    + bookDepth + ")");
        }
        if (readAttempts < 1) {
            throw new IllegalArgumentException("kraken.readAttempts must be >= 1 (was " + readAttempts + ")");
        }
        Objects.requireNonNull(lookupBackoffMin, "kraken.lookupBackoffMin");
        if (lookupBackoffMin.isNegative()) {
            throw new IllegalArgumentException("kraken.lookupBackoffMin must be >= 0 (was " + lookupBackoffMin + ")");
        }
        Objects.requireNonNull(lookupBackoffMax, "kraken.lookupBackoffMax");
        if (lookupBackoffMax.compareTo(lookupBackoffMin) < 0) {
            throw new IllegalArgumentException("kraken.lookupBackoffMax must be >= lookupBackoffMin "
                    + lookupBackoffMin + " (was " + lookupBackoffMax + ")");
        }
        if (notFoundConfirmations < 1) {
            throw new IllegalArgumentException("kraken.notFoundConfirmations must be >= 1 (was "
                    + notFoundConfirmations + ")");
        }
    }

    /**
     * Kraken's production endpoints with the defaults: INTERMEDIATE tier, 5 s calls, stale after 5 s of
     * silence (Kraken heartbeats every second), metadata refreshed every 10 min and kept at most 1 h, depth 1000,
     * 3 read attempts, order lookups backing off 200 ms to 5 s, not-found confirmed 3 times, private calls in series.
     */
    public static KrakenVenueConfig of(List<String> symbols, Credentials credentials) {
        return new KrakenVenueConfig(VenueId.of("kraken"), DEFAULT_REST_URL, DEFAULT_PUBLIC_WS_URL,
                DEFAULT_PRIVATE_WS_URL, symbols, credentials, KrakenRateTier.INTERMEDIATE, Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofHours(1), 1000, 3, Duration.ofMillis(200),
                Duration.ofSeconds(5), 3, true);
    }

    /** The same with other endpoints (tests point them at loopback). */
    public KrakenVenueConfig withUrls(String rest, String publicWs, String privateWs) {
        return new KrakenVenueConfig(venue, rest, publicWs, privateWs, symbols, credentials, tier, callTimeout,
                streamSilence, metadataRefresh, metadataTtl, bookDepth, readAttempts, lookupBackoffMin,
                lookupBackoffMax, notFoundConfirmations, serializePrivateCalls);
    }

    public KrakenVenueConfig withTier(KrakenRateTier newTier) {
        return new KrakenVenueConfig(venue, restUrl, publicWsUrl, privateWsUrl, symbols, credentials, newTier,
                callTimeout, streamSilence, metadataRefresh, metadataTtl, bookDepth, readAttempts, lookupBackoffMin,
                lookupBackoffMax, notFoundConfirmations, serializePrivateCalls);
    }

    public KrakenVenueConfig withTimeouts(Duration newCallTimeout, Duration newStreamSilence) {
        return new KrakenVenueConfig(venue, restUrl, publicWsUrl, privateWsUrl, symbols, credentials, tier,
                newCallTimeout, newStreamSilence, metadataRefresh, metadataTtl, bookDepth, readAttempts,
                lookupBackoffMin, lookupBackoffMax, notFoundConfirmations, serializePrivateCalls);
    }

    public KrakenVenueConfig withMetadata(Duration refresh, Duration ttl) {
        return new KrakenVenueConfig(venue, restUrl, publicWsUrl, privateWsUrl, symbols, credentials, tier,
                callTimeout, streamSilence, refresh, ttl, bookDepth, readAttempts, lookupBackoffMin, lookupBackoffMax,
                notFoundConfirmations, serializePrivateCalls);
    }

    public KrakenVenueConfig withLookup(Duration backoffMin, Duration backoffMax, int confirmations) {
        return new KrakenVenueConfig(venue, restUrl, publicWsUrl, privateWsUrl, symbols, credentials, tier,
                callTimeout, streamSilence, metadataRefresh, metadataTtl, bookDepth, readAttempts, backoffMin,
                backoffMax, confirmations, serializePrivateCalls);
    }

    /** True when keys were given: account calls, orders and the private stream are on. */
    public boolean trading() {
        return credentials != null;
    }

    @Override
    public String toString() {
        return "KrakenVenueConfig[venue=" + venue + ", restUrl=" + restUrl + ", publicWsUrl=" + publicWsUrl
                + ", privateWsUrl=" + privateWsUrl + ", symbols=" + symbols + ", credentials=" + credentials
                + ", tier=" + tier + ", bookDepth=" + bookDepth + "]";
    }

    private static String requireUrl(String url, String field) {
        Objects.requireNonNull(url, "kraken." + field);
        if (!url.matches("(https?|wss?)://.+")) {
            throw new IllegalArgumentException("kraken." + field + " must be an http(s) or ws(s) URL (was '" + url
                    + "')");
        }
        return url;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void requirePositive(Duration d, String field) {
        Objects.requireNonNull(d, "kraken." + field);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("kraken." + field + " must be > 0 (was " + d + ")");
        }
    }
}
