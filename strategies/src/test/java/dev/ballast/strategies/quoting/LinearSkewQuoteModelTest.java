package dev.ballast.strategies.quoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LinearSkewQuoteModelTest {
    private final LinearSkewQuoteModel model = new LinearSkewQuoteModel(0.01, 10.0, 20.0);
    private final QuoteInputs in = new QuoteInputs();
    private final TwoSidedQuote out = new TwoSidedQuote();

    @Test
    void shouldQuoteSymmetricallyAroundFairValueWhenOnTarget() {
        model.quote(in.set(60_000, 0, 0, 0, 0), out);

        assertThat(out.bidPrice).isCloseTo(59_970, within(1e-9));
        assertThat(out.askPrice).isCloseTo(60_030, within(1e-9));
        assertThat(out.bidSize).isEqualTo(0.01);
        assertThat(out.askSize).isEqualTo(0.01);
    }

    @Test
    void shouldMoveQuoteCentreDownWhenLongAndUpWhenShort() {
        model.quote(in.set(60_000, 0.5, 0, 0, 0), out);
        double longCentre = out.centre();
        double longSpread = out.askPrice - out.bidPrice;
        model.quote(in.set(60_000, -0.5, 0, 0, 0), out);
        double shortCentre = out.centre();

        // 20 bps per unit × 0.5 = 10 bps of 60 000 = 60
        assertThat(longCentre).isCloseTo(60_000 - 60, within(1e-9));
        assertThat(shortCentre).isCloseTo(60_000 + 60, within(1e-9));
        assertThat(longSpread).isCloseTo(60, within(1e-9));
    }

    @Test
    void shouldMoveCentreFurtherTheLargerTheDrift() {
        double previous = Double.POSITIVE_INFINITY;
        for (double drift = -1; drift <= 1; drift += 0.25) {
            model.quote(in.set(60_000, drift, 0, 0, 0), out);
            assertThat(out.centre()).isLessThan(previous);
            previous = out.centre();
        }
    }

    @Test
    void shouldNotQuoteWithoutAFairValue() {
        model.quote(in.set(Double.NaN, 0, 0, 0, 0), out);

        assertThat(out.hasBid()).isFalse();
        assertThat(out.hasAsk()).isFalse();
    }

    @Test
    void shouldRefuseNonPositiveSpread() {
        assertThatThrownBy(() -> new LinearSkewQuoteModel(0.01, 0, 1))
                .hasMessage("spreadBps must be > 0 (was 0.0)");
    }
}
