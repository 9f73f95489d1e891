package dev.ballast.connectors.okx;

import dev.ballast.connectors.live.PerEndpointBudget;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * OKX's REST rate limits for the endpoints this venue calls, one budget per API key (OKX counts private endpoints
 * per user id, so everything that uses the key shares them). OKX limits each endpoint separately — there is no
 * global weight — in windows of 2 seconds. Source: OKX API v5 documentation, the "Rate Limit" line of each endpoint
 * (https://www.okx.com/docs-v5/en/#order-book-trading-trade-post-place-order and siblings) and its overview of
 * rate limits (https://www.okx.com/docs-v5/en/#overview-rate-limits), as of 2025. OKX may also apply a per-account
 * "sub-account order limit" (1,000 order requests per 2 s) and a fill-ratio based limit to VIP accounts; neither
 * binds a single market maker below the per-endpoint limits, so they are not modelled.
 *
 * <p>The place and order-status limits are per instrument on OKX's side; modelling them per endpoint (all
 * instruments together) is stricter and therefore safe. When OKX still answers {@code 50011} ("Too Many Requests")
 * or HTTP 429, the reply classifier reports it as throttled and the gateway slows down.
 */
public final class OkxRateLimits {
    /**
     * One endpoint's limit: at most {@code permits} units per {@code window}, where a unit is a call, or an order
     * for the batch cancel ({@code perOrder}). {@code scope} says what OKX counts per.
     */
    public record Limit(String endpoint, int permits, Duration window, boolean perOrder, String scope) {
        public Limit {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(scope, "scope");
            if (permits <= 0) {
                throw new IllegalArgumentException(endpoint + ": permits must be > 0 (was " + permits + ")");
            }
        }
    }

    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

    /** Every endpoint this venue calls, with OKX's documented limit. */
    public static final List<Limit> LIMITS = List.of(
            new Limit(OkxEndpoints.PLACE.name(), 60, TWO_SECONDS, false, "user id + instrument id"),
            new Limit(OkxEndpoints.CANCEL.name(), 60, TWO_SECONDS, false, "user id + instrument id"),
            new Limit(OkxEndpoints.CANCEL_BATCH_NAME, 300, TWO_SECONDS, true, "user id + instrument id, in orders"),
            new Limit(OkxEndpoints.ORDERS_PENDING.name(), 60, TWO_SECONDS, false, "user id"),
            new Limit(OkxEndpoints.ORDER.name(), 60, TWO_SECONDS, false, "user id + instrument id"),
            new Limit(OkxEndpoints.FILLS.name(), 60, TWO_SECONDS, false, "user id"),
            new Limit(OkxEndpoints.BALANCE.name(), 10, TWO_SECONDS, false, "user id"),
            new Limit(OkxEndpoints.TRADE_FEE.name(), 5, TWO_SECONDS, false, "user id"),
            new Limit(OkxEndpoints.INSTRUMENTS.name(), 20, TWO_SECONDS, false, "ip + instrument type"));

    private OkxRateLimits() {
    }

    /**
     * A fresh budget of these limits for one API key (the kit's sliding windows). The batch cancel is limited to
     * 15 calls per 2 s: 300 orders at up to 20 a call. Endpoints not listed are not limited here.
     */
    public static PerEndpointBudget budget() {
        Map<String, PerEndpointBudget.Limit> byEndpoint = new LinkedHashMap<>();
        for (Limit l : LIMITS) {
            int calls = l.perOrder() ? l.permits() / OkxEndpoints.CANCEL_BATCH_MAX : l.permits();
            byEndpoint.put(l.endpoint(), new PerEndpointBudget.Limit(calls, l.window()));
        }
        return new PerEndpointBudget(byEndpoint, null);
    }

    /** The limit of one endpoint by name. @throws IllegalArgumentException if this venue never calls it */
    public static Limit of(String endpoint) {
        for (Limit l : LIMITS) {
            if (l.endpoint().equals(endpoint)) {
                return l;
            }
        }
        throw new IllegalArgumentException("no OKX limit for endpoint '" + endpoint + "'");
    }
}
