package dev.ballast.connectors.binance;

import dev.ballast.connectors.live.Credentials;
import dev.ballast.connectors.live.Endpoint;
import dev.ballast.connectors.live.RestRequest;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.time.Clock;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Builds every REST request a Binance venue sends, signed where Binance requires: parameters in the query string,
 * then {@code timestamp} (the clock's epoch ms) and {@code recvWindow}, then {@code signature} over that query
 * ({@link BinanceSigner}); the API key rides in the {@code X-MBX-APIKEY} header. Nothing here sends anything.
 * Thread-safe.
 */
final class BinanceRest {
    private static final String API_KEY_HEADER = "X-MBX-APIKEY";

    private final BinanceProduct product;
    private final String base;
    private final Credentials credentials;
    private final BinanceSigner signer;
    private final long recvWindowMs;
    private final int snapshotLevels;
    private final Clock clock;

    BinanceRest(BinanceVenueConfig config, Clock clock) {
        this.product = config.product();
        this.base = config.restUrl();
        this.credentials = config.credentials();
        this.signer = credentials == null ? null : new BinanceSigner(credentials);
        this.recvWindowMs = config.recvWindow().toMillis();
        this.snapshotLevels = config.snapshotLevels();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    RestRequest exchangeInfo() {
        return get(product.exchangeInfo, product.exchangeInfoPath(), new Params());
    }

    RestRequest depth(String symbol) {
        return get(product.depth, product.depthPath(), new Params().add("symbol", symbol).add("limit", snapshotLevels));
    }

    RestRequest account() {
        Params p = new Params();
        if (!product.isFutures()) {
            p.add("omitZeroBalances", "true");
        }
        return signed("GET", product.account, product.accountPath, p);
    }

    /** Fee rates of one symbol: the account on spot (commissionRates), {@code commissionRate} on USD-M. */
    RestRequest commission(String symbol) {
        return product.isFutures()
                ? signed("GET", product.commission, product.commissionPath, new Params().add("symbol", symbol))
                : account();
    }

    RestRequest openOrders(String symbol) {
        return signed("GET", product.openOrders, product.openOrdersPath, new Params().add("symbol", symbol));
    }

    RestRequest queryOrder(String symbol, ClientOrderId id) {
        return signed("GET", product.queryOrder, product.orderPath(),
                new Params().add("symbol", symbol).add("origClientOrderId", id.value()));
    }

    RestRequest queryOrder(String symbol, long orderId) {
        return signed("GET", product.queryOrder, product.orderPath(),
                new Params().add("symbol", symbol).add("orderId", orderId));
    }

    /** Own trades of a symbol: from trade id {@code fromId} (null: the most recent), or of one order (orderId). */
    RestRequest myTrades(String symbol, Long fromId, Long orderId) {
        Params p = new Params().add("symbol", symbol);
        if (orderId != null) {
            p.add("orderId", orderId);
        }
        if (fromId != null) {
            p.add("fromId", fromId);
        }
        p.add("limit", 1000);
        return signed("GET", product.myTrades, product.myTradesPath, p);
    }

    /** A new order; {@code price} null for a market order. Prices and sizes are sent as plain decimals. */
    RestRequest newOrder(OrderRequest request, BigDecimal price, BigDecimal size) {
        Params p = new Params().add("symbol", request.instrument().symbol()).add("side", request.side().name());
        String[] type = product.typeParams(request.type());
        for (int i = 0; i < type.length; i += 2) {
            p.add(type[i], type[i + 1]);
        }
        p.add("quantity", size.stripTrailingZeros().toPlainString());
        if (price != null) {
            p.add("price", price.stripTrailingZeros().toPlainString());
        }
        p.add("newClientOrderId", request.clientOrderId().value());
        p.add("newOrderRespType", "RESULT");
        return signed("POST", product.newOrder, product.orderPath(), p);
    }

    RestRequest cancelOrder(String symbol, ClientOrderId id) {
        return signed("DELETE", product.cancelOrder, product.orderPath(),
                new Params().add("symbol", symbol).add("origClientOrderId", id.value()));
    }

    RestRequest cancelAll(String symbol) {
        return signed("DELETE", product.cancelAll, product.cancelAllPath, new Params().add("symbol", symbol));
    }

    /** A listen key for the user-data stream: API key only, not signed. */
    RestRequest newListenKey() {
        return keyed("POST", product.newListenKey, product.listenKeyPath, new Params());
    }

    RestRequest keepAliveListenKey(String listenKey) {
        return keyed("PUT", product.keepListenKey, product.listenKeyPath, new Params().add("listenKey", listenKey));
    }

    private RestRequest get(Endpoint endpoint, String path, Params params) {
        return new RestRequest(endpoint, "GET", url(path, params.toString()), Map.of(), null, null);
    }

    private RestRequest keyed(String method, Endpoint endpoint, String path, Params params) {
        return new RestRequest(endpoint, method, url(path, params.toString()), apiKeyHeader(), null, null);
    }

    private RestRequest signed(String method, Endpoint endpoint, String path, Params params) {
        params.add("timestamp", clock.nowMs()).add("recvWindow", recvWindowMs);
        String query = params.toString();
        String signedQuery = query + "&signature=" + requireSigner().sign(query, null);
        return new RestRequest(endpoint, method, url(path, signedQuery), apiKeyHeader(), null, null);
    }

    private Map<String, String> apiKeyHeader() {
        return Map.of(API_KEY_HEADER, requireCredentials().apiKey());
    }

    private BinanceSigner requireSigner() {
        requireCredentials();
        return signer;
    }

    private Credentials requireCredentials() {
        if (credentials == null) {
            throw new IllegalStateException("this Binance venue has no credentials: public data only");
        }
        return credentials;
    }

    private String url(String path, String query) {
        return query.isEmpty() ? base + path : base + path + "?" + query;
    }

    /** Query parameters in the order added, URL-encoded. */
    private static final class Params {
        private final StringBuilder text = new StringBuilder();

        Params add(String name, Object value) {
            if (text.length() > 0) {
                text.append('&');
            }
            text.append(name).append('=').append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
            return this;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
