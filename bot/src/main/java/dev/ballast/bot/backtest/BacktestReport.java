package dev.ballast.bot.backtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a backtest's {@code report.html}: one self-contained page that opens offline (inline CSS and SVG, no
 * script, no external resource) with the inputs, the side-by-side metrics table, PnL and drift of all strategies
 * overlaid, and per strategy (one tab each, switched with plain CSS radio buttons) inventory per venue, PnL, quotes
 * vs mid and our quotes' distance from mid, with hedge fills marked. Every string from the run is escaped.
 * Deterministic: the same run gives the same bytes.
 *
 * <p>Stateless and thread-safe.
 */
public final class BacktestReport {
    /** The note the report carries about the fill model's main limit. */
    public static final String MARKET_IMPACT_NOTE = "Our orders do not move the recorded market: the replayed book "
            + "and trades are what happened without us; our quotes fill only when recorded trades print through "
            + "them (after the queue ahead), and our hedges walk the recorded book of that moment.";

    private static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    private static final String BUY = "#2ca02c";
    private static final String SELL = "#d62728";
    private static final int WIDTH = 1100;
    private static final int HEIGHT = 300;

    private BacktestReport() {
    }

    /** Writes {@link #toHtml} to {@code file} (UTF-8), replacing it. */
    public static void write(BacktestRun run, Path file) throws IOException {
        Files.writeString(file, toHtml(run), StandardCharsets.UTF_8);
    }

