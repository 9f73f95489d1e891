package dev.ballast.connectors.kraken;

import dev.ballast.core.InstrumentId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every spot pair Kraken listed in one {@code AssetPairs} reply, findable by each of its names: the WebSocket
 * name ({@code XBT/USD}, our symbol), the REST result key ({@code XXBTZUSD}) and the alternative name
 * ({@code XBTUSD}). Immutable and thread-safe: a new one replaces the old on each metadata refresh.
 */
public final class KrakenPairs {
    private final Map<String, KrakenPair> byWsName;
    private final Map<String, KrakenPair> byRestName;

    public KrakenPairs(Collection<KrakenPair> pairs) {
        Map<String, KrakenPair> ws = new HashMap<>();
        Map<String, KrakenPair> rest = new HashMap<>();
        for (KrakenPair p : pairs) {
            ws.put(p.wsName(), p);
            rest.put(p.restKey(), p);
            rest.put(p.altName(), p);
        }
        this.byWsName = Map.copyOf(ws);
        this.byRestName = Map.copyOf(rest);
    }

    /** The pair our instrument id names (its symbol is the WebSocket name). */
    public Optional<KrakenPair> byId(InstrumentId id) {
        return byWsName(id.symbol());
    }

    public Optional<KrakenPair> byWsName(String wsName) {
        return Optional.ofNullable(byWsName.get(Objects.requireNonNull(wsName, "wsName")));
    }

    /** By REST key ({@code XXBTZUSD}) or alternative name ({@code XBTUSD}): both appear in REST replies. */
    public Optional<KrakenPair> byRestName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byRestName.get(name));
    }

    /** The pairs with these WebSocket names, in that order. @throws IllegalArgumentException naming a missing one */
    public List<KrakenPair> require(List<String> wsNames) {
        return wsNames.stream().map(n -> byWsName(n).orElseThrow(() -> new IllegalArgumentException(
                "kraken.symbols: '" + n + "' is not a Kraken spot pair (use the WebSocket name, e.g. XBT/USD)")))
                .toList();
    }

    public int size() {
        return byWsName.size();
    }
}
