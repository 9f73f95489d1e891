package dev.ballast.bot.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.bot.config.BallastConfig;
import dev.ballast.bot.config.ConfigLoader;
import dev.ballast.bot.engine.Engine;
import dev.ballast.bot.journal.JdbcJournal;
import dev.ballast.bot.journal.Journal;
import dev.ballast.bot.journal.Synchronous;
import dev.ballast.bot.recovery.RecoveryReport;
import dev.ballast.core.Asset;
import dev.ballast.core.ClientOrderIdGenerator;
import dev.ballast.core.VenueId;
import dev.ballast.core.time.ManualClock;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default config.yaml traded twice on one journal, ninety simulated seconds each, stopped in between: the second
 * run recovers from the journal (the simulated venues start from its balances), finds nothing to correct, and
 * continues from the first run's positions with new client order ids.
 */
class PaperRunRestartTest {
    private static final long START_NS = 1_767_225_600_000_000_000L;
    private static final Duration STEP = Duration.ofMillis(10);
    private static final Duration RUN = Duration.ofSeconds(90);

    @TempDir
    static Path dir;

    private static final ManualClock clock = new ManualClock(START_NS);
    private static BallastConfig config;
    private static Run first;
    private static Run second;

    /** One run: what it recovered, held at its start and end, placed and filled. */
    private record Run(RecoveryReport recovered, Map<String, BigDecimal> atStart, Map<String, BigDecimal> atEnd,
                       long placed, long fills, long duplicateFills, long journalErrors, long eventErrors,
                       boolean flat) {
    }

    @BeforeAll
    static void tradeStopAndTradeAgain() throws Exception {
        config = ConfigLoader.load(projectRoot().resolve("config.yaml"), Map.<String, String>of()::get);
        first = run();
        clock.advance(Duration.ofMinutes(1));
        second = run();
    }

    private static Run run() throws Exception {
        Journal journal = JdbcJournal.open(dir.resolve("journal.db").toString(), Synchronous.NORMAL);
        try {
            PaperTrading bot = PaperTrading.assemble(config, clock, journal);
            Engine engine = bot.engine();
            RecoveryReport recovered = bot.recovery().start(engine);
            Map<String, BigDecimal> atStart = holdings(engine);
            long endNs = clock.nowNs() + RUN.toNanos();
            while (clock.nowNs() < endNs) {
                step(bot);
            }
            engine.beginShutdown("end of run");
            for (int i = 0; i < 1_000 && !engine.isFlat(); i++) {
                step(bot);
            }
            for (int i = 0; i < 20; i++) {
                step(bot);
            }
            engine.journalSnapshot();
            long fills = engine.fillsByMarket().values().stream().mapToLong(Long::longValue).sum();
            return new Run(recovered, atStart, holdings(engine), engine.orders().placedCount(), fills,
                    engine.duplicateFills(), engine.journalErrors(), engine.eventErrors(), engine.isFlat());
        } finally {
            journal.close();
        }
    }

    private static void step(PaperTrading bot) {
        clock.advance(STEP);
        bot.market().doWork();
        bot.engine().doWork();
    }

    private static Map<String, BigDecimal> holdings(Engine engine) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (VenueId venue : engine.venues().keySet()) {
            out.put(venue + " " + config.quoteCurrency(), engine.inventory().cash(venue));
            for (Asset asset : config.assets().keySet()) {
                out.put(venue + " " + asset, engine.inventory().quantity(asset, venue));
            }
        }
        return out;
    }

    private static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.exists(p.resolve("config.yaml")) && Files.exists(p.resolve("pom.xml")))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("project root with config.yaml not found");
        }
        return p;
    }

    private static List<String> query(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("journal.db"));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    @Test
    void shouldTradeInBothRunsAndStopFlatEachTime() {
        assertThat(first.fills()).isGreaterThan(10);
        assertThat(second.fills()).isGreaterThan(10);
        assertThat(first.flat()).isTrue();
        assertThat(second.flat()).isTrue();
    }

    @Test
    void shouldContinueTheSecondRunFromTheFirstRunsPositions() {
        assertThat(second.atStart()).isEqualTo(first.atEnd());
        assertThat(second.atStart()).isNotEqualTo(first.atStart());
    }

    @Test
    void shouldRecoverCleanlyWithNothingToCorrect() {
        RecoveryReport r = second.recovered();
        assertThat(r.refused()).isFalse();
        assertThat(r.differences()).isEmpty();
        assertThat(r.fillsWhileDown()).isEmpty();
        assertThat(r.adopted()).isEmpty();
        assertThat(r.settled()).as("a clean stop leaves no order open").isEmpty();
    }

    @Test
    void shouldNeverReuseAClientOrderIdAcrossRuns() throws Exception {
        List<String> ids = query("SELECT client_order_id FROM orders");
        List<String> sessions = query("SELECT DISTINCT substr(client_order_id, 1, "
                + (PaperTrading.CLIENT_ID_PREFIX.length() + ClientOrderIdGenerator.SESSION_WIDTH) + ") FROM orders");

        assertThat(ids).hasSize((int) (first.placed() + second.placed())).doesNotHaveDuplicates();
        assertThat(sessions).hasSize(2);
        assertThat(first.journalErrors() + second.journalErrors()).as("no intent refused as a duplicate").isZero();
    }

    @Test
    void shouldJournalEveryFillOnceAndCountNoneTwice() throws Exception {
        assertThat(query("SELECT COUNT(*) FROM fills")).containsExactly(String.valueOf(first.fills() + second.fills()));
        assertThat(first.duplicateFills() + second.duplicateFills()).isZero();
        assertThat(first.eventErrors() + second.eventErrors()).isZero();
        assertThat(query("SELECT COUNT(*) FROM orders WHERE status IN ('PENDING_NEW','OPEN','PARTIALLY_FILLED','UNKNOWN')"))
                .containsExactly("0");
    }
}
