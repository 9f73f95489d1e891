package dev.ballast.connectors.okx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ballast.connectors.SharedData;
import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.VenueId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real OKX data for the tests: the cryptofeed captures in {@code ../shared/data/captures} ({@code OKX.ws.1.0}: v5
 * {@code books} with checksums and {@code trades} for BTC-USDT, UNI-USD-SWAP and BTC-USD-220527, May 2022;
 * {@code OKX.0}: {@code /api/v5/public/instruments} replies of the same session) and the hand-written REST replies
 * in {@code src/test/resources/okx} (see the README there).
 */
final class OkxTestData {
    static final VenueId VENUE = VenueId.of("okx");

    private OkxTestData() {
    }

    private static List<String> frames;

    /** The frames OKX sent in the WebSocket capture, in order, without the recorder's timestamps. */
    static synchronized List<String> capturedFrames() {
        if (frames != null) {
            return frames;
        }
        List<String> out = new ArrayList<>();
        for (String line : lines(SharedData.resolve("captures/OKX.ws.1.0"))) {
            if (line.startsWith("wss://")) {
                continue; // the connect line and our own subscribe messages
            }
            int colon = line.indexOf(": ");
            out.add(line.substring(colon + 2));
        }
        frames = List.copyOf(out);
        return frames;
    }

    private static final Map<String, String> REST = new ConcurrentHashMap<>();
    private static final Map<String, OkxInstrument> INSTRUMENTS = new ConcurrentHashMap<>();

    /** The body of the first REST call in {@code OKX.0} whose URL is {@code url} (read once per JVM). */
    static String capturedRest(String url) {
        return REST.computeIfAbsent(url, u -> {
            for (String line : lines(SharedData.resolve("captures/OKX.0"))) {
                if (line.startsWith(u + " -> ")) {
                    return line.substring(line.indexOf(": ", u.length()) + 2);
                }
            }
            throw new IllegalArgumentException("no REST call to " + u + " in OKX.0");
        });
    }

    /** A REST reply from {@code src/test/resources/okx}. */
    static String resource(String name) {
        try (var in = OkxTestData.class.getResourceAsStream("/okx/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource okx/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Any captured instrument (futures and inverse swaps included, which the venue does not trade) as an
     * {@link OkxInstrument} with its real tick and lot sizes, for checking books whose checksums only depend on text.
     */
    static OkxInstrument capturedInstrument(String instType, String instId) {
        return INSTRUMENTS.computeIfAbsent(instType + "/" + instId, k -> readInstrument(instType, instId));
    }

    private static OkxInstrument readInstrument(String instType, String instId) {
        String url = "https://www.okx.com/api/v5/public/instruments?instType=" + instType;
        JsonNode root = OkxMapper.tree(capturedRest(url));
        for (JsonNode n : OkxMapper.data(root)) {
            if (instId.equals(n.get("instId").asText())) {
                BigDecimal tick = new BigDecimal(n.get("tickSz").asText());
                BigDecimal lot = new BigDecimal(n.get("lotSz").asText());
                Instrument core = new Instrument(new InstrumentId(VENUE, instId), Asset.of("BASE"), Asset.of("QUOTE"),
                        tick, lot, BigDecimal.ZERO);
                return new OkxInstrument(core, OkxInstrument.Type.SPOT, lot, lot, BigDecimal.ONE);
            }
        }
        throw new IllegalArgumentException(instId + " not in the captured " + instType + " instruments");
    }

    /** The three instruments whose books the capture holds. */
    static List<OkxInstrument> capturedBookInstruments() {
        return List.of(capturedInstrument("SPOT", "BTC-USDT"), capturedInstrument("SWAP", "UNI-USD-SWAP"),
                capturedInstrument("FUTURES", "BTC-USD-220527"));
    }

    private static List<String> lines(Path file) {
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("configuration:")) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
