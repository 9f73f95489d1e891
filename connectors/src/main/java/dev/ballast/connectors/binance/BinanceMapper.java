package dev.ballast.connectors.binance;

import static dev.ballast.connectors.binance.BinanceJson.decimal;
import static dev.ballast.connectors.binance.BinanceJson.decimalOr;
import static dev.ballast.connectors.binance.BinanceJson.integer;
import static dev.ballast.connectors.binance.BinanceJson.text;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Binance mapper for REST replies and user-data events: turns their JSON into core types (instruments,
 * balances, fee rates, order reports, open orders, fills) and into {@link BinanceExecution}s. The market-data
 * stream has its own allocation-free mapper, {@link BinanceMessageParser}. Binance types never leave the package.
 * Stateless and thread-safe.
 *
 * @throws BinanceFormatException (from every method) when a message lacks what its kind must hold
 */
final class BinanceMapper {
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private final VenueId venue;
    private final BinanceProduct product;

    BinanceMapper(VenueId venue, BinanceProduct product) {
        this.venue = venue;
        this.product = product;
    }

    /** Every symbol of {@code exchangeInfo} whose assets and filters make a valid instrument, and the rate limits. */
    BinanceExchangeInfo exchangeInfo(String body) {
        JsonNode root = BinanceJson.read(body, "exchangeInfo");
        List<BinanceRateLimit> limits = new ArrayList<>();
        for (JsonNode l : root.path("rateLimits")) {
            try {
                limits.add(BinanceRateLimit.of(text(l, "rateLimitType"), text(l, "interval"),
                        (int) integer(l, "intervalNum"), integer(l, "limit")));
            } catch (IllegalArgumentException e) {
                // a limit of a kind we do not model (none known today): not ours to enforce
            }
        }
        Map<String, Instrument> instruments = new HashMap<>();
        Map<String, String> status = new HashMap<>();
        JsonNode symbols = root.path("symbols");
        if (!symbols.isArray()) {
            throw new BinanceFormatException("exchangeInfo without symbols");
        }
        for (JsonNode s : symbols) {
            String symbol = s.path("symbol").asText("");
            Instrument instrument = instrumentOrNull(symbol, s);
            if (instrument != null) {
                instruments.put(symbol, instrument);
                status.put(symbol, s.path("status").asText(""));
            }
        }
        return new BinanceExchangeInfo(instruments, status, limits);
    }

    private Instrument instrumentOrNull(String symbol, JsonNode s) {
        BigDecimal tick = null;
        BigDecimal lot = null;
        BigDecimal minNotional = BigDecimal.ZERO;
        for (JsonNode f : s.path("filters")) {
            switch (f.path("filterType").asText("")) {
                case "PRICE_FILTER" -> tick = decimalOr(f, "tickSize", null);
                case "LOT_SIZE" -> lot = decimalOr(f, "stepSize", null);
                // spot: NOTIONAL (2023 on) or MIN_NOTIONAL (before) with minNotional; USD-M: MIN_NOTIONAL with notional
                case "NOTIONAL", "MIN_NOTIONAL" -> minNotional = decimalOr(f, "minNotional",
                        decimalOr(f, "notional", BigDecimal.ZERO));
                default -> {
                }
            }
        }
        try {
            return new Instrument(new InstrumentId(venue, symbol), Asset.of(text(s, "baseAsset")),
                    Asset.of(text(s, "quoteAsset")), tick, lot, minNotional.stripTrailingZeros());
        } catch (IllegalArgumentException | NullPointerException | BinanceFormatException e) {
            return null; // a symbol we could not trade anyway: asset codes or filters outside our rules
        }
    }

