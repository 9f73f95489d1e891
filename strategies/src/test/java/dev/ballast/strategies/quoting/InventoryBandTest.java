package dev.ballast.strategies.quoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

class InventoryBandTest {
    private static final double MAX = 0.3;
    private final QuoteInputs in = new QuoteInputs();
    private final TwoSidedQuote out = new TwoSidedQuote();

    private void quoteBoth(double size) {
        out.bidPrice = 99;
        out.askPrice = 101;
        out.bidSize = size;
        out.askSize = size;
    }

    @Test
    void shouldStopQuotingBidWhenLongAtMaxPosition() {
        quoteBoth(0.01);
        InventoryBand.apply(in.set(100, MAX, 0, 0, 0), MAX, 0.001, out);

        assertThat(out.hasBid()).isFalse();
        assertThat(out.hasAsk()).isTrue();
    }

    @Test
    void shouldStopQuotingAskWhenShortAtMaxPosition() {
        quoteBoth(0.01);
        InventoryBand.apply(in.set(100, -MAX, 0, 0, 0), MAX, 0.001, out);

        assertThat(out.hasAsk()).isFalse();
        assertThat(out.hasBid()).isTrue();
    }

    @Test
    void shouldShrinkTheGrowingSideToTheRoomLeft() {
        quoteBoth(0.05);
        InventoryBand.apply(in.set(100, 0.27, 0, 0, 0), MAX, 0.001, out);

        assertThat(out.bidSize).isCloseTo(0.03, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(out.askSize).isEqualTo(0.05);
    }

    @Test
    void shouldCountLiveBidsOnOtherVenuesAgainstTheLimit() {
        quoteBoth(0.01);
        InventoryBand.apply(in.set(100, 0.2, 0.1, 0, 0), MAX, 0.001, out);

        assertThat(out.hasBid()).isFalse();
    }

    @Test
    void shouldNeverLetEveryOrderFillingTakeDriftPastTheLimit() {
        qt().forAll(doubles().between(-0.5, 0.5), doubles().between(0, 0.4), doubles().between(0, 0.4),
                        doubles().between(0.0001, 0.2))
                .checkAssert((drift, openBuy, openSell, size) -> {
                    quoteBoth(size);
                    InventoryBand.apply(in.set(100, drift, openBuy, openSell, 0), MAX, 0.0001, out);
                    if (out.hasBid()) {
                        assertThat(drift + openBuy + out.bidSize).isLessThanOrEqualTo(MAX + 1e-12);
                    }
                    if (out.hasAsk()) {
                        assertThat(drift - openSell - out.askSize).isGreaterThanOrEqualTo(-MAX - 1e-12);
                    }
                });
    }
}
