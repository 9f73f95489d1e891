package dev.ballast.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backtest command on the real Binance recording (spot 08-08 and the USD-M perpetual 08-08, about six minutes):
 * the configured strategy and the three baselines, twice, into two directories.
 */
class BacktestOnRecordedDataTest {
    @TempDir
    static Path dir;

    private static String table;
    private static JsonNode results;

    private static String run(Path out) {
        return RecordedBacktests.run(out, List.of(RecordedBacktests.SPOT, RecordedBacktests.USDM));
    }

    @BeforeAll
    static void runTheBacktestTwice() throws Exception {
        table = run(dir.resolve("a"));
        run(dir.resolve("b"));
        results = new ObjectMapper().readTree(dir.resolve("a/results.json").toFile());
    }

    @Test
    void shouldWriteByteIdenticalResultsForTheSameDataAndConfig() throws Exception {
        assertThat(Files.readAllBytes(dir.resolve("a/results.json")))
                .isEqualTo(Files.readAllBytes(dir.resolve("b/results.json")));
        assertThat(Files.readAllBytes(dir.resolve("a/report.html")))
                .isEqualTo(Files.readAllBytes(dir.resolve("b/report.html")));
    }

    @Test
    void shouldPrintTheFourWayTableAndWriteAnOfflineReport() throws Exception {
        assertThat(table).contains("configured", "no-hedge", "hedge-at-once", "no-skew", "mean-variance score");
        String html = Files.readString(dir.resolve("a/report.html"));
        assertThat(html).contains("<svg").doesNotContain("http://", "https://", "<script");
        assertThat(results.get("strategies")).hasSize(4);
    }

    @Test
    void shouldTradeOnBothVenuesAndHedgeOnlyInTheStrategiesThatHedge() {
        for (JsonNode s : results.get("strategies")) {
            long hedges = 0;
            Map<String, Long> byVenue = new HashMap<>();
            for (JsonNode f : s.get("fills")) {
                byVenue.merge(f.get("venue").asText(), 1L, Long::sum);
                hedges += f.get("hedge").asBoolean() ? 1 : 0;
            }
            assertThat(byVenue.keySet()).as(s.get("name").asText()).containsExactlyInAnyOrder("binance", "binance-usdm");
            if (s.get("name").asText().equals("no-hedge")) {
                assertThat(hedges).isZero();
            } else if (s.get("name").asText().equals("hedge-at-once")) {
                assertThat(hedges).isPositive();
            }
        }
    }

    @Test
    void shouldAccountPositionsExactlyAsTheFillsInTheResultsSay() {
        for (JsonNode s : results.get("strategies")) {
            Map<String, Double> filled = new HashMap<>();
            for (JsonNode f : s.get("fills")) {
                double signed = (f.get("side").asText().equals("BUY") ? 1 : -1) * f.get("sizeBase").asDouble();
                filled.merge(f.get("venue").asText(), signed, Double::sum);
            }
            JsonNode positions = s.get("series").get("positionBaseByVenue");
            for (var it = positions.fields(); it.hasNext(); ) {
                var venue = it.next();
                JsonNode values = venue.getValue().get("value");
                double change = values.get(values.size() - 1).asDouble() - values.get(0).asDouble();
                assertThat(change).as("%s position change on %s", s.get("name").asText(), venue.getKey())
                        .isCloseTo(filled.getOrDefault(venue.getKey(), 0.0), within(1e-9));
            }
            // the fill count in the metrics is the fills listed
            assertThat(s.get("metrics").get("fills").asLong()).isEqualTo(s.get("fills").size());
        }
    }
}
