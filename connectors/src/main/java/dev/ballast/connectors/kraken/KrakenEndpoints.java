package dev.ballast.connectors.kraken;

import dev.ballast.connectors.live.Endpoint;
import dev.ballast.connectors.live.RequestKind;

/**
 * The Kraken REST endpoints we call, as the guard sees them. Private calls carry a nonce that Kraken accepts
 * once, so none of them may be resent as they are: they are declared not idempotent here, and
 * {@link KrakenRestClient} retries the reads itself with a freshly signed request. Order entry names its pair
 * ({@code "AddOrder XBT/USD"}) because Kraken's trading counter is per pair; {@link KrakenRateBudget} reads it
 * back with {@link #pairOf(Endpoint)}. Stateless.
 */
final class KrakenEndpoints {
    static final String PUBLIC = "/0/public/";
    static final String PRIVATE = "/0/private/";

    static final Endpoint ASSET_PAIRS = Endpoint.read("AssetPairs", RequestKind.MARKET_DATA, 1);
    static final Endpoint BALANCE = privateRead("BalanceEx", 1);
    static final Endpoint TRADE_VOLUME = privateRead("TradeVolume", 1);
    static final Endpoint OPEN_ORDERS = privateRead("OpenOrders", 1);
    static final Endpoint CLOSED_ORDERS = privateRead("ClosedOrders", 1);
    static final Endpoint QUERY_ORDERS = privateRead("QueryOrders", 1);
    static final Endpoint TRADES_HISTORY = privateRead("TradesHistory", KrakenRateTier.HISTORY_CALL_COST);
    static final Endpoint WEBSOCKETS_TOKEN = privateRead("GetWebSocketsToken", 1);
    /** Never held back by our own budget: it is how we get out of the market. */
    static final Endpoint CANCEL_ALL = Endpoint.write("CancelAll", RequestKind.CANCEL, 0);

    private KrakenEndpoints() {
    }

    /** AddOrder on {@code wsName}'s trading counter (+1). */
    static Endpoint addOrder(String wsName) {
        return Endpoint.write("AddOrder " + wsName, RequestKind.ORDER, 1);
    }

    /** CancelOrder on {@code wsName}'s trading counter, costing the penalty for an order {@code ageNs} old. */
    static Endpoint cancelOrder(String wsName, long ageNs) {
        return Endpoint.write("CancelOrder " + wsName, RequestKind.CANCEL, KrakenRateTier.cancelPenalty(ageNs));
    }

    /** The Kraken method of an endpoint ({@code AddOrder}), the last part of its URL. */
    static String method(Endpoint endpoint) {
        String name = endpoint.name();
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    /** The pair an order-entry endpoint names, or null. */
    static String pairOf(Endpoint endpoint) {
        String name = endpoint.name();
        int space = name.indexOf(' ');
        return space < 0 ? null : name.substring(space + 1);
    }

    private static Endpoint privateRead(String method, int cost) {
        return new Endpoint(method, RequestKind.ACCOUNT, cost, false);
    }
}
