package dev.ballast.connectors.binance;

import dev.ballast.core.event.RejectReason;
import java.util.Locale;

/**
 * What Binance's error codes mean for an order: the {@link RejectReason} the engine acts on. Codes and wording
 * from Binance's errors.md and from real replies (../shared/data/fixtures/binance_error_payloads_observed.json).
 * -2010 ("NEW_ORDER_REJECTED") covers several causes and is told apart by its message. Stateless.
 */
final class BinanceErrors {
    /** "Unknown order sent." — cancel of an order Binance does not know (already filled, cancelled, never placed). */
    static final String UNKNOWN_ORDER = "-2011";
    /** "Order does not exist." — a query by client id for an order Binance does not know. */
    static final String NO_SUCH_ORDER = "-2013";
    /** "This listenKey does not exist." */
    static final String NO_SUCH_LISTEN_KEY = "-1125";

    private BinanceErrors() {
    }

    /** Why a new order was refused, from Binance's code and message. */
    static RejectReason rejectReason(String code, String message) {
        String msg = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return switch (code) {
            case "-2010" -> {
                if (msg.contains("immediately match")) {
                    yield RejectReason.POST_ONLY_WOULD_CROSS;
                } else if (msg.contains("insufficient balance")) {
                    yield RejectReason.INSUFFICIENT_BALANCE;
                } else if (msg.contains("duplicate")) {
                    yield RejectReason.INVALID_ORDER;
                }
                yield RejectReason.OTHER;
            }
            // USD-M: "Due to the order could not be executed as maker, the Post Only order will be rejected."
            case "-5022" -> RejectReason.POST_ONLY_WOULD_CROSS;
            // USD-M: "Balance is insufficient." / "Margin is insufficient."
            case "-2018", "-2019" -> RejectReason.INSUFFICIENT_BALANCE;
            // "Filter failure: NOTIONAL" (or MIN_NOTIONAL); other filters are price or size off the rules
            case "-1013" -> msg.contains("notional") ? RejectReason.MIN_NOTIONAL : RejectReason.INVALID_ORDER;
            // USD-M: "Order's notional must be no smaller than 5 (unless you choose reduce only)"
            case "-4164" -> RejectReason.MIN_NOTIONAL;
            // bad parameters, precision over the maximum, duplicate or invalid client order id
            case "-1100", "-1101", "-1102", "-1103", "-1104", "-1105", "-1106", "-1111", "-1115", "-1116", "-1117",
                 "-1121", "-4015", "-4116" -> RejectReason.INVALID_ORDER;
            case "-1003", "-1015" -> RejectReason.RATE_LIMITED;
            case UNKNOWN_ORDER, NO_SUCH_ORDER -> RejectReason.UNKNOWN_ORDER;
            default -> RejectReason.OTHER;
        };
    }

    /** True when the message says the client order id was used before. */
    static boolean isDuplicate(String code, String message) {
        String msg = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return "-4116".equals(code) || ("-2010".equals(code) && msg.contains("duplicate"));
    }
}
