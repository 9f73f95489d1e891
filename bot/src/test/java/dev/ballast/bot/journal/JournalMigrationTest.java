package dev.ballast.bot.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Side;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The versioned schema: migrations applied in order on open, once; older journals brought up; newer refused. */
class JournalMigrationTest {
    /** What a next build might add: a column and a table, on top of this build's schema. */
    private static final Migration NEXT = new Migration(Schema.latestVersion(Schema.MIGRATIONS) + 1,
            "operator notes", d -> List.of(
                    "ALTER TABLE orders ADD COLUMN note TEXT",
                    "CREATE TABLE operator_notes (id " + d.autoId + ", text TEXT NOT NULL)"));

    @TempDir
    Path dir;

    private String path() {
        return dir.resolve("journal.db").toString();
    }

    private static List<Migration> withNext() {
        List<Migration> all = new ArrayList<>(Schema.MIGRATIONS);
        all.add(NEXT);
        return all;
    }

    private List<Integer> appliedVersions() throws Exception {
        List<Integer> versions = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            while (r.next()) {
                versions.add(r.getInt(1));
            }
        }
        return versions;
    }

    @Test
    void shouldBuildANewJournalAtThisBuildsVersion() throws Exception {
        try (JdbcJournal journal = JdbcJournal.open(path(), Synchronous.NORMAL)) {
            assertThat(journal.schemaVersion()).isEqualTo(Schema.latestVersion(Schema.MIGRATIONS));
        }
        assertThat(appliedVersions()).containsExactly(1);
    }

    @Test
    void shouldApplyNothingWhenOpeningAJournalThatIsUpToDate() throws Exception {
        JdbcJournal.open(path(), Synchronous.NORMAL).close();
        JdbcJournal.open(path(), Synchronous.NORMAL).close();

        assertThat(appliedVersions()).containsExactly(1);
    }

    @Test
    void shouldBringAnOlderJournalUpToDateKeepingItsRecords() throws Exception {
        try (JdbcJournal older = JdbcJournal.open(path(), Synchronous.NORMAL)) {
            older.intent(JournalContractTest.order("bl1", JournalContractTest.BTC_A, Side.BUY, "60000", "0.01"), "quote");
        }

        try (JdbcJournal newer = JdbcJournal.open(path(), Synchronous.NORMAL, withNext())) {
            assertThat(newer.schemaVersion()).isEqualTo(NEXT.version());
            assertThat(newer.order(new ClientOrderId("bl1"))).isPresent();
            newer.intent(JournalContractTest.order("bl2", JournalContractTest.BTC_A, Side.SELL, "61000", "0.01"), "quote");
        }
        assertThat(appliedVersions()).containsExactly(1, NEXT.version());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM orders WHERE note IS NULL")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void shouldRefuseAJournalWrittenByANewerBuild() {
        JdbcJournal.open(path(), Synchronous.NORMAL, withNext()).close();

        assertThatThrownBy(() -> JdbcJournal.open(path(), Synchronous.NORMAL))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("schema version " + NEXT.version())
                .hasMessageContaining("newer than this build");
    }

    @Test
    void shouldLeaveAJournalAtItsVersionWhenAMigrationFails() throws Exception {
        JdbcJournal.open(path(), Synchronous.NORMAL).close();
        Migration broken = new Migration(NEXT.version(), "broken", d -> List.of(
                "CREATE TABLE half_done (id INTEGER)", "THIS IS NOT SQL"));
        List<Migration> withBroken = new ArrayList<>(Schema.MIGRATIONS);
        withBroken.add(broken);

        assertThatThrownBy(() -> JdbcJournal.open(path(), Synchronous.NORMAL, withBroken))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("migration to schema version " + NEXT.version() + " failed");

        assertThat(appliedVersions()).containsExactly(1);
        try (JdbcJournal fixed = JdbcJournal.open(path(), Synchronous.NORMAL, withNext())) {
            assertThat(fixed.schemaVersion()).isEqualTo(NEXT.version());
        }
    }
}
