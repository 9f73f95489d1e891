package dev.ballast.connectors.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Binance's documented way to keep a local book, written out plainly for tests to check the venue against: apply the
 * REST snapshot, drop diffs it already holds, apply the bridging diff and every diff after it, with exact decimals
 * in sorted maps. Levels off the tick grid (old orders on a finer tick) are left out, as the venue does.
 */
final class BookOracle {
    private static final ObjectMapper JSON = new ObjectMapper();

    final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
    final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    final long lastUpdateId;
    final int appliedDiffs;

    /**
     * @param futures true for the USD-M rule ({@code U <= L <= u}, then {@code pu == prev u}), false for spot
     *                ({@code U <= L+1 <= u}, then {@code U == prev u + 1})
     * @throws IllegalStateException on a gap
     */
    BookOracle(String snapshot, List<String> frames, BigDecimal tick, boolean futures) throws Exception {
        JsonNode snap = JSON.readTree(snapshot);
        long last = snap.get("lastUpdateId").asLong();
        load(bids, snap.get("bids"), tick);
        load(asks, snap.get("asks"), tick);
        boolean bridged = false;
        int applied = 0;
        for (String frame : frames) {
            JsonNode d = JSON.readTree(frame).get("data");
            if (!"depthUpdate".equals(d.path("e").asText())) {
                continue;
            }
            long first = d.get("U").asLong();
            long end = d.get("u").asLong();
            if (!bridged) {
                if (futures ? end < last : end <= last) {
                    continue;
                }
                if (futures ? first > last : first > last + 1) {
                    throw new IllegalStateException("no bridging diff at " + first);
                }
                bridged = true;
            } else if (futures ? d.get("pu").asLong() != last : first != last + 1) {
                throw new IllegalStateException("gap at " + first);
            }
            load(bids, d.get("b"), tick);
            load(asks, d.get("a"), tick);
            last = end;
            applied++;
        }
        this.lastUpdateId = last;
        this.appliedDiffs = applied;
    }

    private static void load(NavigableMap<BigDecimal, BigDecimal> side, JsonNode levels, BigDecimal tick) {
        for (JsonNode level : levels) {
            BigDecimal price = new BigDecimal(level.get(0).asText());
            BigDecimal size = new BigDecimal(level.get(1).asText());
            if (price.remainder(tick).signum() != 0) {
                continue;
            }
            if (size.signum() == 0) {
                side.remove(price);
            } else {
                side.put(price, size);
            }
        }
    }
}
