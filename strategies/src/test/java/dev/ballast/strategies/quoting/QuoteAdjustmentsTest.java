package dev.ballast.strategies.quoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuoteAdjustmentsTest {
    private final TwoSidedQuote out = new TwoSidedQuote();

    private void quote(double bid, double ask, double size) {
        out.bidPrice = bid;
        out.askPrice = ask;
        out.bidSize = size;
        out.askSize = size;
    }

    @Test
    void shouldWidenANarrowQuoteSymmetricallyAroundItsCentre() {
        quote(99.0, 99.02, 1);

        QuoteAdjustments.widenToMinSpread(out, 100, 10); // 10 bps of 100 = 0.1

        assertThat(out.bidPrice).isCloseTo(98.96, within(1e-12));
        assertThat(out.askPrice).isCloseTo(99.06, within(1e-12));
    }

    @Test
    void shouldLeaveAQuoteWiderThanTheFloorAlone() {
        quote(99.0, 101.0, 1);

        QuoteAdjustments.widenToMinSpread(out, 100, 10);

        assertThat(out.bidPrice).isEqualTo(99.0);
        assertThat(out.askPrice).isEqualTo(101.0);
    }

    @Test
    void shouldShrinkTheBidWhenLongAndTheAskWhenShort() {
        quote(99, 101, 1);
        QuoteAdjustments.shrinkGrowingSide(out, 0.75, 1);
        assertThat(out.bidSize).isCloseTo(0.25, within(1e-12));
        assertThat(out.askSize).isEqualTo(1);

        quote(99, 101, 1);
        QuoteAdjustments.shrinkGrowingSide(out, -0.25, 1);
        assertThat(out.askSize).isCloseTo(0.75, within(1e-12));
        assertThat(out.bidSize).isEqualTo(1);
    }

    @Test
    void shouldShrinkTheGrowingSideToNothingPastMaxPosition() {
        quote(99, 101, 1);

        QuoteAdjustments.shrinkGrowingSide(out, 1.5, 1);

        assertThat(out.hasBid()).isFalse();
        assertThat(out.askSize).isEqualTo(1);
    }
}
