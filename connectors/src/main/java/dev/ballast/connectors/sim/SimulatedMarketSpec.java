package dev.ballast.connectors.sim;

import dev.ballast.core.Instrument;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One market of a simulated venue: the instrument with its trading rules, and the shape of the synthetic
 * liquidity and flow around the venue's mid — the full spread of the synthetic book in bps, the number of levels
 * per side, the typical size of a level (base units), and anonymous market orders arriving as a Poisson process of
 * {@code takerRatePerSec} with exponentially distributed sizes of mean {@code takerMeanSize} (base units).
 */
public record SimulatedMarketSpec(Instrument instrument, double bookSpreadBps, int bookLevels, BigDecimal levelSize,
                                  double takerRatePerSec, BigDecimal takerMeanSize) {
    public SimulatedMarketSpec {
        Objects.requireNonNull(instrument, "instrument");
        String at = "markets." + instrument.id().symbol() + ".";
        if (!(bookSpreadBps > 0) || !Double.isFinite(bookSpreadBps)) {
            throw new IllegalArgumentException(at + "bookSpreadBps must be finite and > 0 (was " + bookSpreadBps + ")");
        }
        if (bookLevels < 1 || bookLevels > 1000) {
            throw new IllegalArgumentException(at + "bookLevels must be in [1, 1000] (was " + bookLevels + ")");
        }
        Objects.requireNonNull(levelSize, at + "levelSize");
        if (levelSize.compareTo(instrument.lotSize()) < 0) {
            throw new IllegalArgumentException(at + "levelSize must be >= the lot size " + instrument.lotSize()
                    + " (was " + levelSize + ")");
        }
        if (!(takerRatePerSec >= 0) || !Double.isFinite(takerRatePerSec)) {
            throw new IllegalArgumentException(at + "takerRatePerSec must be finite and >= 0 (was " + takerRatePerSec + ")");
        }
        Objects.requireNonNull(takerMeanSize, at + "takerMeanSize");
        if (takerMeanSize.signum() <= 0) {
            throw new IllegalArgumentException(at + "takerMeanSize must be > 0 (was " + takerMeanSize + ")");
        }
    }
}
