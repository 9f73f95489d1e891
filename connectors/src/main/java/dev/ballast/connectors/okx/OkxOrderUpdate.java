package dev.ballast.connectors.okx;

import java.util.Objects;

/**
 * One order of ours as OKX describes it, on the private {@code orders} channel or in a REST order lookup: OKX's own
 * field names and text, turned into core events by {@link OkxOrders}. Fill fields ({@code tradeId}, {@code fillPx},
 * {@code fillSz}, {@code fillFee}) are set only on a channel push that reports a trade; {@code fillFee} is OKX-signed
 * (negative = charged). Empty strings stand for fields OKX left empty.
 */
record OkxOrderUpdate(String instId, String clOrdId, String ordId, String state, String side, String ordType,
                      String px, String sz, String accFillSz, String tradeId, String fillPx, String fillSz,
                      String fillFee, String fillFeeCcy, String execType, String cancelSource, long updatedMs,
                      long fillTimeMs) {
    /** OKX's {@code cancelSource} for "the post-only order will take liquidity in maker orders". */
    static final String CANCEL_SOURCE_POST_ONLY = "31";

    OkxOrderUpdate {
        Objects.requireNonNull(instId, "instId");
        Objects.requireNonNull(state, "state");
    }

    /** True when this push reports a trade of ours. */
    boolean hasFill() {
        return !tradeId.isEmpty() && !fillSz.isEmpty() && !isZero(fillSz);
    }

    /** True when the order was cancelled by OKX because, post-only, it would have taken liquidity. */
    boolean postOnlyWouldCross() {
        return isCancelled() && CANCEL_SOURCE_POST_ONLY.equals(cancelSource);
    }

    boolean isCancelled() {
        return "canceled".equals(state) || "mmp_canceled".equals(state);
    }

    boolean isLive() {
        return "live".equals(state) || "partially_filled".equals(state);
    }

    boolean isFilled() {
        return "filled".equals(state);
    }

    private static boolean isZero(String decimal) {
        for (int i = 0; i < decimal.length(); i++) {
            char c = decimal.charAt(i);
            if (c != '0' && c != '.') {
                return false;
            }
        }
        return true;
    }
}