    public static String toHtml(BacktestRun run) {
        BacktestInputs in = run.inputs();
        List<StrategyRun> strategies = run.strategies();
        StringBuilder sb = new StringBuilder(256 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Ballast backtest — ").append(e(in.baseAsset())).append('/').append(e(in.quoteAsset()))
                .append("</title>\n<style>\n").append(css(strategies.size())).append("</style>\n</head>\n<body>\n");
        sb.append("<h1>Ballast backtest — ").append(e(in.baseAsset())).append('/').append(e(in.quoteAsset()))
                .append("</h1>\n");
        sb.append("<p class=\"note\">").append(e(MARKET_IMPACT_NOTE)).append("</p>\n");
        inputs(sb, run);
        sb.append("<h2>Side by side</h2>\n");
        table(sb, run);
        sb.append("<h2>All strategies</h2>\n");
        SvgChart pnl = new SvgChart("PnL, all strategies", "PnL (" + in.quoteAsset() + ")");
        SvgChart drift = new SvgChart("Drift from target, all strategies", "q (" + in.baseAsset() + ")");
        for (int i = 0; i < strategies.size(); i++) {
            StrategyRun s = strategies.get(i);
            pnl.line(s.name(), color(i), s.series().pnlQuote(), false);
            drift.line(s.name(), color(i), s.series().driftBase(), false);
        }
        band(drift, strategies.get(0).metrics().bandBase());
        sb.append("<figure>").append(pnl.render(WIDTH, HEIGHT)).append("</figure>\n");
        sb.append("<figure>").append(drift.render(WIDTH, HEIGHT)).append("</figure>\n");

        sb.append("<h2>Per strategy</h2>\n<div class=\"tabs\">\n");
        for (int i = 0; i < strategies.size(); i++) {
            sb.append("<input type=\"radio\" name=\"strategy\" id=\"tab").append(i).append('"')
                    .append(i == 0 ? " checked" : "").append("><label for=\"tab").append(i).append("\">")
                    .append(e(strategies.get(i).name())).append("</label>\n");
        }
        for (int i = 0; i < strategies.size(); i++) {
            panel(sb, i, strategies.get(i), in);
        }
        sb.append("</div>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void inputs(StringBuilder sb, BacktestRun run) {
        BacktestInputs in = run.inputs();
        sb.append("<dl class=\"inputs\">\n<dt>config</dt><dd>").append(e(in.configFile())).append("</dd>\n");
        sb.append("<dt>data</dt><dd>");
        for (int i = 0; i < in.dataFiles().size(); i++) {
            sb.append(i == 0 ? "" : "<br>").append(e(in.dataFiles().get(i)));
        }
        sb.append("</dd>\n<dt>seed</dt><dd>").append(in.seed()).append("</dd>\n");
        BacktestMetrics m = run.strategies().get(0).metrics();
        sb.append("<dt>simulated time</dt><dd>").append(Formats.fixed(m.durationSec() / 3600, 2)).append(" h, ")
                .append(m.samples()).append(" samples</dd>\n");
        sb.append("<dt>score</dt><dd>PnL − ½·γ·Var(PnL change per ").append(Formats.fixed(m.scoreIntervalSec(), 0))
                .append(" s), γ = ").append(BacktestResults.decimal(m.gamma()).toPlainString()).append(" / ")
                .append(e(in.quoteAsset())).append("; band ±").append(BacktestResults.decimal(m.bandBase()).toPlainString())
                .append(' ').append(e(in.baseAsset())).append("</dd>\n</dl>\n");
    }

    private static void table(StringBuilder sb, BacktestRun run) {
        List<StrategyRun> strategies = run.strategies();
        sb.append("<table class=\"metrics\">\n<thead><tr><th>metric</th>");
        for (StrategyRun s : strategies) {
            sb.append("<th>").append(e(s.name())).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n<tr><td>what it does</td>");
        for (StrategyRun s : strategies) {
            sb.append("<td class=\"text\">").append(e(s.description())).append("</td>");
        }
        sb.append("</tr>\n");
        for (ConsoleTable.Row row : ConsoleTable.rows(run.inputs().baseAsset(), run.inputs().quoteAsset())) {
            sb.append("<tr><td>").append(e(row.label())).append("</td>");
            for (StrategyRun s : strategies) {
                sb.append("<td>").append(e(row.cell().apply(s.metrics()))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    private static void panel(StringBuilder sb, int index, StrategyRun s, BacktestInputs in) {
        BacktestSeries series = s.series();
        sb.append("<section class=\"panel\" id=\"panel").append(index).append("\">\n<h3>").append(e(s.name()))
                .append("</h3>\n<p>").append(e(s.description())).append("</p>\n");

        SvgChart inventory = new SvgChart("Inventory per venue — " + s.name(), "position (" + in.baseAsset() + ")");
        int c = 0;
        for (Map.Entry<String, TimeSeries> v : series.positionBaseByVenue().entrySet()) {
            inventory.line(v.getKey(), color(c++), v.getValue(), false);
        }
        inventory.line("drift from target", "#333333", series.driftBase(), true);
        band(inventory, s.metrics().bandBase());
        hedges(inventory, series.hedges(), false);

        SvgChart pnl = new SvgChart("PnL — " + s.name(), "PnL (" + in.quoteAsset() + ")")
                .line("PnL", color(0), series.pnlQuote(), false);
        hedges(pnl, series.hedges(), false);

        SvgChart quotes = new SvgChart("Quotes vs mid — " + s.name(), "price (" + in.quoteAsset() + ")")
                .line("mid", "#7f7f7f", series.mid(), false)
                .line("fair value", "#1f77b4", series.fairValue(), true)
                .line("our bid", BUY, series.bid(), false)
                .line("our ask", SELL, series.ask(), false);
        hedges(quotes, series.hedges(), true);

        SvgChart distance = new SvgChart("Our quotes' distance from mid — " + s.name(), "bps from mid")
                .line("bid", BUY, series.bidVsMidBps(), false)
                .line("ask", SELL, series.askVsMidBps(), false)
                .level("mid", "#7f7f7f", 0);

        for (SvgChart chart : List.of(inventory, pnl, quotes, distance)) {
            sb.append("<figure>").append(chart.render(WIDTH, HEIGHT)).append("</figure>\n");
        }
        sb.append("<p class=\"small\">").append(s.metrics().hedgeFills()).append(" hedge fills")
                .append(series.hedges().size() < s.metrics().hedgeFills()
                        ? " (" + series.hedges().size() + " evenly spaced ones marked)" : "")
                .append("; ▲ buy, ▼ sell.</p>\n</section>\n");
    }

    private static void hedges(SvgChart chart, List<BacktestFill> hedges, boolean atPrice) {
        boolean buys = false;
        boolean sells = false;
        for (BacktestFill f : hedges) {
            boolean buy = f.side().sign() > 0;
            buys |= buy;
            sells |= !buy;
            String title = "hedge " + f.side().name().toLowerCase(java.util.Locale.ROOT) + " "
                    + BacktestResults.decimal(f.sizeBase()).toPlainString() + " @ "
                    + BacktestResults.decimal(f.price()).toPlainString() + " on " + f.venue().name();
            chart.marker(new SvgChart.Marker(f.timeNs(), atPrice ? f.price() : Double.NaN, buy, buy ? BUY : SELL, title));
        }
        if (buys) {
            chart.markerLegend("hedge buy", BUY);
        }
        if (sells) {
            chart.markerLegend("hedge sell", SELL);
        }
    }

    private static void band(SvgChart chart, double bandBase) {
        chart.level("band +", "#bbbbbb", bandBase).level("band −", "#bbbbbb", -bandBase);
    }

    private static String color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    private static String e(String s) {
        return Html.escape(s);
    }

    private static String css(int tabs) {
        StringBuilder sb = new StringBuilder(2048);
        sb.append("body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;")
                .append("margin:24px auto;max-width:1140px;color:#222;background:#fff}\n")
                .append("h1{font-size:22px}h2{font-size:18px;margin-top:28px}h3{font-size:16px}\n")
                .append(".note{background:#fff8e1;border-left:4px solid #f0b400;padding:8px 12px}\n")
                .append(".small{font-size:12px;color:#555}\n")
                .append("dl.inputs{display:grid;grid-template-columns:max-content auto;gap:2px 16px;font-size:13px}\n")
                .append("dl.inputs dt{font-weight:600}dl.inputs dd{margin:0;font-family:ui-monospace,monospace}\n")
                .append("table.metrics{border-collapse:collapse;font-size:13px}\n")
                .append("table.metrics th,table.metrics td{border:1px solid #ddd;padding:4px 10px;text-align:right}\n")
                .append("table.metrics td:first-child,table.metrics th:first-child,table.metrics td.text{text-align:left}\n")
                .append("table.metrics td.text{max-width:220px;font-size:12px;color:#555}\n")
                .append("table.metrics tbody tr:nth-child(even){background:#f7f7f7}\n")
                .append("figure{margin:8px 0}\n")
                .append("svg.chart{font-size:11px;background:#fff}\n")
                .append("svg.chart .title{font-size:13px;font-weight:600}\n")
                .append("svg.chart .plot{fill:#fcfcfc;stroke:#999}\n")
                .append("svg.chart .grid{stroke:#e6e6e6}\n")
                .append("svg.chart .tick{fill:#555}svg.chart .axis{fill:#333}svg.chart .legend{fill:#333}\n")
                .append("svg.chart .series{fill:none;stroke-width:1.3;stroke-linejoin:round}\n")
                .append("svg.chart .level{stroke-dasharray:6 4;stroke-width:1}\n")
                .append("svg.chart .marker{opacity:.8}\n")
                .append(".tabs>input{position:absolute;opacity:0}\n")
                .append(".tabs>label{display:inline-block;padding:6px 14px;border:1px solid #ccc;border-bottom:none;")
                .append("border-radius:4px 4px 0 0;margin-right:4px;cursor:pointer;background:#f3f3f3}\n")
                .append(".tabs>.panel{display:none;border-top:1px solid #ccc;padding-top:4px}\n");
        for (int i = 0; i < tabs; i++) {
            sb.append("#tab").append(i).append(":checked~#panel").append(i).append("{display:block}\n");
            sb.append("#tab").append(i).append(":checked+label{background:#fff;font-weight:600}\n");
        }
        return sb.toString();
    }
}
