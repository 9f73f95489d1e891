package dev.ballast.connectors.binance;

import dev.ballast.connectors.codec.DecimalGrid;
import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.book.SequenceRule;
import java.math.BigDecimal;

/**
 * The Binance BTC markets we read, with their trading rules and how their depth streams chain. Spot and
 * USD-M quote in USDT; COIN-M quotes in USD and counts sizes in contracts of 100 USD (lot 1), not BTC.
 */
public enum BinanceMarket {
    /** Spot BTCUSDT: tick 0.01, lot 0.00001 BTC; depth ids are contiguous. */
    SPOT(new Instrument(InstrumentId.of("binance", "BTCUSDT"), Asset.of("BTC"), Asset.of("USDT"),
            new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("5")), SequenceRule.CONTIGUOUS),
    /** USD-M perpetual BTCUSDT: tick 0.1, lot 0.001 BTC; each depth update names the previous one ({@code pu}). */
    USDM(new Instrument(InstrumentId.of("binance-usdm", "BTCUSDT"), Asset.of("BTC"), Asset.of("USDT"),
            new BigDecimal("0.1"), new BigDecimal("0.001"), new BigDecimal("100")), SequenceRule.LINKED),
    /** COIN-M perpetual BTCUSD_PERP, inverse: tick 0.1, lot 1 contract of 100 USD; linked like USD-M. */
    COINM(Instrument.inverse(InstrumentId.of("binance-coinm", "BTCUSD_PERP"), Asset.of("BTC"), Asset.of("USD"),
            new BigDecimal("0.1"), BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("100")), SequenceRule.LINKED);

    private final Instrument instrument;
    private final SequenceRule sequenceRule;
    private final DecimalGrid priceGrid;
    private final DecimalGrid sizeGrid;

    BinanceMarket(Instrument instrument, SequenceRule sequenceRule) {
        this.instrument = instrument;
        this.sequenceRule = sequenceRule;
        this.priceGrid = new DecimalGrid(instrument.tickSize());
        this.sizeGrid = new DecimalGrid(instrument.lotSize());
    }

    public Instrument instrument() {
        return instrument;
    }

    public SequenceRule sequenceRule() {
        return sequenceRule;
    }

    /** True for the futures markets, whose depth updates carry {@code pu}. */
    public boolean isFutures() {
        return sequenceRule == SequenceRule.LINKED;
    }

    DecimalGrid priceGrid() {
        return priceGrid;
    }

    DecimalGrid sizeGrid() {
        return sizeGrid;
    }
}
