package dev.ballast.connectors.okx;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ballast.connectors.live.Endpoint;
import dev.ballast.connectors.live.RestRequest;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderType;
import dev.ballast.core.time.Clock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds every OKX v5 REST request this venue sends, signed for the moment it is built. Paths and parameters follow
 * OKX's documentation; prices and sizes go out as the exact decimal text of the order ({@code toPlainString()}),
 * sizes converted to contracts for swaps. Private requests need credentials: without them (public data only) they
 * are refused here with {@link IllegalStateException}. Thread-safe.
 */
final class OkxRequests {
    private static final String JSON = "application/json";

    /** One order of a batch cancel: by client order id when we have it, else by OKX's order id. */
    record CancelTarget(String instId, String clOrdId, String ordId) {
        CancelTarget {
            Objects.requireNonNull(instId, "instId");
            if ((clOrdId == null || clOrdId.isEmpty()) && (ordId == null || ordId.isEmpty())) {
                throw new IllegalArgumentException("a cancel needs clOrdId or ordId (" + instId + ")");
            }
        }
    }

    private final String baseUrl;
    private final OkxSigner signer;
    private final Clock clock;

    /** @param signer null for public data only */
    OkxRequests(String baseUrl, OkxSigner signer, Clock clock) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.signer = signer;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    boolean canSign() {
        return signer != null;
    }

    // ---------------------------------------------------------------- public

    RestRequest instruments(OkxInstrument.Type type) {
        return get(OkxEndpoints.INSTRUMENTS, "/api/v5/public/instruments", false, "instType", type.wireName());
    }

    // ---------------------------------------------------------------- account

    RestRequest tradeFee(OkxInstrument instrument) {
        if (instrument.type() == OkxInstrument.Type.SPOT) {
            return get(OkxEndpoints.TRADE_FEE, "/api/v5/account/trade-fee", true, "instType", "SPOT",
                    "instId", instrument.instId());
        }
        String family = instrument.instId().substring(0, instrument.instId().lastIndexOf('-'));
        return get(OkxEndpoints.TRADE_FEE, "/api/v5/account/trade-fee", true, "instType",
                instrument.type().wireName(), "instFamily", family);
    }

    RestRequest balance() {
        return get(OkxEndpoints.BALANCE, "/api/v5/account/balance", true);
    }

    /** One page (newest first, up to 100) of pending orders; {@code afterOrdId} pages to older ones, or null. */
    RestRequest ordersPending(OkxInstrument.Type type, String afterOrdId) {
        return get(OkxEndpoints.ORDERS_PENDING, "/api/v5/trade/orders-pending", true, "instType", type.wireName(),
                "after", afterOrdId, "limit", "100");
    }

    RestRequest order(String instId, ClientOrderId clientOrderId) {
        return get(OkxEndpoints.ORDER, "/api/v5/trade/order", true, "instId", instId, "clOrdId",
                clientOrderId.value());
    }

    /**
     * One page (newest first, up to 100) of our fills in the last three days; {@code ordId} narrows to one order,
     * {@code afterBillId} pages to fills older than that bill.
     */
    RestRequest fills(OkxInstrument instrument, String ordId, String afterBillId) {
        return get(OkxEndpoints.FILLS, "/api/v5/trade/fills", true, "instType", instrument.type().wireName(),
                "instId", instrument.instId(), "ordId", ordId, "after", afterBillId, "limit", "100");
    }

    // ---------------------------------------------------------------- order entry

    /**
     * {@code POST /api/v5/trade/order}. {@code clOrdId} is our id unchanged; post-only is {@code ordType
     * post_only}, IOC {@code ioc}, market {@code market}. A spot market order states its size in the base currency
     * ({@code tgtCcy=base_ccy}; OKX would read a market buy's size as quote otherwise). Swaps trade cross-margined
     * in net position mode (no {@code posSide}).
     */
    RestRequest place(OkxInstrument instrument, OrderRequest order) {
        ObjectNode body = OkxMapper.JSON.createObjectNode()
                .put("instId", instrument.instId())
                .put("tdMode", instrument.type().tradeMode())
                .put("clOrdId", order.clientOrderId().value())
                .put("side", OkxMapper.side(order.side()))
                .put("ordType", ordType(order.type()))
                .put("sz", instrument.venueSize(order.size()));
        if (order.type() != OrderType.MARKET) {
            body.put("px", order.price().stripTrailingZeros().toPlainString());
        } else if (instrument.type() == OkxInstrument.Type.SPOT) {
            body.put("tgtCcy", "base_ccy");
        }
        return post(OkxEndpoints.PLACE, "/api/v5/trade/order", body.toString());
    }

    RestRequest cancel(String instId, ClientOrderId clientOrderId) {
        String body = OkxMapper.JSON.createObjectNode().put("instId", instId).put("clOrdId", clientOrderId.value())
                .toString();
        return post(OkxEndpoints.CANCEL, "/api/v5/trade/cancel-order", body);
    }

    /** {@code POST /api/v5/trade/cancel-batch-orders} of 1..20 orders. */
    RestRequest cancelBatch(List<CancelTarget> targets) {
        ArrayNode body = OkxMapper.JSON.createArrayNode();
        for (CancelTarget t : targets) {
            ObjectNode item = body.addObject().put("instId", t.instId());
            if (t.clOrdId() != null && !t.clOrdId().isEmpty()) {
                item.put("clOrdId", t.clOrdId());
            } else {
                item.put("ordId", t.ordId());
            }
        }
        return post(OkxEndpoints.cancelBatch(targets.size()), "/api/v5/trade/cancel-batch-orders", body.toString());
    }

    private static String ordType(OrderType type) {
        return switch (type) {
            case LIMIT_POST_ONLY -> "post_only";
            case LIMIT_IOC -> "ioc";
            case MARKET -> "market";
        };
    }

    // ---------------------------------------------------------------- building and signing

    private RestRequest get(Endpoint endpoint, String path, boolean signed, String... params) {
        StringBuilder pathAndQuery = new StringBuilder(path);
        char separator = '?';
        for (int i = 0; i < params.length; i += 2) {
            if (params[i + 1] == null || params[i + 1].isEmpty()) {
                continue;
            }
            pathAndQuery.append(separator).append(params[i]).append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
            separator = '&';
        }
        String requestPath = pathAndQuery.toString();
        Map<String, String> headers = signed ? signedHeaders("GET", requestPath, null) : Map.of();
        return RestRequest.get(endpoint, baseUrl + requestPath, headers);
    }

    private RestRequest post(Endpoint endpoint, String path, String body) {
        return new RestRequest(endpoint, "POST", baseUrl + path, signedHeaders("POST", path, body), body, JSON);
    }

    private Map<String, String> signedHeaders(String method, String requestPath, String body) {
        if (signer == null) {
            throw new IllegalStateException("okx: no credentials configured (public data only)");
        }
        return signer.headers(clock.nowMs(), method, requestPath, body);
    }
}
