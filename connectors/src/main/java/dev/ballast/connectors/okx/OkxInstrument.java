package dev.ballast.connectors.okx;

import dev.ballast.connectors.codec.DecimalGrid;
import dev.ballast.core.Instrument;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * One OKX instrument as the venue needs it at its boundary: the core {@link Instrument} the engine trades (prices
 * in the quote asset, sizes in the base asset) plus what OKX counts in. Spot sizes are base units; a linear swap
 * counts contracts of {@code ctVal × ctMult} base units each ({@code BTC-USDT-SWAP}: 0.01 BTC), so the core
 * instrument's lot is {@code lotSz × ctVal × ctMult} base units and one lot on our side is one {@code lotSz} on
 * OKX's: book sizes in lots need no conversion, order sizes do. Immutable and thread-safe.
 */
final class OkxInstrument {
    /** OKX's instrument families this venue trades. */
    enum Type {
        SPOT("cash"),
        SWAP("cross");

        private final String tradeMode;

        Type(String tradeMode) {
            this.tradeMode = tradeMode;
        }

        /** OKX's {@code instType} value. */
        String wireName() {
            return name();
        }

        /** OKX's {@code tdMode} for our orders: spot without margin, swaps cross-margined. */
        String tradeMode() {
            return tradeMode;
        }

        static Type parse(String instType) {
            return valueOf(instType.toUpperCase(Locale.ROOT));
        }
    }

    private final Instrument instrument;
    private final Type type;
    private final BigDecimal venueLotSize;
    private final BigDecimal minVenueSize;
    private final BigDecimal contractSize;
    private final DecimalGrid priceGrid;
    private final DecimalGrid venueSizeGrid;

    /**
     * @param venueLotSize  OKX's {@code lotSz}, in OKX's size unit (base units for spot, contracts for swaps)
     * @param minVenueSize  OKX's {@code minSz}, in the same unit
     * @param contractSize  base units per OKX size unit: 1 for spot, {@code ctVal × ctMult} for a linear swap
     * @throws IllegalArgumentException if the sizes are not positive or the core lot does not match
     */
    OkxInstrument(Instrument instrument, Type type, BigDecimal venueLotSize, BigDecimal minVenueSize,
                  BigDecimal contractSize) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.type = Objects.requireNonNull(type, "type");
        this.venueLotSize = positive(venueLotSize, "lotSz");
        this.minVenueSize = Objects.requireNonNull(minVenueSize, "minSz");
        this.contractSize = positive(contractSize, "contractSize");
        if (instrument.lotSize().compareTo(venueLotSize.multiply(contractSize)) != 0) {
            throw new IllegalArgumentException(instrument.id() + ": lot size " + instrument.lotSize().toPlainString()
                    + " is not lotSz " + venueLotSize.toPlainString() + " x contract size " + contractSize.toPlainString());
        }
        this.priceGrid = new DecimalGrid(instrument.tickSize());
        this.venueSizeGrid = new DecimalGrid(venueLotSize);
    }

    Instrument instrument() {
        return instrument;
    }

    /** OKX's {@code instId}, which is also our symbol. */
    String instId() {
        return instrument.id().symbol();
    }

    Type type() {
        return type;
    }

    BigDecimal contractSize() {
        return contractSize;
    }

    /** OKX's {@code minSz} expressed in base units. */
    BigDecimal minSizeBase() {
        return minVenueSize.multiply(contractSize);
    }

    /** A price as OKX sends it, in ticks. @throws dev.ballast.connectors.codec.MalformedDecimalException if off the grid */
    long priceTicks(String px) {
        return priceGrid.toSteps(px);
    }

    /**
     * A book or trade size as OKX sends it, in lots; a size finer than {@code lotSz} (older resting orders) rounds up
     * so a non-empty level stays non-empty.
     */
    long sizeLots(String sz) {
        return venueSizeGrid.toStepsRoundingUp(sz);
    }

    /** An order size in base units as OKX's {@code sz} text: base units for spot, contracts for swaps. */
    String venueSize(BigDecimal baseSize) {
        BigDecimal v = type == Type.SPOT ? baseSize : baseSize.divide(contractSize);
        return v.stripTrailingZeros().toPlainString();
    }

    /** OKX's {@code sz}/{@code fillSz} text as base units. */
    BigDecimal baseSize(String venueSize) {
        return new BigDecimal(venueSize).multiply(contractSize).stripTrailingZeros();
    }

    private static BigDecimal positive(BigDecimal v, String name) {
        Objects.requireNonNull(v, name);
        if (v.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be > 0 (was " + v.toPlainString() + ")");
        }
        return v;
    }

    @Override
    public String toString() {
        return "OkxInstrument[" + instId() + " " + type + ", tick " + instrument.tickSize().toPlainString() + ", lotSz "
                + venueLotSize.toPlainString() + ", minSz " + minVenueSize.toPlainString() + ", contract "
                + contractSize.toPlainString() + "]";
    }
}
