package dev.ballast.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestResultsTest {
    @Test
    void shouldWriteByteIdenticalFilesForTheSameRun(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        BacktestResults.write(SyntheticRuns.run(42, 5_000, "configured", "no-hedge"), a);
        BacktestResults.write(SyntheticRuns.run(42, 5_000, "configured", "no-hedge"), b);

        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(
                BacktestResults.toJson(SyntheticRuns.run(43, 5_000, "configured", "no-hedge"))
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldWriteInputsThenStrategiesInRunOrderWithMetricsInDeclarationOrder() throws Exception {
        JsonNode root = new ObjectMapper().readTree(BacktestResults.toJson(
                SyntheticRuns.run(1, 500, "configured", "no-hedge", "hedge-at-once", "no-skew")));

        assertThat(names(root)).containsExactly("format", "inputs", "strategies");
        assertThat(root.get("format").asText()).isEqualTo(BacktestResults.FORMAT);
        assertThat(root.at("/inputs/seed").asLong()).isEqualTo(1);
        assertThat(root.at("/inputs/strategies").toString())
                .isEqualTo("[\"configured\",\"no-hedge\",\"hedge-at-once\",\"no-skew\"]");
        assertThat(root.at("/strategies/1/name").asText()).isEqualTo("no-hedge");
        assertThat(names(root.at("/strategies/0/metrics"))).startsWith("samples", "durationSec", "gamma")
                .endsWith("pnlChangeVarianceQuote2", "scoreIntervals", "meanVarianceScore");
        assertThat(names(root.at("/strategies/0/series/positionBaseByVenue"))).containsExactly("binance", "binance-usdm");
        assertThat(root.at("/strategies/1/metrics/hedgeCostBps").isNull()).isTrue(); // no hedges: NaN → null
    }

    @Test
    void shouldWriteEveryFillSoThatTheAccountingCanBeCheckedAgainstIt() throws Exception {
        BacktestRecorder r = new BacktestRecorder();
        r.onSample(0, 100, 0, Map.of(), 0, 99, 101, 100);
        r.onFill(5, VenueId.of("spot"), Side.BUY, 99.1, 0.3, 0.01, false, 100);
        r.onFill(6, VenueId.of("perp"), Side.SELL, 99.9, 0.3, 0.02, true, 100.05);
        BacktestRun run = new BacktestRun(new BacktestInputs("c.yaml", List.of("d"), 7, "BTC", "USDT"),
                List.of(r.run("configured", "the configured strategy", 0, 1, 1)));

        JsonNode fills = new ObjectMapper().readTree(BacktestResults.toJson(run)).at("/strategies/0/fills");

        assertThat(fills).hasSize(2);
        assertThat(fills.get(1).toString()).isEqualTo("{\"tNs\":6,\"venue\":\"perp\",\"side\":\"SELL\",\"price\":99.9,"
                + "\"sizeBase\":0.3,\"feeQuote\":0.02,\"hedge\":true,\"referenceFair\":100.05}");
    }

    @Test
    void shouldWriteNumbersAsPlainDecimalsOfTwelveSignificantDigits() {
        assertThat(BacktestResults.decimal(0.1 + 0.2).toPlainString()).isEqualTo("0.3");
        assertThat(BacktestResults.decimal(60_000.123456789).toPlainString()).isEqualTo("60000.1234568");
        assertThat(BacktestResults.decimal(100.0).toPlainString()).isEqualTo("100");
        assertThat(BacktestResults.decimal(-0.0).toPlainString()).isEqualTo("0");
        assertThat(BacktestResults.decimal(1e-15).toPlainString()).isEqualTo("0.000000000000001");
        assertThat(BacktestResults.number(Double.NaN).isNull()).isTrue();
        assertThat(BacktestResults.number(Double.POSITIVE_INFINITY).isNull()).isTrue();
    }

    @Test
    void shouldUseOnlyLineFeedsAndNoExponents() {
        String json = BacktestResults.toJson(SyntheticRuns.run(3, 300, "configured"));

        assertThat(json).doesNotContain("\r").endsWith("}\n");
        assertThat(json).doesNotContainPattern("[0-9][eE][+-]?[0-9]");
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
