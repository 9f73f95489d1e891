package dev.ballast.strategies.quoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

class GueantQuoteModelTest {
    private static final double FAIR = 60_000;
    private static final double SIGMA = 6;
    private static final double A = 1;
    private static final double K_BPS = 0.5;
    private static final double LOT = 0.01;
    private static final double MAX = 0.3;
    private static final double GAMMA = 0.5;

    private final GueantQuoteModel model = model(LOT, MAX, 0);
    private final QuoteInputs in = new QuoteInputs();
    private final TwoSidedQuote out = new TwoSidedQuote();

    private static GueantQuoteModel model(double lot, double max, double minSpreadBps) {
        return new GueantQuoteModel(new GueantQuoteParams(new CommonQuoteParams(lot, max, minSpreadBps, false), GAMMA, 6, 20));
    }

    private QuoteInputs inputs(double fair, double drift, double sigma, double a, double kPerBps) {
        in.set(fair, drift, 0, 0, 0);
        in.sigmaPerSqrtSec = sigma;
        in.intensityA = a;
        in.intensityKPerBps = kPerBps;
        return in;
    }

    /** The paper's formulas with q in shares of one unit, written out independently of the model. */
    private static double paperBidDistance(double q, double gamma, double sigma, double a, double k) {
        return Math.log(1 + gamma / k) / gamma
                + (2 * q + 1) / 2 * Math.sqrt(sigma * sigma * gamma / (2 * k * a) * Math.pow(1 + gamma / k, 1 + k / gamma));
    }

    private static double paperAskDistance(double q, double gamma, double sigma, double a, double k) {
        return Math.log(1 + gamma / k) / gamma
                - (2 * q - 1) / 2 * Math.sqrt(sigma * sigma * gamma / (2 * k * a) * Math.pow(1 + gamma / k, 1 + k / gamma));
    }

    @Test
    void shouldPlaceQuotesAtThePapersDistancesWithUnitLots() {
        // the paper's own units: price 100, lots of one share, k = 1.5 per price unit = 1.5 × 100 / 10⁴ per bps
        GueantQuoteModel unit = new GueantQuoteModel(new GueantQuoteParams(
                new CommonQuoteParams(1, 10, 0, false), 0.1, 6, 20));
        for (int q = -9; q <= 9; q++) {
            unit.quote(inputs(100, q, 0.3, 0.9, 1.5 * 100 / 10_000), out);

            assertThat(100 - out.bidPrice).isCloseTo(paperBidDistance(q, 0.1, 0.3, 0.9, 1.5), within(1e-9));
            assertThat(out.askPrice - 100).isCloseTo(paperAskDistance(q, 0.1, 0.3, 0.9, 1.5), within(1e-9));
        }
    }

    @Test
    void shouldScaleThePapersFormulaToLotsOfDeltaBaseUnits() {
        qt().forAll(doubles().between(-0.29, 0.29), doubles().between(0.5, 20), doubles().between(0.1, 5))
                .checkAssert((drift, sigma, kPerBps) -> {
                    model.quote(inputs(FAIR, drift, sigma, A, kPerBps), out);
                    double k = kPerBps * 10_000 / FAIR;
                    double gd = GAMMA * LOT;
                    double omega = Math.sqrt(sigma * sigma * gd / (2 * k * A) * Math.pow(1 + gd / k, 1 + k / gd));
                    double n = drift / LOT;
                    double half = Math.log(1 + gd / k) / gd;

                    assertThat(FAIR - out.bidPrice).isCloseTo(half + (2 * n + 1) / 2 * omega, within(1e-6));
                    assertThat(out.askPrice - FAIR).isCloseTo(half - (2 * n - 1) / 2 * omega, within(1e-6));
                });
    }

    @Test
    void shouldMatchTheJavadocExample() {
        assertThat(model.halfSpreadAtTarget(FAIR, K_BPS)).isCloseTo(11.65, within(0.01));
        assertThat(model.omega(FAIR, SIGMA, A, K_BPS)).isCloseTo(1.74, within(0.01));

        model.quote(inputs(FAIR, 0.3 - 1e-6, SIGMA, A, K_BPS), out);
        assertThat(FAIR - out.centre()).isCloseTo(52.2, within(0.1));
    }

    @Test
    void shouldQuoteSymmetricallyAroundFairValueAtTarget() {
        model.quote(inputs(FAIR, 0, SIGMA, A, K_BPS), out);

        assertThat(FAIR - out.bidPrice).isCloseTo(out.askPrice - FAIR, within(1e-9));
    }

    @Test
    void shouldKeepTheSameFullSpreadAtEveryInventory() {
        model.quote(inputs(FAIR, 0, SIGMA, A, K_BPS), out);
        double atTarget = out.askPrice - out.bidPrice;

        model.quote(inputs(FAIR, -0.2, SIGMA, A, K_BPS), out);

        assertThat(out.askPrice - out.bidPrice).isCloseTo(atTarget, within(1e-9));
        assertThat(atTarget).isCloseTo(2 * model.halfSpreadAtTarget(FAIR, K_BPS) + model.omega(FAIR, SIGMA, A, K_BPS),
                within(1e-9));
    }

    @Test
    void shouldNotBidAtTheUpperBoundNorOfferAtTheLowerBound() {
        model.quote(inputs(FAIR, MAX, SIGMA, A, K_BPS), out);
        assertThat(out.hasBid()).isFalse();
        assertThat(out.hasAsk()).isTrue();

        model.quote(inputs(FAIR, -MAX, SIGMA, A, K_BPS), out);
        assertThat(out.hasAsk()).isFalse();
        assertThat(out.hasBid()).isTrue();

        model.quote(inputs(FAIR, MAX - LOT, SIGMA, A, K_BPS), out);
        assertThat(out.hasBid()).isTrue();
    }

    @Test
    void shouldPriceBeyondTheBoundAsAtTheBound() {
        model.quote(inputs(FAIR, MAX, SIGMA, A, K_BPS), out);
        double askAtBound = out.askPrice;

        model.quote(inputs(FAIR, 2 * MAX, SIGMA, A, K_BPS), out);

        assertThat(out.askPrice).isEqualTo(askAtBound);
    }

    @Test
    void shouldFallBackToTheLinearQuoteWhileIntensityIsUnknownButKeepTheBounds() {
        TwoSidedQuote linear = new TwoSidedQuote();
        new LinearSkewQuoteModel(LOT, 6, 20).quote(inputs(FAIR, 0.1, SIGMA, A, K_BPS), linear);

        model.quote(inputs(FAIR, 0.1, SIGMA, Double.NaN, K_BPS), out);
        assertThat(out.bidPrice).isEqualTo(linear.bidPrice);
        assertThat(out.askPrice).isEqualTo(linear.askPrice);

        model.quote(inputs(FAIR, MAX, SIGMA, 0, K_BPS), out);
        assertThat(out.hasBid()).isFalse();
    }

    @Test
    void shouldWidenToTheMinimumSpreadKeepingTheCentre() {
        GueantQuoteModel floored = model(LOT, MAX, 20);
        model.quote(inputs(FAIR, 0.1, SIGMA, A, K_BPS), out);
        double centre = out.centre();

        floored.quote(in, out);

        assertThat(out.askPrice - out.bidPrice).isCloseTo(FAIR * 20 / 10_000, within(1e-9));
        assertThat(out.centre()).isCloseTo(centre, within(1e-9));
    }
}
