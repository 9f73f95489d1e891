package dev.ballast.bot.backtest;

/**
 * What one strategy run achieved, computed by {@link BacktestRecorder#metrics}. Money is in quote currency,
 * quantities in base units, q is the drift from target. See {@link BacktestRecorder} for the exact definitions.
 *
 * @param samples                 samples recorded
 * @param durationSec             simulated time from the first to the last sample
 * @param gamma                   risk aversion of the score (1/quote)
 * @param bandBase                the inventory band the time outside is measured against (base units)
 * @param scoreIntervalSec        the interval of the PnL changes whose variance the score penalises
 * @param pnlQuote                PnL at the last sample, as the driver reported it (fees included)
 * @param feesQuote               Σ fees of all fills (a rebate counts negative)
 * @param spreadCapturedQuote     Σ over maker fills of the edge against fair value at the fill, signed
 * @param hedgeCostQuote          Σ over hedge fills of what they paid against fair value at decision, fees excluded
 * @param hedgeCostBps            {@code hedgeCostQuote} in bps of Σ fair at decision × size; NaN without hedge fills
 * @param fills                   all fills ({@code makerFills + hedgeFills})
 * @param makerFills              fills of our quotes
 * @param hedgeFills              fills of hedge orders
 * @param makerVolumeBase         Σ size of maker fills
 * @param hedgeVolumeBase         Σ size of hedge fills
 * @param meanAbsDriftBase        time-weighted mean of |q|
 * @param stdDriftBase            time-weighted (population) standard deviation of q
 * @param maxAbsDriftBase         largest |q| of any sample
 * @param timeOutsideBandShare    share of time with |q| > bandBase, in [0, 1]
 * @param pnlChangeVarianceQuote2 population variance of the PnL changes over the score intervals (quote²)
 * @param scoreIntervals          how many complete score intervals the variance is over (0: variance taken as 0)
 * @param meanVarianceScore       {@code pnlQuote − ½·gamma·pnlChangeVarianceQuote2}
 */
public record BacktestMetrics(
        long samples,
        double durationSec,
        double gamma,
        double bandBase,
        double scoreIntervalSec,
        double pnlQuote,
        double feesQuote,
        double spreadCapturedQuote,
        double hedgeCostQuote,
        double hedgeCostBps,
        long fills,
        long makerFills,
        long hedgeFills,
        double makerVolumeBase,
        double hedgeVolumeBase,
        double meanAbsDriftBase,
        double stdDriftBase,
        double maxAbsDriftBase,
        double timeOutsideBandShare,
        double pnlChangeVarianceQuote2,
        long scoreIntervals,
        double meanVarianceScore) {

    public BacktestMetrics {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1 (was " + samples + ")");
        }
        if (makerFills < 0 || hedgeFills < 0 || fills != makerFills + hedgeFills) {
            throw new IllegalArgumentException("fills must be makerFills + hedgeFills >= 0 (was " + fills + " = "
                    + makerFills + " + " + hedgeFills + ")");
        }
        if (scoreIntervals < 0) {
            throw new IllegalArgumentException("scoreIntervals must be >= 0 (was " + scoreIntervals + ")");
        }
        if (!(timeOutsideBandShare >= 0 && timeOutsideBandShare <= 1)) {
            throw new IllegalArgumentException("timeOutsideBandShare must be in [0, 1] (was " + timeOutsideBandShare + ")");
        }
        if (hedgeFills > 0 == Double.isNaN(hedgeCostBps)) {
            throw new IllegalArgumentException("hedgeCostBps must be NaN exactly when there are no hedge fills (was "
                    + hedgeCostBps + " with " + hedgeFills + " hedge fills)");
        }
        requireFinite("durationSec", durationSec);
        requireFinite("pnlQuote", pnlQuote);
        requireFinite("feesQuote", feesQuote);
        requireFinite("spreadCapturedQuote", spreadCapturedQuote);
        requireFinite("hedgeCostQuote", hedgeCostQuote);
        requireFinite("meanAbsDriftBase", meanAbsDriftBase);
        requireFinite("stdDriftBase", stdDriftBase);
        requireFinite("maxAbsDriftBase", maxAbsDriftBase);
        requireFinite("pnlChangeVarianceQuote2", pnlChangeVarianceQuote2);
        requireFinite("meanVarianceScore", meanVarianceScore);
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite (was " + value + ")");
        }
    }
}
