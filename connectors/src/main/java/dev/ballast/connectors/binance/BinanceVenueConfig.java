package dev.ballast.connectors.binance;

import dev.ballast.connectors.live.Credentials;
import dev.ballast.core.VenueId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How one live Binance venue is reached and run. Build it with {@link #spot} or {@link #usdM} (Binance's
 * production hosts and the defaults below) and adjust with the {@code with...} methods; tests point the three URLs
 * at loopback.
 *
 * @param venue              the venue's id in Ballast ({@code binance}, {@code binance-usdm})
 * @param product            spot or USD-M
 * @param restUrl            REST base, no trailing slash ({@code https://api.binance.com}, {@code https://fapi.binance.com})
 * @param publicWsUrl        market-data stream base ({@code wss://stream.binance.com:9443}, {@code wss://fstream.binance.com})
 * @param privateWsUrl       user-data stream base (the listen key is appended as {@code /ws/<key>})
 * @param symbols            Binance symbols traded and streamed, upper case ({@code BTCUSDT})
 * @param credentials        API key and secret, or null: public data only (paper-live), order entry refused
 * @param recvWindow         how long after its timestamp Binance may still act on a signed request (default 5 s);
 *                           also how long an order whose send timed out may still appear
 * @param depthSpeed         the diff stream's update speed, {@code 100ms} by default ({@code <symbol>@depth@100ms})
 * @param snapshotLevels     levels asked of the REST depth snapshot (1000: weight 50 on spot, 20 on USD-M)
 * @param metadataTtl        how long exchangeInfo (instruments, rate limits) and fee rates are kept before a
 *                           background refresh (default 1 h)
 * @param listenKeyKeepAlive how often the user-data listen key is kept alive (Binance: every 30 min, expiry 60 min)
 * @param lookupBackoffMin   first wait before asking the venue about an order whose fate is unknown (default 250 ms);
 *                           doubles up to {@code lookupBackoffMax} (default 5 s)
 * @param lookupBackoffMax   longest wait between such lookups
 * @param snapshotRetry      wait before asking again for a depth snapshot that failed or did not bridge (default 1 s)
 * @param healthCheck        how often the venue's health is re-evaluated to emit a change (default 1 s)
 * @param budgetHeadroom     share of each Binance rate limit this process may use (default 0.9)
 * @param callTimeout        a REST call's whole time, connect to last byte (default 5 s); an order call that runs
 *                           out is looked up by client id
 * @param streamSilence      the market stream is stale after this long without a frame, and reconnected after three
 *                           times that (default 10 s); the user-data stream, quiet while nothing trades, is watched
 *                           with WebSocket pings instead
 */
public record BinanceVenueConfig(VenueId venue, BinanceProduct product, String restUrl, String publicWsUrl,
                                 String privateWsUrl, List<String> symbols, Credentials credentials,
                                 Duration recvWindow, String depthSpeed, int snapshotLevels, Duration metadataTtl,
                                 Duration listenKeyKeepAlive, Duration lookupBackoffMin, Duration lookupBackoffMax,
                                 Duration snapshotRetry, Duration healthCheck, double budgetHeadroom,
                                 Duration callTimeout, Duration streamSilence) {
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9_]{2,32}");
    private static final Pattern SPEED = Pattern.compile("[0-9]{1,4}ms");

    public BinanceVenueConfig {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(product, "product");
        restUrl = url(restUrl, "restUrl");
        publicWsUrl = url(publicWsUrl, "publicWsUrl");
        privateWsUrl = url(privateWsUrl, "privateWsUrl");
        Objects.requireNonNull(symbols, "symbols");
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException(venue + ".symbols must not be empty");
        }
        for (String s : symbols) {
            if (s == null || !SYMBOL.matcher(s).matches()) {
                throw new IllegalArgumentException(venue + ".symbols must be Binance symbols such as BTCUSDT (was '"
                        + s + "')");
            }
        }
        symbols = List.copyOf(symbols);
        if (symbols.stream().distinct().count() != symbols.size()) {
            throw new IllegalArgumentException(venue + ".symbols lists a symbol twice (" + symbols + ")");
        }
        positive(venue, recvWindow, "recvWindow");
        if (recvWindow.toMillis() > 60_000) {
            throw new IllegalArgumentException(venue + ".recvWindow must be <= 60 s, Binance's maximum (was "
                    + recvWindow + ")");
        }
        Objects.requireNonNull(depthSpeed, "depthSpeed");
        if (!SPEED.matcher(depthSpeed).matches()) {
            throw new IllegalArgumentException(venue + ".depthSpeed must look like 100ms (was '" + depthSpeed + "')");
        }
        if (snapshotLevels < 5 || snapshotLevels > 5000) {
            throw new IllegalArgumentException(venue + ".snapshotLevels must be in [5, 5000] (was " + snapshotLevels
                    + ")");
        }
        positive(venue, metadataTtl, "metadataTtl");
        positive(venue, listenKeyKeepAlive, "listenKeyKeepAlive");
        if (listenKeyKeepAlive.toMinutes() >= 60) {
            throw new IllegalArgumentException(venue + ".listenKeyKeepAlive must be < 60 min, when Binance lets the"
                    + " key expire (was " + listenKeyKeepAlive + ")");
        }
        positive(venue, lookupBackoffMin, "lookupBackoffMin");
        positive(venue, lookupBackoffMax, "lookupBackoffMax");
        if (lookupBackoffMax.compareTo(lookupBackoffMin) < 0) {
            throw new IllegalArgumentException(venue + ".lookupBackoffMax must be >= lookupBackoffMin (was "
                    + lookupBackoffMax + " < " + lookupBackoffMin + ")");
        }
        positive(venue, snapshotRetry, "snapshotRetry");
        positive(venue, healthCheck, "healthCheck");
        positive(venue, callTimeout, "callTimeout");
        positive(venue, streamSilence, "streamSilence");
        if (!(budgetHeadroom > 0 && budgetHeadroom <= 1)) {
            throw new IllegalArgumentException(venue + ".budgetHeadroom must be in (0, 1] (was " + budgetHeadroom
                    + ")");
        }
    }

    /** Binance spot on its production hosts, with the defaults. */
    public static BinanceVenueConfig spot(VenueId venue, List<String> symbols, Credentials credentials) {
        return defaults(venue, BinanceProduct.SPOT, "https://api.binance.com", "wss://stream.binance.com:9443",
                symbols, credentials);
    }

    /** Binance USD-M futures on its production hosts, with the defaults. */
    public static BinanceVenueConfig usdM(VenueId venue, List<String> symbols, Credentials credentials) {
        return defaults(venue, BinanceProduct.USD_M, "https://fapi.binance.com", "wss://fstream.binance.com",
                symbols, credentials);
    }

    private static BinanceVenueConfig defaults(VenueId venue, BinanceProduct product, String rest, String ws,
                                               List<String> symbols, Credentials credentials) {
        return new BinanceVenueConfig(venue, product, rest, ws, ws, symbols, credentials, Duration.ofSeconds(5),
                "100ms", 1000, Duration.ofHours(1), Duration.ofMinutes(30), Duration.ofMillis(250),
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(1), 0.9, Duration.ofSeconds(5),
                Duration.ofSeconds(10));
    }

    /** The same with other base URLs (tests: loopback). */
    public BinanceVenueConfig withUrls(String rest, String publicWs, String privateWs) {
        return new BinanceVenueConfig(venue, product, rest, publicWs, privateWs, symbols, credentials, recvWindow,
                depthSpeed, snapshotLevels, metadataTtl, listenKeyKeepAlive, lookupBackoffMin, lookupBackoffMax,
                snapshotRetry, healthCheck, budgetHeadroom, callTimeout, streamSilence);
    }

    /** The same with other credentials (null: public data only). */
    public BinanceVenueConfig withCredentials(Credentials keys) {
        return new BinanceVenueConfig(venue, product, restUrl, publicWsUrl, privateWsUrl, symbols, keys, recvWindow,
                depthSpeed, snapshotLevels, metadataTtl, listenKeyKeepAlive, lookupBackoffMin, lookupBackoffMax,
                snapshotRetry, healthCheck, budgetHeadroom, callTimeout, streamSilence);
    }

    /** The same with another REST call timeout and market-stream silence limit. */
    public BinanceVenueConfig withTimeouts(Duration call, Duration silence) {
        return new BinanceVenueConfig(venue, product, restUrl, publicWsUrl, privateWsUrl, symbols, credentials,
                recvWindow, depthSpeed, snapshotLevels, metadataTtl, listenKeyKeepAlive, lookupBackoffMin,
                lookupBackoffMax, snapshotRetry, healthCheck, budgetHeadroom, call, silence);
    }

    /** The same with other timings. */
    public BinanceVenueConfig withTimings(Duration recvWindow, Duration metadataTtl, Duration listenKeyKeepAlive,
                                          Duration lookupBackoffMin, Duration lookupBackoffMax,
                                          Duration snapshotRetry, Duration healthCheck) {
        return new BinanceVenueConfig(venue, product, restUrl, publicWsUrl, privateWsUrl, symbols, credentials,
                recvWindow, depthSpeed, snapshotLevels, metadataTtl, listenKeyKeepAlive, lookupBackoffMin,
                lookupBackoffMax, snapshotRetry, healthCheck, budgetHeadroom, callTimeout, streamSilence);
    }

    /** The same with another diff stream speed ({@code 0ms}, {@code 100ms}, {@code 250ms}, ...). */
    public BinanceVenueConfig withDepthSpeed(String speed) {
        return new BinanceVenueConfig(venue, product, restUrl, publicWsUrl, privateWsUrl, symbols, credentials,
                recvWindow, speed, snapshotLevels, metadataTtl, listenKeyKeepAlive, lookupBackoffMin,
                lookupBackoffMax, snapshotRetry, healthCheck, budgetHeadroom, callTimeout, streamSilence);
    }

    /** True when keys are configured: order entry and the user-data stream are on. */
    public boolean trading() {
        return credentials != null;
    }

    @Override
    public String toString() {
        return "BinanceVenueConfig[" + venue + ", " + product + ", " + restUrl + ", symbols=" + symbols
                + ", credentials=" + (credentials == null ? "none" : credentials) + "]";
    }

    private static String url(String url, String name) {
        Objects.requireNonNull(url, name);
        if (!url.matches("(https?|wss?)://[^\\s]+")) {
            throw new IllegalArgumentException(name + " must be an http(s) or ws(s) URL (was '" + url + "')");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void positive(VenueId venue, Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(venue + "." + name + " must be > 0 (was " + d + ")");
        }
    }
}
