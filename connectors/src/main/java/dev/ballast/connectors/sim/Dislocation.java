package dev.ballast.connectors.sim;

/**
 * How far one venue's price of one asset sits from the shared price, as a fraction: an Ornstein–Uhlenbeck process
 * {@code dx = −θx dt + σ dW} with θ = ln 2 / half-life and stationary std {@code σ/√(2θ)}, stepped exactly
 * ({@code x' = x·e^(−θΔt) + std·√(1 − e^(−2θΔt))·Z}) and started from its stationary distribution. So it keeps
 * coming back towards zero and is almost never more than a few stds away.
 *
 * <p>Not thread-safe: owned by the thread driving the simulation.
 */
final class Dislocation {
    private final RandomStream random;
    private final double decay;
    private final double innovationStd;
    private double value;

    Dislocation(double stationaryStd, double halfLifeMs, double stepMs, RandomStream random) {
        this.random = random;
        double theta = StrictMath.log(2) / halfLifeMs;
        this.decay = StrictMath.exp(-theta * stepMs);
        this.innovationStd = stationaryStd * StrictMath.sqrt(1 - decay * decay);
        this.value = stationaryStd * random.nextGaussian();
    }

    void step() {
        value = value * decay + innovationStd * random.nextGaussian();
    }

    /** The current dislocation as a fraction of the shared price (0.0002 = 2 bps). */
    double value() {
        return value;
    }
}
