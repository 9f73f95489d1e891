package dev.ballast.bot.run;

import dev.ballast.bot.config.BallastConfig;
import dev.ballast.bot.config.LiveMarketConfig;
import dev.ballast.bot.config.LiveVenueConfig;
import dev.ballast.bot.engine.Engine;
import dev.ballast.bot.journal.Journal;
import dev.ballast.bot.recovery.ReconciliationSettings;
import dev.ballast.bot.recovery.Recovery;
import dev.ballast.connectors.Venue;
import dev.ballast.core.Instrument;
import dev.ballast.core.VenueId;
import dev.ballast.core.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bot on real exchanges, assembled from config: in {@code live} mode the exchanges' connectors with the keys
 * from the environment; in {@code paper-live} their public market data with our fills simulated locally. The
 * engine is the same as in paper mode ({@link PaperTrading#engine}). Assembly reads each venue's instruments
 * (blocking REST: tick, lot and minimum notional come from the exchange) and checks them against the config.
 */
public final class LiveTrading implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveTrading.class);

    private final Engine engine;
    private final Map<VenueId, Venue> venues;
    private final Journal journal;
    private final Recovery recovery;
    private final ReconciliationSettings reconciliation;

    private LiveTrading(Engine engine, Map<VenueId, Venue> venues, Journal journal, Recovery recovery,
                        ReconciliationSettings reconciliation) {
        this.engine = engine;
        this.venues = venues;
        this.journal = journal;
        this.recovery = recovery;
        this.reconciliation = reconciliation;
    }

    /**
     * Builds the venues and the engine; nothing streams until the engine starts.
     *
     * @throws IllegalStateException when an exchange does not list a configured market, or lists it with other
     *                               assets than the config says; the venues made so far are closed
     */
    public static LiveTrading assemble(BallastConfig config, Clock clock, Journal journal) {
        Map<VenueId, Venue> venues = new LinkedHashMap<>();
        List<Instrument> instruments = new ArrayList<>();
        try {
            for (LiveVenueConfig vc : config.liveVenues().values()) {
                Venue venue = LiveVenues.create(vc, config.mode(), clock);
                venues.put(vc.id(), venue);
                instruments.addAll(configured(vc, venue.instruments()));
            }
            Engine engine = PaperTrading.engine(config, clock, venues, instruments, journal);
            ReconciliationSettings reconciliation = PaperTrading.reconciliation(config);
            return new LiveTrading(engine, venues, journal, new Recovery(journal, venues, reconciliation, clock),
                    reconciliation);
        } catch (RuntimeException e) {
            venues.values().forEach(LiveTrading::closeQuietly);
            throw e;
        }
    }

    /** The exchange's instrument for each configured market, checked against the config's base and quote. */
    static List<Instrument> configured(LiveVenueConfig vc, List<Instrument> listed) {
        List<Instrument> out = new ArrayList<>();
        for (LiveMarketConfig m : vc.markets().values()) {
            Instrument found = listed.stream().filter(i -> i.id().symbol().equals(m.symbol())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("venues." + vc.id() + ".markets." + m.symbol()
                            + ": " + vc.type().configName() + " does not list this market (it lists "
                            + listed.stream().map(i -> i.id().symbol()).limit(10).toList() + ")"));
            if (!found.base().equals(m.base()) || !found.quote().equals(m.quote())) {
                throw new IllegalStateException("venues." + vc.id() + ".markets." + m.symbol() + ": the exchange trades "
                        + found.base() + "/" + found.quote() + ", the config says " + m.base() + "/" + m.quote());
            }
            LOG.info("{}: {} tick {} lot {} min notional {}", vc.id(), m.symbol(), found.tickSize().toPlainString(),
                    found.lotSize().toPlainString(), found.minNotional().toPlainString());
            out.add(found);
        }
        return out;
    }

    public Engine engine() {
        return engine;
    }

    public Map<VenueId, Venue> venues() {
        return venues;
    }

    public Journal journal() {
        return journal;
    }

    /** The start: recovery from the journal and reconciliation with the exchanges before the first quote. */
    public Recovery recovery() {
        return recovery;
    }

    public ReconciliationSettings reconciliationSettings() {
        return reconciliation;
    }

    /** Stops the venues' streams and threads (after the engine has cancelled our orders). */
    @Override
    public void close() {
        venues.values().forEach(LiveTrading::closeQuietly);
    }

    private static void closeQuietly(Venue v) {
        try {
            v.close();
        } catch (RuntimeException e) {
            LOG.warn("{}: close failed: {}", v.id(), e.toString());
        }
    }
}
