package dev.ballast.connectors.kraken;

/**
 * Kraken's published limits per verification tier (docs.kraken.com, "Spot REST Rate Limits" and "Spot Trading
 * Limits"), as two decaying counters:
 * <ul>
 *   <li>the REST <em>API counter</em>, one per API key: every private call adds 1, ledger and trade-history
 *       calls add 2; it decays continuously; past its maximum Kraken answers {@code EAPI:Rate limit exceeded}.
 *       AddOrder and CancelOrder do not count here;</li>
 *   <li>the matching engine's <em>trading counter</em>, one per pair: AddOrder adds 1, CancelOrder adds a
 *       penalty that falls with the age of the order ({@link #cancelPenalty(long)}); past its threshold Kraken
 *       answers {@code EOrder:Rate limit exceeded}.</li>
 * </ul>
 *
 * <table>
 *   <caption>Limits by tier</caption>
 *   <tr><th>tier</th><th>API counter max</th><th>decay /s</th><th>trading threshold</th><th>decay /s</th></tr>
 *   <tr><td>STARTER</td><td>15</td><td>0.33</td><td>60</td><td>1</td></tr>
 *   <tr><td>INTERMEDIATE</td><td>20</td><td>0.5</td><td>125</td><td>2.34</td></tr>
 *   <tr><td>PRO</td><td>20</td><td>1</td><td>180</td><td>3.75</td></tr>
 * </table>
 */
public enum KrakenRateTier {
    STARTER(15, 0.33, 60, 1.0),
    INTERMEDIATE(20, 0.5, 125, 2.34),
    PRO(20, 1.0, 180, 3.75);

    /** Cost of a ledger or trade-history call on the API counter. */
    public static final int HISTORY_CALL_COST = 2;

    private final int apiCounterMax;
    private final double apiDecayPerSecond;
    private final int tradingThreshold;
    private final double tradingDecayPerSecond;

    KrakenRateTier(int apiCounterMax, double apiDecayPerSecond, int tradingThreshold, double tradingDecayPerSecond) {
        this.apiCounterMax = apiCounterMax;
        this.apiDecayPerSecond = apiDecayPerSecond;
        this.tradingThreshold = tradingThreshold;
        this.tradingDecayPerSecond = tradingDecayPerSecond;
    }

    public int apiCounterMax() {
        return apiCounterMax;
    }

    public double apiDecayPerSecond() {
        return apiDecayPerSecond;
    }

    public int tradingThreshold() {
        return tradingThreshold;
    }

    public double tradingDecayPerSecond() {
        return tradingDecayPerSecond;
    }

    /**
     * What cancelling an order that has rested {@code ageNs} adds to its pair's trading counter: +8 under 5 s,
     * +6 under 10 s, +5 under 15 s, +4 under 45 s, +2 under 90 s, +1 under 300 s, nothing after.
     */
    public static int cancelPenalty(long ageNs) {
        long seconds = Math.max(0, ageNs) / 1_000_000_000L;
        if (seconds < 5) {
            return 8;
        } else if (seconds < 10) {
            return 6;
        } else if (seconds < 15) {
            return 5;
        } else if (seconds < 45) {
            return 4;
        } else if (seconds < 90) {
            return 2;
        } else if (seconds < 300) {
            return 1;
        }
        return 0;
    }
}
