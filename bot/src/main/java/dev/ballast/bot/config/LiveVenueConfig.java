package dev.ballast.bot.config;

import dev.ballast.core.Asset;
import dev.ballast.core.FeeSchedule;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.VenueId;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One venue on a real exchange ({@code venues.<id>} with a live {@code type}: binance-spot, binance-usdm, kraken,
 * okx). What it holds depends on the mode, which {@link BallastConfig} checks: in {@code live} mode the venue has
 * {@link #keys()} and no {@link #paper()}; in {@code paper-live} it has {@link #paper()} (the paper balances and
 * fees of the locally simulated fills) and no keys. Immutable; {@link #toString()} never shows a key.
 *
 * @param id the venue's name (the key in the config), e.g. {@code binance}
 * @param type the exchange; a live type (not {@code simulated})
 * @param markets the markets traded here by symbol, in file order (unmodifiable); at least one, and exactly one
 *     when {@link #paper()} is present (the paper-live simulator models one market per venue)
 * @param keys the API keys, from the environment; required in live mode, absent in paper-live
 * @param restUrl the exchange's REST base URL; https (http only to a loopback host); default
 *     {@link VenueType#defaultRestUrl()}
 * @param wsUrl the public market-data WebSocket URL; wss (ws only to a loopback host); default
 *     {@link VenueType#defaultWsUrl()}
 * @param privateWsUrl the WebSocket URL of our own orders and fills (used in live mode); wss (ws only to a loopback
 *     host); default {@link VenueType#defaultPrivateWsUrl()}
 * @param requestTimeoutMs how long a REST call may take before it counts as timed out (an order whose call timed
 *     out is resolved by asking the venue for its client id); from {@value #MIN_REQUEST_TIMEOUT_MS} to
 *     {@value #MAX_REQUEST_TIMEOUT_MS}; default {@value #DEFAULT_REQUEST_TIMEOUT_MS}
 * @param staleAfterMs how long a stream may stay silent before it is marked stale (STREAM_STALE) and the venue is not
 *     quoted on; from {@value #MIN_STALE_AFTER_MS} to {@value #MAX_STALE_AFTER_MS}; default
 *     {@value #DEFAULT_STALE_AFTER_MS}
 * @param metadataRefreshSec how often the instruments' tick, lot and minimum notional are fetched again in the
 *     background; from {@value #MIN_METADATA_REFRESH_SEC} to {@value #MAX_METADATA_REFRESH_SEC}; default
 *     {@value #DEFAULT_METADATA_REFRESH_SEC}
 * @param paper the locally simulated fills of paper-live mode; required in paper-live, absent in live
 */
public record LiveVenueConfig(
        VenueId id,
        VenueType type,
        Map<String, LiveMarketConfig> markets,
        Optional<ApiKeys> keys,
        URI restUrl,
        URI wsUrl,
        URI privateWsUrl,
        long requestTimeoutMs,
        long staleAfterMs,
        long metadataRefreshSec,
        Optional<PaperFills> paper) {

    public static final long DEFAULT_REQUEST_TIMEOUT_MS = 5_000;
    public static final long MIN_REQUEST_TIMEOUT_MS = 100;
    public static final long MAX_REQUEST_TIMEOUT_MS = 60_000;
    public static final long DEFAULT_STALE_AFTER_MS = 10_000;
    public static final long MIN_STALE_AFTER_MS = 1_000;
    public static final long MAX_STALE_AFTER_MS = 600_000;
    public static final long DEFAULT_METADATA_REFRESH_SEC = 300;
    public static final long MIN_METADATA_REFRESH_SEC = 10;
    public static final long MAX_METADATA_REFRESH_SEC = 86_400;

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    /** @throws IllegalArgumentException listing every field that breaks its rule (a key's value is never shown) */
    public LiveVenueConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(markets, "markets");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(restUrl, "restUrl");
        Objects.requireNonNull(wsUrl, "wsUrl");
        Objects.requireNonNull(privateWsUrl, "privateWsUrl");
        Objects.requireNonNull(paper, "paper");
        Rules r = new Rules();
        if (type.isSimulated()) {
            r.fail("type must be a live venue type (" + Mode.LIVE.allowedTypes() + ") (was " + type.configName()
                    + ")");
        }
        r.require(!markets.isEmpty(), "markets must not be empty: list at least one market");
        markets.forEach((symbol, market) -> {
            Objects.requireNonNull(market, "markets." + symbol);
            r.require(symbol.equals(market.symbol()),
                    "markets." + symbol + ".symbol must equal its key " + symbol + " (was " + market.symbol() + ")");
        });
        if (paper.isPresent() && markets.size() > 1) {
            r.fail("markets must hold exactly one market in paper-live mode: the paper-live simulator models one"
                    + " market per venue, so list each further market as a venue of its own (was " + markets.size()
                    + ": " + String.join(", ", markets.keySet()) + ")");
        }
        keys.ifPresent(k -> {
            if (k.passphrase().isPresent() && !type.usesPassphrase()) {
                r.fail("passphrase is not used by type " + type.configName() + " (only by okx)");
            } else if (k.passphrase().isEmpty() && type.usesPassphrase()) {
                r.fail("passphrase is required with the API keys of type " + type.configName());
            }
        });
        checkUrl(r, "restUrl", restUrl, "https", "http");
        checkUrl(r, "wsUrl", wsUrl, "wss", "ws");
        checkUrl(r, "privateWsUrl", privateWsUrl, "wss", "ws");
        r.between("requestTimeoutMs", requestTimeoutMs, MIN_REQUEST_TIMEOUT_MS, MAX_REQUEST_TIMEOUT_MS);
        r.between("staleAfterMs", staleAfterMs, MIN_STALE_AFTER_MS, MAX_STALE_AFTER_MS);
        r.between("metadataRefreshSec", metadataRefreshSec, MIN_METADATA_REFRESH_SEC, MAX_METADATA_REFRESH_SEC);
        r.throwIfAny();
        markets = Collections.unmodifiableMap(new LinkedHashMap<>(markets));
    }

    /**
     * Credentials travel only over TLS: a plain scheme is accepted for a loopback host alone (a local test server).
     */
    private static void checkUrl(Rules r, String field, URI url, String secure, String plain) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = url.getHost() != null && LOOPBACK_HOSTS.contains(url.getHost().toLowerCase(Locale.ROOT));
        r.require(url.getHost() != null && (scheme.equals(secure) || scheme.equals(plain) && loopback),
                field + " must be a " + secure + "://host URL (" + plain + ":// only to localhost) (was " + url + ")");
    }

    /** The ids of this venue's markets, in file order. */
    public List<InstrumentId> instrumentIds() {
        return markets.values().stream().map(m -> m.instrumentId(id)).toList();
    }

    /**
     * A live venue's API keys, read from environment variables that the config names ({@code ${BINANCE_API_KEY}}).
     * Immutable; {@link #toString()} shows none of them.
     *
     * @param apiKey the API key; required
     * @param apiSecret the secret requests are signed with; required
     * @param passphrase the passphrase chosen when the key was made; OKX only, where it is required
     */
    public record ApiKeys(Secret apiKey, Secret apiSecret, Optional<Secret> passphrase) {
        public ApiKeys {
            Objects.requireNonNull(apiKey, "apiKey");
            Objects.requireNonNull(apiSecret, "apiSecret");
            Objects.requireNonNull(passphrase, "passphrase");
        }
    }

    /**
     * How paper-live fills our orders locally against the venue's real public market data: after a latency, with
     * the venue's fees, out of paper balances. Immutable.
     *
     * @param latencyMs the delay before our order or cancel reaches the simulated book, in milliseconds; from 0 to
     *     {@value #MAX_LATENCY_MS}; default {@value #DEFAULT_LATENCY_MS}
     * @param makerFeeBps the fee on fills of our resting orders, in bps of notional (negative: a rebate); from
     *     {@value VenueConfig#MIN_MAKER_FEE_BPS} to {@value VenueConfig#MAX_FEE_BPS}; default
     *     {@link VenueType#defaultMakerFeeBps()}
     * @param takerFeeBps the fee on fills of our orders that cross, in bps of notional; from 0 to
     *     {@value VenueConfig#MAX_FEE_BPS}; default {@link VenueType#defaultTakerFeeBps()}
     * @param balances the paper balance of each asset at the start, in file order (unmodifiable); each >= 0; each
     *     asset must be the quote currency or configured under {@code assets} (checked by {@link BallastConfig})
     */
    public record PaperFills(long latencyMs, BigDecimal makerFeeBps, BigDecimal takerFeeBps,
            Map<Asset, BigDecimal> balances) {
        public static final long DEFAULT_LATENCY_MS = 20;
        public static final long MAX_LATENCY_MS = 60_000;

        private static final BigDecimal BPS_PER_UNIT = BigDecimal.valueOf(10_000);

        /** @throws IllegalArgumentException listing every field that breaks its rule */
        public PaperFills {
            Objects.requireNonNull(makerFeeBps, "makerFeeBps");
            Objects.requireNonNull(takerFeeBps, "takerFeeBps");
            Objects.requireNonNull(balances, "balances");
            Rules r = new Rules();
            r.between("latencyMs", latencyMs, 0, MAX_LATENCY_MS);
            r.between("makerFeeBps", makerFeeBps, BigDecimal.valueOf(VenueConfig.MIN_MAKER_FEE_BPS),
                    BigDecimal.valueOf(VenueConfig.MAX_FEE_BPS));
            r.between("takerFeeBps", takerFeeBps, BigDecimal.ZERO, BigDecimal.valueOf(VenueConfig.MAX_FEE_BPS));
            Map<Asset, BigDecimal> normalizedBalances = new LinkedHashMap<>();
            balances.forEach((asset, amount) -> {
                Objects.requireNonNull(asset, "balances key");
                Objects.requireNonNull(amount, "balances." + asset);
                r.nonNegative("balances." + asset, amount);
                normalizedBalances.put(asset, Rules.normalize(amount));
            });
            r.throwIfAny();
            makerFeeBps = Rules.normalize(makerFeeBps);
            takerFeeBps = Rules.normalize(takerFeeBps);
            balances = Collections.unmodifiableMap(normalizedBalances);
        }

        /** The fee rates as fractions of notional (1 bps = 0.0001), exactly. */
        public FeeSchedule fees() {
            return new FeeSchedule(makerFeeBps.divide(BPS_PER_UNIT), takerFeeBps.divide(BPS_PER_UNIT));
        }
    }
}
