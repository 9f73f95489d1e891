package dev.ballast.connectors.kraken;

import dev.ballast.connectors.codec.DecimalGrid;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The connector's own copy of one Kraken book (WebSocket v1 {@code book}), kept only to verify Kraken's CRC32
 * checksum and to number the events it emits. It holds each level's price and volume exactly as Kraken sent
 * them, because the checksum is computed on those strings: a price on our 1e-8 tick grid may arrive as
 * {@code "0.000022900"}, and the checksum covers {@code 22900}.
 *
 * <h2>Kraken's rules (WebSocket v1)</h2>
 * <ul>
 *   <li>A snapshot ({@code as}/{@code bs}) replaces the book.</li>
 *   <li>An update carries {@code a} and/or {@code b} level changes, applied in order (volume 0 removes the
 *       level; a fourth element {@code "r"} marks a republished level and changes nothing here), then the book
 *       is cut to the subscribed depth on each side.</li>
 *   <li>Its {@code c} is the CRC32 of: for the best 10 asks (ascending), then the best 10 bids (descending), each
 *       level's price then volume string with the decimal point removed and leading zeros stripped, all
 *       concatenated; compared as an unsigned 32-bit integer.</li>
 * </ul>
 *
 * <p>Events are numbered for {@link dev.ballast.core.book.SequenceRule#SEQUENTIAL}: a snapshot has update id n,
 * each verified update n+1, n+2, ... Kraken sends no sequence numbers, so a lost update shows up only as a bad
 * checksum; a verified checksum proves the top of the book the engine sees.
 *
 * <p>Not thread-safe: owned by the public stream's I/O thread.
 */
final class KrakenBook {
    /** Levels covered by Kraken's checksum on each side. */
    static final int CHECKSUM_LEVELS = 10;

    private final Instrument instrument;
    private final InstrumentId id;
    private final DecimalGrid priceGrid;
    private final DecimalGrid sizeGrid;
    private final int depth;
    /** Ask levels by price in ticks, ascending: [price string, volume string]. */
    private final TreeMap<Long, String[]> asks = new TreeMap<>();
    /** Bid levels by price in ticks, descending. */
    private final TreeMap<Long, String[]> bids = new TreeMap<>(Comparator.reverseOrder());
    private final StringBuilder checksumText = new StringBuilder(512);
    private final CRC32 crc = new CRC32();
    private boolean synced;
    private long updateId;

    KrakenBook(Instrument instrument, int depth) {
        this.instrument = instrument;
        this.id = instrument.id();
        this.priceGrid = new DecimalGrid(instrument.tickSize());
        this.sizeGrid = new DecimalGrid(instrument.lotSize());
        if (depth < CHECKSUM_LEVELS) {
            throw new IllegalArgumentException(id + ": book depth must be >= " + CHECKSUM_LEVELS + " (was " + depth
                    + ")");
        }
        this.depth = depth;
    }

    Instrument instrument() {
        return instrument;
    }

    /** True between a snapshot and a failed checksum (or {@link #invalidate()}). */
    boolean isSynced() {
        return synced;
    }

    void invalidate() {
        synced = false;
    }

    /** Level counts, for tests and the status. */
    int levels(boolean bidSide) {
        return bidSide ? bids.size() : asks.size();
    }

    /** The levels of one side as Kraken sent them ({@code [price, volume]}), best first (for tests). */
    List<String[]> rawLevels(boolean bidSide) {
        List<String[]> out = new ArrayList<>();
        for (String[] l : (bidSide ? bids : asks).values()) {
            out.add(l.clone());
        }
        return out;
    }

    /** Best bid or ask in ticks, or {@link Long#MIN_VALUE} when that side is empty. */
    long bestTicks(boolean bidSide) {
        TreeMap<Long, String[]> side = bidSide ? bids : asks;
        return side.isEmpty() ? Long.MIN_VALUE : side.firstKey();
    }

    /**
     * Replaces the book with a snapshot's levels (each {@code [price, volume, time]}).
     *
     * @throws dev.ballast.connectors.codec.MalformedDecimalException if a price or volume is off the grid
     */
    BookSnapshot applySnapshot(Iterable<String[]> askLevels, Iterable<String[]> bidLevels, long timestampNs) {
        synced = false;
        asks.clear();
        bids.clear();
        for (String[] l : askLevels) {
            set(asks, l[0], l[1]);
        }
        for (String[] l : bidLevels) {
            set(bids, l[0], l[1]);
        }
        truncate(asks);
        truncate(bids);
        synced = true;
        updateId++;
        return new BookSnapshot(id, updateId, ticks(bids), lots(bids), bids.size(), ticks(asks), lots(asks),
                asks.size(), timestampNs);
    }

    /**
     * Applies one update's level changes in order and checks the result against Kraken's checksum.
     *
     * @param checksum Kraken's {@code c}, or null when the message had none (nothing to verify)
     * @return the delta to emit, or null when the checksum did not match: the book is then not synced and waits
     *         for a fresh snapshot
     * @throws IllegalStateException if the book is not synced (the caller drops updates until a snapshot)
     */
    BookDelta applyUpdate(Iterable<String[]> askChanges, Iterable<String[]> bidChanges, String checksum,
                          long timestampNs) {
        if (!synced) {
            throw new IllegalStateException(id + ": update applied to a book waiting for its snapshot");
        }
        Changes askDelta = new Changes();
        Changes bidDelta = new Changes();
        for (String[] l : askChanges) {
            askDelta.add(set(asks, l[0], l[1]), sizeGrid.toSteps(l[1]));
        }
        for (String[] l : bidChanges) {
            bidDelta.add(set(bids, l[0], l[1]), sizeGrid.toSteps(l[1]));
        }
        truncate(asks, askDelta);
        truncate(bids, bidDelta);
        if (checksum != null && !checksumMatches(checksum)) {
            synced = false;
            return null;
        }
        updateId++;
        return new BookDelta(id, updateId, updateId, -1, bidDelta.ticks, bidDelta.lots, bidDelta.count,
                askDelta.ticks, askDelta.lots, askDelta.count, timestampNs);
    }

    /** Kraken's checksum of the book as it stands, as an unsigned 32-bit value. */
    long checksum() {
        checksumText.setLength(0);
        appendTop(asks);
        appendTop(bids);
        crc.reset();
        for (int i = 0; i < checksumText.length(); i++) {
            crc.update(checksumText.charAt(i)); // digits only: one byte each
        }
        return crc.getValue();
    }

    private boolean checksumMatches(String expected) {
        long want;
        try {
            want = Long.parseLong(expected);
        } catch (NumberFormatException e) {
            throw new MalformedKrakenMessageException(id + ": checksum '" + expected + "' is not a number", e);
        }
        return checksum() == want;
    }

    private void appendTop(TreeMap<Long, String[]> side) {
        int n = 0;
        for (String[] level : side.values()) {
            if (n++ == CHECKSUM_LEVELS) {
                break;
            }
            appendDigits(level[0]);
            appendDigits(level[1]);
        }
    }

    /** The decimal string without its point and without leading zeros. */
    private void appendDigits(String decimal) {
        boolean leading = true;
        for (int i = 0; i < decimal.length(); i++) {
            char c = decimal.charAt(i);
            if (c == '.' || (leading && c == '0')) {
                continue;
            }
            leading = false;
            checksumText.append(c);
        }
    }

    /** Sets one level (volume 0 removes it) and returns its price in ticks. */
    private long set(TreeMap<Long, String[]> side, String price, String volume) {
        long ticks = priceGrid.toSteps(price);
        if (sizeGrid.toSteps(volume) == 0) {
            side.remove(ticks);
        } else {
            side.put(ticks, new String[] {price, volume});
        }
        return ticks;
    }

    /** Cuts a side to the subscribed depth; the levels cut go into {@code removed} with size 0. */
    private void truncate(TreeMap<Long, String[]> side, Changes removed) {
        while (side.size() > depth) {
            removed.add(side.pollLastEntry().getKey(), 0);
        }
    }

    private void truncate(TreeMap<Long, String[]> side) {
        while (side.size() > depth) {
            side.pollLastEntry();
        }
    }

    /** The level changes of one update, in order, as the engine's delta carries them. */
    private static final class Changes {
        long[] ticks = new long[4];
        long[] lots = new long[4];
        int count;

        void add(long priceTicks, long sizeLots) {
            if (count == ticks.length) {
                ticks = Arrays.copyOf(ticks, count * 2);
                lots = Arrays.copyOf(lots, count * 2);
            }
            ticks[count] = priceTicks;
            lots[count] = sizeLots;
            count++;
        }
    }

    private static long[] ticks(NavigableMap<Long, String[]> side) {
        long[] out = new long[side.size()];
        int i = 0;
        for (Long t : side.keySet()) {
            out[i++] = t;
        }
        return out;
    }

    private long[] lots(NavigableMap<Long, String[]> side) {
        long[] out = new long[side.size()];
        int i = 0;
        for (Iterator<Map.Entry<Long, String[]>> it = side.entrySet().iterator(); it.hasNext(); ) {
            out[i++] = sizeGrid.toSteps(it.next().getValue()[1]);
        }
        return out;
    }
}
