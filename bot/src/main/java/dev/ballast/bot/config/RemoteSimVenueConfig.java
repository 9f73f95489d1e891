package dev.ballast.bot.config;

import dev.ballast.core.VenueId;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One venue of a simulated exchange served by another process ({@code venues.<id>} with {@code type: remote-sim}):
 * paper mode whose exchange outlives the bot — started with {@code ballast sim-exchange}, or by the crash test. The
 * venue id is the server's name for the venue; its markets' tick, lot and minimum notional come from the server at
 * start, like a live exchange's. Immutable.
 *
 * @param id the venue's name (the key in the config), which must be a venue the server serves, e.g. {@code sim-a}
 * @param url the simulated exchange's base URL, e.g. {@code http://127.0.0.1:7070}; http or https; required
 * @param markets the markets traded here by symbol, in file order (unmodifiable): which of the bot's assets each
 *     symbol trades; at least one
 */
public record RemoteSimVenueConfig(VenueId id, URI url, Map<String, LiveMarketConfig> markets) {

    /** @throws IllegalArgumentException listing every field that breaks its rule */
    public RemoteSimVenueConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(markets, "markets");
        Rules r = new Rules();
        r.require(("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null,
                "url must be an http or https URL with a host (was " + url + ")");
        r.require(!markets.isEmpty(), "markets must not be empty: list at least one market");
        markets.forEach((symbol, market) -> {
            Objects.requireNonNull(market, "markets." + symbol);
            r.require(symbol.equals(market.symbol()),
                    "markets." + symbol + ".symbol must equal its key " + symbol + " (was " + market.symbol() + ")");
        });
        r.throwIfAny();
        markets = Collections.unmodifiableMap(new LinkedHashMap<>(markets));
    }

    /** Always {@link VenueType#REMOTE_SIM}. */
    public VenueType type() {
        return VenueType.REMOTE_SIM;
    }
}
