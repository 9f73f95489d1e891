package dev.ballast.strategies.quoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Properties every quote model must have, checked on each of them. */
class QuoteModelPropertiesTest {
    private static final double MAX = 0.3;
    private static final double MIN_SPREAD_BPS = 10; // wider than some quotes of every model, so the floor is exercised
    private static final CommonQuoteParams COMMON = new CommonQuoteParams(0.01, MAX, MIN_SPREAD_BPS, true);

    private static final List<Supplier<QuoteModel>> MODELS = List.of(
            () -> QuoteModels.create("linear", new LinearQuoteParams(COMMON, 6, 20)),
            () -> QuoteModels.create("avellaneda-stoikov", new AvellanedaStoikovQuoteParams(COMMON, 0.1, 60, 6, 20)),
            () -> QuoteModels.create("gueant", new GueantQuoteParams(COMMON, 0.5, 6, 20)));

    /** σ, A and k as the engine may pass them: known, NaN, zero or absurd. */
    private static final double[] ODD = {Double.NaN, 0, -1, 1e-300, 1e300, Double.POSITIVE_INFINITY};

    private static void fill(QuoteInputs in, double fair, double drift, double sigma, double a, double k) {
        in.set(fair, drift, 0, 0, 0);
        in.sigmaPerSqrtSec = sigma;
        in.intensityA = a;
        in.intensityKPerBps = k;
    }

    @Test
    void shouldGiveTheSameQuoteForTheSameInputs() {
        for (Supplier<QuoteModel> factory : MODELS) {
            QuoteModel reused = factory.get();
            QuoteInputs in = new QuoteInputs();
            TwoSidedQuote first = new TwoSidedQuote();
            TwoSidedQuote second = new TwoSidedQuote();
            qt().forAll(doubles().between(1, 100_000), doubles().between(-0.5, 0.5), doubles().between(0, 0.01),
                            doubles().between(0.01, 5))
                    .checkAssert((fairValue, drift, sigmaRel, k) -> {
                        fill(in, fairValue, drift, sigmaRel * fairValue, 2, k);
                        reused.quote(in, first);
                        factory.get().quote(in, second);
                        assertThat(second.bidPrice).isEqualTo(first.bidPrice);
                        assertThat(second.askPrice).isEqualTo(first.askPrice);
                        assertThat(second.bidSize).isEqualTo(first.bidSize);
                        assertThat(second.askSize).isEqualTo(first.askSize);
                    });
        }
    }

    @Test
    void shouldRespectTheMinimumSpreadAndNeverQuoteANaNPrice() {
        for (Supplier<QuoteModel> factory : MODELS) {
            QuoteModel model = factory.get();
            QuoteInputs in = new QuoteInputs();
            TwoSidedQuote out = new TwoSidedQuote();
            qt().forAll(doubles().between(1, 100_000), doubles().between(-0.6, 0.6), integers().between(0, 3 * ODD.length),
                            doubles().between(0, 0.01))
                    .checkAssert((fairValue, drift, odd, sigmaRel) -> {
                        double sigma = odd < ODD.length ? ODD[odd] : sigmaRel * fairValue;
                        double a = odd >= ODD.length && odd < 2 * ODD.length ? ODD[odd - ODD.length] : 1;
                        double k = odd >= 2 * ODD.length && odd < 3 * ODD.length ? ODD[odd - 2 * ODD.length] : 0.5;
                        fill(in, fairValue, drift, sigma, a, k);
                        model.quote(in, out);
                        assertThat(out.bidPrice).as(model.name()).isFinite();
                        assertThat(out.askPrice).as(model.name()).isFinite();
                        assertThat(out.askPrice - out.bidPrice).as(model.name())
                                .isGreaterThanOrEqualTo(fairValue * MIN_SPREAD_BPS / 10_000 * (1 - 1e-9));
                    });
        }
    }

    @Test
    void shouldMoveTheQuoteCentreDownAsTheInventoryGrows() {
        for (Supplier<QuoteModel> factory : MODELS) {
            QuoteModel model = factory.get();
            QuoteInputs in = new QuoteInputs();
            TwoSidedQuote out = new TwoSidedQuote();
            qt().forAll(doubles().between(-0.29, 0.28), doubles().between(0.001, 0.01), doubles().between(0.0001, 0.001))
                    .checkAssert((drift, more, sigmaRel) -> {
                        fill(in, 60_000, drift, sigmaRel * 60_000, 1, 0.5);
                        model.quote(in, out);
                        double before = out.centre();
                        fill(in, 60_000, drift + more, sigmaRel * 60_000, 1, 0.5);
                        model.quote(in, out);
                        assertThat(out.centre()).as(model.name()).isLessThan(before);
                    });
        }
    }

    @Test
    void shouldQuoteSymmetricallyAroundFairValueAtTarget() {
        for (Supplier<QuoteModel> factory : MODELS) {
            QuoteModel model = factory.get();
            QuoteInputs in = new QuoteInputs();
            TwoSidedQuote out = new TwoSidedQuote();
            qt().forAll(doubles().between(1, 100_000), doubles().between(0, 0.01), doubles().between(0.01, 5))
                    .checkAssert((fairValue, sigmaRel, k) -> {
                        fill(in, fairValue, 0, sigmaRel * fairValue, 1, k);
                        model.quote(in, out);
                        assertThat(out.centre()).as(model.name()).isCloseTo(fairValue,
                                org.assertj.core.api.Assertions.within(fairValue * 1e-12));
                        assertThat(out.bidSize).isEqualTo(out.askSize);
                    });
        }
    }

    @Test
    void shouldNeverQuoteTheGrowingSidePastMaxPositionOnceTheBandIsApplied() {
        for (Supplier<QuoteModel> factory : MODELS) {
            QuoteModel model = factory.get();
            QuoteInputs in = new QuoteInputs();
            TwoSidedQuote out = new TwoSidedQuote();
            qt().forAll(doubles().between(-0.6, 0.6), doubles().between(0, 0.2), doubles().between(0, 0.2))
                    .checkAssert((drift, openBuy, openSell) -> {
                        fill(in, 60_000, drift, 6, 1, 0.5);
                        model.quote(in, out);
                        in.openBuyExposure = openBuy;
                        in.openSellExposure = openSell;
                        InventoryBand.apply(in, MAX, 0.001, out);
                        if (out.hasBid()) {
                            assertThat(drift + openBuy + out.bidSize).as(model.name()).isLessThanOrEqualTo(MAX + 1e-12);
                        }
                        if (out.hasAsk()) {
                            assertThat(drift - openSell - out.askSize).as(model.name()).isGreaterThanOrEqualTo(-MAX - 1e-12);
                        }
                        if (drift >= MAX) {
                            assertThat(out.hasBid()).as(model.name()).isFalse();
                        }
                        if (drift <= -MAX) {
                            assertThat(out.hasAsk()).as(model.name()).isFalse();
                        }
                    });
        }
    }
}
