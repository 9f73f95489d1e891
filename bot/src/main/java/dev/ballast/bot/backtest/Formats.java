package dev.ballast.bot.backtest;

import java.util.Locale;

/** Number formatting shared by the console table and the report: fixed decimals, {@link Locale#ROOT}, NaN as "–". */
final class Formats {
    private Formats() {
    }

    static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return isNegativeZero(s) ? s.substring(1) : s;
    }

    static String percent(double share) {
        return Double.isFinite(share) ? fixed(share * 100, 1) + "%" : "–";
    }

    /** A count in k/M/G with one decimal from 10,000 up: 950, 1.2k, 12.3M. */
    static String count(long n) {
        if (Math.abs(n) < 10_000) {
            return Long.toString(n);
        }
        double v = n;
        String[] units = {"k", "M", "G", "T"};
        int u = -1;
        while (Math.abs(v) >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return fixed(v, 1) + units[u];
    }

    /** Like {@link #count} for a rate (rounded to a whole number first). */
    static String rate(double perSecond) {
        return Double.isFinite(perSecond) ? count(Math.round(perSecond)) : "–";
    }

    private static boolean isNegativeZero(String s) {
        if (!s.startsWith("-")) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '0' && c != '.') {
                return false;
            }
        }
        return true;
    }
}
