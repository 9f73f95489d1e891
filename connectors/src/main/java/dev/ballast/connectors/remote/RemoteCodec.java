package dev.ballast.connectors.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ballast.core.Asset;
import dev.ballast.core.Balance;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.FeeSchedule;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Liquidity;
import dev.ballast.core.OpenOrder;
import dev.ballast.core.OrderReport;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderStatus;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueHealth;
import dev.ballast.core.VenueId;
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.CancelRejected;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.PublicTrade;
import dev.ballast.core.event.RejectReason;
import dev.ballast.core.event.VenueStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the simulated exchange's wire, shared by {@link SimExchangeServer} and {@link RemoteVenue}: core
 * values and events to JSON trees and back. One codec per venue: instruments travel as their symbol alone and are
 * read back under this codec's venue id.
 *
 * <p>Decimals travel as strings ({@code "0.0001"}), so they come back exactly as sent. An event is one JSON object
 * with a {@code type} ({@code snapshot}, {@code delta}, {@code trade}, {@code accepted}, {@code rejected},
 * {@code cancelled}, {@code cancelRejected}, {@code filled}, {@code status}); on the event stream the server adds
 * {@code seq}, the event's number on that connection, counted from 1. A line of type {@code heartbeat} carries no
 * event and no number.
 *
 * <p>Decoding fails with {@link MalformedRemoteMessageException} on a message it cannot read (a missing field, a
 * value a core type refuses). Immutable and thread-safe.
 */
final class RemoteCodec {
    static final String HEARTBEAT = "heartbeat";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final VenueId venue;

    RemoteCodec(VenueId venue) {
        this.venue = java.util.Objects.requireNonNull(venue, "venue");
    }

    VenueId venue() {
        return venue;
    }

    // ---------------------------------------------------------------- text

