package dev.ballast.connectors.marketdata;

import dev.ballast.connectors.SharedData;
import dev.ballast.connectors.binance.BinanceMarket;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The recorded Binance files in the shared data, and what they hold, counted with plain string matching
 * (independent of the reader and the parser under test).
 */
final class RecordedFiles {
    static final String DIR = "market/binance-btc-2024-08-08/";
    private static final Pattern EVENT_TIME = Pattern.compile("\"E\":(\\d+)");
    private static final Pattern LAST_ID = Pattern.compile("\"u\":(\\d+)");
    private static final Pattern SNAPSHOT_ID = Pattern.compile("\"lastUpdateId\":(\\d+)");

    private RecordedFiles() {
    }

    static List<Path> files(BinanceMarket market) {
        return switch (market) {
            case SPOT -> paths("binance-spot_btcusdt_20240808.gz", "binance-spot_btcusdt_20240809.gz");
            case USDM -> paths("binance-usdm_btcusdt_20240808.gz");
            case COINM -> paths("binance-coinm_btcusd_perp_20240808.gz", "binance-coinm_btcusd_perp_20240809.gz");
        };
    }

    private static List<Path> paths(String... names) {
        return Arrays.stream(names).map(n -> SharedData.resolve(DIR + n)).toList();
    }

    /** What the files of one market hold. */
    static final class Content {
        long snapshots;
        long snapshotUpdateId = -1;
        long diffs;
        long trades;
        long bookTickers;
        /** Exchange times (ns) of the trades, in file order. */
        final List<Long> tradeTimesNs = new ArrayList<>();
        /** Exchange times (ns) and last update ids of the diffs, in file order. */
        final List<Long> diffTimesNs = new ArrayList<>();
        final List<Long> diffLastIds = new ArrayList<>();

        /**
         * Exchange times of the diffs a synced book applies: those past the snapshot (spot: u > L; futures,
         * whose bridging diff may end at L: u >= L).
         */
        List<Long> chainingDiffTimesNs(BinanceMarket market) {
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < diffLastIds.size(); i++) {
                long u = diffLastIds.get(i);
                if (market.isFutures() ? u >= snapshotUpdateId : u > snapshotUpdateId) {
                    times.add(diffTimesNs.get(i));
                }
            }
            return times;
        }
    }

    private static final java.util.Map<List<Path>, Content> COUNTED = new java.util.HashMap<>();

    /** What the files hold; counted once per set of files and shared (callers only read it). */
    static synchronized Content count(List<Path> files) throws IOException {
        Content known = COUNTED.get(files);
        if (known == null) {
            known = countNow(files);
            COUNTED.put(files, known);
        }
        return known;
    }

    private static Content countNow(List<Path> files) throws IOException {
        Content content = new Content();
        for (Path file : files) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    String json = line.substring(line.indexOf(' ') + 1);
                    if (json.startsWith("{\"lastUpdateId\":")) {
                        content.snapshots++;
                        content.snapshotUpdateId = number(SNAPSHOT_ID, json);
                    } else if (json.startsWith("{\"stream\":\"btcusdt@depth") || json.startsWith("{\"stream\":\"btcusd_perp@depth")) {
                        content.diffs++;
                        content.diffTimesNs.add(number(EVENT_TIME, json) * 1_000_000);
                        content.diffLastIds.add(number(LAST_ID, json));
                    } else if (json.contains("@trade\"")) {
                        content.trades++;
                        content.tradeTimesNs.add(number(EVENT_TIME, json) * 1_000_000);
                    } else if (json.contains("@bookTicker\"")) {
                        content.bookTickers++;
                    }
                }
            }
        }
        return content;
    }

    private static long number(Pattern pattern, String json) {
        Matcher m = pattern.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }
}
