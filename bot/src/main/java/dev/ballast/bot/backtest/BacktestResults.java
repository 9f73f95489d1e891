package dev.ballast.bot.backtest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a backtest's {@code results.json}: the inputs, then per strategy (in run order) its metrics, plot series
 * and fills.
 *
 * <p>Deterministic: the same {@link BacktestRun} gives the same bytes on any machine and JVM. Keys come in a fixed
 * order (declaration order for metrics, venues sorted by name); every double is written as a plain decimal rounded
 * to {@value #SIGNIFICANT_DIGITS} significant digits from its exact binary value (independent of the JVM's
 * {@code Double.toString}), NaN and infinities as {@code null}; times as integer ns of simulated time; line breaks
 * are {@code \n}; no wall-clock time anywhere. UTF-8.
 *
 * <p>Stateless and thread-safe.
 */
public final class BacktestResults {
    /** The {@code format} field: bump when the layout changes incompatibly. */
    public static final String FORMAT = "ballast-backtest-results/1";
    static final int SIGNIFICANT_DIGITS = 12;
    private static final MathContext ROUNDING = new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN);

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectWriter WRITER = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private BacktestResults() {
    }

    /** Writes {@link #toJson} to {@code file} (UTF-8), replacing it. */
    public static void write(BacktestRun run, Path file) throws IOException {
        Files.writeString(file, toJson(run), StandardCharsets.UTF_8);
    }

    /** The results document as text, ending in a line break. */
    public static String toJson(BacktestRun run) {
        try {
            return WRITER.writeValueAsString(tree(run)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise backtest results", e);
        }
    }

    /** The results document as a tree. */
    public static JsonNode tree(BacktestRun run) {
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT);
        BacktestInputs in = run.inputs();
        ObjectNode inputs = root.putObject("inputs");
        inputs.put("configFile", in.configFile());
        ArrayNode data = inputs.putArray("dataFiles");
        in.dataFiles().forEach(data::add);
        inputs.put("seed", in.seed());
        inputs.put("baseAsset", in.baseAsset());
        inputs.put("quoteAsset", in.quoteAsset());
        if (in.durationSec() > 0) {
            inputs.put("durationSec", in.durationSec()); // only a partial replay says so
        }
        ArrayNode names = inputs.putArray("strategies");
        run.strategies().forEach(s -> names.add(s.name()));

        ArrayNode strategies = root.putArray("strategies");
        for (StrategyRun s : run.strategies()) {
            ObjectNode node = strategies.addObject();
            node.put("name", s.name());
            node.put("description", s.description());
            node.set("metrics", metrics(s.metrics()));
            node.set("series", series(s.series()));
            ArrayNode fills = node.putArray("fills");
            for (BacktestFill f : s.fills()) {
                fills.add(fill(f));
            }
        }
        return root;
    }

    private static ObjectNode metrics(BacktestMetrics m) {
        ObjectNode node = NODES.objectNode();
        for (RecordComponent c : BacktestMetrics.class.getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(m);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read metric " + c.getName(), e);
            }
            if (value instanceof Double d) {
                node.set(c.getName(), number(d));
            } else if (value instanceof Long l) {
                node.put(c.getName(), l);
            } else {
                throw new IllegalStateException("metric " + c.getName() + " has an unexpected type " + c.getType());
            }
        }
        return node;
    }

    private static ObjectNode series(BacktestSeries s) {
        ObjectNode node = NODES.objectNode();
        for (Map.Entry<String, TimeSeries> e : s.scalarSeries().entrySet()) {
            node.set(e.getKey(), timeSeries(e.getValue()));
        }
        ObjectNode positions = node.putObject("positionBaseByVenue");
        for (Map.Entry<String, TimeSeries> e : s.positionBaseByVenue().entrySet()) {
            positions.set(e.getKey(), timeSeries(e.getValue()));
        }
        ArrayNode hedges = node.putArray("hedges");
        for (BacktestFill f : s.hedges()) {
            hedges.add(fill(f));
        }
        return node;
    }

    private static ObjectNode timeSeries(TimeSeries ts) {
        ObjectNode node = NODES.objectNode();
        ArrayNode t = node.putArray("tNs");
        ArrayNode v = node.putArray("value");
        for (int i = 0; i < ts.size(); i++) {
            t.add(ts.timeNs(i));
            v.add(number(ts.value(i)));
        }
        return node;
    }

    private static ObjectNode fill(BacktestFill f) {
        ObjectNode node = NODES.objectNode();
        node.put("tNs", f.timeNs());
        node.put("venue", f.venue().name());
        node.put("side", f.side().name());
        node.set("price", number(f.price()));
        node.set("sizeBase", number(f.sizeBase()));
        node.set("feeQuote", number(f.feeQuote()));
        node.put("hedge", f.hedge());
        node.set("referenceFair", number(f.referenceFair()));
        return node;
    }

    /** A double as the results write it: {@code null} if not finite, else a plain decimal of 12 significant digits. */
    static JsonNode number(double value) {
        if (!Double.isFinite(value)) {
            return NODES.nullNode();
        }
        return NODES.numberNode(decimal(value));
    }

    /** The exact value of {@code value} rounded to 12 significant digits, trailing zeros dropped ({@code -0} is 0). */
    static BigDecimal decimal(double value) {
        BigDecimal d = new BigDecimal(value).round(ROUNDING).stripTrailingZeros();
        return d.signum() == 0 ? BigDecimal.ZERO : d;
    }
}
