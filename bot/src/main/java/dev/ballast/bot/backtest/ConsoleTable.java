package dev.ballast.bot.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The side-by-side table of a backtest for the console: one column per strategy (in run order), one row per metric
 * — PnL, fees, spread captured, hedge cost, fills, mean |q|, std q, max |q|, time outside the band, mean-variance
 * score. Plain ASCII apart from the units; fixed decimals, so the same run prints the same text.
 *
 * <p>Stateless and thread-safe.
 */
public final class ConsoleTable {
    private ConsoleTable() {
    }

    /** A row of the table: its label and how a strategy's metrics show in it. */
    record Row(String label, Function<BacktestMetrics, String> cell) {
    }

    static List<Row> rows(String base, String quote) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("PnL (" + quote + ")", m -> Formats.fixed(m.pnlQuote(), 2)));
        rows.add(new Row("fees (" + quote + ")", m -> Formats.fixed(m.feesQuote(), 2)));
        rows.add(new Row("spread captured (" + quote + ")", m -> Formats.fixed(m.spreadCapturedQuote(), 2)));
        rows.add(new Row("hedge cost (bps vs fair at decision)", m -> Formats.fixed(m.hedgeCostBps(), 2)));
        rows.add(new Row("fills (maker + hedge)", m -> m.fills() + " (" + m.makerFills() + " + " + m.hedgeFills() + ")"));
        rows.add(new Row("mean |q| (" + base + ")", m -> Formats.fixed(m.meanAbsDriftBase(), 4)));
        rows.add(new Row("std q (" + base + ")", m -> Formats.fixed(m.stdDriftBase(), 4)));
        rows.add(new Row("max |q| (" + base + ")", m -> Formats.fixed(m.maxAbsDriftBase(), 4)));
        rows.add(new Row("time outside band", m -> Formats.percent(m.timeOutsideBandShare())));
        rows.add(new Row("mean-variance score (" + quote + ")", m -> Formats.fixed(m.meanVarianceScore(), 2)));
        return rows;
    }

    /** The table, every line ending in {@code \n}; the header names the strategies, the footer gamma and the band. */
    public static String render(BacktestRun run) {
        List<StrategyRun> strategies = run.strategies();
        List<Row> rows = rows(run.inputs().baseAsset(), run.inputs().quoteAsset());
        int labelWidth = "metric".length();
        for (Row r : rows) {
            labelWidth = Math.max(labelWidth, r.label().length());
        }
        String[][] cells = new String[rows.size()][strategies.size()];
        int[] widths = new int[strategies.size()];
        for (int c = 0; c < strategies.size(); c++) {
            widths[c] = strategies.get(c).name().length();
            for (int r = 0; r < rows.size(); r++) {
                cells[r][c] = rows.get(r).cell().apply(strategies.get(c).metrics());
                widths[c] = Math.max(widths[c], cells[r][c].length());
            }
        }
        StringBuilder sb = new StringBuilder(128 * (rows.size() + 3));
        sb.append(pad("metric", labelWidth, false));
        for (int c = 0; c < strategies.size(); c++) {
            sb.append("  ").append(pad(strategies.get(c).name(), widths[c], true));
        }
        sb.append('\n');
        int total = labelWidth;
        for (int w : widths) {
            total += 2 + w;
        }
        sb.append("-".repeat(total)).append('\n');
        for (int r = 0; r < rows.size(); r++) {
            sb.append(pad(rows.get(r).label(), labelWidth, false));
            for (int c = 0; c < strategies.size(); c++) {
                sb.append("  ").append(pad(cells[r][c], widths[c], true));
            }
            sb.append('\n');
        }
        BacktestMetrics first = strategies.get(0).metrics();
        sb.append("score = PnL - 1/2 * gamma * Var(PnL change per ").append(Formats.fixed(first.scoreIntervalSec(), 0))
                .append(" s), gamma ").append(BacktestResults.decimal(first.gamma()).toPlainString())
                .append("; band ±").append(BacktestResults.decimal(first.bandBase()).toPlainString()).append(' ')
                .append(run.inputs().baseAsset()).append('\n');
        return sb.toString();
    }

    private static String pad(String s, int width, boolean right) {
        if (s.length() >= width) {
            return s;
        }
        String spaces = " ".repeat(width - s.length());
        return right ? spaces + s : s + spaces;
    }
}
