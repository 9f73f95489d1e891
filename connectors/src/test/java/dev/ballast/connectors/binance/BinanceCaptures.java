package dev.ballast.connectors.binance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ballast.connectors.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real Binance traffic in ../shared/data/captures (cryptofeed's sample data; licence beside it): REST lines
 * {@code <url> -> <ts>: <body>} (exchangeInfo in {@code BINANCE.0}, depth snapshots in {@code .http.0.0}) and
 * WebSocket sessions (first line the URL, then {@code <ts>: <frame>}).
 */
final class BinanceCaptures {
    static final String SPOT_INFO = "captures/BINANCE.0";
    static final String SPOT_SNAPSHOTS = "captures/BINANCE.http.0.0";
    static final String SPOT_WS = "captures/BINANCE.ws.1.0";
    static final String FUTURES_INFO = "captures/BINANCE_FUTURES.0";
    static final String FUTURES_SNAPSHOTS = "captures/BINANCE_FUTURES.http.0.0";
    static final String FUTURES_WS = "captures/BINANCE_FUTURES.ws.1.0";

    private static final Pattern SYMBOL = Pattern.compile("symbol=(\\w+)");
    private static final Map<String, List<String>> LINES = new ConcurrentHashMap<>();
    private static final Map<String, String> TRIMMED = new ConcurrentHashMap<>();

    private BinanceCaptures() {
    }

    /** The body of the first REST line of a {@code X.0} file: the exchangeInfo reply. */
    static String exchangeInfo(String file) {
        return restBody(lines(file).get(0));
    }

    /**
     * The exchangeInfo reply cut down to {@code symbols} (rate limits and filters as recorded): the whole reply is
     * 1.8 MB, which costs a loopback test more than a second to serve and read.
     */
    static String exchangeInfo(String file, Set<String> symbols) {
        return TRIMMED.computeIfAbsent(file + symbols, k -> {
            try {
                ObjectMapper json = new ObjectMapper();
                ObjectNode root =
                        (ObjectNode) json.readTree(exchangeInfo(file));
                ArrayNode kept = json.createArrayNode();
                root.get("symbols").forEach(sym -> {
                    if (symbols.contains(sym.get("symbol").asText())) {
                        kept.add(sym);
                    }
                });
                root.set("symbols", kept);
                return json.writeValueAsString(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The frames of the streams a live venue subscribes to: {@code @depth...} and {@code @trade}. */
    static List<String> subscribedFrames(String file, String symbol) {
        String lower = symbol.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String f : frames(file, symbol)) {
            if (f.contains("\"stream\":\"" + lower + "@depth") || f.contains("\"stream\":\"" + lower + "@trade\"")) {
                out.add(f);
            }
        }
        return out;
    }

    /** Depth snapshot bodies by symbol. */
    static Map<String, String> snapshots(String file) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines(file)) {
            int arrow = line.indexOf(" -> ");
            if (arrow < 0) {
                continue;
            }
            Matcher m = SYMBOL.matcher(line.substring(0, arrow));
            if (m.find()) {
                out.put(m.group(1), restBody(line));
            }
        }
        return out;
    }

    /** Every received frame of a WebSocket session, in order. */
    static List<String> frames(String file) {
        List<String> out = new ArrayList<>();
        List<String> lines = lines(file);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int sep = line.indexOf(": ");
            if (sep > 0 && !line.contains(" <- ")) {
                out.add(line.substring(sep + 2));
            }
        }
        return out;
    }

    /** The frames of one symbol's streams ({@code "stream":"<symbol>@...}). */
    static List<String> frames(String file, String symbol) {
        String prefix = "\"stream\":\"" + symbol.toLowerCase(Locale.ROOT) + "@";
        List<String> out = new ArrayList<>();
        for (String f : frames(file)) {
            if (f.contains(prefix)) {
                out.add(f);
            }
        }
        return out;
    }

    private static String restBody(String line) {
        int arrow = line.indexOf(" -> ");
        int sep = line.indexOf(": ", arrow);
        return line.substring(sep + 2);
    }

    private static List<String> lines(String file) {
        return LINES.computeIfAbsent(file, f -> {
            Path path = SharedData.resolve(f);
            try {
                return Files.readAllLines(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
