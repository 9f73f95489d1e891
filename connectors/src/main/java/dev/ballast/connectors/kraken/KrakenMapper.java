package dev.ballast.connectors.kraken;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ballast.core.Asset;
import dev.ballast.core.Balance;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.FeeSchedule;
import dev.ballast.core.Instrument;
import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one place Kraken's JSON becomes our types: REST results ({@code AssetPairs}, {@code BalanceEx},
 * {@code TradeVolume}, {@code OpenOrders}/{@code ClosedOrders}/{@code QueryOrders}, {@code TradesHistory},
 * {@code AddOrder}, {@code GetWebSocketsToken}) and the order and trade entries of the private streams, which
 * share the REST shapes. Numbers are read exactly: decimal strings and JSON floats alike become
 * {@link BigDecimal}, times in seconds with microseconds become epoch nanoseconds without a detour through double.
 * Every method throws {@link MalformedKrakenMessageException} for a reply it cannot read. Stateless, thread-safe.
 */
public final class KrakenMapper {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private KrakenMapper() {
    }

    /** Parses JSON text exactly (floats as BigDecimal). */
    static JsonNode parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new MalformedKrakenMessageException("empty message");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedKrakenMessageException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Serialises a small JSON object built as a map (WebSocket requests). */
    static String write(Map<String, ?> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.keySet(), e);
        }
    }

    /** The {@code result} of a reply the classifier found OK. */
    static JsonNode result(String body) {
        JsonNode result = parse(body).path("result");
        if (result.isMissingNode() || result.isNull()) {
            throw new MalformedKrakenMessageException("reply without a result");
        }
        return result;
    }

    /**
     * Every spot pair of an {@code AssetPairs} result that we can name: pairs without a WebSocket name (dark
     * pools) or with an asset we do not map ({@code ETH2.S}) are left out. Tick size is {@code tick_size} where
     * Kraken gives it, else 10^-{@code pair_decimals}; lot size 10^-{@code lot_decimals}; minimum notional
     * {@code costmin} (0 when absent), minimum size {@code ordermin}.
     */
    public static KrakenPairs assetPairs(JsonNode result, VenueId venue) {
        List<KrakenPair> pairs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = result.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            String wsName = p.path("wsname").asText(null);
            Optional<Asset> base = KrakenAssets.toAsset(p.path("base").asText(null));
            Optional<Asset> quote = KrakenAssets.toAsset(p.path("quote").asText(null));
            if (wsName == null || base.isEmpty() || quote.isEmpty() || base.get().equals(quote.get())) {
                continue;
            }
            BigDecimal tick = p.hasNonNull("tick_size") ? decimal(p, "tick_size")
                    : BigDecimal.ONE.movePointLeft(requireInt(p, "pair_decimals", e.getKey()));
            BigDecimal lot = BigDecimal.ONE.movePointLeft(requireInt(p, "lot_decimals", e.getKey()));
            BigDecimal costMin = p.hasNonNull("costmin") ? decimal(p, "costmin") : BigDecimal.ZERO;
            BigDecimal orderMin = p.hasNonNull("ordermin") ? decimal(p, "ordermin") : BigDecimal.ZERO;
            Instrument instrument = new Instrument(KrakenPair.idOf(venue, wsName), base.get(), quote.get(), tick, lot,
                    costMin);
            BigDecimal taker = firstTierPercent(p.path("fees"));
            BigDecimal maker = p.has("fees_maker") ? firstTierPercent(p.path("fees_maker")) : taker;
            pairs.add(new KrakenPair(wsName, e.getKey(), p.path("altname").asText(e.getKey()), instrument, orderMin,
                    costMin, new FeeSchedule(maker, taker), p.path("status").asText("online")));
        }
        return new KrakenPairs(pairs);
    }

    /**
     * Balances from {@code BalanceEx} ({@code {"ZUSD": {"balance": "..", "hold_trade": ".."}}}: locked = held for
     * open orders) or from the older {@code Balance} ({@code {"ZUSD": ".."}}: nothing known to be locked). Assets
     * we do not map are left out; two Kraken names of one asset are added up.
     */
    public static Map<Asset, Balance> balances(JsonNode result) {
        Map<Asset, Balance> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = result.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Optional<Asset> asset = KrakenAssets.toAsset(e.getKey());
            if (asset.isEmpty()) {
                continue;
            }
            JsonNode v = e.getValue();
            BigDecimal total;
            BigDecimal locked;
            if (v.isObject()) {
                total = decimal(v, "balance");
                locked = v.hasNonNull("hold_trade") ? decimal(v, "hold_trade") : BigDecimal.ZERO;
            } else {
                total = decimalOf(v, e.getKey());
                locked = BigDecimal.ZERO;
            }
            Balance b = new Balance(asset.get(), total, total.subtract(locked), locked);
            out.merge(asset.get(), b, (x, y) -> new Balance(x.asset(), x.total().add(y.total()),
                    x.free().add(y.free()), x.locked().add(y.locked())));
        }
        return out;
    }

    /**
     * The account's fee rates for {@code pair} from a {@code TradeVolume} result (percentages in {@code fees} for
     * takers and {@code fees_maker} for makers, as fractions here), or the pair's listed first-tier fees when the
     * result does not name the pair.
     */
    public static FeeSchedule fees(JsonNode result, KrakenPair pair) {
        JsonNode taker = result.path("fees").path(pair.restKey());
        if (!taker.isObject()) {
            return pair.listedFees();
        }
        BigDecimal takerRate = decimal(taker, "fee").divide(HUNDRED).stripTrailingZeros();
        JsonNode maker = result.path("fees_maker").path(pair.restKey());
        BigDecimal makerRate = maker.isObject()
                ? decimal(maker, "fee").divide(HUNDRED).stripTrailingZeros() : takerRate;
        return new FeeSchedule(makerRate, takerRate);
    }

    /**
     * The orders of an {@code OpenOrders} ({@code {"open": {..}}}), {@code ClosedOrders} ({@code {"closed": {..}}})
     * or {@code QueryOrders} ({@code {txid: {..}}}) result. Orders on pairs we cannot name are left out.
     */
    static List<KrakenOrder> orders(JsonNode result, KrakenPairs pairs) {
        JsonNode map = result.has("open") ? result.get("open") : result.has("closed") ? result.get("closed") : result;
        List<KrakenOrder> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            order(e.getKey(), e.getValue(), pairs).ifPresent(out::add);
        }
        return out;
    }

    /** One order entry (REST, or a full entry of the {@code openOrders} stream); empty for an unknown pair. */
    static Optional<KrakenOrder> order(String txid, JsonNode o, KrakenPairs pairs) {
        JsonNode descr = o.path("descr");
        String pairName = descr.path("pair").asText(null);
        Optional<KrakenPair> pair = pairs.byRestName(pairName).or(() -> pairName == null ? Optional.empty()
                : pairs.byWsName(pairName));
        if (pair.isEmpty()) {
            return Optional.empty();
        }
        String orderType = descr.path("ordertype").asText("limit");
        BigDecimal price = "market".equals(orderType) || !descr.hasNonNull("price") ? null : decimal(descr, "price");
        long updatedNs = o.hasNonNull("closetm") ? secondsToNs(o.get("closetm"))
                : o.hasNonNull("lastupdated") ? secondsToNs(o.get("lastupdated"))
                : o.hasNonNull("opentm") ? secondsToNs(o.get("opentm")) : 0L;
        return Optional.of(new KrakenOrder(txid, pair.get(), side(descr.path("type").asText(null), txid), orderType,
                text(o, "status"), price, decimal(o, "vol"), o.hasNonNull("vol_exec") ? decimal(o, "vol_exec")
                : BigDecimal.ZERO, updatedNs, clientOrderId(o)));
    }

    /** Kraken's {@code cl_ord_id} on an order, or null. */
    static ClientOrderId clientOrderId(JsonNode order) {
        String id = order.path("cl_ord_id").asText(null);
        if (id == null || id.isEmpty()) {
            return null;
        }
        try {
            return new ClientOrderId(id);
        } catch (IllegalArgumentException e) {
            return null; // an id someone else gave that our type cannot hold: the order is not ours
        }
    }

    /** The trades of a {@code TradesHistory} result ({@code {"trades": {id: {..}}, "count": n}}), oldest first. */
    static List<KrakenTrade> tradesHistory(JsonNode result, KrakenPairs pairs) {
        List<KrakenTrade> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = result.path("trades").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            trade(e.getKey(), e.getValue(), pairs).ifPresent(out::add);
        }
        out.sort(KrakenTrade.OLDEST_FIRST);
        return out;
    }

    /** One trade entry (REST: pair by REST key, time a number; stream: pair by WS name, time a string). */
    static Optional<KrakenTrade> trade(String tradeId, JsonNode t, KrakenPairs pairs) {
        String pairName = text(t, "pair");
        Optional<KrakenPair> pair = pairs.byRestName(pairName).or(() -> pairs.byWsName(pairName));
        if (pair.isEmpty()) {
            return Optional.empty();
        }
        Boolean maker = t.hasNonNull("maker") ? t.get("maker").asBoolean() : null;
        return Optional.of(new KrakenTrade(tradeId, text(t, "ordertxid"), pair.get(), side(text(t, "type"), tradeId),
                t.path("ordertype").asText(""), decimal(t, "price"), decimal(t, "vol"),
                t.hasNonNull("fee") ? decimal(t, "fee") : BigDecimal.ZERO, maker, secondsToNs(t.get("time")),
                clientOrderId(t)));
    }

    /** The order id an {@code AddOrder} result gives ({@code {"txid": ["O..."]}}). */
    static String addOrderTxid(JsonNode result) {
        JsonNode txid = result.path("txid");
        if (!txid.isArray() || txid.isEmpty() || !txid.get(0).isTextual()) {
            throw new MalformedKrakenMessageException("AddOrder result without a txid");
        }
        return txid.get(0).asText();
    }

    /** The token of a {@code GetWebSocketsToken} result. */
    static String webSocketToken(JsonNode result) {
        return text(result, "token");
    }

    // ------------------------------------------------------------------ readers

    static long secondsToNs(JsonNode seconds) {
        if (seconds == null || seconds.isNull() || seconds.isMissingNode()) {
            throw new MalformedKrakenMessageException("missing time");
        }
        return decimalOf(seconds, "time").movePointRight(9).longValue();
    }

    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new MalformedKrakenMessageException("missing '" + field + "'");
        }
        return decimalOf(v, field);
    }

    private static BigDecimal decimalOf(JsonNode v, String what) {
        try {
            if (v.isNumber()) {
                return v.decimalValue();
            }
            if (v.isTextual()) {
                return new BigDecimal(v.textValue());
            }
        } catch (NumberFormatException e) {
            throw new MalformedKrakenMessageException("'" + what + "' is not a decimal: " + v, e);
        }
        throw new MalformedKrakenMessageException("'" + what + "' is not a decimal: " + v);
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new MalformedKrakenMessageException("missing text '" + field + "'");
        }
        return v.textValue();
    }

    private static int requireInt(JsonNode node, String field, String pair) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToInt()) {
            throw new MalformedKrakenMessageException(pair + ": missing '" + field + "'");
        }
        return v.asInt();
    }

    private static Side side(String type, String id) {
        if ("buy".equals(type)) {
            return Side.BUY;
        }
        if ("sell".equals(type)) {
            return Side.SELL;
        }
        throw new MalformedKrakenMessageException(id + ": side '" + type + "' is neither buy nor sell");
    }

    /** The percentage of the first ({@code [volume, percent]}) tier of a fee table, as a fraction. */
    private static BigDecimal firstTierPercent(JsonNode table) {
        if (!table.isArray() || table.isEmpty() || table.get(0).size() < 2) {
            return BigDecimal.ZERO;
        }
        return decimalOf(table.get(0).get(1), "fee").divide(HUNDRED).stripTrailingZeros();
    }
}
