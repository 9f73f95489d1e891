package dev.ballast.connectors.okx;

import dev.ballast.connectors.live.Endpoint;
import dev.ballast.connectors.live.RequestKind;

/**
 * The OKX v5 REST endpoints this venue calls, as the guard sees them. Names are {@code "METHOD path"}, the keys of
 * {@link OkxRateLimits}. Reads are idempotent (retried on transport failures); order entry never is. A batch cancel
 * weighs as many orders as it carries, because OKX counts its limit in orders.
 */
final class OkxEndpoints {
    static final Endpoint INSTRUMENTS = Endpoint.read("GET /api/v5/public/instruments", RequestKind.MARKET_DATA, 1);
    static final Endpoint TRADE_FEE = Endpoint.read("GET /api/v5/account/trade-fee", RequestKind.ACCOUNT, 1);
    static final Endpoint BALANCE = Endpoint.read("GET /api/v5/account/balance", RequestKind.ACCOUNT, 1);
    static final Endpoint ORDERS_PENDING = Endpoint.read("GET /api/v5/trade/orders-pending", RequestKind.ACCOUNT, 1);
    static final Endpoint ORDER = Endpoint.read("GET /api/v5/trade/order", RequestKind.ACCOUNT, 1);
    static final Endpoint FILLS = Endpoint.read("GET /api/v5/trade/fills", RequestKind.ACCOUNT, 1);
    static final Endpoint PLACE = Endpoint.write("POST /api/v5/trade/order", RequestKind.ORDER, 1);
    static final Endpoint CANCEL = Endpoint.write("POST /api/v5/trade/cancel-order", RequestKind.CANCEL, 1);
    static final String CANCEL_BATCH_NAME = "POST /api/v5/trade/cancel-batch-orders";
    /** OKX's most orders per batch cancel. */
    static final int CANCEL_BATCH_MAX = 20;

    private OkxEndpoints() {
    }

    /** The batch cancel of {@code orders} orders (1..20). */
    static Endpoint cancelBatch(int orders) {
        if (orders < 1 || orders > CANCEL_BATCH_MAX) {
            throw new IllegalArgumentException("a batch cancel carries 1.." + CANCEL_BATCH_MAX + " orders (was "
                    + orders + ")");
        }
        return Endpoint.write(CANCEL_BATCH_NAME, RequestKind.CANCEL, orders);
    }
}
