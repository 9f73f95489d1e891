package dev.ballast.bot.backtest;

import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The record of one strategy run in a backtest: the replay driver feeds it samples at fixed intervals of simulated
 * time and every fill; at the end it yields the run's {@link BacktestMetrics} and the downsampled
 * {@link BacktestSeries} for the report.
 *
 * <p><b>Not thread-safe: owned by the engine thread</b> (the driver's). One recorder per strategy run.
 *
 * <h2>What the driver passes</h2>
 * <ul>
 *   <li>{@link #onSample}: sample times must not decrease. {@code drift} (q, base units) and {@code pnlQuote}
 *       must be finite; fair value, bid, ask and mid may be NaN (no fair value yet, not quoting, no book) and are
 *       then gaps in the plots. {@code pnlQuote} is the run's total PnL so far, fees included (the inventory's
 *       {@code totalPnl()}).</li>
 *   <li>{@link #onFill}: {@code referenceFair} is the fair value a fill is judged against — for a fill of our
 *       quotes the fair value at the fill; for a hedge fill the fair value <em>at the hedge decision</em> that sent
 *       the order (the engine's hedge execution keeps it as {@code fairAtDecision}). One number per fill keeps the
 *       recorder stateless about decisions and works for hedges sliced into many children.</li>
 * </ul>
 *
 * <h2>Definitions (of {@link #metrics})</h2>
 * Samples i = 0..n−1 at times t<sub>i</sub> with drift q<sub>i</sub> and PnL P<sub>i</sub>. A sample's values hold
 * until the next sample: sample i weighs w<sub>i</sub> = t<sub>i+1</sub> − t<sub>i</sub>, the last one 0 (if all
 * samples share one instant, each weighs 1). W = Σ w<sub>i</sub>.
 * <ul>
 *   <li><b>PnL</b> = P<sub>n−1</sub>. <b>Fees</b> = Σ fees of all fills.</li>
 *   <li><b>Spread captured</b> = Σ over maker fills of (fair − price)·size for a buy and (price − fair)·size for
 *       a sell, fair = fair at the fill. This is |price − fair|·size for fills on the right side of fair, and a
 *       fill through fair (adverse) counts negative rather than as captured spread.</li>
 *   <li><b>Hedge cost</b> = Σ over hedge fills of sign·(price − fair at decision)·size (buy +1, sell −1: paying up
 *       is a positive cost), fees excluded (they are in Fees); in bps: 10⁴ · hedge cost / Σ (fair at decision ·
 *       size) — the size-weighted mean slippage.</li>
 *   <li><b>Mean |q|</b> = Σ w<sub>i</sub>|q<sub>i</sub>| / W; <b>std q</b> = √(Σ w<sub>i</sub>(q<sub>i</sub> − q̄)² / W)
 *       with q̄ = Σ w<sub>i</sub>q<sub>i</sub> / W; <b>max |q|</b> = max |q<sub>i</sub>| over all samples;
 *       <b>time outside the band</b> = Σ w<sub>i</sub>·[|q<sub>i</sub>| &gt; band] / W.</li>
 *   <li><b>Mean-variance score</b> = PnL − ½·γ·Var, where Var is the population variance
 *       (1/K)·Σ<sub>k=1..K</sub>(ΔP<sub>k</sub> − mean ΔP)² of ΔP<sub>k</sub> = P(t<sub>0</sub> + kΔ) −
 *       P(t<sub>0</sub> + (k−1)Δ), Δ = scoreIntervalSec, P(t) the PnL of the last sample at or before t, and K the
 *       number of complete intervals within [t<sub>0</sub>, t<sub>n−1</sub>]. With K = 0, Var = 0.</li>
 * </ul>
 *
 * <p>Memory: 24 bytes per sample for drift and PnL (kept whole, because the band and the score interval come at
 * the end), plus bounded plot buckets per series and every fill (all of them go into {@code results.json}, so
 * that the accounting can be checked against them).
 */
public final class BacktestRecorder {
    /** Default cap on the points of each plotted series. */
    public static final int DEFAULT_MAX_POINTS = 2_000;

    private final int maxPoints;

    private long[] timesNs = new long[1024];
    private double[] drifts = new double[1024];
    private double[] pnls = new double[1024];
    private int samples;

    private final MinMaxDecimator fairSeries;
    private final MinMaxDecimator midSeries;
    private final MinMaxDecimator bidSeries;
    private final MinMaxDecimator askSeries;
    private final MinMaxDecimator pnlSeries;
    private final MinMaxDecimator driftSeries;
    private final MinMaxDecimator bidVsMidSeries;
    private final MinMaxDecimator askVsMidSeries;
    private final Map<VenueId, MinMaxDecimator> positionSeries = new TreeMap<>(
            (a, b) -> a.name().compareTo(b.name()));

    private long makerFills;
    private long hedgeFills;
    private double makerVolumeBase;
    private double hedgeVolumeBase;
    private double feesQuote;
    private double spreadCapturedQuote;
    private double hedgeCostQuote;
    private double hedgeNotionalAtDecisionQuote;
    private final List<BacktestFill> hedges = new ArrayList<>();
    private final List<BacktestFill> fills = new ArrayList<>();

    public BacktestRecorder() {
        this(DEFAULT_MAX_POINTS);
    }

    /** @param maxPointsPerSeries at most this many points per plotted series (at least 6) */
    public BacktestRecorder(int maxPointsPerSeries) {
        this.maxPoints = maxPointsPerSeries;
        this.fairSeries = new MinMaxDecimator(maxPointsPerSeries);
        this.midSeries = new MinMaxDecimator(maxPointsPerSeries);
        this.bidSeries = new MinMaxDecimator(maxPointsPerSeries);
        this.askSeries = new MinMaxDecimator(maxPointsPerSeries);
        this.pnlSeries = new MinMaxDecimator(maxPointsPerSeries);
        this.driftSeries = new MinMaxDecimator(maxPointsPerSeries);
        this.bidVsMidSeries = new MinMaxDecimator(maxPointsPerSeries);
        this.askVsMidSeries = new MinMaxDecimator(maxPointsPerSeries);
    }

    /**
     * Records the state at one instant of simulated time.
     *
     * @param positionByVenue the asset's position per venue (base units); a venue may first appear late
     * @throws IllegalArgumentException if time went back, or drift, PnL or a position is not finite
     */
    public void onSample(long tNs, double fairValue, double drift, Map<VenueId, Double> positionByVenue,
                         double pnlQuote, double bidPrice, double askPrice, double midPrice) {
        Objects.requireNonNull(positionByVenue, "positionByVenue");
        if (samples > 0 && tNs < timesNs[samples - 1]) {
            throw new IllegalArgumentException("sample time went back: " + tNs + " after " + timesNs[samples - 1]);
        }
        if (!Double.isFinite(drift)) {
            throw new IllegalArgumentException("drift must be finite (was " + drift + ")");
        }
        if (!Double.isFinite(pnlQuote)) {
            throw new IllegalArgumentException("pnlQuote must be finite (was " + pnlQuote + ")");
        }
        for (Map.Entry<VenueId, Double> e : positionByVenue.entrySet()) {
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("position on " + e.getKey() + " must be finite (was "
                        + e.getValue() + ")");
            }
        }
        if (samples == timesNs.length) {
            int n = samples * 2;
            timesNs = Arrays.copyOf(timesNs, n);
            drifts = Arrays.copyOf(drifts, n);
            pnls = Arrays.copyOf(pnls, n);
        }
        timesNs[samples] = tNs;
        drifts[samples] = drift;
        pnls[samples] = pnlQuote;
        samples++;

        fairSeries.add(tNs, fairValue);
        midSeries.add(tNs, midPrice);
        bidSeries.add(tNs, bidPrice);
        askSeries.add(tNs, askPrice);
        pnlSeries.add(tNs, pnlQuote);
        driftSeries.add(tNs, drift);
        bidVsMidSeries.add(tNs, (bidPrice - midPrice) / midPrice * 10_000);
        askVsMidSeries.add(tNs, (askPrice - midPrice) / midPrice * 10_000);
        for (Map.Entry<VenueId, Double> e : positionByVenue.entrySet()) {
            positionSeries.computeIfAbsent(e.getKey(), v -> new MinMaxDecimator(maxPoints)).add(tNs, e.getValue());
        }
    }

    /**
     * Records one of our fills.
     *
     * @param feeQuote      the fee in quote currency (negative for a rebate)
     * @param hedge         true for a fill of a hedge order, false for a fill of our quotes
     * @param referenceFair fair value at the fill for a quote fill; fair value at the hedge decision for a hedge fill
     * @throws IllegalArgumentException if price, size or referenceFair is not finite and &gt; 0, or the fee not finite
     */
    public void onFill(long tNs, VenueId venue, Side side, double price, double size, double feeQuote, boolean hedge,
                       double referenceFair) {
        BacktestFill fill = new BacktestFill(tNs, venue, side, price, size, feeQuote, hedge, referenceFair);
        fills.add(fill);
        feesQuote += feeQuote;
        if (hedge) {
            hedgeFills++;
            hedgeVolumeBase += size;
            hedgeCostQuote += side.sign() * (price - referenceFair) * size;
            hedgeNotionalAtDecisionQuote += referenceFair * size;
            hedges.add(fill);
        } else {
            makerFills++;
            makerVolumeBase += size;
            spreadCapturedQuote += side.sign() * (referenceFair - price) * size;
        }
    }

    /** Samples recorded so far. */
    public int samples() {
        return samples;
    }

    /**
     * The run's metrics, as defined in the class documentation.
     *
     * @param gamma            risk aversion of the mean-variance score (1/quote), finite and &gt;= 0
     * @param bandBase         inventory band (base units), finite and &gt;= 0
     * @param scoreIntervalSec the interval of the PnL changes, &gt; 0 (at least 1 ns)
     * @throws IllegalStateException if no sample was recorded
     */
    public BacktestMetrics metrics(double gamma, double bandBase, double scoreIntervalSec) {
        if (!(gamma >= 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be finite and >= 0 (was " + gamma + ")");
        }
        if (!(bandBase >= 0) || !Double.isFinite(bandBase)) {
            throw new IllegalArgumentException("bandBase must be finite and >= 0 (was " + bandBase + ")");
        }
        long intervalNs = Double.isFinite(scoreIntervalSec) ? Math.round(scoreIntervalSec * 1e9) : 0;
        if (!(intervalNs >= 1)) {
            throw new IllegalArgumentException("scoreIntervalSec must be finite and >= 1e-9 (was " + scoreIntervalSec + ")");
        }
        if (samples == 0) {
            throw new IllegalStateException("no samples recorded: the driver never called onSample");
        }
        int n = samples;
        long t0 = timesNs[0];
        long tEnd = timesNs[n - 1];
        boolean equalWeights = tEnd == t0;

        double weightSum = 0;
        double absSum = 0;
        double qSum = 0;
        double outside = 0;
        double maxAbs = 0;
        for (int i = 0; i < n; i++) {
            double w = weight(i, equalWeights);
            double a = Math.abs(drifts[i]);
            weightSum += w;
            absSum += w * a;
            qSum += w * drifts[i];
            if (a > bandBase) {
                outside += w;
            }
            maxAbs = Math.max(maxAbs, a);
        }
        double qMean = qSum / weightSum;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double d = drifts[i] - qMean;
            sq += weight(i, equalWeights) * d * d;
        }

        double variance = 0;
        long intervals = (tEnd - t0) / intervalNs;
        if (intervals > 0) {
            double[] changes = new double[Math.toIntExact(intervals)];
            int j = 0;
            double previous = pnls[0];
            for (int k = 1; k <= intervals; k++) {
                long gridNs = t0 + k * intervalNs;
                while (j + 1 < n && timesNs[j + 1] <= gridNs) {
                    j++;
                }
                changes[k - 1] = pnls[j] - previous;
                previous = pnls[j];
            }
            double mean = 0;
            for (double c : changes) {
                mean += c;
            }
            mean /= changes.length;
            for (double c : changes) {
                variance += (c - mean) * (c - mean);
            }
            variance /= changes.length;
        }
        double pnl = pnls[n - 1];
        double hedgeBps = hedgeFills == 0 ? Double.NaN : hedgeCostQuote / hedgeNotionalAtDecisionQuote * 10_000;
        return new BacktestMetrics(n, (tEnd - t0) / 1e9, gamma, bandBase, scoreIntervalSec, pnl, feesQuote,
                spreadCapturedQuote, hedgeCostQuote, hedgeBps, makerFills + hedgeFills, makerFills, hedgeFills,
                makerVolumeBase, hedgeVolumeBase, absSum / weightSum, Math.sqrt(sq / weightSum), maxAbs,
                Math.min(1.0, outside / weightSum), variance, intervals, pnl - 0.5 * gamma * variance);
    }

    private double weight(int i, boolean equalWeights) {
        if (equalWeights) {
            return 1;
        }
        return i + 1 < samples ? timesNs[i + 1] - timesNs[i] : 0;
    }

    /**
     * The downsampled series for the report: each at most {@code maxPointsPerSeries} points (min, max and gaps per
     * bucket), hedge fills thinned to that many by taking evenly spaced ones.
     */
    public BacktestSeries series() {
        SortedMap<String, TimeSeries> positions = new TreeMap<>();
        for (Map.Entry<VenueId, MinMaxDecimator> e : positionSeries.entrySet()) {
            positions.put(e.getKey().name(), e.getValue().result());
        }
        List<BacktestFill> marks = hedges;
        if (hedges.size() > maxPoints) {
            marks = new ArrayList<>(maxPoints);
            for (int i = 0; i < maxPoints; i++) {
                marks.add(hedges.get((int) ((long) i * hedges.size() / maxPoints)));
            }
        }
        return new BacktestSeries(fairSeries.result(), midSeries.result(), bidSeries.result(), askSeries.result(),
                pnlSeries.result(), driftSeries.result(), bidVsMidSeries.result(), askVsMidSeries.result(), positions,
                marks);
    }

    /** Every fill recorded, in the order recorded. */
    public List<BacktestFill> fills() {
        return List.copyOf(fills);
    }

    /** The run under a name: its metrics, series and fills together. */
    public StrategyRun run(String name, String description, double gamma, double bandBase, double scoreIntervalSec) {
        return new StrategyRun(name, description, metrics(gamma, bandBase, scoreIntervalSec), series(), fills());
    }
}
