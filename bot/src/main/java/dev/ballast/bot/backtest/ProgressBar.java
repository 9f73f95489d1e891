package dev.ballast.bot.backtest;

import java.io.PrintStream;
import java.util.Objects;

/**
 * A one-line progress bar on the console, redrawn in place with {@code \r}:
 * {@code [#####.....] 42% 12.3M msgs 1.2M msg/s}. The caller passes the time (its own clock, in ns) with every
 * call, so the bar never reads a clock itself; redraws are throttled to one per {@code minRedrawIntervalNs}.
 * Progress is any monotone measure of work with a known total (bytes of data read, say); messages are counted
 * separately for the rate.
 *
 * <p>Not thread-safe: owned by the thread running the replay.
 */
public final class ProgressBar {
    private final PrintStream out;
    private final long totalWork;
    private final long startNs;
    private final long minRedrawIntervalNs;
    private final int width;
    private long lastDrawNs;
    private boolean drawn;
    private int lastLength;

    /**
     * @param totalWork           the work that is 100%, &gt; 0
     * @param startNs             the caller's clock at the start, for the rate
     * @param minRedrawIntervalNs at least this long between redraws, &gt;= 0
     * @param width               cells in the bar, &gt;= 1
     */
    public ProgressBar(PrintStream out, long totalWork, long startNs, long minRedrawIntervalNs, int width) {
        this.out = Objects.requireNonNull(out, "out");
        if (totalWork <= 0) {
            throw new IllegalArgumentException("totalWork must be > 0 (was " + totalWork + ")");
        }
        if (minRedrawIntervalNs < 0) {
            throw new IllegalArgumentException("minRedrawIntervalNs must be >= 0 (was " + minRedrawIntervalNs + ")");
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1 (was " + width + ")");
        }
        this.totalWork = totalWork;
        this.startNs = startNs;
        this.minRedrawIntervalNs = minRedrawIntervalNs;
        this.width = width;
    }

    /** Redraws the bar if the last redraw is at least the interval ago (or there was none); returns whether it did. */
    public boolean update(long workDone, long messages, long nowNs) {
        if (drawn && nowNs - lastDrawNs < minRedrawIntervalNs) {
            return false;
        }
        draw(workDone, messages, nowNs);
        return true;
    }

    /** Draws the bar at 100% and ends the line. */
    public void finish(long messages, long nowNs) {
        draw(totalWork, messages, nowNs);
        out.print('\n');
        out.flush();
    }

    private void draw(long workDone, long messages, long nowNs) {
        double elapsedSec = (nowNs - startNs) / 1e9;
        String line = render(workDone / (double) totalWork, messages, elapsedSec > 0 ? messages / elapsedSec : Double.NaN,
                width);
        int pad = Math.max(0, lastLength - line.length());
        out.print('\r');
        out.print(line);
        out.print(" ".repeat(pad));
        out.flush();
        lastLength = line.length();
        lastDrawNs = nowNs;
        drawn = true;
    }

    /** The bar's text for a fraction done (clamped to [0, 1]), a message count and a rate (NaN shows "–"). */
    static String render(double fraction, long messages, double messagesPerSec, int width) {
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        int filled = (int) Math.floor(f * width);
        int percent = (int) Math.floor(f * 100);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + percent + "% "
                + Formats.count(messages) + " msgs " + Formats.rate(messagesPerSec) + " msg/s";
    }
}
