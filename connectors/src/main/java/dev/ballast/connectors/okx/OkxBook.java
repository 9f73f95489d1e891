package dev.ballast.connectors.okx;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The local copy of one OKX {@code books} channel (400 levels a side), kept to check OKX's two integrity rules on
 * every message before anything reaches the engine:
 * <ul>
 *   <li><b>continuity</b>: an update's {@code prevSeqId} must equal the {@code seqId} of the message before it (a
 *   snapshot's {@code prevSeqId} is -1; a quiet-book heartbeat repeats the last {@code seqId}; after an OKX
 *   maintenance reset {@code seqId} may drop below {@code prevSeqId}, which is fine as long as {@code prevSeqId}
 *   still chains). Messages without sequence fields (captures before 2022-06) skip this check;</li>
 *   <li><b>checksum</b>: CRC32 of the top 25 levels interleaved {@code bidPx:bidSz:askPx:askSz:...} (a side that runs
 *   out simply stops contributing), using the price and size strings exactly as OKX sent them, read as a signed
 *   32-bit integer.</li>
 * </ul>
 * Levels are keyed by price in ticks and keep OKX's original text for the checksum. After each update a side deeper
 * than the channel's depth is trimmed, because OKX does not send a removal for a level pushed out of its window;
 * trimmed levels are reported as removals so the engine's book drops them too.
 *
 * <p>Not thread-safe: owned by the public stream's I/O thread.
 */
final class OkxBook {
    /** Levels per side OKX keeps on the {@code books} channel. */
    static final int CHANNEL_DEPTH = 400;
    /** Levels per side in OKX's checksum. */
    static final int CHECKSUM_DEPTH = 25;
    /** What {@code seqId}/{@code prevSeqId} read as when a message has none. */
    static final long NO_SEQUENCE = Long.MIN_VALUE;

    /** One level of a message as OKX sent it. */
    record RawLevel(String px, String sz) {
        RawLevel {
            Objects.requireNonNull(px, "px");
            Objects.requireNonNull(sz, "sz");
        }
    }

    /** What became of one message. */
    enum Outcome {
        /** Applied, and the checksum (when sent) matches. */
        APPLIED,
        /** {@code prevSeqId} does not chain on the last {@code seqId}: messages were lost. The book is now invalid. */
        GAP,
        /** Applied, but our top 25 levels disagree with OKX's checksum. The book is now invalid. */
        CHECKSUM_MISMATCH,
        /** Applied, but best bid >= best ask, which a correct book never shows. The book is now invalid. */
        CROSSED,
        /** An update while the book waits for a snapshot: ignored. */
        NOT_SYNCED
    }

    private record Level(String px, String sz, long lots) {
    }

    private final OkxInstrument instrument;
    private final int depth;
    private final TreeMap<Long, Level> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Long, Level> asks = new TreeMap<>();
    private final Changes bidChanges = new Changes();
    private final Changes askChanges = new Changes();
    private final CRC32 crc = new CRC32();
    private final StringBuilder checksumText = new StringBuilder(1024);
    private boolean valid;
    private long lastSeqId = NO_SEQUENCE;
    private int lastComputedChecksum;
    private long checksumsVerified;

    OkxBook(OkxInstrument instrument) {
        this(instrument, CHANNEL_DEPTH);
    }