    /**
     * Balances from the account: spot's {@code balances} (free + locked); USD-M's {@code assets} (wallet balance,
     * free = available, capped at the wallet) and, for the base asset of each of {@code instruments}, the signed
     * position ({@code positions[].positionAmt}) as a balance with nothing locked.
     */
    Map<Asset, Balance> balances(String body, Iterable<Instrument> instruments) {
        JsonNode root = BinanceJson.read(body, "account");
        Map<Asset, Balance> out = new TreeMap<>();
        if (!product.isFutures()) {
            for (JsonNode b : root.path("balances")) {
                Asset asset = assetOrNull(b.path("asset").asText(""));
                if (asset != null) {
                    BigDecimal free = decimal(b, "free");
                    BigDecimal locked = decimal(b, "locked");
                    out.put(asset, new Balance(asset, free.add(locked), free, locked));
                }
            }
            return out;
        }
        for (JsonNode a : root.path("assets")) {
            Asset asset = assetOrNull(a.path("asset").asText(""));
            if (asset != null) {
                BigDecimal wallet = decimal(a, "walletBalance");
                BigDecimal free = decimal(a, "availableBalance").min(wallet);
                out.put(asset, new Balance(asset, wallet, free, wallet.subtract(free)));
            }
        }
        Map<String, BigDecimal> positions = new HashMap<>();
        for (JsonNode p : root.path("positions")) {
            positions.merge(p.path("symbol").asText(""), decimal(p, "positionAmt"), BigDecimal::add);
        }
        for (Instrument i : instruments) {
            BigDecimal position = positions.getOrDefault(i.id().symbol(), BigDecimal.ZERO);
            out.merge(i.base(), Balance.ofFree(i.base(), position),
                    (x, y) -> Balance.ofFree(i.base(), x.total().add(y.total())));
        }
        return out;
    }

    /** Fee rates: spot's account {@code commissionRates} (or the older {@code makerCommission} in 1/10,000); USD-M's commissionRate. */
    FeeSchedule fees(String body) {
        JsonNode root = BinanceJson.read(body, "fees");
        if (product.isFutures()) {
            return new FeeSchedule(decimal(root, "makerCommissionRate"), decimal(root, "takerCommissionRate"));
        }
        JsonNode rates = root.path("commissionRates");
        if (rates.isObject()) {
            return new FeeSchedule(decimal(rates, "maker"), decimal(rates, "taker"));
        }
        return new FeeSchedule(decimal(root, "makerCommission").divide(TEN_THOUSAND),
                decimal(root, "takerCommission").divide(TEN_THOUSAND));
    }

    /** An order as {@code GET order} (or a cancel reply) shows it. */
    OrderReport orderReport(JsonNode o) {
        InstrumentId instrument = new InstrumentId(venue, text(o, "symbol"));
        BigDecimal price = decimalOr(o, "price", BigDecimal.ZERO);
        long updatedMs = o.has("updateTime") ? integer(o, "updateTime") : o.path("time").asLong(0);
        return new OrderReport(new ClientOrderId(text(o, "clientOrderId")),
                new VenueOrderId(Long.toString(integer(o, "orderId"))), instrument, side(text(o, "side")),
                status(text(o, "status")), price.signum() == 0 ? null : price, decimal(o, "origQty"),
                decimal(o, "executedQty"), updatedMs * 1_000_000L);
    }

    /** The orders of {@code GET openOrders}; ones whose client id is not ours to read are left out. */
    List<OpenOrder> openOrders(String body) {
        List<OpenOrder> out = new ArrayList<>();
        for (JsonNode o : BinanceJson.read(body, "openOrders")) {
            ClientOrderId id = clientOrderIdOrNull(o.path("clientOrderId").asText(""));
            if (id == null) {
                continue;
            }
            BigDecimal price = decimalOr(o, "price", BigDecimal.ZERO);
            out.add(new OpenOrder(id, new VenueOrderId(Long.toString(integer(o, "orderId"))),
                    new InstrumentId(venue, text(o, "symbol")), side(text(o, "side")),
                    price.signum() == 0 ? null : price, decimal(o, "origQty"), decimal(o, "executedQty")));
        }
        return out;
    }

