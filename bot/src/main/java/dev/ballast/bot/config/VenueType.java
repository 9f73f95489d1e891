package dev.ballast.bot.config;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Locale;

/**
 * What kind of venue a {@code venues.<id>} entry configures. Written in the config in lower case
 * ({@code type: binance-spot}). Each kind has its own set of keys, read by its own method in the loader; see
 * docs/config.md, "Adding a venue type".
 *
 * <p>A live type carries the defaults of its keys: the exchange's documented production endpoints and its fee
 * rates for a regular (lowest-tier) account, which paper-live fills are charged when the file sets none.
 */
public enum VenueType {
    /** The in-process simulated exchange used by paper mode and backtests. */
    SIMULATED("simulated", null),
    /** Binance spot: REST api.binance.com, market and user-data streams on stream.binance.com:9443. */
    BINANCE_SPOT("binance-spot", new LiveDefaults("https://api.binance.com", "wss://stream.binance.com:9443",
            "wss://stream.binance.com:9443", "10", "10", "BINANCE", false)),
    /** Binance USDⓈ-M futures (linear perpetuals), the usual hedge venue: REST fapi, streams on fstream. */
    BINANCE_USDM("binance-usdm", new LiveDefaults("https://fapi.binance.com", "wss://fstream.binance.com",
            "wss://fstream.binance.com", "2", "5", "BINANCE", false)),
    /** Kraken spot: REST api.kraken.com, public WebSocket v1 on ws.kraken.com, private on ws-auth.kraken.com. */
    KRAKEN("kraken", new LiveDefaults("https://api.kraken.com", "wss://ws.kraken.com", "wss://ws-auth.kraken.com",
            "25", "40", "KRAKEN", false)),
    /** OKX (spot and swaps, by instrument id): REST www.okx.com, WebSocket v5 public and private channels. */
    OKX("okx", new LiveDefaults("https://www.okx.com", "wss://ws.okx.com:8443/ws/v5/public",
            "wss://ws.okx.com:8443/ws/v5/private", "8", "10", "OKX", true));

    private final String configName;
    private final LiveDefaults live;

    VenueType(String configName, LiveDefaults live) {
        this.configName = configName;
        this.live = live;
    }

    /** True for venues that run in-process on the shared simulated market ({@code simulation}). */
    public boolean isSimulated() {
        return live == null;
    }

    /** The name used in the config file. */
    public String configName() {
        return configName;
    }

    /** The exchange's REST base URL. @throws IllegalStateException for {@link #SIMULATED} */
    public URI defaultRestUrl() {
        return live().restUrl;
    }

    /**
     * The public market-data WebSocket URL; for Binance the host, to which the connector appends the stream path.
     *
     * @throws IllegalStateException for {@link #SIMULATED}
     */
    public URI defaultWsUrl() {
        return live().wsUrl;
    }

    /**
     * The WebSocket URL of our own orders and fills; for Binance the host, to which the connector appends the
     * listen key.
     *
     * @throws IllegalStateException for {@link #SIMULATED}
     */
    public URI defaultPrivateWsUrl() {
        return live().privateWsUrl;
    }

    /** The maker fee of a regular account, in bps of notional. @throws IllegalStateException for {@link #SIMULATED} */
    public BigDecimal defaultMakerFeeBps() {
        return live().makerFeeBps;
    }

    /** The taker fee of a regular account, in bps of notional. @throws IllegalStateException for {@link #SIMULATED} */
    public BigDecimal defaultTakerFeeBps() {
        return live().takerFeeBps;
    }

    /** True when the exchange's API keys come with a passphrase (OKX). */
    public boolean usesPassphrase() {
        return live != null && live.passphrase;
    }

    /**
     * The environment variable a key of this type is conventionally read from, as shown in examples and messages:
     * {@code BINANCE_API_KEY} for {@code ("API_KEY")}. The file may name any variable.
     *
     * @throws IllegalStateException for {@link #SIMULATED}
     */
    public String exampleVariable(String suffix) {
        return live().envPrefix + "_" + suffix.toUpperCase(Locale.ROOT);
    }

    private LiveDefaults live() {
        if (live == null) {
            throw new IllegalStateException(configName + " venues have no endpoints, fees or keys of their own");
        }
        return live;
    }

    private static final class LiveDefaults {
        private final URI restUrl;
        private final URI wsUrl;
        private final URI privateWsUrl;
        private final BigDecimal makerFeeBps;
        private final BigDecimal takerFeeBps;
        private final String envPrefix;
        private final boolean passphrase;

        LiveDefaults(String restUrl, String wsUrl, String privateWsUrl, String makerFeeBps, String takerFeeBps,
                String envPrefix, boolean passphrase) {
            this.restUrl = URI.create(restUrl);
            this.wsUrl = URI.create(wsUrl);
            this.privateWsUrl = URI.create(privateWsUrl);
            this.makerFeeBps = new BigDecimal(makerFeeBps);
            this.takerFeeBps = new BigDecimal(takerFeeBps);
            this.envPrefix = envPrefix;
            this.passphrase = passphrase;
        }
    }
}
