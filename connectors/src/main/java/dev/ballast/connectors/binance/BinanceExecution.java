package dev.ballast.connectors.binance;

import dev.ballast.core.Side;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One update of one of our orders from the user-data stream, spot's {@code executionReport} and USD-M's
 * {@code ORDER_TRADE_UPDATE} read alike. {@code clientOrderId} is the id of the order itself (on a spot cancel,
 * the original id {@code C}, not the cancel request's {@code c}). {@code executionType} is Binance's {@code x}
 * (NEW, TRADE, CANCELED, EXPIRED, REJECTED, ...), {@code orderStatus} its {@code X}; the {@code last*} fields,
 * {@code commission*} and {@code tradeId} describe the trade of a TRADE update (tradeId -1 otherwise).
 * Stays inside the Binance package.
 */
record BinanceExecution(String symbol, String clientOrderId, long orderId, Side side, String executionType,
                        String orderStatus, String timeInForce, BigDecimal lastQty, BigDecimal lastPrice,
                        BigDecimal cumulativeQty, BigDecimal commission, String commissionAsset, long tradeId,
                        boolean maker, String rejectReason, long eventTimeMs) {
    BinanceExecution {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(executionType, "executionType");
        Objects.requireNonNull(orderStatus, "orderStatus");
    }

    boolean isTrade() {
        return ("TRADE".equals(executionType) || "CALCULATED".equals(executionType)) && lastQty.signum() > 0;
    }
}
