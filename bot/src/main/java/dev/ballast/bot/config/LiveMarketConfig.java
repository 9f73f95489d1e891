package dev.ballast.bot.config;

import dev.ballast.core.Asset;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.VenueId;
import java.util.Objects;

/**
 * One market on a live venue ({@code venues.<id>.markets.<SYMBOL>} of a live type): which of the bot's assets
 * the exchange's symbol trades. Its tick, lot and minimum notional are not configured: they come from the exchange
 * when the venue starts. Immutable.
 *
 * @param symbol the exchange's own name for the market (the key in the config): {@code BTCUSDT} on Binance,
 *     {@code XBT/USDT} on Kraken, {@code BTC-USDT} or {@code BTC-USDT-SWAP} on OKX; no blanks
 * @param base the asset bought and sold, as the bot names it ({@code BTC}, also where Kraken says {@code XBT});
 *     must be configured under {@code assets} (checked by {@link BallastConfig})
 * @param quote the asset prices are in; must be the config's {@code quoteCurrency} (checked by
 *     {@link BallastConfig})
 */
public record LiveMarketConfig(String symbol, Asset base, Asset quote) {

    /** @throws IllegalArgumentException listing every field that breaks its rule */
    public LiveMarketConfig {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(quote, "quote");
        Rules r = new Rules();
        r.require(!symbol.isEmpty() && symbol.chars().noneMatch(Character::isWhitespace),
                "symbol must be the exchange's symbol, without blanks (was '" + symbol + "')");
        r.require(!base.equals(quote), "quote must differ from base " + base + " (was " + quote + ")");
        r.throwIfAny();
    }

    /** The market's id on {@code venue}. */
    public InstrumentId instrumentId(VenueId venue) {
        return new InstrumentId(venue, symbol);
    }
}
