package dev.ballast.strategies.rebalance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formats of the decision reasons: fixed, locale-independent, infinities and NaN spelled out. */
final class Fmt {
    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_EVEN);

    private Fmt() {
    }

    /** A size in base units with the lot's decimals (at least 3, at most 8). */
    static String size(double v, double lotSizeBase) {
        int scale = BigDecimal.valueOf(lotSizeBase).stripTrailingZeros().scale();
        return fixed(v, Math.max(3, Math.min(8, scale)));
    }

    /** An amount of quote currency, two decimals. */
    static String money(double v) {
        return fixed(v, 2);
    }

    /** Three significant digits, plain (no exponent). */
    static String sig(double v) {
        if (!Double.isFinite(v)) {
            return special(v);
        }
        return new BigDecimal(v).round(THREE_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** Seconds: one decimal under 10 s, whole seconds above. */
    static String secs(double v) {
        return Double.isFinite(v) ? fixed(v, Math.abs(v) < 10 ? 1 : 0) + "s" : special(v);
    }

    private static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return special(v);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String special(double v) {
        return Double.isNaN(v) ? "n/a" : v > 0 ? "inf" : "-inf";
    }
}
