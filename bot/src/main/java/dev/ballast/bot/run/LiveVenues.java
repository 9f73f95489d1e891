package dev.ballast.bot.run;

import dev.ballast.bot.config.LiveVenueConfig;
import dev.ballast.bot.config.Mode;
import dev.ballast.bot.config.Secret;
import dev.ballast.connectors.Venue;
import dev.ballast.connectors.backtest.BacktestVenueConfig;
import dev.ballast.connectors.binance.BinanceVenue;
import dev.ballast.connectors.binance.BinanceVenueConfig;
import dev.ballast.connectors.backtest.ContractType;
import dev.ballast.connectors.kraken.KrakenVenue;
import dev.ballast.connectors.kraken.KrakenVenueConfig;
import dev.ballast.connectors.live.Credentials;
import dev.ballast.connectors.okx.OkxConfig;
import dev.ballast.connectors.okx.OkxVenue;
import dev.ballast.connectors.paperlive.PaperLiveVenue;
import dev.ballast.core.Instrument;
import dev.ballast.core.book.SequenceRule;
import dev.ballast.core.time.Clock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Makes the venue a {@code venues.<id>} entry with a live type asks for: the exchange's connector (with keys in
 * live mode, public data only in paper-live), and in paper-live the {@link PaperLiveVenue} that fills our orders
 * locally against that exchange's real market. The one place config meets connector classes. Stateless.
 */
public final class LiveVenues {
    /** How often a paper-live simulation is moved to the clock in a quiet market. */
    static final long PAPER_TICK_MS = 5;

    private LiveVenues() {
    }

    /** Whether this build can connect to venues of {@code type}. */
    public static boolean hasConnector(dev.ballast.bot.config.VenueType type) {
        return switch (type) {
            case BINANCE_SPOT, BINANCE_USDM, KRAKEN, OKX -> true;
            default -> false;
        };
    }

    /** The venue for {@code config} in {@code mode} (paper-live or live). Nothing is connected until it is started. */
    public static Venue create(LiveVenueConfig config, Mode mode, Clock clock) {
        Objects.requireNonNull(config, "config");
        if (mode != Mode.LIVE && mode != Mode.PAPER_LIVE) {
            throw new IllegalArgumentException("venues." + config.id() + ": live venue types run in live or paper-live mode, not "
                    + mode.configName());
        }
        Credentials credentials = mode == Mode.LIVE ? credentials(config) : null;
        Venue exchange = connector(config, credentials, clock);
        if (mode == Mode.LIVE) {
            return exchange;
        }
        LiveVenueConfig.PaperFills paper = config.paper().orElseThrow(() -> new IllegalArgumentException(
                "venues." + config.id() + ": paper-live needs the paper settings (balances)"));
        return PaperLiveVenue.over(exchange, instrument -> simulated(config, paper, instrument), clock, PAPER_TICK_MS);
    }

    private static Venue connector(LiveVenueConfig c, Credentials credentials, Clock clock) {
        List<String> symbols = List.copyOf(c.markets().keySet());
        Duration timeout = Duration.ofMillis(c.requestTimeoutMs());
        Duration stale = Duration.ofMillis(c.staleAfterMs());
        Duration refresh = Duration.ofSeconds(c.metadataRefreshSec());
        return switch (c.type()) {
            case KRAKEN -> {
                KrakenVenueConfig d = KrakenVenueConfig.of(symbols, credentials);
                yield KrakenVenue.create(new KrakenVenueConfig(c.id(), c.restUrl().toString(), c.wsUrl().toString(),
                        c.privateWsUrl().toString(), symbols, credentials, d.tier(), timeout, stale, refresh,
                        max(d.metadataTtl(), refresh.multipliedBy(2)), d.bookDepth(), d.readAttempts(),
                        d.lookupBackoffMin(), d.lookupBackoffMax(), d.notFoundConfirmations(),
                        d.serializePrivateCalls()), clock);
            }
            case BINANCE_SPOT, BINANCE_USDM -> BinanceVenue.create((c.type() == dev.ballast.bot.config.VenueType.BINANCE_SPOT
                    ? BinanceVenueConfig.spot(c.id(), symbols, credentials)
                    : BinanceVenueConfig.usdM(c.id(), symbols, credentials))
                    .withUrls(c.restUrl().toString(), c.wsUrl().toString(), c.privateWsUrl().toString())
                    .withTimeouts(timeout, stale), clock);
            case OKX -> OkxVenue.create(OkxConfig.of(symbols, credentials).withVenueId(c.id())
                    .withUrls(c.restUrl().toString(), c.wsUrl().toString(), c.privateWsUrl().toString())
                    .withMetadata(max(Duration.ofHours(1), refresh.multipliedBy(2)), refresh)
                    .withTimings(timeout, okxPing(stale), stale, Duration.ofMillis(250), Duration.ofSeconds(5)), clock);
            default -> throw new IllegalArgumentException("venues." + c.id() + ".type " + c.type().configName()
                    + " has no connector in this build");
        };
    }

    /** The paper-live simulation of one market: the live instrument's tick and lot, the paper fees and balances. */
    static BacktestVenueConfig simulated(LiveVenueConfig config, LiveVenueConfig.PaperFills paper, Instrument instrument) {
        ContractType contract = switch (config.type()) {
            case BINANCE_USDM -> ContractType.LINEAR_PERPETUAL;
            default -> ContractType.SPOT;
        };
        return new BacktestVenueConfig(config.id(), instrument, contract, BigDecimal.ONE, SequenceRule.SEQUENTIAL,
                paper.makerFeeBps(), paper.takerFeeBps(), paper.latencyMs(), paper.latencyMs(), paper.balances());
    }

    private static Credentials credentials(LiveVenueConfig c) {
        LiveVenueConfig.ApiKeys keys = c.keys().orElseThrow(() -> new IllegalArgumentException(
                "venues." + c.id() + ": live mode needs apiKey and apiSecret"));
        return new Credentials(keys.apiKey().reveal(), keys.apiSecret().reveal(),
                keys.passphrase().map(Secret::reveal).orElse(null));
    }

    /** OKX drops a connection silent for 30 s: ping well before that, and before our own stale limit. */
    private static Duration okxPing(Duration stale) {
        Duration half = stale.dividedBy(2);
        Duration limit = Duration.ofSeconds(15);
        return half.compareTo(limit) < 0 ? half : limit;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
