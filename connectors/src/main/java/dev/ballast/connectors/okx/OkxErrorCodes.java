package dev.ballast.connectors.okx;

import dev.ballast.core.event.RejectReason;
import java.util.Set;

/**
 * The OKX v5 error codes this venue acts on, and what they mean for us. OKX answers most errors with HTTP 200 and
 * {@code code != "0"}; for order calls the reason is the per-order {@code sCode}/{@code sMsg}. Codes and wording from
 * OKX's API v5 error-code list (https://www.okx.com/docs-v5/en/#error-code), cross-checked with ccxt's OKX exception
 * table. Codes not listed map to {@link RejectReason#OTHER} with OKX's message.
 *
 * <p>Not an error code: a post-only order that would take liquidity is <em>accepted</em> ({@code sCode} 0) and then
 * cancelled by OKX with {@code cancelSource} 31 ("The post-only order will take liquidity in maker orders"), seen on
 * the {@code orders} channel and in the order's details. That is how {@code POST_ONLY_WOULD_CROSS} is recognised
 * (see {@link OkxOrderUpdate#postOnlyWouldCross()}); 51124 is "you can only place limit orders during call auction".
 */
final class OkxErrorCodes {
    /** 50011 "Too Many Requests" (user rate limit), 50061 sub-account order rate limit. */
    static final Set<String> THROTTLED = Set.of("50011", "50061");
    /**
     * 50001 service temporarily unavailable, 50004 endpoint request timeout (order outcome unknown), 50005 API offline,
     * 50013 system busy, 50026 system error: failures of OKX, counted by the circuit breaker.
     */
    static final Set<String> UNAVAILABLE = Set.of("50001", "50004", "50005", "50013", "50026");
    /** 50004: "Endpoint request timeout (does not indicate success or failure of order, please check order status)". */
    static final String OUTCOME_UNKNOWN = "50004";
    /** 51008, 51119, 51127, 51131: insufficient balance / margin, available balance 0. */
    static final Set<String> INSUFFICIENT_BALANCE = Set.of("51008", "51119", "51127", "51131");
    /** 51020, 51100, 51120: order amount below OKX's minimum. */
    static final Set<String> TOO_SMALL = Set.of("51020", "51100", "51120");
    /** 51016: duplicated client order id. */
    static final String DUPLICATE_CLIENT_ORDER_ID = "51016";
    /**
     * 51400 cancellation failed as the order does not exist, 51401 already cancelled, 51402 already completed, 51603
     * order does not exist (order details).
     */
    static final Set<String> UNKNOWN_ORDER = Set.of("51400", "51401", "51402", "51603");
    /** 51603: order does not exist (an order-details lookup). */
    static final String ORDER_DOES_NOT_EXIST = "51603";
    /** 51410: cancellation failed as the order is already being cancelled. */
    static final String CANCEL_PENDING = "51410";
    /**
     * Malformed orders: 51000 parameter error, 51001 instrument does not exist, 51006 price out of limit, 51121 size
     * not a multiple of the lot size, 51122 price below the minimum, 51204 limit price empty, 50014 parameter empty.
     */
    static final Set<String> INVALID = Set.of("51000", "51001", "51006", "51121", "51122", "51204", "50014");

    private OkxErrorCodes() {
    }

    /** The core reason for a refused order or cancel with this {@code sCode}. */
    static RejectReason reason(String code) {
        if (INSUFFICIENT_BALANCE.contains(code)) {
            return RejectReason.INSUFFICIENT_BALANCE;
        }
        if (TOO_SMALL.contains(code)) {
            return RejectReason.MIN_NOTIONAL;
        }
        if (UNKNOWN_ORDER.contains(code)) {
            return RejectReason.UNKNOWN_ORDER;
        }
        if (INVALID.contains(code) || DUPLICATE_CLIENT_ORDER_ID.equals(code)) {
            return RejectReason.INVALID_ORDER;
        }
        if (THROTTLED.contains(code)) {
            return RejectReason.RATE_LIMITED;
        }
        if (UNAVAILABLE.contains(code)) {
            return RejectReason.VENUE_UNAVAILABLE;
        }
        return RejectReason.OTHER;
    }

    /** Text for a reject event: code and OKX's message, plus ours where OKX's is unclear. */
    static String describe(String code, String message) {
        String m = message == null || message.isBlank() ? "" : " " + message;
        if (DUPLICATE_CLIENT_ORDER_ID.equals(code)) {
            return "okx " + code + m + " (duplicate client order id)";
        }
        return "okx " + code + m;
    }
}
