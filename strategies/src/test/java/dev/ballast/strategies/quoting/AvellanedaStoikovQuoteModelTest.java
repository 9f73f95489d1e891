package dev.ballast.strategies.quoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

class AvellanedaStoikovQuoteModelTest {
    private static final double FAIR = 60_000;
    private static final double SIGMA = 6; // USDT per √s: 1 bp/√s
    private static final double K_BPS = 0.5;
    private static final double MAX = 0.3;

    private final AvellanedaStoikovQuoteModel model = model(0, false);
    private final QuoteInputs in = new QuoteInputs();
    private final TwoSidedQuote out = new TwoSidedQuote();

    private static AvellanedaStoikovQuoteModel model(double minSpreadBps, boolean shrink) {
        return new AvellanedaStoikovQuoteModel(new AvellanedaStoikovQuoteParams(
                new CommonQuoteParams(0.01, MAX, minSpreadBps, shrink), 0.1, 60, 6, 20));
    }

    private QuoteInputs inputs(double drift, double sigma, double kPerBps) {
        in.set(FAIR, drift, 0, 0, 0);
        in.sigmaPerSqrtSec = sigma;
        in.intensityA = 1;
        in.intensityKPerBps = kPerBps;
        return in;
    }

    @Test
    void shouldQuoteSymmetricallyAroundFairValueAtTarget() {
        model.quote(inputs(0, SIGMA, K_BPS), out);

        assertThat(out.centre()).isCloseTo(FAIR, within(1e-9));
        assertThat(FAIR - out.bidPrice).isCloseTo(out.askPrice - FAIR, within(1e-9));
        assertThat(out.bidSize).isEqualTo(0.01);
        assertThat(out.askSize).isEqualTo(0.01);
    }

    @Test
    void shouldQuoteTheClosedFormSpreadOfTheJavadocExample() {
        model.quote(inputs(0, SIGMA, K_BPS), out);

        // γΔσ²τ = 0.001 × 36 × 60 = 2.16; (2/γΔ)·ln(1 + γΔ/k), k = 0.5 × 10⁴ / 60 000 per USDT
        double k = K_BPS * 10_000 / FAIR;
        double expected = 0.001 * 36 * 60 + 2 / 0.001 * Math.log(1 + 0.001 / k);
        assertThat(out.askPrice - out.bidPrice).isCloseTo(expected, within(1e-9));
        assertThat(expected).isCloseTo(26.0, within(0.05));
    }

    @Test
    void shouldMoveTheReservationPriceByQGammaSigmaSquaredTau() {
        model.quote(inputs(0.3, SIGMA, K_BPS), out);

        // 0.3 × 0.1 × 36 × 60 = 64.8 USDT below fair
        assertThat(out.centre()).isCloseTo(FAIR - 64.8, within(1e-9));
        assertThat(model.reservationPrice(FAIR, 0.3, SIGMA)).isCloseTo(FAIR - 64.8, within(1e-9));
    }

    @Test
    void shouldLowerTheReservationPriceAsInventoryGrows() {
        qt().forAll(doubles().between(-1, 1), doubles().between(1e-6, 1), doubles().between(0.01, 50))
                .checkAssert((q, dq, sigma) -> {
                    model.quote(inputs(q, sigma, K_BPS), out);
                    double lower = out.centre();
                    model.quote(inputs(q + dq, sigma, K_BPS), out);
                    assertThat(out.centre()).isLessThan(lower);
                    assertThat(model.reservationPrice(FAIR, q + dq, sigma))
                            .isLessThan(model.reservationPrice(FAIR, q, sigma));
                });
    }

    @Test
    void shouldWidenToTheMinimumSpreadAroundTheReservationPrice() {
        AvellanedaStoikovQuoteModel floored = model(10, false);

        floored.quote(inputs(0.1, SIGMA, K_BPS), out);

        assertThat(out.askPrice - out.bidPrice).isCloseTo(FAIR * 10 / 10_000, within(1e-9));
        assertThat(out.centre()).isCloseTo(floored.reservationPrice(FAIR, 0.1, SIGMA), within(1e-9));
    }

    @Test
    void shouldFallBackToTheLinearQuoteWhileVolatilityOrDecayIsUnknown() {
        TwoSidedQuote linear = new TwoSidedQuote();
        new LinearSkewQuoteModel(0.01, 6, 20).quote(inputs(0.1, SIGMA, K_BPS), linear);

        model.quote(inputs(0.1, Double.NaN, K_BPS), out);
        assertThat(out.bidPrice).isEqualTo(linear.bidPrice);
        assertThat(out.askPrice).isEqualTo(linear.askPrice);

        model.quote(inputs(0.1, SIGMA, Double.NaN), out);
        assertThat(out.bidPrice).isEqualTo(linear.bidPrice);
        assertThat(out.askPrice).isEqualTo(linear.askPrice);
    }

    @Test
    void shouldShrinkOnlyTheSideThatGrowsThePosition() {
        AvellanedaStoikovQuoteModel shrinking = model(0, true);

        shrinking.quote(inputs(0.15, SIGMA, K_BPS), out);

        assertThat(out.bidSize).isCloseTo(0.005, within(1e-12));
        assertThat(out.askSize).isEqualTo(0.01);
    }

    @Test
    void shouldNotQuoteTheGrowingSidePastMaxPositionOnceTheBandIsApplied() {
        model.quote(inputs(MAX, SIGMA, K_BPS), out);
        InventoryBand.apply(in, MAX, 0.001, out);

        assertThat(out.hasBid()).isFalse();
        assertThat(out.hasAsk()).isTrue();
    }

    @Test
    void shouldNotQuoteWithoutAFairValue() {
        inputs(0, SIGMA, K_BPS).fairValue = Double.NaN;

        model.quote(in, out);

        assertThat(out.hasBid()).isFalse();
        assertThat(out.hasAsk()).isFalse();
    }
}
