package dev.ballast.connectors.binance;

import dev.ballast.connectors.live.Endpoint;
import dev.ballast.connectors.live.RequestKind;
import dev.ballast.core.FeeSchedule;
import dev.ballast.core.OrderType;
import dev.ballast.core.book.SequenceRule;
import java.math.BigDecimal;
import java.util.List;

/**
 * Which Binance API a live venue speaks: spot ({@code api.binance.com/api/v3}) or USD-M futures
 * ({@code fapi.binance.com/fapi}). They share signing, error envelope and stream framing but differ in paths,
 * request weights, how post-only is spelt, how depth updates chain and what the account looks like. Weights are
 * those of Binance's REST docs (2024); the rate limits themselves are read from {@code exchangeInfo}.
 * Immutable.
 */
public enum BinanceProduct {
    /** Spot: post-only is order type {@code LIMIT_MAKER}; depth ids are contiguous ({@code U == prev u + 1}). */
    SPOT(BinanceMarket.SPOT, "/api/v3",
            Endpoint.read("GET /api/v3/exchangeInfo", RequestKind.MARKET_DATA, 20),
            Endpoint.read("GET /api/v3/depth", RequestKind.MARKET_DATA, 50),
            Endpoint.read("GET /api/v3/account", RequestKind.ACCOUNT, 20),
            Endpoint.read("GET /api/v3/account", RequestKind.ACCOUNT, 20),
            Endpoint.read("GET /api/v3/openOrders", RequestKind.ACCOUNT, 6),
            Endpoint.read("GET /api/v3/order", RequestKind.ACCOUNT, 4),
            Endpoint.read("GET /api/v3/myTrades", RequestKind.ACCOUNT, 20),
            Endpoint.write("POST /api/v3/order", RequestKind.ORDER, 1),
            Endpoint.write("DELETE /api/v3/order", RequestKind.CANCEL, 1),
            Endpoint.write("DELETE /api/v3/openOrders", RequestKind.CANCEL, 1),
            new Endpoint("POST /api/v3/userDataStream", RequestKind.ACCOUNT, 2, true),
            Endpoint.read("PUT /api/v3/userDataStream", RequestKind.ACCOUNT, 2),
            "/api/v3/account", "/api/v3/account", "/api/v3/openOrders", "/api/v3/myTrades", "/api/v3/openOrders",
            "/api/v3/userDataStream",
            List.of(new BinanceRateLimit(BinanceRateLimit.Type.REQUEST_WEIGHT, 60_000, 6_000),
                    new BinanceRateLimit(BinanceRateLimit.Type.ORDERS, 10_000, 100),
                    new BinanceRateLimit(BinanceRateLimit.Type.ORDERS, 86_400_000, 200_000),
                    new BinanceRateLimit(BinanceRateLimit.Type.RAW_REQUESTS, 300_000, 61_000)),
            new FeeSchedule(new BigDecimal("0.001"), new BigDecimal("0.001"))),
    /**
     * USD-M futures: post-only is {@code LIMIT} with {@code timeInForce=GTX}; each depth update names the previous
     * one ({@code pu}).
     */
    USD_M(BinanceMarket.USDM, "/fapi/v1",
            Endpoint.read("GET /fapi/v1/exchangeInfo", RequestKind.MARKET_DATA, 1),
            Endpoint.read("GET /fapi/v1/depth", RequestKind.MARKET_DATA, 20),
            Endpoint.read("GET /fapi/v2/account", RequestKind.ACCOUNT, 5),
            Endpoint.read("GET /fapi/v1/commissionRate", RequestKind.ACCOUNT, 20),
            Endpoint.read("GET /fapi/v1/openOrders", RequestKind.ACCOUNT, 1),
            Endpoint.read("GET /fapi/v1/order", RequestKind.ACCOUNT, 1),
            Endpoint.read("GET /fapi/v1/userTrades", RequestKind.ACCOUNT, 5),
            Endpoint.write("POST /fapi/v1/order", RequestKind.ORDER, 0),
            Endpoint.write("DELETE /fapi/v1/order", RequestKind.CANCEL, 1),
            Endpoint.write("DELETE /fapi/v1/allOpenOrders", RequestKind.CANCEL, 1),
            new Endpoint("POST /fapi/v1/listenKey", RequestKind.ACCOUNT, 1, true),
            Endpoint.read("PUT /fapi/v1/listenKey", RequestKind.ACCOUNT, 1),
            "/fapi/v2/account", "/fapi/v1/commissionRate", "/fapi/v1/openOrders", "/fapi/v1/userTrades",
            "/fapi/v1/allOpenOrders", "/fapi/v1/listenKey",
            List.of(new BinanceRateLimit(BinanceRateLimit.Type.REQUEST_WEIGHT, 60_000, 2_400),
                    new BinanceRateLimit(BinanceRateLimit.Type.ORDERS, 60_000, 1_200),
                    new BinanceRateLimit(BinanceRateLimit.Type.ORDERS, 10_000, 300)),
            new FeeSchedule(new BigDecimal("0.0002"), new BigDecimal("0.0005")));

