package dev.ballast.bot.journal;

import java.util.List;

/**
 * The journal's schema, as the ordered list of migrations that build it. A new version appends a migration and
 * never edits an old one: journals written by earlier builds are brought up to date on open.
 *
 * <p>Money and sizes are TEXT holding exact decimals (BigDecimal's plain string): the same in both dialects, and
 * never a binary approximation. Times are epoch nanoseconds (BIGINT).
 */
final class Schema {
    private Schema() {
    }

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "sessions, orders, fills, hedge decisions, inventory snapshots", d -> List.of(
                    "CREATE TABLE sessions ("
                            + " stamp BIGINT PRIMARY KEY,"
                            + " started_ns BIGINT NOT NULL,"
                            + " ended_ns BIGINT)",
                    "CREATE TABLE orders ("
                            + " client_order_id TEXT PRIMARY KEY,"
                            + " venue TEXT NOT NULL,"
                            + " symbol TEXT NOT NULL,"
                            + " side TEXT NOT NULL,"
                            + " order_type TEXT NOT NULL,"
                            + " price TEXT,"
                            + " size TEXT NOT NULL,"
                            + " purpose TEXT NOT NULL,"
                            + " created_ns BIGINT NOT NULL,"
                            + " status TEXT NOT NULL,"
                            + " venue_order_id TEXT,"
                            + " filled_size TEXT NOT NULL,"
                            + " reason TEXT,"
                            + " updated_ns BIGINT NOT NULL)",
                    "CREATE INDEX orders_by_status ON orders (status)",
                    "CREATE TABLE fills ("
                            + " seq " + d.autoId + ","
                            + " venue TEXT NOT NULL,"
                            + " symbol TEXT NOT NULL,"
                            + " trade_id TEXT NOT NULL,"
                            + " client_order_id TEXT NOT NULL,"
                            + " venue_order_id TEXT,"
                            + " side TEXT NOT NULL,"
                            + " price TEXT NOT NULL,"
                            + " size TEXT NOT NULL,"
                            + " fee TEXT NOT NULL,"
                            + " fee_asset TEXT NOT NULL,"
                            + " liquidity TEXT NOT NULL,"
                            + " base_asset TEXT NOT NULL,"
                            + " quote_asset TEXT NOT NULL,"
                            + " at_ns BIGINT NOT NULL,"
                            + " UNIQUE (venue, symbol, trade_id))",
                    "CREATE INDEX fills_by_market ON fills (venue, symbol, seq)",
                    "CREATE TABLE hedge_decisions ("
                            + " seq " + d.autoId + ","
                            + " at_ns BIGINT NOT NULL,"
                            + " asset TEXT NOT NULL,"
                            + " action TEXT NOT NULL,"
                            + " side TEXT,"
                            + " size_base TEXT NOT NULL,"
                            + " reason TEXT NOT NULL)",
                    "CREATE TABLE inventory_snapshots ("
                            + " id " + d.autoId + ","
                            + " taken_ns BIGINT NOT NULL,"
                            + " last_fill_seq BIGINT NOT NULL,"
                            + " equity TEXT,"
                            + " total_pnl TEXT)",
                    // venue '' is the all-venue total of the asset
                    "CREATE TABLE inventory_snapshot_rows ("
                            + " snapshot_id BIGINT NOT NULL,"
                            + " venue TEXT NOT NULL,"
                            + " asset TEXT NOT NULL,"
                            + " quantity TEXT NOT NULL,"
                            + " average_cost TEXT,"
                            + " PRIMARY KEY (snapshot_id, venue, asset))")));

    /** The version a journal written by this build has. */
    static int latestVersion(List<Migration> migrations) {
        return migrations.get(migrations.size() - 1).version();
    }
}
