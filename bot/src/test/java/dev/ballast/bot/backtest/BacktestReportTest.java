package dev.ballast.bot.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestReportTest {
    private static final String[] FOUR = {"configured", "no-hedge", "hedge-at-once", "no-skew"};

    @Test
    void shouldDrawTwoOverviewChartsAndFourChartsPerStrategy() {
        String html = BacktestReport.toHtml(SyntheticRuns.run(11, 3_000, FOUR));

        assertThat(count(html, "<svg ")).isEqualTo(2 + 4 * FOUR.length);
        assertThat(count(html, "</svg>")).isEqualTo(2 + 4 * FOUR.length);
        assertThat(html).contains("Inventory per venue — no-skew", "PnL — configured", "Quotes vs mid — hedge-at-once");
        assertThat(html).contains("<polygon class=\"marker\""); // hedges marked
        assertThat(count(html, "class=\"panel\"")).isEqualTo(FOUR.length);
    }

    @Test
    void shouldCarryTheMetricsTableAndTheNoteThatOurOrdersDoNotMoveTheMarket() {
        String html = BacktestReport.toHtml(SyntheticRuns.run(11, 1_000, FOUR));

        assertThat(html).contains("<table class=\"metrics\">", "<th>no-hedge</th>", "mean-variance score (USDT)",
                "hedge cost (bps vs fair at decision)", "time outside band");
        assertThat(html).contains("Our orders do not move the recorded market");
    }

    @Test
    void shouldReferenceNoExternalResourceAndRunNoScript() {
        String html = BacktestReport.toHtml(SyntheticRuns.run(11, 1_000, FOUR));

        assertThat(html).doesNotContain("http://", "https://", "<script", "<link", "@import", "url(", "src=");
    }

    @Test
    void shouldEscapeEveryStringItWritesFromTheRun() {
        BacktestRun synthetic = SyntheticRuns.run(5, 200, "configured");
        String evil = "<script>alert('x')</script>&\"";
        StrategyRun s = synthetic.strategies().get(0);
        BacktestRun run = new BacktestRun(new BacktestInputs(evil + ".yaml", List.of("<img src=x onerror=y>"), 5,
                "B<T>C", "US\"DT"), List.of(new StrategyRun(evil, evil, s.metrics(), s.series(), s.fills())));

        String html = BacktestReport.toHtml(run);

        assertThat(html).doesNotContain("<script", "<img", "alert('x')", "B<T>C", "US\"DT");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;", "B&lt;T&gt;C");
    }

    @Test
    void shouldWriteTheSameBytesForTheSameRun(@TempDir Path dir) throws Exception {
        BacktestReport.write(SyntheticRuns.run(9, 2_000, FOUR), dir.resolve("a.html"));
        BacktestReport.write(SyntheticRuns.run(9, 2_000, FOUR), dir.resolve("b.html"));

        assertThat(Files.readAllBytes(dir.resolve("a.html"))).isEqualTo(Files.readAllBytes(dir.resolve("b.html")));
    }

    @Test
    void shouldDrawAnEmptyChartWhenASeriesHasNoFiniteValue() {
        String svg = new SvgChart("nothing", "y").line("x", "#000", TimeSeries.empty(), false).render(400, 200);

        assertThat(svg).contains("no data").doesNotContain("NaN", "Infinity");
    }

    @Test
    void shouldPickOneTwoOrFiveTimesAPowerOfTenForTicks() {
        assertThat(SvgChart.niceStep(0.13)).isEqualTo(0.2);
        assertThat(SvgChart.niceStep(3.1)).isEqualTo(5.0);
        assertThat(SvgChart.niceStep(70)).isEqualTo(100.0);
        assertThat(SvgChart.niceStep(1000)).isEqualTo(1000.0);
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