    private final BinanceMarket recordedMarket;
    private final String prefix;
    final Endpoint exchangeInfo;
    final Endpoint depth;
    final Endpoint account;
    final Endpoint commission;
    final Endpoint openOrders;
    final Endpoint queryOrder;
    final Endpoint myTrades;
    final Endpoint newOrder;
    final Endpoint cancelOrder;
    final Endpoint cancelAll;
    final Endpoint newListenKey;
    final Endpoint keepListenKey;
    final String accountPath;
    final String commissionPath;
    final String openOrdersPath;
    final String myTradesPath;
    final String cancelAllPath;
    final String listenKeyPath;
    private final List<BinanceRateLimit> defaultLimits;
    private final FeeSchedule publicFees;

    BinanceProduct(BinanceMarket recordedMarket, String prefix, Endpoint exchangeInfo, Endpoint depth, Endpoint account,
                   Endpoint commission, Endpoint openOrders, Endpoint queryOrder, Endpoint myTrades, Endpoint newOrder,
                   Endpoint cancelOrder, Endpoint cancelAll, Endpoint newListenKey, Endpoint keepListenKey,
                   String accountPath, String commissionPath, String openOrdersPath, String myTradesPath,
                   String cancelAllPath, String listenKeyPath, List<BinanceRateLimit> defaultLimits,
                   FeeSchedule publicFees) {
        this.recordedMarket = recordedMarket;
        this.prefix = prefix;
        this.exchangeInfo = exchangeInfo;
        this.depth = depth;
        this.account = account;
        this.commission = commission;
        this.openOrders = openOrders;
        this.queryOrder = queryOrder;
        this.myTrades = myTrades;
        this.newOrder = newOrder;
        this.cancelOrder = cancelOrder;
        this.cancelAll = cancelAll;
        this.newListenKey = newListenKey;
        this.keepListenKey = keepListenKey;
        this.accountPath = accountPath;
        this.commissionPath = commissionPath;
        this.openOrdersPath = openOrdersPath;
        this.myTradesPath = myTradesPath;
        this.cancelAllPath = cancelAllPath;
        this.listenKeyPath = listenKeyPath;
        this.defaultLimits = defaultLimits;
        this.publicFees = publicFees;
    }

    /** True for USD-M: depth updates carry {@code pu}, the account holds positions. */
    public boolean isFutures() {
        return this == USD_M;
    }

    /** How this product's depth updates chain on a snapshot (what the venue checks before it publishes). */
    public SequenceRule sequenceRule() {
        return recordedMarket.sequenceRule();
    }

    /**
     * The limits assumed until {@code exchangeInfo} has been read: Binance's published defaults (spot 6,000 weight a
     * minute, 100 orders per 10 s, 200,000 a day; USD-M 2,400 weight, 1,200 orders a minute, 300 per 10 s).
     */
    public List<BinanceRateLimit> defaultLimits() {
        return defaultLimits;
    }

    /** The base-tier fees, used where no account can be asked (paper-live, no keys). */
    public FeeSchedule publicFees() {
        return publicFees;
    }

    String exchangeInfoPath() {
        return prefix + "/exchangeInfo";
    }

    String depthPath() {
        return prefix + "/depth";
    }

    String orderPath() {
        return prefix + "/order";
    }

    /** How an order type is spelt: the {@code type} and, where needed, {@code timeInForce} parameters. */
    String[] typeParams(OrderType type) {
        return switch (type) {
            case LIMIT_POST_ONLY -> this == SPOT
                    ? new String[] {"type", "LIMIT_MAKER"}
                    : new String[] {"type", "LIMIT", "timeInForce", "GTX"};
            case LIMIT_IOC -> new String[] {"type", "LIMIT", "timeInForce", "IOC"};
            case MARKET -> new String[] {"type", "MARKET"};
        };
    }
}