    /** @throws IllegalArgumentException if {@code depth < CHECKSUM_DEPTH} */
    OkxBook(OkxInstrument instrument, int depth) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        if (depth < CHECKSUM_DEPTH) {
            throw new IllegalArgumentException("depth must be >= " + CHECKSUM_DEPTH + " (was " + depth + ")");
        }
        this.depth = depth;
    }

    OkxInstrument instrument() {
        return instrument;
    }

    boolean isValid() {
        return valid;
    }

    /** Marks the book invalid until the next snapshot (a disconnect, a resync asked for). */
    void invalidate() {
        valid = false;
    }

    /** Messages whose checksum matched our book. */
    long checksumsVerified() {
        return checksumsVerified;
    }

    /** The checksum our book gave for the last message checked. */
    int lastComputedChecksum() {
        return lastComputedChecksum;
    }

    /**
     * Replaces the book with a snapshot.
     *
     * @param checksum OKX's checksum, or null when the message has none
     * @return APPLIED, CHECKSUM_MISMATCH or CROSSED (the book is then invalid)
     * @throws dev.ballast.connectors.codec.MalformedDecimalException if a price is not a plain decimal on the tick
     *                                                               grid (the book is then invalid)
     */
    Outcome applySnapshot(List<RawLevel> bidLevels, List<RawLevel> askLevels, long seqId, Integer checksum) {
        valid = false;
        bids.clear();
        asks.clear();
        bidChanges.clear();
        askChanges.clear();
        load(bids, bidLevels, bidChanges);
        load(asks, askLevels, askChanges);
        trim(bids, bidChanges);
        trim(asks, askChanges);
        lastSeqId = seqId;
        return verify(checksum);
    }

    /**
     * Applies an update if it chains on.
     *
     * @return APPLIED, or GAP / CHECKSUM_MISMATCH / CROSSED (the book is then invalid), or NOT_SYNCED (ignored)
     * @throws dev.ballast.connectors.codec.MalformedDecimalException if a price is not a plain decimal on the tick
     *                                                               grid (the book is then invalid)
     */
    Outcome applyUpdate(List<RawLevel> bidLevels, List<RawLevel> askLevels, long seqId, long prevSeqId,
                        Integer checksum) {
        bidChanges.clear();
        askChanges.clear();
        if (!valid) {
            return Outcome.NOT_SYNCED;
        }
        if (prevSeqId != NO_SEQUENCE && lastSeqId != NO_SEQUENCE && prevSeqId != lastSeqId) {
            valid = false;
            return Outcome.GAP;
        }
        valid = false; // until the update is fully applied and checked
        load(bids, bidLevels, bidChanges);
        load(asks, askLevels, askChanges);
        trim(bids, bidChanges);
        trim(asks, askChanges);
        if (seqId != NO_SEQUENCE) {
            lastSeqId = seqId;
        }
        return verify(checksum);
    }

    private Outcome verify(Integer checksum) {
        if (isCrossed()) {
            return Outcome.CROSSED;
        }
        if (checksum != null) {
            lastComputedChecksum = checksum();
            if (lastComputedChecksum != checksum) {
                return Outcome.CHECKSUM_MISMATCH;
            }
            checksumsVerified++;
        }
        valid = true;
        return Outcome.APPLIED;
    }

    private void load(TreeMap<Long, Level> side, List<RawLevel> levels, Changes changes) {
        for (RawLevel raw : levels) {
            long ticks = instrument.priceTicks(raw.px());
            long lots = instrument.sizeLots(raw.sz());
            if (lots == 0) {
                side.remove(ticks);
            } else {
                side.put(ticks, new Level(raw.px(), raw.sz(), lots));
            }
            changes.add(ticks, lots);
        }
    }

    private void trim(TreeMap<Long, Level> side, Changes changes) {
        while (side.size() > depth) {
            Map.Entry<Long, Level> deepest = side.pollLastEntry();
            changes.add(deepest.getKey(), 0);
        }
    }

    /** OKX's checksum of our current top 25 levels: CRC32 of {@code bidPx:bidSz:askPx:askSz:...} as a signed int. */
    int checksum() {
        checksumText.setLength(0);
        Iterator<Level> b = bids.values().iterator();
        Iterator<Level> a = asks.values().iterator();
        for (int i = 0; i < CHECKSUM_DEPTH && (b.hasNext() || a.hasNext()); i++) {
            if (b.hasNext()) {
                append(b.next());
            }
            if (a.hasNext()) {
                append(a.next());
            }
        }
        crc.reset();
        crc.update(checksumText.toString().getBytes(StandardCharsets.US_ASCII));
        return (int) crc.getValue();
    }

    private void append(Level level) {
        if (!checksumText.isEmpty()) {
            checksumText.append(':');
        }
        checksumText.append(level.px()).append(':').append(level.sz());
    }

    boolean isCrossed() {
        return !bids.isEmpty() && !asks.isEmpty() && bids.firstKey() >= asks.firstKey();
    }

    int levels(boolean bidSide) {
        return (bidSide ? bids : asks).size();
    }

    /** Best bid in ticks; {@link Long#MIN_VALUE} when empty. */
    long bestBidTicks() {
        return bids.isEmpty() ? Long.MIN_VALUE : bids.firstKey();
    }

    /** Best ask in ticks; {@link Long#MIN_VALUE} when empty. */
    long bestAskTicks() {
        return asks.isEmpty() ? Long.MIN_VALUE : asks.firstKey();
    }

    /** Copies one side of the whole book, best first, into fresh arrays: {@code [ticks, lots]}. */
    long[][] copySide(boolean bidSide) {
        TreeMap<Long, Level> side = bidSide ? bids : asks;
        long[] ticks = new long[side.size()];
        long[] lots = new long[side.size()];
        int i = 0;
        for (Map.Entry<Long, Level> e : side.entrySet()) {
            ticks[i] = e.getKey();
            lots[i] = e.getValue().lots();
            i++;
        }
        return new long[][] {ticks, lots};
    }

    /** The levels the last message changed on one side (size 0 = removed), as fresh arrays: {@code [ticks, lots]}. */
    long[][] lastChanges(boolean bidSide) {
        return (bidSide ? bidChanges : askChanges).copy();
    }

    /** A growable list of (ticks, lots) pairs, reused across messages. */
    private static final class Changes {
        private long[] ticks = new long[64];
        private long[] lots = new long[64];
        private int count;

        void clear() {
            count = 0;
        }

        void add(long t, long l) {
            if (count == ticks.length) {
                ticks = Arrays.copyOf(ticks, count * 2);
                lots = Arrays.copyOf(lots, count * 2);
            }
            ticks[count] = t;
            lots[count] = l;
            count++;
        }

        long[][] copy() {
            return new long[][] {Arrays.copyOf(ticks, count), Arrays.copyOf(lots, count)};
        }
    }
}
