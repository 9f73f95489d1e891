package dev.ballast.bot.config;

import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.VenueId;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One market on one venue ({@code venues.<id>.markets.<SYMBOL>}): what it trades, its exchange rules (tick,
 * lot, minimum notional), and, for a simulated venue, how its simulated book and takers behave. All fields are
 * required. Immutable.
 *
 * @param symbol the venue's own name for the market (the key in the config), e.g. {@code BTCUSDT}
 * @param base the asset bought and sold; must be configured under {@code assets} (checked by
 *     {@link BallastConfig})
 * @param quote the asset prices are in; must be the config's {@code quoteCurrency} (checked by
 *     {@link BallastConfig})
 * @param tickSize the smallest price step; > 0
 * @param lotSize the smallest size step; > 0
 * @param minNotional the smallest price × size an order may have; >= 0
 * @param bookSpreadBps the simulated book's spread between best bid and best ask, in bps of the price;
 *     > 0 and < 10000
 * @param bookLevels the number of price levels on each side of the simulated book; > 0
 * @param levelSize the size resting at each simulated level; > 0 and a multiple of {@code lotSize}
 * @param takerRatePerSec how many simulated taker orders arrive per second, on average; >= 0
 * @param takerMeanSize the mean size of a simulated taker order; > 0
 */
public record MarketConfig(
        String symbol,
        Asset base,
        Asset quote,
        BigDecimal tickSize,
        BigDecimal lotSize,
        BigDecimal minNotional,
        double bookSpreadBps,
        int bookLevels,
        BigDecimal levelSize,
        double takerRatePerSec,
        BigDecimal takerMeanSize) {

    /** @throws IllegalArgumentException listing every field that breaks its rule */
    public MarketConfig {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(lotSize, "lotSize");
        Objects.requireNonNull(minNotional, "minNotional");
        Objects.requireNonNull(levelSize, "levelSize");
        Objects.requireNonNull(takerMeanSize, "takerMeanSize");
        Rules r = new Rules();
        r.require(!symbol.isBlank(), "symbol must not be blank");
        r.require(!base.equals(quote), "quote must differ from base " + base + " (was " + quote + ")");
        r.positive("tickSize", tickSize);
        r.positive("lotSize", lotSize);
        r.nonNegative("minNotional", minNotional);
        r.positive("bookSpreadBps", bookSpreadBps);
        r.below("bookSpreadBps", bookSpreadBps, 10_000);
        r.positive("bookLevels", bookLevels);
        r.positive("levelSize", levelSize);
        if (levelSize.signum() > 0 && lotSize.signum() > 0) {
            r.require(levelSize.remainder(lotSize).signum() == 0, "levelSize must be a multiple of lotSize "
                    + Rules.show(lotSize) + " (was " + Rules.show(levelSize) + ")");
        }
        r.nonNegative("takerRatePerSec", takerRatePerSec);
        r.positive("takerMeanSize", takerMeanSize);
        r.throwIfAny();
        tickSize = Rules.normalize(tickSize);
        lotSize = Rules.normalize(lotSize);
        minNotional = Rules.normalize(minNotional);
        levelSize = Rules.normalize(levelSize);
        takerMeanSize = Rules.normalize(takerMeanSize);
    }

    /** The core instrument for this market on {@code venue}: its id, assets, tick, lot and minimum notional. */
    public Instrument instrument(VenueId venue) {
        return new Instrument(new InstrumentId(venue, symbol), base, quote, tickSize, lotSize, minNotional);
    }
}
