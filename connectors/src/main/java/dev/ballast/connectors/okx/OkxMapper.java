package dev.ballast.connectors.okx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ballast.connectors.codec.MalformedDecimalException;
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
import dev.ballast.core.OrderStatus;
import dev.ballast.core.Side;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueId;
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.event.PublicTrade;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one place OKX v5 JSON becomes core types: REST replies (instruments, fee rates, balances, open orders, order
 * details, fills, per-order results) and WebSocket pushes (books, trades, orders, events). OKX sends every number as
 * text; prices and sizes stay exact ({@link BigDecimal} or ticks/lots of the instrument's grid). OKX signs fees from
 * the account's side (negative = charged, positive = rebate); core fees are positive when charged, so they are
 * negated here, and fee rates likewise. Stateless and thread-safe.
 */
final class OkxMapper {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{1,16}");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,36}");

    private OkxMapper() {
    }

    // ------------------------------------------------------------------ envelope

    /** Parses a reply or push. @throws OkxMalformedException if it is not JSON */
    static JsonNode tree(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new OkxMalformedException("empty message");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new OkxMalformedException("not JSON: " + e.getOriginalMessage());
        }
    }

    /** The {@code data} array of a reply or push. @throws OkxMalformedException if there is none */
    static JsonNode data(JsonNode root) {
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw new OkxMalformedException("no data array");
        }
        return data;
    }

    /** One per-order result of a place or cancel call ({@code sCode} "0" = done). */
    record ItemResult(String clOrdId, String ordId, String sCode, String sMsg) {
        boolean ok() {
            return "0".equals(sCode);
        }
    }

    /** The per-order results of a place, cancel or batch-cancel reply, in request order. */
    static List<ItemResult> itemResults(JsonNode root) {
        List<ItemResult> out = new ArrayList<>();
        for (JsonNode item : data(root)) {
            out.add(new ItemResult(text(item, "clOrdId"), text(item, "ordId"), text(item, "sCode"),
                    text(item, "sMsg")));
        }
        return out;
    }

    // ------------------------------------------------------------------ reference data

    /**
     * The instruments of one {@code GET /api/v5/public/instruments} reply that this venue can trade: spot, and linear
     * swaps (whose base is {@code ctValCcy} and quote {@code settleCcy}). Inverse swaps, futures, options and
     * instruments not {@code live} are left out. OKX has no minimum notional: {@code minSz} is checked instead, so
     * the core instrument's minimum notional is 0.
     */
    static List<OkxInstrument> instruments(JsonNode root, VenueId venue) {
        List<OkxInstrument> out = new ArrayList<>();
        for (JsonNode n : data(root)) {
            if (!"live".equals(text(n, "state"))) {
                continue;
            }
            String instType = text(n, "instType");
            String instId = require(n, "instId");
            BigDecimal tick = decimal(n, "tickSz");
            BigDecimal lot = decimal(n, "lotSz");
            BigDecimal min = decimal(n, "minSz");
            if ("SPOT".equals(instType)) {
                String base = text(n, "baseCcy");
                String quote = text(n, "quoteCcy");
                if (!isAsset(base) || !isAsset(quote)) {
                    continue;
                }
                Instrument core = new Instrument(new InstrumentId(venue, instId), Asset.of(base), Asset.of(quote),
                        tick, lot, BigDecimal.ZERO);
                out.add(new OkxInstrument(core, OkxInstrument.Type.SPOT, lot, min, BigDecimal.ONE));
            } else if ("SWAP".equals(instType) && "linear".equals(text(n, "ctType"))) {
                String base = text(n, "ctValCcy");
                String quote = text(n, "settleCcy");
                if (!isAsset(base) || !isAsset(quote) || base.equals(quote)) {
                    continue;
                }
                BigDecimal contract = decimal(n, "ctVal").multiply(decimalOr(n, "ctMult", BigDecimal.ONE));
                Instrument core = new Instrument(new InstrumentId(venue, instId), Asset.of(base), Asset.of(quote),
                        tick, lot.multiply(contract), BigDecimal.ZERO);
                out.add(new OkxInstrument(core, OkxInstrument.Type.SWAP, lot, min, contract));
            }
        }
        return out;
    }

    /**
     * Fee rates from {@code GET /api/v5/account/trade-fee}: spot reads {@code maker}/{@code taker}, USDT-margined
     * contracts {@code makerU}/{@code takerU} (falling back to {@code maker}/{@code taker}). Negated into core's sign.
     */
    static FeeSchedule fees(JsonNode root, OkxInstrument.Type type) {
        JsonNode data = data(root);
        if (data.isEmpty()) {
            throw new OkxMalformedException("trade-fee reply without data");
        }
        JsonNode n = data.get(0);
        String maker = type == OkxInstrument.Type.SWAP && !text(n, "makerU").isEmpty() ? "makerU" : "maker";
        String taker = type == OkxInstrument.Type.SWAP && !text(n, "takerU").isEmpty() ? "takerU" : "taker";
        return new FeeSchedule(decimal(n, maker).negate(), decimal(n, taker).negate());
    }

    /**
     * Balances from {@code GET /api/v5/account/balance}: per currency, free = {@code availBal}, locked =
     * {@code frozenBal}, total = their sum (OKX's {@code cashBal} can differ by isolated margin and unsettled
     * amounts, which are neither free nor locked by our orders). Currencies whose code is not a core asset are skipped.
     */
    static Map<Asset, Balance> balances(JsonNode root) {
        Map<Asset, Balance> out = new LinkedHashMap<>();
        for (JsonNode account : data(root)) {
            JsonNode details = account.get("details");
            if (details == null || !details.isArray()) {
                throw new OkxMalformedException("balance reply without details");
            }
            for (JsonNode d : details) {
                String ccy = text(d, "ccy");
                if (!isAsset(ccy)) {
                    continue;
                }
                BigDecimal locked = decimalOr(d, "frozenBal", BigDecimal.ZERO);
                BigDecimal free = text(d, "availBal").isEmpty()
                        ? decimal(d, "cashBal").subtract(locked) : decimal(d, "availBal");
                out.put(Asset.of(ccy), new Balance(Asset.of(ccy), free.add(locked), free, locked));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ orders and fills

    /** The orders of an {@code orders-pending} or {@code order} reply, or of an {@code orders} channel push. */
    static List<OkxOrderUpdate> orders(JsonNode root) {
        List<OkxOrderUpdate> out = new ArrayList<>();
        for (JsonNode n : data(root)) {
            out.add(order(n));
        }
        return out;
    }

    private static OkxOrderUpdate order(JsonNode n) {
        return new OkxOrderUpdate(require(n, "instId"), text(n, "clOrdId"), text(n, "ordId"), require(n, "state"),
                text(n, "side"), text(n, "ordType"), text(n, "px"), text(n, "sz"), text(n, "accFillSz"),
                text(n, "tradeId"), text(n, "fillPx"), text(n, "fillSz"), text(n, "fillFee"), text(n, "fillFeeCcy"),
                text(n, "execType"), text(n, "cancelSource"), longOr(n, "uTime", 0), longOr(n, "fillTime", 0));
    }

    /** An open order of ours in core terms, or null when it has no client order id we could have given it. */
    static OpenOrder openOrder(OkxOrderUpdate o, OkxInstrument instrument) {
        ClientOrderId id = clientOrderId(o.clOrdId());
        if (id == null) {
            return null;
        }
        return new OpenOrder(id, venueOrderId(o.ordId()), instrument.instrument().id(), side(o.side()),
                o.px().isEmpty() ? null : new BigDecimal(o.px()), instrument.baseSize(o.sz()),
                instrument.baseSize(orZero(o.accFillSz())));
    }

    /**
     * OKX's answer about one order as a core report. A post-only order OKX cancelled because it would have taken
     * liquidity ({@code cancelSource} 31) is REJECTED: it never rested.
     */
    static OrderReport report(OkxOrderUpdate o, OkxInstrument instrument) {
        ClientOrderId id = clientOrderId(o.clOrdId());
        if (id == null) {
            throw new OkxMalformedException("order " + o.ordId() + " has no client order id");
        }
        OrderStatus status = switch (o.state()) {
            case "live" -> OrderStatus.OPEN;
            case "partially_filled" -> OrderStatus.PARTIALLY_FILLED;
            case "filled" -> OrderStatus.FILLED;
            case "canceled", "mmp_canceled" -> o.postOnlyWouldCross() ? OrderStatus.REJECTED : OrderStatus.CANCELLED;
            default -> throw new OkxMalformedException("unknown order state '" + o.state() + "'");
        };
        return new OrderReport(id, venueOrderId(o.ordId()), instrument.instrument().id(), side(o.side()), status,
                o.px().isEmpty() ? null : new BigDecimal(o.px()), instrument.baseSize(o.sz()),
                instrument.baseSize(orZero(o.accFillSz())), o.updatedMs() * 1_000_000L);
    }

    /** The fill an {@code orders} push reports, or null when it reports none or the order is not ours. */
    static Fill fill(OkxOrderUpdate o, OkxInstrument instrument) {
        ClientOrderId id = clientOrderId(o.clOrdId());
        if (id == null || !o.hasFill()) {
            return null;
        }
        Instrument core = instrument.instrument();
        BigDecimal fee = o.fillFee().isEmpty() ? BigDecimal.ZERO : new BigDecimal(o.fillFee()).negate();
        Asset feeAsset = isAsset(o.fillFeeCcy()) ? Asset.of(o.fillFeeCcy()) : core.quote();
        return new Fill(core.id(), id, venueOrderId(o.ordId()), new TradeId(o.tradeId()), side(o.side()),
                new BigDecimal(o.fillPx()), instrument.baseSize(o.fillSz()), fee, feeAsset, liquidity(o.execType()),
                o.fillTimeMs() * 1_000_000L);
    }

    /** One of our trades from {@code GET /api/v5/trade/fills}, with the bill id OKX pages by. */
    record FillRecord(Fill fill, String billId) {
    }

    /**
     * The fills of one {@code /api/v5/trade/fills} page, newest first as OKX sends them. Fills without a client
     * order id (orders not placed by us) are kept as null fills so paging still sees their bill ids.
     */
    static List<FillRecord> fills(JsonNode root, OkxInstrument instrument) {
        List<FillRecord> out = new ArrayList<>();
        Instrument core = instrument.instrument();
        for (JsonNode n : data(root)) {
            String billId = require(n, "billId");
            ClientOrderId id = clientOrderId(text(n, "clOrdId"));
            if (id == null) {
                out.add(new FillRecord(null, billId));
                continue;
            }
            String feeCcy = text(n, "feeCcy");
            Fill f = new Fill(core.id(), id, venueOrderId(text(n, "ordId")), new TradeId(require(n, "tradeId")),
                    side(require(n, "side")), decimal(n, "fillPx"), instrument.baseSize(require(n, "fillSz")),
                    decimalOr(n, "fee", BigDecimal.ZERO).negate(), isAsset(feeCcy) ? Asset.of(feeCcy) : core.quote(),
                    liquidity(text(n, "execType")), longOr(n, "ts", 0) * 1_000_000L);
            out.add(new FillRecord(f, billId));
        }
        return out;
    }

    // ------------------------------------------------------------------ public streams

    /** The {@code channel} of a push's {@code arg}, or "" for an event (which may carry an {@code arg} too). */
    static String channel(JsonNode root) {
        JsonNode arg = root.get("arg");
        return arg == null || root.has("event") ? "" : text(arg, "channel");
    }

    /** One {@code books} push. {@code seqId}/{@code prevSeqId} are {@link OkxBook#NO_SEQUENCE} when absent. */
    record BookMessage(String instId, boolean snapshot, List<OkxBook.RawLevel> bids, List<OkxBook.RawLevel> asks,
                       long timestampMs, Integer checksum, long seqId, long prevSeqId) {
    }

    static BookMessage book(JsonNode root) {
        String instId = require(root.get("arg"), "instId");
        String action = text(root, "action");
        JsonNode data = data(root);
        if (data.size() != 1) {
            throw new OkxMalformedException("books push with " + data.size() + " entries");
        }
        JsonNode d = data.get(0);
        JsonNode checksum = d.get("checksum");
        if (checksum != null && !checksum.canConvertToInt()) {
            throw new OkxMalformedException("books checksum is not a 32-bit integer");
        }
        return new BookMessage(instId, "snapshot".equals(action), levels(d, "bids"), levels(d, "asks"),
                longOr(d, "ts", 0), checksum == null ? null : checksum.intValue(),
                longOr(d, "seqId", OkxBook.NO_SEQUENCE), longOr(d, "prevSeqId", OkxBook.NO_SEQUENCE));
    }

    private static List<OkxBook.RawLevel> levels(JsonNode d, String field) {
        JsonNode side = d.get(field);
        if (side == null || !side.isArray()) {
            throw new OkxMalformedException("books push without " + field);
        }
        List<OkxBook.RawLevel> out = new ArrayList<>(side.size());
        for (JsonNode level : side) {
            if (!level.isArray() || level.size() < 2 || !level.get(0).isTextual() || !level.get(1).isTextual()) {
                throw new OkxMalformedException("books level is not [px, sz, ...]");
            }
            out.add(new OkxBook.RawLevel(level.get(0).asText(), level.get(1).asText()));
        }
        return out;
    }

    /** The public trades of one {@code trades} push. */
    static List<PublicTrade> trades(JsonNode root, OkxInstrument instrument) {
        List<PublicTrade> out = new ArrayList<>();
        for (JsonNode n : data(root)) {
            try {
                out.add(new PublicTrade(instrument.instrument().id(), instrument.priceTicks(require(n, "px")),
                        instrument.sizeLots(require(n, "sz")), side(require(n, "side")),
                        longOr(n, "ts", 0) * 1_000_000L));
            } catch (MalformedDecimalException e) {
                throw new OkxMalformedException("trade " + text(n, "tradeId") + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ fields

    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    static String require(JsonNode n, String field) {
        String v = text(n, field);
        if (v.isEmpty()) {
            throw new OkxMalformedException("missing field '" + field + "'");
        }
        return v;
    }

    private static BigDecimal decimal(JsonNode n, String field) {
        String v = require(n, field);
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new OkxMalformedException("field '" + field + "' is not a decimal: '" + v + "'");
        }
    }

    private static BigDecimal decimalOr(JsonNode n, String field, BigDecimal fallback) {
        return text(n, field).isEmpty() ? fallback : decimal(n, field);
    }

    private static long longOr(JsonNode n, String field, long fallback) {
        String v = text(n, field);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new OkxMalformedException("field '" + field + "' is not an integer: '" + v + "'");
        }
    }

    private static String orZero(String v) {
        return v.isEmpty() ? "0" : v;
    }

    static Side side(String okxSide) {
        return switch (okxSide) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> throw new OkxMalformedException("unknown side '" + okxSide + "'");
        };
    }

    /** OKX's {@code side} text for ours. */
    static String side(Side side) {
        return side == Side.BUY ? "buy" : "sell";
    }

    private static Liquidity liquidity(String execType) {
        return "M".equals(execType) ? Liquidity.MAKER : Liquidity.TAKER;
    }

    private static VenueOrderId venueOrderId(String ordId) {
        return ordId == null || ordId.isEmpty() ? null : new VenueOrderId(ordId);
    }

    /** Our id from OKX's {@code clOrdId}, or null when empty or not one we could have made. */
    static ClientOrderId clientOrderId(String clOrdId) {
        return clOrdId == null || !CLIENT_ID.matcher(clOrdId).matches() ? null : new ClientOrderId(clOrdId);
    }

    private static boolean isAsset(String code) {
        return code != null && ASSET.matcher(code).matches();
    }
}
