package dev.ballast.bot.backtest;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The downsampled time series of one strategy run, for the report: fair value, the market's mid, our bid and ask
 * (NaN where we did not quote), PnL in quote currency, drift from target in base units, our bid and ask as bps from
 * the mid (negative below it; NaN where we did not quote or there was no mid), the position on each venue
 * (sorted by venue name) and our hedge fills (thinned to the cap). Each series holds at most the recorder's point cap.
 */
public record BacktestSeries(TimeSeries fairValue, TimeSeries mid, TimeSeries bid, TimeSeries ask, TimeSeries pnlQuote,
                             TimeSeries driftBase, TimeSeries bidVsMidBps, TimeSeries askVsMidBps,
                             SortedMap<String, TimeSeries> positionBaseByVenue,
                             List<BacktestFill> hedges) {
    public BacktestSeries {
        Objects.requireNonNull(fairValue, "fairValue");
        Objects.requireNonNull(mid, "mid");
        Objects.requireNonNull(bid, "bid");
        Objects.requireNonNull(ask, "ask");
        Objects.requireNonNull(pnlQuote, "pnlQuote");
        Objects.requireNonNull(driftBase, "driftBase");
        Objects.requireNonNull(bidVsMidBps, "bidVsMidBps");
        Objects.requireNonNull(askVsMidBps, "askVsMidBps");
        positionBaseByVenue = Collections.unmodifiableSortedMap(new TreeMap<>(
                Objects.requireNonNull(positionBaseByVenue, "positionBaseByVenue")));
        hedges = List.copyOf(hedges);
    }

    /** The named series in a fixed order (fair, mid, bid, ask, pnl, drift, bid and ask vs mid), for writers. */
    public Map<String, TimeSeries> scalarSeries() {
        Map<String, TimeSeries> out = new java.util.LinkedHashMap<>();
        out.put("fairValue", fairValue);
        out.put("mid", mid);
        out.put("bid", bid);
        out.put("ask", ask);
        out.put("pnlQuote", pnlQuote);
        out.put("driftBase", driftBase);
        out.put("bidVsMidBps", bidVsMidBps);
        out.put("askVsMidBps", askVsMidBps);
        return Collections.unmodifiableMap(out);
    }
}
