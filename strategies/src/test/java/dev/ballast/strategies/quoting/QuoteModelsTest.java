package dev.ballast.strategies.quoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuoteModelsTest {
    private final CommonQuoteParams common = new CommonQuoteParams(0.01, 0.3, 2, true);

    @Test
    void shouldCreateEachModelByItsName() {
        assertThat(QuoteModels.create("linear", new LinearQuoteParams(common, 6, 20)))
                .isInstanceOf(LinearSkewQuoteModel.class).extracting(QuoteModel::name).isEqualTo("linear");
        assertThat(QuoteModels.create("avellaneda-stoikov", new AvellanedaStoikovQuoteParams(common, 0.1, 60, 6, 20)))
                .isInstanceOf(AvellanedaStoikovQuoteModel.class).extracting(QuoteModel::name)
                .isEqualTo("avellaneda-stoikov");
        assertThat(QuoteModels.create("gueant", new GueantQuoteParams(common, 0.5, 6, 20)))
                .isInstanceOf(GueantQuoteModel.class).extracting(QuoteModel::name).isEqualTo("gueant");
    }

    @Test
    void shouldRefuseAnUnknownModelNameListingTheKnownOnes() {
        assertThatThrownBy(() -> QuoteModels.create("glft", new GueantQuoteParams(common, 0.5, 6, 20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown quote model 'glft' (known: linear, avellaneda-stoikov, gueant)");
    }

    @Test
    void shouldRefuseTheSettingsOfAnotherModel() {
        assertThatThrownBy(() -> QuoteModels.create("gueant", new LinearQuoteParams(common, 6, 20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quote model 'gueant' needs its own settings (was settings for 'linear')");
    }

    @Test
    void shouldNameTheFieldAndTheValueOfAnInvalidSetting() {
        assertThatThrownBy(() -> new AvellanedaStoikovQuoteParams(common, -0.1, 60, 6, 20))
                .hasMessage("gamma must be > 0 (was -0.1)");
        assertThatThrownBy(() -> new AvellanedaStoikovQuoteParams(common, 0.1, 0, 6, 20))
                .hasMessage("horizonSec must be > 0 (was 0.0)");
        assertThatThrownBy(() -> new GueantQuoteParams(common, Double.NaN, 6, 20))
                .hasMessage("gamma must be > 0 (was NaN)");
        assertThatThrownBy(() -> new CommonQuoteParams(0.01, 0.3, -1, false))
                .hasMessage("minSpreadBps must be >= 0 (was -1.0)");
        assertThatThrownBy(() -> new CommonQuoteParams(0, 0.3, 1, false))
                .hasMessage("quoteSize must be > 0 (was 0.0)");
        assertThatThrownBy(() -> new LinearQuoteParams(common, 6, -2))
                .hasMessage("skewBpsPerUnit must be >= 0 (was -2.0)");
        assertThatThrownBy(() -> new AvellanedaStoikovQuoteParams(common, 0.1, 60, 0, 20))
                .hasMessage("fallbackSpreadBps must be > 0 (was 0.0)");
    }

    @Test
    void shouldRefuseAGueantBoundSmallerThanOneLot() {
        assertThatThrownBy(() -> new GueantQuoteParams(new CommonQuoteParams(0.01, 0.005, 0, false), 0.5, 6, 20))
                .hasMessage("maxPosition must be finite and >= quoteSize 0.01 for the gueant model (was 0.005)");
    }
}
