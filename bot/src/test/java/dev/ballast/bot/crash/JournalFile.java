package dev.ballast.bot.crash;

import dev.ballast.core.Asset;
import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bot's SQLite journal as the crash test reads it: with plain JDBC, independently of the journal's own code, and
 * only while no bot is running (the test never holds the file while the bot writes it). What it reads is the
 * journal's schema (docs/recovery.md): {@code orders}, {@code fills}, {@code inventory_snapshots} and their rows.
 */
final class JournalFile {
    /** One journaled fill, as the crash test compares it with the exchange's. */
    record JournaledFill(VenueId venue, String symbol, String tradeId, String clientOrderId, Side side,
                         BigDecimal price, BigDecimal size, BigDecimal fee, Asset feeAsset, Asset base, Asset quote) {
        /** The key a fill is unique by: venue, symbol and the venue's trade id. */
        String key() {
            return key(venue, symbol, tradeId);
        }

        static String key(VenueId venue, String symbol, String tradeId) {
            return venue + ":" + symbol + "#" + tradeId;
        }
    }

    private final Path file;

    JournalFile(Path file) {
        this.file = file;
    }

    boolean exists() {
        return file.toFile().isFile();
    }

    /** Every journaled fill by {@link JournaledFill#key()}, in journal order. */
    Map<String, JournaledFill> fills() throws SQLException {
        Map<String, JournaledFill> out = new LinkedHashMap<>();
        try (Connection c = open(); PreparedStatement s = c.prepareStatement("SELECT venue, symbol, trade_id,"
                + " client_order_id, side, price, size, fee, fee_asset, base_asset, quote_asset FROM fills ORDER BY seq");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                JournaledFill f = new JournaledFill(VenueId.of(r.getString(1)), r.getString(2), r.getString(3),
                        r.getString(4), Side.valueOf(r.getString(5)), new BigDecimal(r.getString(6)),
                        new BigDecimal(r.getString(7)), new BigDecimal(r.getString(8)), Asset.of(r.getString(9)),
                        Asset.of(r.getString(10)), Asset.of(r.getString(11)));
                if (out.put(f.key(), f) != null) {
                    throw new AssertionError("the journal holds fill " + f.key() + " twice");
                }
            }
        }
        return out;
    }

    /** Every journaled order's status by client order id. */
    Map<String, String> orderStatuses() throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = open();
             PreparedStatement s = c.prepareStatement("SELECT client_order_id, status FROM orders");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.put(r.getString(1), r.getString(2));
            }
        }
        return out;
    }

    /** True when the last session the journal recorded was ended by the bot (a clean stop), not cut by a kill. */
    boolean lastSessionEnded() throws SQLException {
        try (Connection c = open();
             PreparedStatement s = c.prepareStatement("SELECT ended_ns FROM sessions ORDER BY stamp DESC LIMIT 1");
             ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                return false;
            }
            r.getLong(1);
            return !r.wasNull();
        }
    }

    /**
     * What the journal says we hold, per venue and asset: its last inventory snapshot plus every fill journaled after
     * it (base ± size, quote ∓ notional, fee asset − fee) — the positions recovery rebuilds. Empty before the first
     * snapshot.
     */
    Map<VenueId, Map<Asset, BigDecimal>> positions() throws SQLException {
        Map<VenueId, Map<Asset, BigDecimal>> out = new TreeMap<>(java.util.Comparator.comparing(VenueId::name));
        try (Connection c = open()) {
            long snapshotId;
            long lastFillSeq;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, last_fill_seq FROM inventory_snapshots ORDER BY id DESC LIMIT 1");
                 ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return out;
                }
                snapshotId = r.getLong(1);
                lastFillSeq = r.getLong(2);
            }
            try (PreparedStatement s = c.prepareStatement("SELECT venue, asset, quantity FROM inventory_snapshot_rows"
                    + " WHERE snapshot_id = ? AND venue <> ''")) {
                s.setLong(1, snapshotId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        add(out, VenueId.of(r.getString(1)), Asset.of(r.getString(2)), new BigDecimal(r.getString(3)));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT venue, side, price, size, fee, fee_asset, base_asset,"
                    + " quote_asset FROM fills WHERE seq > ? ORDER BY seq")) {
                s.setLong(1, lastFillSeq);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        VenueId venue = VenueId.of(r.getString(1));
                        BigDecimal sign = BigDecimal.valueOf(Side.valueOf(r.getString(2)).sign());
                        BigDecimal size = new BigDecimal(r.getString(4));
                        BigDecimal notional = new BigDecimal(r.getString(3)).multiply(size);
                        add(out, venue, Asset.of(r.getString(7)), size.multiply(sign));
                        add(out, venue, Asset.of(r.getString(8)), notional.multiply(sign).negate());
                        add(out, venue, Asset.of(r.getString(6)), new BigDecimal(r.getString(5)).negate());
                    }
                }
            }
        }
        return out;
    }

    private static void add(Map<VenueId, Map<Asset, BigDecimal>> to, VenueId venue, Asset asset, BigDecimal amount) {
        to.computeIfAbsent(venue, v -> new TreeMap<>()).merge(asset, amount, BigDecimal::add);
    }

    private Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }
}
