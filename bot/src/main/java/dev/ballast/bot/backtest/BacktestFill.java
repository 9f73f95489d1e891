package dev.ballast.bot.backtest;

import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import java.util.Objects;

/**
 * One of our fills as a backtest records it: when (simulated ns), where, which way, price, size (base units), fee
 * (quote currency, negative for a rebate), whether it hedged, and the fair value it is judged against (at the fill
 * for a quote fill, at the hedge decision for a hedge fill).
 */
public record BacktestFill(long timeNs, VenueId venue, Side side, double price, double sizeBase, double feeQuote,
                           boolean hedge, double referenceFair) {
    public BacktestFill {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(side, "side");
        requirePositive("price", price);
        requirePositive("sizeBase", sizeBase);
        requirePositive("referenceFair", referenceFair);
        if (!Double.isFinite(feeQuote)) {
            throw new IllegalArgumentException("feeQuote must be finite (was " + feeQuote + ")");
        }
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0 (was " + value + ")");
        }
    }
}
