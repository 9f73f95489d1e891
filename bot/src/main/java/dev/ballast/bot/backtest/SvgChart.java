package dev.ballast.bot.backtest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart over simulated time as inline SVG: lines (NaN values are gaps), horizontal levels, triangle markers,
 * axes with ticks and labels, a title and a legend. Every text is escaped; coordinates are written with one decimal
 * in {@link Locale#ROOT}, so the same data gives the same markup.
 *
 * <p>Not thread-safe: build, render, drop.
 */
final class SvgChart {
    record Line(String label, String color, TimeSeries series, boolean dashed) {
    }

    record Level(String label, String color, double value) {
    }

    /** A triangle at (time, value), pointing up or down; a NaN value puts it on the bottom edge of the plot. */
    record Marker(long timeNs, double value, boolean up, String color, String title) {
    }

    private static final int MARGIN_LEFT = 78;
    private static final int MARGIN_RIGHT = 170;
    private static final int MARGIN_TOP = 30;
    private static final int MARGIN_BOTTOM = 42;
    private static final long[] TIME_STEPS_SEC = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200,
        10800, 21600, 43200, 86400, 172800, 604800};
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final String title;
    private final String yLabel;
    private final List<Line> lines = new ArrayList<>();
    private final List<Level> levels = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private final List<MarkerKey> markerLegend = new ArrayList<>();

    private record MarkerKey(String label, String color) {
    }

    SvgChart(String title, String yLabel) {
        this.title = title;
        this.yLabel = yLabel;
    }

    SvgChart line(String label, String color, TimeSeries series, boolean dashed) {
        lines.add(new Line(label, color, series, dashed));
        return this;
    }

    SvgChart level(String label, String color, double value) {
        levels.add(new Level(label, color, value));
        return this;
    }

    SvgChart marker(Marker marker) {
        markers.add(marker);
        return this;
    }

    /** Adds a legend entry for markers of {@code color} (drawn as a triangle). */
    SvgChart markerLegend(String label, String color) {
        markerLegend.add(new MarkerKey(label, color));
        return this;
    }

    String render(int width, int height) {
        long xMin = Long.MAX_VALUE;
        long xMax = Long.MIN_VALUE;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Line l : lines) {
            for (int i = 0; i < l.series().size(); i++) {
                xMin = Math.min(xMin, l.series().timeNs(i));
                xMax = Math.max(xMax, l.series().timeNs(i));
                double v = l.series().value(i);
                if (Double.isFinite(v)) {
                    yMin = Math.min(yMin, v);
                    yMax = Math.max(yMax, v);
                }
            }
        }
        for (Marker m : markers) {
            xMin = Math.min(xMin, m.timeNs());
            xMax = Math.max(xMax, m.timeNs());
            if (Double.isFinite(m.value())) {
                yMin = Math.min(yMin, m.value());
                yMax = Math.max(yMax, m.value());
            }
        }
        boolean hasData = xMin <= xMax;
        if (hasData) {
            for (Level lv : levels) {
                yMin = Math.min(yMin, lv.value());
                yMax = Math.max(yMax, lv.value());
            }
        }
        if (!hasData) {
            xMin = 0;
            xMax = 1_000_000_000L;
        } else if (xMax == xMin) {
            xMax = xMin + 1_000_000_000L;
        }
        if (!(yMin <= yMax)) {
            yMin = 0;
            yMax = 1;
        } else if (yMin == yMax) {
            double d = yMin == 0 ? 1 : Math.abs(yMin) * 0.01;
            yMin -= d;
            yMax += d;
        } else {
            double pad = (yMax - yMin) * 0.05;
            yMin -= pad;
            yMax += pad;
        }

        Frame f = new Frame(xMin, xMax, yMin, yMax, MARGIN_LEFT, MARGIN_TOP, width - MARGIN_LEFT - MARGIN_RIGHT,
                height - MARGIN_TOP - MARGIN_BOTTOM);
        StringBuilder sb = new StringBuilder(16_384);
        sb.append("<svg class=\"chart\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\">\n");
        sb.append("<text class=\"title\" x=\"").append(MARGIN_LEFT).append("\" y=\"18\">").append(Html.escape(title))
                .append("</text>\n");
        sb.append("<rect class=\"plot\" x=\"").append(f.left).append("\" y=\"").append(f.top).append("\" width=\"")
                .append(f.width).append("\" height=\"").append(f.height).append("\"/>\n");
        yAxis(sb, f);
        xAxis(sb, f);
        for (Level lv : levels) {
            String y = c(f.y(lv.value()));
            sb.append("<line class=\"level\" x1=\"").append(f.left).append("\" x2=\"").append(f.left + f.width)
                    .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\" stroke=\"")
                    .append(Html.escape(lv.color())).append("\"/>\n");
        }
        for (Line l : lines) {
            path(sb, f, l);
        }
        for (Marker m : markers) {
            double x = f.x(m.timeNs());
            double y = Double.isFinite(m.value()) ? f.y(m.value()) : f.top + f.height - 6;
            double h = 5;
            String points = m.up()
                    ? c(x - h) + "," + c(y + h) + " " + c(x + h) + "," + c(y + h) + " " + c(x) + "," + c(y - h)
                    : c(x - h) + "," + c(y - h) + " " + c(x + h) + "," + c(y - h) + " " + c(x) + "," + c(y + h);
            sb.append("<polygon class=\"marker\" points=\"").append(points).append("\" fill=\"")
                    .append(Html.escape(m.color())).append("\"><title>").append(Html.escape(m.title()))
                    .append("</title></polygon>\n");
        }
        if (!hasData) {
            sb.append("<text class=\"empty\" x=\"").append(f.left + f.width / 2).append("\" y=\"")
                    .append(f.top + f.height / 2).append("\" text-anchor=\"middle\">no data</text>\n");
        }
        legend(sb, f);
        sb.append("</svg>\n");
        return sb.toString();
    }

    private void legend(StringBuilder sb, Frame f) {
        int x = f.left + f.width + 14;
        int y = f.top + 8;
        for (Line l : lines) {
            sb.append("<line x1=\"").append(x).append("\" x2=\"").append(x + 18).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y).append("\" stroke=\"").append(Html.escape(l.color()))
                    .append("\" stroke-width=\"2\"").append(l.dashed() ? " stroke-dasharray=\"4 3\"" : "").append("/>");
            sb.append("<text class=\"legend\" x=\"").append(x + 24).append("\" y=\"").append(y + 4).append("\">")
                    .append(Html.escape(l.label())).append("</text>\n");
            y += 18;
        }
        for (Level lv : levels) {
            sb.append("<line class=\"level\" x1=\"").append(x).append("\" x2=\"").append(x + 18).append("\" y1=\"")
                    .append(y).append("\" y2=\"").append(y).append("\" stroke=\"").append(Html.escape(lv.color()))
                    .append("\"/>");
            sb.append("<text class=\"legend\" x=\"").append(x + 24).append("\" y=\"").append(y + 4).append("\">")
                    .append(Html.escape(lv.label())).append("</text>\n");
            y += 18;
        }
        for (MarkerKey entry : markerLegend) {
            sb.append("<polygon points=\"").append(x + 4).append(',').append(y + 5).append(' ').append(x + 14)
                    .append(',').append(y + 5).append(' ').append(x + 9).append(',').append(y - 5).append("\" fill=\"")
                    .append(Html.escape(entry.color())).append("\"/>");
            sb.append("<text class=\"legend\" x=\"").append(x + 24).append("\" y=\"").append(y + 4).append("\">")
                    .append(Html.escape(entry.label())).append("</text>\n");
            y += 18;
        }
    }

    private static void path(StringBuilder sb, Frame f, Line l) {
        StringBuilder d = new StringBuilder(l.series().size() * 14);
        boolean pen = false;
        for (int i = 0; i < l.series().size(); i++) {
            double v = l.series().value(i);
            if (!Double.isFinite(v)) {
                pen = false;
                continue;
            }
            d.append(pen ? 'L' : 'M').append(c(f.x(l.series().timeNs(i)))).append(' ').append(c(f.y(v)));
            pen = true;
        }
        if (d.length() == 0) {
            return;
        }
        sb.append("<path class=\"series\" d=\"").append(d).append("\" stroke=\"").append(Html.escape(l.color()))
                .append('"').append(l.dashed() ? " stroke-dasharray=\"4 3\"" : "").append("/>\n");
    }

    private void yAxis(StringBuilder sb, Frame f) {
        double step = niceStep((f.yMax - f.yMin) / 5);
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        for (double v = Math.ceil(f.yMin / step) * step; v <= f.yMax + step * 1e-9; v += step) {
            String y = c(f.y(v));
            sb.append("<line class=\"grid\" x1=\"").append(f.left).append("\" x2=\"").append(f.left + f.width)
                    .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"/>");
            sb.append("<text class=\"tick\" x=\"").append(f.left - 6).append("\" y=\"").append(c(f.y(v) + 4))
                    .append("\" text-anchor=\"end\">").append(Formats.fixed(v, decimals)).append("</text>\n");
        }
        int cy = f.top + f.height / 2;
        sb.append("<text class=\"axis\" x=\"14\" y=\"").append(cy).append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
                .append(cy).append(")\">").append(Html.escape(yLabel)).append("</text>\n");
    }

    private void xAxis(StringBuilder sb, Frame f) {
        double spanSec = (f.xMax - f.xMin) / 1e9;
        long stepSec = TIME_STEPS_SEC[TIME_STEPS_SEC.length - 1];
        for (long s : TIME_STEPS_SEC) {
            if (spanSec / s <= 8) {
                stepSec = s;
                break;
            }
        }
        long stepNs = stepSec * 1_000_000_000L;
        DateTimeFormatter fmt = stepSec >= 86400 ? DAY : stepSec >= 60 ? HM : HMS;
        long first = Math.floorDiv(f.xMin + stepNs - 1, stepNs) * stepNs;
        for (long t = first; t <= f.xMax; t += stepNs) {
            String x = c(f.x(t));
            sb.append("<line class=\"grid\" x1=\"").append(x).append("\" x2=\"").append(x).append("\" y1=\"")
                    .append(f.top).append("\" y2=\"").append(f.top + f.height).append("\"/>");
            sb.append("<text class=\"tick\" x=\"").append(x).append("\" y=\"").append(f.top + f.height + 16)
                    .append("\" text-anchor=\"middle\">").append(fmt.format(Instant.ofEpochSecond(0, t)))
                    .append("</text>\n");
        }
        sb.append("<text class=\"axis\" x=\"").append(f.left + f.width / 2).append("\" y=\"")
                .append(f.top + f.height + 34).append("\" text-anchor=\"middle\">time (UTC, simulated)</text>\n");
    }

    /** 1, 2 or 5 × 10^k, the smallest not below {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        double nice = m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10;
        return nice * p;
    }

    private static String c(double v) {
        return Formats.fixed(v, 1);
    }

    private record Frame(long xMin, long xMax, double yMin, double yMax, int left, int top, int width, int height) {
        double x(long tNs) {
            return left + (double) (tNs - xMin) / (xMax - xMin) * width;
        }

        double y(double v) {
            return top + (yMax - v) / (yMax - yMin) * height;
        }
    }
}