    /**
     * One of our trades from {@code myTrades} (spot) or {@code userTrades} (USD-M), as a fill of the order with
     * client id {@code clientOrderId}. Spot says {@code isBuyer}/{@code isMaker}, USD-M {@code buyer}/{@code maker}.
     */
    Fill trade(JsonNode t, ClientOrderId clientOrderId) {
        boolean buyer = t.has("isBuyer") ? t.path("isBuyer").asBoolean() : t.path("buyer").asBoolean();
        boolean maker = t.has("isMaker") ? t.path("isMaker").asBoolean() : t.path("maker").asBoolean();
        return new Fill(new InstrumentId(venue, text(t, "symbol")), clientOrderId,
                new VenueOrderId(Long.toString(integer(t, "orderId"))), new TradeId(Long.toString(integer(t, "id"))),
                buyer ? Side.BUY : Side.SELL, decimal(t, "price"), decimal(t, "qty"), decimal(t, "commission"),
                Asset.of(text(t, "commissionAsset")), maker ? Liquidity.MAKER : Liquidity.TAKER,
                integer(t, "time") * 1_000_000L);
    }

    /**
     * The order update in a user-data event: spot {@code executionReport} or USD-M {@code ORDER_TRADE_UPDATE}
     * (whose order fields sit under {@code o}); null for any other event.
     */
    BinanceExecution execution(JsonNode event) {
        String type = event.path("e").asText("");
        JsonNode o;
        long eventTimeMs;
        if ("executionReport".equals(type)) {
            o = event;
            eventTimeMs = event.has("T") ? integer(event, "T") : integer(event, "E");
        } else if ("ORDER_TRADE_UPDATE".equals(type)) {
            o = event.path("o");
            eventTimeMs = o.has("T") ? integer(o, "T") : integer(event, "E");
        } else {
            return null;
        }
        String execType = text(o, "x");
        String original = o.path("C").asText("");
        String clientId = "CANCELED".equals(execType) && !original.isEmpty() ? original : text(o, "c");
        boolean trade = "TRADE".equals(execType) || "CALCULATED".equals(execType);
        String commissionAsset = o.path("N").isNull() ? "" : o.path("N").asText("");
        return new BinanceExecution(text(o, "s"), clientId, integer(o, "i"), side(text(o, "S")), execType,
                text(o, "X"), o.path("f").asText(""), decimalOr(o, "l", BigDecimal.ZERO),
                decimalOr(o, "L", BigDecimal.ZERO), decimalOr(o, "z", BigDecimal.ZERO),
                decimalOr(o, "n", BigDecimal.ZERO), commissionAsset, trade ? integer(o, "t") : -1,
                o.path("m").asBoolean(false), o.path("r").asText(""), eventTimeMs);
    }

    /** Binance's order status as ours: EXPIRED, EXPIRED_IN_MATCH and PENDING_CANCEL count as cancelled. */
    static OrderStatus status(String binanceStatus) {
        return switch (binanceStatus) {
            case "NEW", "NEW_INSURANCE", "NEW_ADL" -> OrderStatus.OPEN;
            case "PARTIALLY_FILLED" -> OrderStatus.PARTIALLY_FILLED;
            case "FILLED" -> OrderStatus.FILLED;
            case "CANCELED", "EXPIRED", "EXPIRED_IN_MATCH", "PENDING_CANCEL" -> OrderStatus.CANCELLED;
            case "REJECTED" -> OrderStatus.REJECTED;
            default -> throw new BinanceFormatException("unknown order status '" + binanceStatus + "'");
        };
    }

    static Side side(String binanceSide) {
        return switch (binanceSide) {
            case "BUY" -> Side.BUY;
            case "SELL" -> Side.SELL;
            default -> throw new BinanceFormatException("unknown side '" + binanceSide + "'");
        };
    }

    /** The id if it is one we could have made (Binance's own ids for web or app orders may not be), else null. */
    static ClientOrderId clientOrderIdOrNull(String value) {
        try {
            return new ClientOrderId(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Asset assetOrNull(String code) {
        try {
            return Asset.of(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
