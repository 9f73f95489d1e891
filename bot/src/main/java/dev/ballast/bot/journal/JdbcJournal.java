package dev.ballast.bot.journal;

import dev.ballast.bot.inventory.AssetInventory;
import dev.ballast.bot.inventory.Holding;
import dev.ballast.bot.inventory.InventorySnapshot;
import dev.ballast.core.Asset;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Order;
import dev.ballast.core.OrderReport;
import dev.ballast.core.OrderStatus;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueId;
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.event.CancelRejected;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.RejectReason;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal in a relational database over JDBC: an embedded SQLite file by default, PostgreSQL when given a
 * {@code jdbc:postgresql://} URL. One connection, prepared statements made once, one transaction per write,
 * committed before the call returns (so an intent is on its way to disk before the order is sent).
 *
 * <p>Opening: SQLite runs in WAL mode with the given {@link Synchronous} level; a lock file beside the database
 * ({@code <file>.lock}) and, on PostgreSQL, a session advisory lock keep a second bot off the same journal. Then
 * the schema is brought to this build's version: the migrations newer than the journal's {@code schema_version}
 * are applied in order, each in its own transaction (opening an up-to-date journal applies nothing), and a
 * journal newer than this build is refused.
 *
 * <p>Not thread-safe: owned by the engine thread (see {@link Journal}).
 */
public final class JdbcJournal implements Journal {
    private static final Logger LOG = LoggerFactory.getLogger("ballast.journal");
    /** The PostgreSQL advisory lock key of a journal: one bot per database. */
    private static final long PG_LOCK_KEY = 0x62616c6c61737431L; // "ballast1"
    private static final String LIVE_STATUSES = "('PENDING_NEW','OPEN','PARTIALLY_FILLED','UNKNOWN')";
    private static final String ORDER_COLUMNS = "client_order_id, venue, symbol, side, order_type, price, size, purpose,"
            + " created_ns, status, venue_order_id, filled_size, reason, updated_ns";

    private final String url;
    private final Dialect dialect;
    private final Connection connection;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final int schemaVersion;

    private final PreparedStatement insertOrder;
    private final PreparedStatement acceptOrder;
    private final PreparedStatement rejectOrder;
    private final PreparedStatement cancelOrder;
    private final PreparedStatement unknownOrder;
    private final PreparedStatement settleOrder;
    private final PreparedStatement insertFill;
    private final PreparedStatement selectOrderFill;
    private final PreparedStatement updateOrderFill;
    private final PreparedStatement insertDecision;
    private final PreparedStatement selectOrder;
    private final PreparedStatement selectLastTrade;
    private final PreparedStatement selectFill;

    private long session;
    private boolean closed;

    private JdbcJournal(String url, Dialect dialect, Connection connection, FileChannel lockChannel, FileLock lock,
                        int schemaVersion) throws SQLException {
        this.url = url;
        this.dialect = dialect;
        this.connection = connection;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.schemaVersion = schemaVersion;
        insertOrder = connection.prepareStatement("INSERT INTO orders (" + ORDER_COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (client_order_id) DO NOTHING");
        acceptOrder = connection.prepareStatement("UPDATE orders SET venue_order_id = ?,"
                + " status = CASE WHEN status IN ('PENDING_NEW','UNKNOWN') THEN 'OPEN' ELSE status END, updated_ns = ?"
                + " WHERE client_order_id = ?");
        rejectOrder = connection.prepareStatement("UPDATE orders SET status = 'REJECTED', reason = ?, updated_ns = ?"
                + " WHERE client_order_id = ? AND status IN ('PENDING_NEW','UNKNOWN')");
        cancelOrder = connection.prepareStatement("UPDATE orders SET status = 'CANCELLED', reason = ?, updated_ns = ?"
                + " WHERE client_order_id = ? AND status IN " + LIVE_STATUSES);
        unknownOrder = connection.prepareStatement("UPDATE orders SET status = 'UNKNOWN', reason = ?, updated_ns = ?"
                + " WHERE client_order_id = ? AND status IN " + LIVE_STATUSES);
        settleOrder = connection.prepareStatement("UPDATE orders SET status = ?,"
                + " venue_order_id = COALESCE(?, venue_order_id), reason = ?, updated_ns = ? WHERE client_order_id = ?");
        insertFill = connection.prepareStatement("INSERT INTO fills (venue, symbol, trade_id, client_order_id,"
                + " venue_order_id, side, price, size, fee, fee_asset, liquidity, base_asset, quote_asset, at_ns)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (venue, symbol, trade_id) DO NOTHING");
        selectOrderFill = connection.prepareStatement(
                "SELECT size, filled_size, status FROM orders WHERE client_order_id = ?");
        updateOrderFill = connection.prepareStatement("UPDATE orders SET filled_size = ?, status = ?,"
                + " venue_order_id = COALESCE(venue_order_id, ?), updated_ns = ? WHERE client_order_id = ?");
        insertDecision = connection.prepareStatement("INSERT INTO hedge_decisions (at_ns, asset, action, side,"
                + " size_base, reason) VALUES (?, ?, ?, ?, ?, ?)");
        selectOrder = connection.prepareStatement("SELECT " + ORDER_COLUMNS + " FROM orders WHERE client_order_id = ?");
        selectLastTrade = connection.prepareStatement(
                "SELECT trade_id FROM fills WHERE venue = ? AND symbol = ? ORDER BY seq DESC LIMIT 1");
        selectFill = connection.prepareStatement(
                "SELECT 1 FROM fills WHERE venue = ? AND symbol = ? AND trade_id = ?");
    }

    /**
     * Opens (creating it when absent) the journal at {@code urlOrPath}: a {@code jdbc:sqlite:} or
     * {@code jdbc:postgresql:} URL, or the path of an SQLite file (its directories are created).
     *
     * @throws JournalException when it cannot be opened, is in use by another process, or was written by a newer
     *                          build
     */
    public static JdbcJournal open(String urlOrPath, Synchronous synchronous) {
        return open(urlOrPath, synchronous, Schema.MIGRATIONS);
    }

    /** {@link #open(String, Synchronous)} with the given migrations (tests of older and newer schemas). */
    static JdbcJournal open(String urlOrPath, Synchronous synchronous, List<Migration> migrations) {
        Objects.requireNonNull(urlOrPath, "urlOrPath");
        Objects.requireNonNull(synchronous, "synchronous");
        String url = jdbcUrl(urlOrPath);
        Dialect dialect = Dialect.of(url);
        Path file = dialect == Dialect.SQLITE ? sqliteFile(url) : null;
        FileChannel lockChannel = null;
        FileLock lock = null;
        Connection connection = null;
        try {
            if (file != null) {
                Path dir = file.toAbsolutePath().getParent();
                if (dir != null) {
                    Files.createDirectories(dir);
                }
                lockChannel = FileChannel.open(Path.of(file + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                lock = tryLock(lockChannel);
                if (lock == null) {
                    throw new JournalException("journal " + file + " is in use by another Ballast process"
                            + " (lock " + file + ".lock held): one bot per journal");
                }
            }
            connection = DriverManager.getConnection(url);
            if (dialect == Dialect.SQLITE) {
                configureSqlite(connection, synchronous, file != null);
            } else {
                lockPostgres(connection);
            }
            connection.setAutoCommit(false);
            int version = migrate(connection, dialect, migrations, redact(url));
            JdbcJournal journal = new JdbcJournal(url, dialect, connection, lockChannel, lock, version);
            LOG.info("journal {} open: schema version {}, {}{}", redact(url), version, dialect.name().toLowerCase(java.util.Locale.ROOT),
                    dialect == Dialect.SQLITE ? " WAL synchronous=" + synchronous.configName() : "");
            return journal;
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietly(connection);
            release(lock, lockChannel);
            if (e instanceof JournalException j) {
                throw j;
            }
            throw new JournalException("journal " + redact(url) + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /** The JDBC URL for a config value: URLs as they are, a plain path as an SQLite file. */
    public static String jdbcUrl(String urlOrPath) {
        return urlOrPath.startsWith("jdbc:") ? urlOrPath : "jdbc:sqlite:" + urlOrPath;
    }

    /** The URL with any password replaced by {@code ***}, for messages and logs. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }

    /** The database file of an SQLite URL, or null for an in-memory one. */
    private static Path sqliteFile(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.isEmpty() || rest.contains(":memory:") || rest.startsWith("file:")) {
            return null;
        }
        return Path.of(rest);
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    private static void configureSqlite(Connection c, Synchronous synchronous, boolean onDisk) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (onDisk) {
                try (ResultSet r = s.executeQuery("PRAGMA journal_mode=WAL")) {
                    if (!r.next() || !"wal".equalsIgnoreCase(r.getString(1))) {
                        throw new SQLException("WAL mode refused by SQLite");
                    }
                }
            }
            s.execute("PRAGMA synchronous=" + synchronous.name());
            s.execute("PRAGMA busy_timeout=5000");
        }
    }

    private static void lockPostgres(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, PG_LOCK_KEY);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next() || !r.getBoolean(1)) {
                    throw new JournalException("the PostgreSQL journal is in use by another Ballast process"
                            + " (advisory lock " + PG_LOCK_KEY + " held): one bot per journal");
                }
            }
        }
    }

    /** Brings the schema to the last migration's version. @return the version now */
    private static int migrate(Connection c, Dialect dialect, List<Migration> migrations, String shownUrl)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                    + " description TEXT NOT NULL, applied_ms BIGINT NOT NULL)");
            c.commit();
            int current;
            try (ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                r.next();
                current = r.getInt(1);
            }
            c.commit();
            int latest = Schema.latestVersion(migrations);
            if (current > latest) {
                throw new JournalException("journal " + shownUrl + " has schema version " + current
                        + ", newer than this build of Ballast knows (" + latest + "): run the newer build, or point"
                        + " journal.url at another journal");
            }
            for (Migration m : migrations) {
                if (m.version() <= current) {
                    continue;
                }
                if (m.version() != current + 1) {
                    throw new IllegalStateException("migrations must follow each other: " + m.version()
                            + " after " + current);
                }
                try {
                    for (String sql : m.statements().apply(dialect)) {
                        s.execute(sql);
                    }
                    try (PreparedStatement v = c.prepareStatement(
                            "INSERT INTO schema_version (version, description, applied_ms) VALUES (?, ?, ?)")) {
                        v.setInt(1, m.version());
                        v.setString(2, m.description());
                        v.setLong(3, System.currentTimeMillis());
                        v.executeUpdate();
                    }
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw new SQLException("migration to schema version " + m.version() + " failed: " + e.getMessage(), e);
                }
                LOG.info("journal {}: schema migrated to version {} ({})", shownUrl, m.version(), m.description());
                current = m.version();
            }
            return current;
        }
    }

    /** The schema version of the open journal (this build's latest). */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** The journal's JDBC URL, password hidden. */
    public String url() {
        return redact(url);
    }

    @Override
    public boolean isDurable() {
        return true;
    }

    // ------------------------------------------------------------------------------------------------- writes

    @Override
    public long beginSession(long proposedStamp, long nowNs) {
        requireOpen();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT COALESCE(MAX(stamp), -1) FROM sessions")) {
            r.next();
            long stamp = Math.max(proposedStamp, r.getLong(1) + 1);
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO sessions (stamp, started_ns) VALUES (?, ?)")) {
                p.setLong(1, stamp);
                p.setLong(2, nowNs);
                p.executeUpdate();
            }
            connection.commit();
            if (stamp != proposedStamp) {
                LOG.warn("journal: session stamp {} is not after the last session's; using {} so no client order id"
                        + " repeats", proposedStamp, stamp);
            }
            session = stamp;
            return stamp;
        } catch (SQLException e) {
            throw failure("cannot begin a session", e);
        }
    }

    @Override
    public void intent(Order order, String purpose) {
        requireOpen();
        try {
            PreparedStatement p = insertOrder;
            p.setString(1, order.clientOrderId().value());
            p.setString(2, order.instrumentId().venue().name());
            p.setString(3, order.instrumentId().symbol());
            p.setString(4, order.side().name());
            p.setString(5, order.type().name());
            setDecimal(p, 6, order.price());
            p.setString(7, order.size().toPlainString());
            p.setString(8, purpose == null ? "" : purpose);
            p.setLong(9, order.createdNs());
            p.setString(10, order.status().name());
            p.setString(11, order.venueOrderId() == null ? null : order.venueOrderId().value());
            p.setString(12, order.filledSize().toPlainString());
            p.setString(13, order.lastReason().isEmpty() ? null : order.lastReason());
            p.setLong(14, order.updatedNs());
            int inserted = p.executeUpdate();
            connection.commit();
            if (inserted == 0) {
                throw new DuplicateClientOrderIdException(order.clientOrderId());
            }
        } catch (SQLException e) {
            throw failure("cannot record the intent of " + order.clientOrderId(), e);
        }
    }

    @Override
    public void accepted(OrderAccepted e) {
        update(acceptOrder, e.venueOrderId().value(), e.timestampNs(), e.clientOrderId(), "acknowledgement");
    }

    @Override
    public void rejected(OrderRejected e) {
        update(rejectOrder, e.reason() + (e.message().isEmpty() ? "" : ": " + e.message()), e.timestampNs(),
                e.clientOrderId(), "reject");
    }

    @Override
    public void cancelled(OrderCancelled e) {
        update(cancelOrder, e.reason(), e.timestampNs(), e.clientOrderId(), "cancel");
    }

    @Override
    public void cancelRejected(CancelRejected e) {
        if (e.reason() == RejectReason.UNKNOWN_ORDER) {
            update(unknownOrder, "cancel refused: " + e.reason() + (e.message().isEmpty() ? "" : ": " + e.message()),
                    e.timestampNs(), e.clientOrderId(), "cancel reject");
        }
    }

    private void update(PreparedStatement p, String text, long atNs, ClientOrderId id, String what) {
        requireOpen();
        try {
            p.setString(1, text);
            p.setLong(2, atNs);
            p.setString(3, id.value());
            p.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            throw failure("cannot record the " + what + " of " + id, e);
        }
    }

    @Override
    public boolean fill(Instrument instrument, Fill f) {
        requireOpen();
        if (!instrument.id().equals(f.instrument())) {
            throw new IllegalArgumentException("fill " + f.tradeId() + " is for " + f.instrument() + ", not " + instrument.id());
        }
        try {
            PreparedStatement p = insertFill;
            p.setString(1, f.instrument().venue().name());
            p.setString(2, f.instrument().symbol());
            p.setString(3, f.tradeId().value());
            p.setString(4, f.clientOrderId().value());
            p.setString(5, f.venueOrderId() == null ? null : f.venueOrderId().value());
            p.setString(6, f.side().name());
            p.setString(7, f.price().toPlainString());
            p.setString(8, f.size().toPlainString());
            p.setString(9, f.fee().toPlainString());
            p.setString(10, f.feeAsset().code());
            p.setString(11, f.liquidity().name());
            p.setString(12, instrument.base().code());
            p.setString(13, instrument.quote().code());
            p.setLong(14, f.timestampNs());
            if (p.executeUpdate() == 0) {
                connection.commit();
                return false;
            }
            addToOrder(f);
            connection.commit();
            return true;
        } catch (SQLException e) {
            rollbackQuietly();
            throw failure("cannot record fill " + f.tradeId() + " of " + f.clientOrderId(), e);
        }
    }

    /** Adds a new fill to its order's filled size, in the fill's transaction; a fill of an order we never journaled adds nothing. */
    private void addToOrder(Fill f) throws SQLException {
        selectOrderFill.setString(1, f.clientOrderId().value());
        BigDecimal size;
        BigDecimal filled;
        OrderStatus status;
        try (ResultSet r = selectOrderFill.executeQuery()) {
            if (!r.next()) {
                return;
            }
            size = new BigDecimal(r.getString(1));
            filled = new BigDecimal(r.getString(2)).add(f.size());
            status = OrderStatus.valueOf(r.getString(3));
        }
        if (filled.compareTo(size) > 0) {
            LOG.warn("journal: fill {} takes {} past its size {} (filled {}): counted as filled", f.tradeId(),
                    f.clientOrderId(), size.toPlainString(), filled.toPlainString());
            filled = size;
        }
        OrderStatus next = filled.compareTo(size) == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        if (status.isTerminal() && next != OrderStatus.FILLED) {
            next = status; // a late fill of a cancelled order adds its size; the order stays cancelled
        }
        updateOrderFill.setString(1, filled.toPlainString());
        updateOrderFill.setString(2, next.name());
        updateOrderFill.setString(3, f.venueOrderId() == null ? null : f.venueOrderId().value());
        updateOrderFill.setLong(4, f.timestampNs());
        updateOrderFill.setString(5, f.clientOrderId().value());
        updateOrderFill.executeUpdate();
    }

    @Override
    public void settled(OrderReport report, String reason) {
        requireOpen();
        try {
            settleOrder.setString(1, report.status().name());
            settleOrder.setString(2, report.venueOrderId() == null ? null : report.venueOrderId().value());
            settleOrder.setString(3, reason);
            settleOrder.setLong(4, report.updatedNs());
            settleOrder.setString(5, report.clientOrderId().value());
            settleOrder.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            throw failure("cannot record the venue's word on " + report.clientOrderId(), e);
        }
    }

    @Override
    public void hedgeDecision(long atNs, Asset asset, String action, Side side, double sizeBase, String reason) {
        requireOpen();
        try {
            insertDecision.setLong(1, atNs);
            insertDecision.setString(2, asset.code());
            insertDecision.setString(3, action);
            insertDecision.setString(4, side == null ? null : side.name());
            insertDecision.setString(5, Double.isFinite(sizeBase) ? BigDecimal.valueOf(sizeBase).toPlainString() : "0");
            insertDecision.setString(6, reason == null ? "" : reason);
            insertDecision.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            throw failure("cannot record a hedge decision of " + asset, e);
        }
    }

    @Override
    public void snapshot(long atNs, InventorySnapshot inventory) {
        requireOpen();
        try (Statement s = connection.createStatement()) {
            long lastFillSeq;
            try (ResultSet r = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM fills")) {
                r.next();
                lastFillSeq = r.getLong(1);
            }
            long id;
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO inventory_snapshots (taken_ns,"
                    + " last_fill_seq, equity, total_pnl) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                p.setLong(1, atNs);
                p.setLong(2, lastFillSeq);
                setDecimal(p, 3, inventory.equity());
                setDecimal(p, 4, inventory.totalPnl());
                p.executeUpdate();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("no id returned for the snapshot");
                    }
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO inventory_snapshot_rows (snapshot_id,"
                    + " venue, asset, quantity, average_cost) VALUES (?, ?, ?, ?, ?)")) {
                for (Map.Entry<VenueId, BigDecimal> cash : inventory.cashByVenue().entrySet()) {
                    addRow(p, id, cash.getKey().name(), inventory.valuationCurrency(), cash.getValue(), null);
                }
                for (AssetInventory a : inventory.assets().values()) {
                    addRow(p, id, "", a.asset(), a.total().position().quantity(), a.total().position().averageCost());
                    for (Map.Entry<VenueId, Holding> h : a.byVenue().entrySet()) {
                        addRow(p, id, h.getKey().name(), a.asset(), h.getValue().position().quantity(),
                                h.getValue().position().averageCost());
                    }
                }
                p.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw failure("cannot record an inventory snapshot", e);
        }
    }

    private static void addRow(PreparedStatement p, long id, String venue, Asset asset, BigDecimal quantity,
                               BigDecimal averageCost) throws SQLException {
        p.setLong(1, id);
        p.setString(2, venue);
        p.setString(3, asset.code());
        p.setString(4, quantity.toPlainString());
        setDecimal(p, 5, averageCost);
        p.addBatch();
    }

    @Override
    public void flush() {
        if (closed) {
            return;
        }
        if (dialect == Dialect.SQLITE) {
            try (Statement s = connection.createStatement();
                 ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                r.next();
                r.close();
                connection.commit();
            } catch (SQLException e) {
                throw failure("cannot checkpoint", e);
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            if (session != 0) {
                try (PreparedStatement p = connection.prepareStatement("UPDATE sessions SET ended_ns = ? WHERE stamp = ?")) {
                    p.setLong(1, System.currentTimeMillis() * 1_000_000L);
                    p.setLong(2, session);
                    p.executeUpdate();
                }
                connection.commit();
            }
            flush();
        } catch (SQLException | JournalException e) {
            LOG.error("journal {}: the session end could not be recorded", redact(url), e);
        } finally {
            closed = true;
            closeQuietly(connection);
            release(lock, lockChannel);
            LOG.info("journal {} closed", redact(url));
        }
    }

    // -------------------------------------------------------------------------------------------------- reads

    @Override
    public JournalState state() {
        requireOpen();
        try {
            List<JournaledOrder> live = new ArrayList<>();
            try (Statement s = connection.createStatement();
                 ResultSet r = s.executeQuery("SELECT " + ORDER_COLUMNS + " FROM orders WHERE status IN "
                         + LIVE_STATUSES + " ORDER BY created_ns, client_order_id")) {
                while (r.next()) {
                    live.add(order(r));
                }
            }
            Map<VenueId, Map<Asset, BigDecimal>> positions = new TreeMap<>(java.util.Comparator.comparing(VenueId::name));
            Map<Asset, BigDecimal> averageCosts = new TreeMap<>();
            long lastFillSeq = readLastSnapshot(positions, averageCosts);
            if (lastFillSeq >= 0) {
                replayFillsAfter(lastFillSeq, positions);
            }
            Map<InstrumentId, TradeId> lastTrades = new LinkedHashMap<>();
            try (Statement s = connection.createStatement();
                 ResultSet r = s.executeQuery("SELECT f.venue, f.symbol, f.trade_id FROM fills f JOIN (SELECT venue,"
                         + " symbol, MAX(seq) AS last_seq FROM fills GROUP BY venue, symbol) l ON f.seq = l.last_seq"
                         + " ORDER BY f.venue, f.symbol")) {
                while (r.next()) {
                    lastTrades.put(InstrumentId.of(r.getString(1), r.getString(2)), new TradeId(r.getString(3)));
                }
            }
            long lastSession = 0;
            boolean clean = true;
            try (PreparedStatement p = connection.prepareStatement(
                    "SELECT stamp, ended_ns FROM sessions WHERE stamp <> ? ORDER BY stamp DESC LIMIT 1")) {
                p.setLong(1, session);
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) {
                        lastSession = r.getLong(1);
                        r.getLong(2);
                        clean = !r.wasNull();
                    }
                }
            }
            connection.commit();
            return new JournalState(live, positions, averageCosts, lastTrades, lastSession, clean);
        } catch (SQLException e) {
            throw failure("cannot read the journal's state", e);
        }
    }

    /** Reads the last snapshot into the maps. @return its last fill seq, or -1 when there is no snapshot */
    private long readLastSnapshot(Map<VenueId, Map<Asset, BigDecimal>> positions, Map<Asset, BigDecimal> averageCosts)
            throws SQLException {
        long id;
        long lastFillSeq;
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT id, last_fill_seq FROM inventory_snapshots ORDER BY id DESC LIMIT 1")) {
            if (!r.next()) {
                return -1;
            }
            id = r.getLong(1);
            lastFillSeq = r.getLong(2);
        }
        try (PreparedStatement p = connection.prepareStatement("SELECT venue, asset, quantity, average_cost FROM"
                + " inventory_snapshot_rows WHERE snapshot_id = ? ORDER BY venue, asset")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String venue = r.getString(1);
                    Asset asset = Asset.of(r.getString(2));
                    BigDecimal quantity = new BigDecimal(r.getString(3));
                    String cost = r.getString(4);
                    if (venue.isEmpty()) {
                        if (cost != null) {
                            averageCosts.put(asset, new BigDecimal(cost));
                        }
                    } else {
                        positions.computeIfAbsent(VenueId.of(venue), v -> new TreeMap<>()).put(asset, quantity);
                    }
                }
            }
        }
        return lastFillSeq;
    }

    /** Adds every fill after the snapshot to the positions: the same quantity rules as the inventory aggregator. */
    private void replayFillsAfter(long lastFillSeq, Map<VenueId, Map<Asset, BigDecimal>> positions) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT venue, side, price, size, fee, fee_asset,"
                + " base_asset, quote_asset FROM fills WHERE seq > ? ORDER BY seq")) {
            p.setLong(1, lastFillSeq);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    Map<Asset, BigDecimal> held = positions.computeIfAbsent(VenueId.of(r.getString(1)), v -> new TreeMap<>());
                    Side side = Side.valueOf(r.getString(2));
                    BigDecimal price = new BigDecimal(r.getString(3));
                    BigDecimal size = new BigDecimal(r.getString(4));
                    BigDecimal fee = new BigDecimal(r.getString(5));
                    Asset feeAsset = Asset.of(r.getString(6));
                    Asset base = Asset.of(r.getString(7));
                    Asset quote = Asset.of(r.getString(8));
                    BigDecimal notional = price.multiply(size);
                    boolean buy = side == Side.BUY;
                    held.merge(base, buy ? size : size.negate(), BigDecimal::add);
                    held.merge(quote, buy ? notional.negate() : notional, BigDecimal::add);
                    held.merge(feeAsset, fee.negate(), BigDecimal::add);
                }
            }
        }
    }

    @Override
    public Optional<JournaledOrder> order(ClientOrderId clientOrderId) {
        requireOpen();
        try {
            selectOrder.setString(1, clientOrderId.value());
            Optional<JournaledOrder> found;
            try (ResultSet r = selectOrder.executeQuery()) {
                found = r.next() ? Optional.of(order(r)) : Optional.empty();
            }
            connection.commit();
            return found;
        } catch (SQLException e) {
            throw failure("cannot read order " + clientOrderId, e);
        }
    }

    @Override
    public Optional<TradeId> lastTradeId(InstrumentId instrument) {
        requireOpen();
        try {
            selectLastTrade.setString(1, instrument.venue().name());
            selectLastTrade.setString(2, instrument.symbol());
            Optional<TradeId> found;
            try (ResultSet r = selectLastTrade.executeQuery()) {
                found = r.next() ? Optional.of(new TradeId(r.getString(1))) : Optional.empty();
            }
            connection.commit();
            return found;
        } catch (SQLException e) {
            throw failure("cannot read the last trade of " + instrument, e);
        }
    }

    @Override
    public boolean hasFill(InstrumentId instrument, TradeId tradeId) {
        requireOpen();
        try {
            selectFill.setString(1, instrument.venue().name());
            selectFill.setString(2, instrument.symbol());
            selectFill.setString(3, tradeId.value());
            boolean found;
            try (ResultSet r = selectFill.executeQuery()) {
                found = r.next();
            }
            connection.commit();
            return found;
        } catch (SQLException e) {
            throw failure("cannot look up fill " + tradeId + " on " + instrument, e);
        }
    }

    private static JournaledOrder order(ResultSet r) throws SQLException {
        String price = r.getString(6);
        String venueOrderId = r.getString(11);
        return new JournaledOrder(new ClientOrderId(r.getString(1)), InstrumentId.of(r.getString(2), r.getString(3)),
                Side.valueOf(r.getString(4)), OrderType.valueOf(r.getString(5)),
                price == null ? null : new BigDecimal(price), new BigDecimal(r.getString(7)), r.getString(8),
                r.getLong(9), OrderStatus.valueOf(r.getString(10)),
                venueOrderId == null ? null : new VenueOrderId(venueOrderId), new BigDecimal(r.getString(12)),
                r.getString(13), r.getLong(14));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void setDecimal(PreparedStatement p, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.VARCHAR);
        } else {
            p.setString(index, value.toPlainString());
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new JournalException("journal " + redact(url) + " is closed");
        }
    }

    private JournalException failure(String what, SQLException e) {
        rollbackQuietly();
        return new JournalException("journal " + redact(url) + ": " + what + ": " + e.getMessage(), e);
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken: the next write reports it
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing: nothing more to do
            }
        }
    }

    private static void release(FileLock lock, FileChannel channel) {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // the process exit releases it anyway
        }
    }

    @Override
    public String toString() {
        return "JdbcJournal[" + redact(url) + "]";
    }
}