    /** One line of JSON, without a line break. */
    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e); // trees always can
        }
    }

    /** @throws MalformedRemoteMessageException when {@code text} is not JSON */
    static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedRemoteMessageException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    static ObjectNode heartbeat() {
        return object().put("type", HEARTBEAT);
    }

    // ---------------------------------------------------------------- events

    /** The event as JSON; the stream adds {@code seq}. */
    ObjectNode event(Event e) {
        ObjectNode n = object();
        if (e instanceof BookSnapshot s) {
            n.put("type", "snapshot").put("symbol", s.instrument().symbol()).put("updateId", s.updateId());
            n.set("bidTicks", longs(s.bidTicks(), s.bidCount()));
            n.set("bidLots", longs(s.bidLots(), s.bidCount()));
            n.set("askTicks", longs(s.askTicks(), s.askCount()));
            n.set("askLots", longs(s.askLots(), s.askCount()));
        } else if (e instanceof BookDelta d) {
            n.put("type", "delta").put("symbol", d.instrument().symbol()).put("firstUpdateId", d.firstUpdateId())
                    .put("lastUpdateId", d.lastUpdateId()).put("prevUpdateId", d.prevUpdateId());
            n.set("bidTicks", longs(d.bidTicks(), d.bidCount()));
            n.set("bidLots", longs(d.bidLots(), d.bidCount()));
            n.set("askTicks", longs(d.askTicks(), d.askCount()));
            n.set("askLots", longs(d.askLots(), d.askCount()));
        } else if (e instanceof PublicTrade t) {
            n.put("type", "trade").put("symbol", t.instrument().symbol()).put("priceTicks", t.priceTicks())
                    .put("sizeLots", t.sizeLots()).put("aggressor", t.aggressor().name());
        } else if (e instanceof OrderAccepted a) {
            n.put("type", "accepted").put("symbol", a.instrument().symbol())
                    .put("clientOrderId", a.clientOrderId().value()).put("venueOrderId", a.venueOrderId().value());
        } else if (e instanceof OrderRejected r) {
            n.put("type", "rejected").put("symbol", r.instrument().symbol())
                    .put("clientOrderId", r.clientOrderId().value()).put("reason", r.reason().name())
                    .put("message", r.message());
        } else if (e instanceof OrderCancelled c) {
            n.put("type", "cancelled").put("symbol", c.instrument().symbol())
                    .put("clientOrderId", c.clientOrderId().value()).put("reason", c.reason());
        } else if (e instanceof CancelRejected c) {
            n.put("type", "cancelRejected").put("symbol", c.instrument().symbol())
                    .put("clientOrderId", c.clientOrderId().value()).put("reason", c.reason().name())
                    .put("message", c.message());
        } else if (e instanceof OrderFilled f) {
            n.put("type", "filled");
            n.set("fill", fill(f.fill()));
        } else if (e instanceof VenueStatus v) {
            n.put("type", "status").put("health", v.health().name()).put("detail", v.detail());
        }
        n.put("timestampNs", e.timestampNs());
        return n;
    }

    /**
     * The event in {@code n}.
     *
     * @throws MalformedRemoteMessageException when it is not a readable event (a heartbeat is not one)
     */
    Event event(JsonNode n) {
        String type = text(n, "type");
        return decoding(type, () -> switch (type) {
            case "snapshot" -> {
                long[] bidTicks = longs(n, "bidTicks");
                long[] bidLots = longs(n, "bidLots");
                long[] askTicks = longs(n, "askTicks");
                long[] askLots = longs(n, "askLots");
                yield new BookSnapshot(instrument(n), whole(n, "updateId"), bidTicks, bidLots, bidTicks.length,
                        askTicks, askLots, askTicks.length, whole(n, "timestampNs"));
            }
            case "delta" -> {
                long[] bidTicks = longs(n, "bidTicks");
                long[] bidLots = longs(n, "bidLots");
                long[] askTicks = longs(n, "askTicks");
                long[] askLots = longs(n, "askLots");
                yield new BookDelta(instrument(n), whole(n, "firstUpdateId"), whole(n, "lastUpdateId"),
                        whole(n, "prevUpdateId"), bidTicks, bidLots, Math.min(bidTicks.length, bidLots.length),
                        askTicks, askLots, Math.min(askTicks.length, askLots.length), whole(n, "timestampNs"));
            }
            case "trade" -> new PublicTrade(instrument(n), whole(n, "priceTicks"), whole(n, "sizeLots"),
                    Side.valueOf(text(n, "aggressor")), whole(n, "timestampNs"));
            case "accepted" -> new OrderAccepted(instrument(n), clientOrderId(n),
                    new VenueOrderId(text(n, "venueOrderId")), whole(n, "timestampNs"));
            case "rejected" -> new OrderRejected(instrument(n), clientOrderId(n),
                    RejectReason.valueOf(text(n, "reason")), optionalText(n, "message"), whole(n, "timestampNs"));
            case "cancelled" -> new OrderCancelled(instrument(n), clientOrderId(n), optionalText(n, "reason"),
                    whole(n, "timestampNs"));
            case "cancelRejected" -> new CancelRejected(instrument(n), clientOrderId(n),
                    RejectReason.valueOf(text(n, "reason")), optionalText(n, "message"), whole(n, "timestampNs"));
            case "filled" -> new OrderFilled(fill(field(n, "fill")));
            case "status" -> new VenueStatus(venue, VenueHealth.valueOf(text(n, "health")),
                    optionalText(n, "detail"), whole(n, "timestampNs"));
            default -> throw new MalformedRemoteMessageException("unknown event type '" + type + "'");
        });
    }

    // ---------------------------------------------------------------- values

    ObjectNode orderRequest(OrderRequest r) {
        ObjectNode n = object().put("clientOrderId", r.clientOrderId().value()).put("symbol", r.instrument().symbol())
                .put("side", r.side().name()).put("type", r.type().name());
        decimal(n, "price", r.price());
        decimal(n, "size", r.size());
        return n;
    }

    OrderRequest orderRequest(JsonNode n) {
        return decoding("order request", () -> new OrderRequest(clientOrderId(n), instrument(n),
                Side.valueOf(text(n, "side")), OrderType.valueOf(text(n, "type")), optionalDecimal(n, "price"),
                decimal(n, "size")));
    }

    ObjectNode instrument(Instrument i) {
        return object().put("symbol", i.id().symbol()).put("base", i.base().code()).put("quote", i.quote().code())
                .put("tickSize", i.tickSize().toPlainString()).put("lotSize", i.lotSize().toPlainString())
                .put("minNotional", i.minNotional().toPlainString());
    }

    Instrument instrumentSpec(JsonNode n) {
        return decoding("instrument", () -> new Instrument(instrument(n), Asset.of(text(n, "base")),
                Asset.of(text(n, "quote")), decimal(n, "tickSize"), decimal(n, "lotSize"), decimal(n, "minNotional")));
    }

    ObjectNode fees(FeeSchedule f) {
        return object().put("makerRate", f.makerRate().toPlainString()).put("takerRate", f.takerRate().toPlainString());
    }

    FeeSchedule fees(JsonNode n) {
        return decoding("fees", () -> new FeeSchedule(decimal(n, "makerRate"), decimal(n, "takerRate")));
    }

    ObjectNode balance(Balance b) {
        return object().put("asset", b.asset().code()).put("total", b.total().toPlainString())
                .put("free", b.free().toPlainString()).put("locked", b.locked().toPlainString());
    }

    Balance balance(JsonNode n) {
        return decoding("balance", () -> new Balance(Asset.of(text(n, "asset")), decimal(n, "total"),
                decimal(n, "free"), decimal(n, "locked")));
    }

    /** Balances as a JSON array, in the map's order. */
    ArrayNode balances(Map<Asset, Balance> balances) {
        ArrayNode a = array();
        balances.values().forEach(b -> a.add(balance(b)));
        return a;
    }

    /** Balances by asset, in the array's order. */
    Map<Asset, Balance> balances(JsonNode array) {
        Map<Asset, Balance> out = new LinkedHashMap<>();
        for (JsonNode n : elements(array)) {
            Balance b = balance(n);
            out.put(b.asset(), b);
        }
        return out;
    }

    ObjectNode openOrder(OpenOrder o) {
        ObjectNode n = object().put("clientOrderId", o.clientOrderId().value()).put("symbol", o.instrument().symbol())
                .put("side", o.side().name());
        optionalText(n, "venueOrderId", o.venueOrderId() == null ? null : o.venueOrderId().value());
        decimal(n, "price", o.price());
        decimal(n, "size", o.size());
        decimal(n, "filledSize", o.filledSize());
        return n;
    }

    OpenOrder openOrder(JsonNode n) {
        return decoding("open order", () -> new OpenOrder(clientOrderId(n), venueOrderId(n), instrument(n),
                Side.valueOf(text(n, "side")), optionalDecimal(n, "price"), decimal(n, "size"),
                decimal(n, "filledSize")));
    }

    ObjectNode orderReport(OrderReport r) {
        ObjectNode n = object().put("clientOrderId", r.clientOrderId().value()).put("symbol", r.instrument().symbol())
                .put("side", r.side().name()).put("status", r.status().name());
        optionalText(n, "venueOrderId", r.venueOrderId() == null ? null : r.venueOrderId().value());
        decimal(n, "price", r.price());
        decimal(n, "size", r.size());
        decimal(n, "filledSize", r.filledSize());
        n.put("updatedNs", r.updatedNs());
        return n;
    }

    OrderReport orderReport(JsonNode n) {
        return decoding("order report", () -> new OrderReport(clientOrderId(n), venueOrderId(n), instrument(n),
                Side.valueOf(text(n, "side")), OrderStatus.valueOf(text(n, "status")), optionalDecimal(n, "price"),
                decimal(n, "size"), decimal(n, "filledSize"), whole(n, "updatedNs")));
    }

    ObjectNode fill(Fill f) {
        ObjectNode n = object().put("symbol", f.instrument().symbol()).put("clientOrderId", f.clientOrderId().value())
                .put("tradeId", f.tradeId().value()).put("side", f.side().name())
                .put("price", f.price().toPlainString()).put("size", f.size().toPlainString())
                .put("fee", f.fee().toPlainString()).put("feeAsset", f.feeAsset().code())
                .put("liquidity", f.liquidity().name()).put("timestampNs", f.timestampNs());
        optionalText(n, "venueOrderId", f.venueOrderId() == null ? null : f.venueOrderId().value());
        return n;
    }

    Fill fill(JsonNode n) {
        return decoding("fill", () -> new Fill(instrument(n), clientOrderId(n), venueOrderId(n),
                new TradeId(text(n, "tradeId")), Side.valueOf(text(n, "side")), decimal(n, "price"),
                decimal(n, "size"), decimal(n, "fee"), Asset.of(text(n, "feeAsset")),
                Liquidity.valueOf(text(n, "liquidity")), whole(n, "timestampNs")));
    }

    /** The elements of a JSON array. @throws MalformedRemoteMessageException when it is not an array */
    static List<JsonNode> elements(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new MalformedRemoteMessageException("expected a JSON array");
        }
        List<JsonNode> out = new ArrayList<>(array.size());
        array.forEach(out::add);
        return out;
    }

    // ---------------------------------------------------------------- fields

    private InstrumentId instrument(JsonNode n) {
        return new InstrumentId(venue, text(n, "symbol"));
    }

    private static ClientOrderId clientOrderId(JsonNode n) {
        return new ClientOrderId(text(n, "clientOrderId"));
    }

    private static VenueOrderId venueOrderId(JsonNode n) {
        String v = optionalText(n, "venueOrderId");
        return v == null ? null : new VenueOrderId(v);
    }

    private static JsonNode field(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw new MalformedRemoteMessageException("missing field '" + name + "'");
        }
        return v;
    }

    static String text(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isTextual()) {
            throw new MalformedRemoteMessageException("field '" + name + "' must be a string");
        }
        return v.textValue();
    }

    private static String optionalText(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void optionalText(ObjectNode n, String name, String value) {
        if (value != null) {
            n.put(name, value);
        }
    }

    private static long whole(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.canConvertToExactIntegral() || !v.canConvertToLong()) {
            throw new MalformedRemoteMessageException("field '" + name + "' must be a whole number");
        }
        return v.longValue();
    }

    private static BigDecimal decimal(JsonNode n, String name) {
        BigDecimal v = optionalDecimal(n, name);
        if (v == null) {
            throw new MalformedRemoteMessageException("missing field '" + name + "'");
        }
        return v;
    }

    private static BigDecimal optionalDecimal(JsonNode n, String name) {
        String v = optionalText(n, name);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new MalformedRemoteMessageException("field '" + name + "' must be a decimal (was '" + v + "')", e);
        }
    }

    private static void decimal(ObjectNode n, String name, BigDecimal value) {
        if (value != null) {
            n.put(name, value.toPlainString());
        }
    }

    private static ArrayNode longs(long[] values, int count) {
        ArrayNode a = array();
        for (int i = 0; i < count; i++) {
            a.add(values[i]);
        }
        return a;
    }

    private static long[] longs(JsonNode n, String name) {
        JsonNode a = field(n, name);
        if (!a.isArray()) {
            throw new MalformedRemoteMessageException("field '" + name + "' must be an array");
        }
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = a.get(i);
            if (!v.canConvertToExactIntegral() || !v.canConvertToLong()) {
                throw new MalformedRemoteMessageException("field '" + name + "' must hold whole numbers");
            }
            out[i] = v.longValue();
        }
        return out;
    }

    /** Runs a decoder, turning what a core type refuses into a malformed message naming what was read. */
    private static <T> T decoding(String what, java.util.function.Supplier<T> decoder) {
        try {
            return decoder.get();
        } catch (MalformedRemoteMessageException e) {
            throw new MalformedRemoteMessageException(what + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedRemoteMessageException(what + ": " + e.getMessage(), e);
        }
    }
}
