package dev.ballast.bot.recovery;


import dev.ballast.bot.engine.AssetSettings;
import dev.ballast.bot.engine.BrainSettings;
import dev.ballast.bot.engine.Engine;
import dev.ballast.bot.engine.EngineSettings;
import dev.ballast.bot.engine.OrderManager;
import dev.ballast.bot.inventory.InventoryAggregator;
import dev.ballast.bot.inventory.InventoryTarget;
import dev.ballast.bot.journal.JdbcJournal;
import dev.ballast.bot.journal.Journal;
import dev.ballast.bot.journal.Synchronous;
import dev.ballast.bot.testing.ScriptedVenue;
import dev.ballast.connectors.Venue;
import dev.ballast.core.Asset;
import dev.ballast.core.ClientOrderIdGenerator;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Order;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.book.SequenceRule;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.inbox.Inbox;
import dev.ballast.core.time.ManualClock;
import dev.ballast.strategies.quoting.LinearSkewQuoteModel;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bot that ran once on a scripted venue: the first session journaled its start and left one order open, then
 * stopped. Tests script what the venue says happened since, and start a second session with {@link #session}.
 */
abstract class RecoveryFixture {
    static final long START_NS = 1_767_225_600_000_000_000L;
    static final Asset BTC = Asset.of("BTC");
    static final Asset USDT = Asset.of("USDT");
    static final VenueId SIM_A = VenueId.of("sim-a");
    static final Instrument BTC_A = new Instrument(new InstrumentId(SIM_A, "BTCUSDT"), BTC, USDT,
            new BigDecimal("0.01"), new BigDecimal("0.001"), new BigDecimal("5"));

    @TempDir
    Path dir;

    ManualClock clock = new ManualClock(START_NS);
    ScriptedVenue venue;
    Journal journal;
    Engine engine;
    Recovery recovery;
    /** The order the first session left open (acknowledged, resting). */
    Order leftOpen;

    /** One session of the bot on the venue: a journal, an engine journaling to it, and its recovery. */
    void session(String relativeTolerance, boolean cancelUnknownOrders) {
        journal = JdbcJournal.open(dir.resolve("journal.db").toString(), Synchronous.NORMAL);
        Map<VenueId, Venue> venues = Map.of(SIM_A, venue);
        InventoryAggregator inventory = new InventoryAggregator(USDT, Map.of(BTC, new InventoryTarget(
                new BigDecimal("0.5"), new BigDecimal("0.05"), new BigDecimal("0.3"))));
        OrderManager orders = new OrderManager(clock,
                new ClientOrderIdGenerator("bl", journal.beginSession(clock.nowMs(), clock.nowNs())), venues);
        engine = new Engine(clock, new Inbox<Event>(1024), venues, orders, inventory, List.of(BTC_A),
                Map.of(BTC, new AssetSettings(BTC, new LinearSkewQuoteModel(0.01, 10, 100), 0.3, null)),
                new EngineSettings(Duration.ofMillis(100).toNanos(), 0, Duration.ofSeconds(5).toNanos(), 1000),
                BrainSettings.defaults(), i -> new OrderBook(i, SequenceRule.SEQUENTIAL));
        engine.journal(journal, 0);
        ReconciliationSettings settings = new ReconciliationSettings(Duration.ofSeconds(30).toNanos(),
                BalanceTolerance.relative(relativeTolerance), cancelUnknownOrders, "bl");
        recovery = new Recovery(journal, venues, settings, clock);
    }

    @BeforeEach
    void firstSessionLeavesOneOrderOpen() throws Exception {
        venue = new ScriptedVenue(SIM_A, List.of(BTC_A)).balance("BTC", "0.5").balance("USDT", "50000");
        session("0.001", false);
        recovery.start(engine);
        leftOpen = engine.orders().place(BTC_A, Side.BUY, OrderType.LIMIT_POST_ONLY, 6_000_000, 10, "quote");
        engine.onEvent(new OrderAccepted(BTC_A.id(), leftOpen.clientOrderId(), new VenueOrderId("v1"), clock.nowNs()));
        journal.close(); // a kill leaves the same journal: every write was committed as it was made
        clock.advance(Duration.ofMinutes(5));
        venue = new ScriptedVenue(SIM_A, List.of(BTC_A)).balance("BTC", "0.5").balance("USDT", "50000");
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }
}
