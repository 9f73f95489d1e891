package dev.ballast.connectors.kraken;

import dev.ballast.connectors.SharedData;
import dev.ballast.core.VenueId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real Kraken traffic in the shared data (cryptofeed's captures, 2021-04-17): the {@code AssetPairs} REST reply
 * of {@code captures/KRAKEN.0}, and the WebSocket v1 sessions {@code KRAKEN.ws.48.0} (trades), {@code .49.0}
 * (ticker) and {@code .50.0} (book-1000 with checksums). Each WS capture is a connect line, our sends
 * ({@code <url> <- <ts>: <msg>}) and received frames ({@code <ts>: <msg>}).
 */
final class KrakenCaptures {
    static final VenueId VENUE = VenueId.of("kraken");
    static final String TRADES = "captures/KRAKEN.ws.48.0";
    static final String TICKER = "captures/KRAKEN.ws.49.0";
    static final String BOOKS = "captures/KRAKEN.ws.50.0";
    /** The ten pairs the capture subscribed to. */
    static final List<String> PAIRS = List.of("WAVES/EUR", "XMR/USD", "KSM/XBT", "GRT/ETH", "SC/EUR", "ETH/CHF",
            "OCEAN/XBT", "OMG/USD", "XBT/CHF", "ADA/XBT");

    private static final Map<String, List<Frame>> FRAMES = new HashMap<>();
    private static KrakenPairs pairs;

    /** One frame received, with its local receive time. */
    record Frame(long receivedNs, String text) {
    }

    private KrakenCaptures() {
    }

    /** The body of the captured {@code AssetPairs} reply. */
    static String assetPairsBody() {
        for (String line : lines("captures/KRAKEN.0")) {
            if (line.startsWith("https://api.kraken.com/0/public/AssetPairs")) {
                return line.substring(line.indexOf(": ") + 2);
            }
        }
        throw new IllegalStateException("no AssetPairs line in captures/KRAKEN.0");
    }

    /** The captured pairs, parsed once per test run (immutable). */
    static synchronized KrakenPairs pairs() {
        if (pairs == null) {
            pairs = KrakenMapper.assetPairs(KrakenMapper.result(assetPairsBody()), VENUE);
        }
        return pairs;
    }

    /** The frames received in a WS capture, in order (the connect line and our sends left out); read once. */
    static synchronized List<Frame> received(String capture) {
        return FRAMES.computeIfAbsent(capture, KrakenCaptures::readFrames);
    }

    private static List<Frame> readFrames(String capture) {
        List<Frame> out = new ArrayList<>();
        for (String line : lines(capture)) {
            if (line.isEmpty() || !Character.isDigit(line.charAt(0))) {
                continue;
            }
            int sep = line.indexOf(": ");
            long ns = new BigDecimal(line.substring(0, sep)).movePointRight(9).longValue();
            out.add(new Frame(ns, line.substring(sep + 2)));
        }
        return List.copyOf(out);
    }

    /** Counted independently of the code under test: frames carrying a book checksum. */
    static long framesWithChecksum(String capture) {
        return received(capture).stream().filter(f -> f.text().contains("\"c\":\"")).count();
    }

    static String fixture(String relative) {
        try {
            return Files.readString(SharedData.resolve("fixtures/xchange/" + relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(String relative) {
        Path path = SharedData.resolve(relative);
        try {
            return Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
