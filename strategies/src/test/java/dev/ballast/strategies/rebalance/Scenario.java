package dev.ballast.strategies.rebalance;

import dev.ballast.core.Asset;

/**
 * Builds {@link RebalanceInputs} for tests, starting from a BTC/USDT market like the paper config's: fair 60 000,
 * σ 18 USDT/√s, λ = 0.9 fills/s whatever the distance (k = 0), reducing quote 0.01 BTC at 2 bps, growing side not
 * quoted, lot 0.001 BTC. So the net reduction speed is v = 0.009 BTC/s.
 */
final class Scenario {
    static final Asset BTC = Asset.of("BTC");
    static final Asset USDT = Asset.of("USDT");

    private long nowNs = 1_000_000_000L;
    private double drift;
    private double inFlight;
    private double fair = 60_000;
    private double sigma = 18;
    private double a = 0.9;
    private double k = 0;
    private double reduceBps = 2;
    private double reduceSize = 0.01;
    private double growBps = Double.NaN;
    private double growSize = 0;
    private double lot = 0.001;

    static Scenario btc() {
        return new Scenario();
    }

    Scenario at(long nowNs) {
        this.nowNs = nowNs;
        return this;
    }

    Scenario drift(double v) {
        drift = v;
        return this;
    }

    Scenario inFlight(double v) {
        inFlight = v;
        return this;
    }

    Scenario fair(double v) {
        fair = v;
        return this;
    }

    Scenario sigma(double v) {
        sigma = v;
        return this;
    }

    Scenario intensity(double a, double kPerBps) {
        this.a = a;
        this.k = kPerBps;
        return this;
    }

    Scenario reduce(double bps, double size) {
        reduceBps = bps;
        reduceSize = size;
        return this;
    }

    Scenario grow(double bps, double size) {
        growBps = bps;
        growSize = size;
        return this;
    }

    Scenario lot(double v) {
        lot = v;
        return this;
    }

    RebalanceInputs build() {
        return new RebalanceInputs(BTC, USDT, nowNs, drift, inFlight, fair, sigma, a, k, reduceBps, reduceSize,
                growBps, growSize, lot);
    }
}
