package dev.ballast.bot.journal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The journal contract on PostgreSQL. Runs only when {@code BALLAST_TEST_POSTGRES_URL} names a database it may
 * empty (a JDBC URL with user and password), e.g. {@code jdbc:postgresql://localhost:5432/ballast_test?user=x&password=y}.
 */
@EnabledIfEnvironmentVariable(named = "BALLAST_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class PostgresJournalTest extends JournalContractTest {
    private static final String URL = System.getenv("BALLAST_TEST_POSTGRES_URL");

    @Override
    Journal openFresh() {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS schema_version, sessions, orders, fills, hedge_decisions,"
                    + " inventory_snapshots, inventory_snapshot_rows CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test database " + JdbcJournal.redact(URL), e);
        }
        return JdbcJournal.open(URL, Synchronous.NORMAL);
    }

    @Override
    Journal reopen() {
        return JdbcJournal.open(URL, Synchronous.NORMAL);
    }
}
