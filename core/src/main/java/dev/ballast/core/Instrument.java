package dev.ballast.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A market's trading rules: what it exchanges (base for quote), its tick size (smallest price step), lot
 * size (smallest size step) and minimum notional (price × size) an order must reach.
 *
 * <p>Prices and sizes are exact decimals at the exchange boundary. Inside the engine, books hold prices
 * as a whole number of ticks and sizes as a whole number of lots ({@code long}); this class converts
 * between the two exactly, and rounds model prices (doubles) onto the tick grid in the safe direction.
 * Immutable and thread-safe.
 */
public record Instrument(
        InstrumentId id, Asset base, Asset quote, BigDecimal tickSize, BigDecimal lotSize, BigDecimal minNotional) {

    public Instrument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(quote, "quote");
        requirePositive(tickSize, "tickSize");
        requirePositive(lotSize, "lotSize");
        Objects.requireNonNull(minNotional, "minNotional");
        if (minNotional.signum() < 0) {
            throw new IllegalArgumentException(id + ": minNotional must be >= 0 (was " + minNotional + ")");
        }
        if (base.equals(quote)) {
            throw new IllegalArgumentException(id + ": base and quote must differ (both " + base + ")");
        }
        tickSize = tickSize.stripTrailingZeros();
        lotSize = lotSize.stripTrailingZeros();
    }

    private static void requirePositive(BigDecimal v, String name) {
        Objects.requireNonNull(v, name);
        if (v.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be > 0 (was " + v + ")");
        }
    }

    /** The tick size as a double, for models that work in doubles. */
    public double tickSizeDouble() {
        return tickSize.doubleValue();
    }

    /** The lot size as a double. */
    public double lotSizeDouble() {
        return lotSize.doubleValue();
    }

    /** The number of ticks in {@code price}, which must lie exactly on the tick grid. */
    public long priceToTicks(BigDecimal price) {
        return exactMultiple(price, tickSize, "price");
    }

    /** The exact price of {@code ticks} ticks. */
    public BigDecimal ticksToPrice(long ticks) {
        return tickSize.multiply(BigDecimal.valueOf(ticks)).stripTrailingZeros();
    }

    /** The price of {@code ticks} ticks as a double (for models and display, never for orders). */
    public double ticksToDouble(long ticks) {
        return ticks * tickSizeDouble();
    }

    /** The number of lots in {@code size}, which must lie exactly on the lot grid. */
    public long sizeToLots(BigDecimal size) {
        return exactMultiple(size, lotSize, "size");
    }

    /** The exact size of {@code lots} lots. */
    public BigDecimal lotsToSize(long lots) {
        return lotSize.multiply(BigDecimal.valueOf(lots)).stripTrailingZeros();
    }

    /** The size of {@code lots} lots as a double. */
    public double lotsToDouble(long lots) {
        return lots * lotSizeDouble();
    }

    /**
     * Rounds a model price to a whole number of ticks: a bid rounds down ({@link RoundingMode#FLOOR}), an
     * ask rounds up ({@link RoundingMode#CEILING}) so rounding never makes a quote more aggressive. A price
     * within 1e-9 tick of the grid counts as on it, so binary noise in the double does not move it a tick.
     */
    public long roundToTicks(double price, Side side) {
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException(id + ": price must be finite (was " + price + ")");
        }
        double t = price / tickSizeDouble();
        double nearest = Math.rint(t);
        if (Math.abs(t - nearest) < 1e-9) {
            return (long) nearest;
        }
        return side == Side.BUY ? (long) Math.floor(t) : (long) Math.ceil(t);
    }

    /** Rounds an exact price onto the tick grid with the given mode. */
    public BigDecimal roundPrice(BigDecimal price, RoundingMode mode) {
        return price.divide(tickSize, 0, mode).multiply(tickSize).stripTrailingZeros();
    }

    /** Rounds an exact size down onto the lot grid (never sends more than asked). */
    public BigDecimal roundSizeDown(BigDecimal size) {
        return size.divide(lotSize, 0, RoundingMode.DOWN).multiply(lotSize).stripTrailingZeros();
    }

    /** Rounds a model size (a double) down to a whole number of lots. */
    public long roundSizeDownToLots(double size) {
        if (!Double.isFinite(size) || size < 0) {
            throw new IllegalArgumentException(id + ": size must be finite and >= 0 (was " + size + ")");
        }
        double l = size / lotSizeDouble();
        double nearest = Math.rint(l);
        return Math.abs(l - nearest) < 1e-9 ? (long) nearest : (long) Math.floor(l);
    }

    /** True when {@code price × size} reaches the minimum notional. */
    public boolean meetsMinNotional(BigDecimal price, BigDecimal size) {
        return price.multiply(size).compareTo(minNotional) >= 0;
    }

    private long exactMultiple(BigDecimal value, BigDecimal step, String what) {
        BigDecimal[] qr = value.divideAndRemainder(step);
        if (qr[1].signum() != 0) {
            throw new IllegalArgumentException(id + ": " + what + " " + value.toPlainString()
                    + " is not a multiple of " + step.toPlainString());
        }
        return qr[0].longValueExact();
    }
}
