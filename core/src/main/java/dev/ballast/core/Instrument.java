package dev.ballast.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A market's trading rules: what it exchanges (base for quote), its tick size (smallest price step), lot
 * size (smallest size step) and minimum notional an order must reach.
 *
 * <p>Prices and sizes are exact decimals at the exchange boundary. Inside the engine, books hold prices
 * as a whole number of ticks and sizes as a whole number of lots ({@code long}); this class converts
 * between the two exactly, and rounds model prices (doubles) onto the tick grid in the safe direction.
 * Immutable and thread-safe.
 *
 * <h2>Sizes: base units or inverse contracts</h2>
 * On a spot market or a linear contract an order's size is in base units (BTC), and its notional is
 * price × size. On an <em>inverse</em> contract ({@link #isInverse()}, e.g. Binance COIN-M BTCUSD_PERP) the
 * size counts contracts, each worth a fixed {@link #contractSizeQuote()} of the quote currency (100 USD):
 * {@code n} contracts at price {@code P} are {@code n × m} quote of notional and {@code n × m / P} base of
 * exposure. Inventory, hedging and quoting think in base units; the {@code ...Base...} methods convert at a
 * price, exactly where it matters ({@link #sizeToBase}, rounded half-even to {@value #INVERSE_BASE_SCALE}
 * places as venues settle it; {@link #baseToLots} with an explicit rounding mode) and in doubles for models.
 * For base-unit markets they ignore the price and compute exactly what the lot methods compute.
 */
public record Instrument(
        InstrumentId id, Asset base, Asset quote, BigDecimal tickSize, BigDecimal lotSize, BigDecimal minNotional,
        BigDecimal contractSizeQuote) {

    /** Decimal places of an inverse contract's base amount {@code n × m / P}, rounded half-even. */
    public static final int INVERSE_BASE_SCALE = 16;

    /**
     * @param lotSize           the size step: base units, or contracts for an inverse contract
     * @param minNotional       the smallest notional in the quote currency an order may have, >= 0
     * @param contractSizeQuote for an inverse contract the quote value of one contract (> 0); null for spot and
     *                          linear markets, whose sizes are in base units
     */
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
        if (contractSizeQuote != null) {
            if (contractSizeQuote.signum() <= 0) {
                throw new IllegalArgumentException(id + ": contractSizeQuote must be > 0 (was " + contractSizeQuote
                        + ")");
            }
            contractSizeQuote = contractSizeQuote.stripTrailingZeros();
        }
        tickSize = tickSize.stripTrailingZeros();
        lotSize = lotSize.stripTrailingZeros();
    }

    /** A spot or linear market: sizes in base units. */
    public Instrument(InstrumentId id, Asset base, Asset quote, BigDecimal tickSize, BigDecimal lotSize,
                      BigDecimal minNotional) {
        this(id, base, quote, tickSize, lotSize, minNotional, null);
    }

    /**
     * An inverse contract: sizes in contracts of {@code contractSizeQuote} quote each.
     *
     * @param lotSizeContracts the size step in contracts (1 on Binance COIN-M)
     */
    public static Instrument inverse(InstrumentId id, Asset base, Asset quote, BigDecimal tickSize,
                                     BigDecimal lotSizeContracts, BigDecimal minNotional,
                                     BigDecimal contractSizeQuote) {
        Objects.requireNonNull(contractSizeQuote, "contractSizeQuote");
        return new Instrument(id, base, quote, tickSize, lotSizeContracts, minNotional, contractSizeQuote);
    }

    /** True when sizes count contracts of {@link #contractSizeQuote()} quote each rather than base units. */
    public boolean isInverse() {
        return contractSizeQuote != null;
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

    /** The order's value in the quote currency: {@code price × size}, or {@code size × contractSizeQuote} for an inverse contract. */
    public BigDecimal notionalQuote(BigDecimal price, BigDecimal size) {
        return isInverse() ? size.multiply(contractSizeQuote) : price.multiply(size);
    }

    /** True when the order's {@link #notionalQuote notional} reaches the minimum notional. */
    public boolean meetsMinNotional(BigDecimal price, BigDecimal size) {
        return notionalQuote(price, size).compareTo(minNotional) >= 0;
    }

    // ---------------------------------------------------------------- base units (inverse contracts convert at a price)

    /**
     * The base units {@code size} is at {@code price}: {@code size} itself for a base-unit market; for an inverse
     * contract {@code size × contractSizeQuote / price}, rounded half-even to {@value #INVERSE_BASE_SCALE} decimal
     * places — what a venue settles a fill of {@code size} contracts at {@code price} as.
     *
     * @throws IllegalArgumentException for an inverse contract when {@code price} is not > 0
     */
    public BigDecimal sizeToBase(BigDecimal size, BigDecimal price) {
        if (!isInverse()) {
            return size;
        }
        requirePositivePrice(price);
        return size.multiply(contractSizeQuote).divide(price, INVERSE_BASE_SCALE, RoundingMode.HALF_EVEN);
    }

    /**
     * The whole number of lots closest to {@code sizeBase} base units at {@code price}, rounded with {@code mode}
     * from the exact quotient: {@code sizeBase / lotSize} for a base-unit market,
     * {@code sizeBase × price / (contractSizeQuote × lotSize)} for an inverse contract. {@link RoundingMode#DOWN}
     * never buys or sells more base than asked; {@link RoundingMode#UNNECESSARY} throws when it is not whole.
     *
     * @throws IllegalArgumentException for an inverse contract when {@code price} is not > 0
     * @throws ArithmeticException      when the result does not fit a long, or per {@code mode}
     */
    public long baseToLots(BigDecimal sizeBase, BigDecimal price, RoundingMode mode) {
        Objects.requireNonNull(sizeBase, "sizeBase");
        Objects.requireNonNull(mode, "mode");
        if (!isInverse()) {
            return sizeBase.divide(lotSize, 0, mode).longValueExact();
        }
        requirePositivePrice(price);
        return sizeBase.multiply(price).divide(contractSizeQuote.multiply(lotSize), 0, mode).longValueExact();
    }

    /** {@link #sizeToBase} in doubles, for models: {@code size}, or {@code size × contractSizeQuote / price}. */
    public double sizeToBaseDouble(double size, double price) {
        return isInverse() ? size * contractSizeQuote.doubleValue() / price : size;
    }

    /** The base units of {@code lots} lots at {@code price}, as a double; {@link #lotsToDouble} for a base-unit market. */
    public double lotsToBaseDouble(long lots, double price) {
        return isInverse() ? lotsToDouble(lots) * contractSizeQuote.doubleValue() / price : lotsToDouble(lots);
    }

    /**
     * The notional in the quote currency of {@code lots} lots at {@code price}, as a double: {@code price × size},
     * or {@code size × contractSizeQuote} for an inverse contract.
     */
    public double lotsNotionalDouble(long lots, double price) {
        return isInverse() ? lotsToDouble(lots) * contractSizeQuote.doubleValue() : price * lotsToDouble(lots);
    }

    /**
     * Rounds a model size in base units down to a whole number of lots at {@code price} (never more base than
     * asked): {@link #roundSizeDownToLots} for a base-unit market; for an inverse contract the whole contracts in
     * {@code sizeBase × price / contractSizeQuote}, a quotient within 1e-9 lot of a whole number counting as it.
     *
     * @throws IllegalArgumentException when the size is negative or not finite, or for an inverse contract when
     *                                  {@code price} is not finite and > 0
     */
    public long roundBaseDownToLots(double sizeBase, double price) {
        if (!isInverse()) {
            return roundSizeDownToLots(sizeBase);
        }
        if (!Double.isFinite(sizeBase) || sizeBase < 0) {
            throw new IllegalArgumentException(id + ": size must be finite and >= 0 (was " + sizeBase + ")");
        }
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException(id + ": price must be finite and > 0 (was " + price + ")");
        }
        return roundSizeDownToLots(sizeBase * price / contractSizeQuote.doubleValue());
    }

    private void requirePositivePrice(BigDecimal price) {
        Objects.requireNonNull(price, "price");
        if (price.signum() <= 0) {
            throw new IllegalArgumentException(id + ": price must be > 0 (was " + price + ")");
        }
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
