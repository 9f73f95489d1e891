package dev.ballast.bot.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Side;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal contract on an SQLite file, plus what is particular to SQLite: WAL, the lock file, paths. */
class SqliteJournalTest extends JournalContractTest {
    @TempDir
    Path dir;

    Path file() {
        return dir.resolve("data/journal.db");
    }

    @Override
    Journal openFresh() {
        return JdbcJournal.open(file().toString(), Synchronous.NORMAL);
    }

    @Override
    Journal reopen() {
        return JdbcJournal.open(file().toString(), Synchronous.NORMAL);
    }

    @Test
    void shouldCreateItsDirectoryAndRunInWalMode() throws Exception {
        assertThat(Files.exists(file())).isTrue();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
            r.next();
            assertThat(r.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void shouldRefuseToOpenAJournalAnotherBotHolds() {
        assertThatThrownBy(this::reopen)
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("in use by another Ballast process");
    }

    @Test
    void shouldAcceptAJdbcUrlAsWellAsAPath() {
        journal.intent(order("bl1", BTC_A, Side.BUY, "60000", "0.01"), "quote");
        journal.close();

        journal = JdbcJournal.open("jdbc:sqlite:" + file(), Synchronous.FULL);

        assertThat(journal.order(new ClientOrderId("bl1"))).isPresent();
    }

    @Test
    void shouldRefuseWritesOnceClosed() {
        journal.close();

        assertThatThrownBy(() -> journal.intent(order("bl1", BTC_A, Side.BUY, "60000", "0.01"), "quote"))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void shouldRecordHedgeDecisionsWithTheirReasonForTheOperatorToRead() throws Exception {
        journal.hedgeDecision(1_000, BTC, "HEDGE", Side.SELL, 0.05, "HEDGE SELL BTC: drift 0.08 beyond band 0.02");
        journal.hedgeDecision(2_000, BTC, "WAIT", null, 0, "WAIT BTC: open drift within band");

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT action, side, size_base, reason FROM hedge_decisions ORDER BY seq")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("HEDGE");
            assertThat(r.getString(2)).isEqualTo("SELL");
            assertThat(r.getString(3)).isEqualTo("0.05");
            assertThat(r.getString(4)).contains("beyond band");
            assertThat(r.next()).isTrue();
            assertThat(r.getString(2)).isNull();
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void shouldHideAPasswordInTheUrlItShows() {
        assertThat(JdbcJournal.redact("jdbc:postgresql://db:5432/ballast?user=bot&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/ballast?user=bot&password=***&ssl=true");
        assertThat(JdbcJournal.redact("jdbc:postgresql://bot:s3cret@db/ballast"))
                .isEqualTo("jdbc:postgresql://bot:***@db/ballast");
    }
}
