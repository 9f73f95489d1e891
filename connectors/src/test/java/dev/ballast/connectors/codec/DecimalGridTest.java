package dev.ballast.connectors.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalGridTest {
    private static final DecimalGrid SPOT_TICK = new DecimalGrid(new BigDecimal("0.01"));
    private static final DecimalGrid SPOT_LOT = new DecimalGrid(new BigDecimal("0.00001"));
    private static final DecimalGrid CONTRACTS = new DecimalGrid(BigDecimal.ONE);
    private static final DecimalGrid HALF = new DecimalGrid(new BigDecimal("0.5"));

    @Test
    void shouldTurnExchangeDecimalsIntoWholeSteps() {
        assertThat(SPOT_TICK.toSteps("61837.63000000")).isEqualTo(6_183_763);
        assertThat(SPOT_TICK.toSteps("24426.99")).isEqualTo(2_442_699);
        assertThat(SPOT_LOT.toSteps("0.02000000")).isEqualTo(2_000);
        assertThat(SPOT_LOT.toSteps("3.78826000")).isEqualTo(378_826);
        assertThat(SPOT_LOT.toSteps("0.00000000")).isZero();
        assertThat(CONTRACTS.toSteps("1001")).isEqualTo(1_001);
        assertThat(CONTRACTS.toSteps("35.000")).isEqualTo(35);
        assertThat(HALF.toSteps("100.5")).isEqualTo(201);
        assertThat(HALF.toSteps(".5")).isEqualTo(1);
        assertThat(new DecimalGrid(new BigDecimal("10")).toSteps("61800")).isEqualTo(6_180);
    }

    @ParameterizedTest
    @ValueSource(strings = {"61837.635", "61837.631", "0.001"})
    void shouldRefuseAPriceOffTheTickGrid(String price) {
        assertThatThrownBy(() -> SPOT_TICK.toSteps(price))
                .isInstanceOfSatisfying(MalformedDecimalException.class, e -> assertThat(e.offGrid()).isTrue())
                .hasMessageContaining(price);
    }

    @Test
    void shouldRefuseAValueBetweenStepsOfANonDecimalStep() {
        assertThatThrownBy(() -> HALF.toSteps("100.3")).isInstanceOf(MalformedDecimalException.class);
        assertThatThrownBy(() -> new DecimalGrid(new BigDecimal("10")).toSteps("61805"))
                .isInstanceOf(MalformedDecimalException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "-1", "1e5", "1.2.3", "abc", " 1", "1,5", "99999999999999999999"})
    void shouldRefuseWhatIsNotAPlainDecimal(String text) {
        assertThatThrownBy(() -> SPOT_TICK.toSteps(text))
                .isInstanceOfSatisfying(MalformedDecimalException.class, e -> assertThat(e.offGrid()).isFalse());
        assertThatThrownBy(() -> SPOT_TICK.toStepsRoundingUp(text)).isInstanceOf(MalformedDecimalException.class);
    }

    @Test
    void shouldReadUpToTheLargestLongAndRefuseOneMore() {
        assertThat(CONTRACTS.toSteps("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(CONTRACTS.toSteps("9223372036854775800")).isEqualTo(Long.MAX_VALUE - 7);
        for (String tooLarge : new String[] {"9223372036854775808", "9223372036854775809", "9223372036854775810",
                "92233720368547758070"}) {
            assertThatThrownBy(() -> CONTRACTS.toSteps(tooLarge)).as(tooLarge)
                    .isInstanceOf(MalformedDecimalException.class).hasMessageContaining("too large");
        }
    }

    @Test
    void shouldRoundAnOffGridSizeUpToTheNextStepWhenAsked() {
        // a real Binance spot level from an order sized on the old 0.000001 lot
        assertThat(SPOT_LOT.toStepsRoundingUp("25.42618900")).isEqualTo(2_542_619);
        assertThat(SPOT_LOT.toStepsRoundingUp("0.00000100")).isEqualTo(1);
        assertThat(SPOT_LOT.toStepsRoundingUp("25.42610000")).isEqualTo(2_542_610);
        assertThat(HALF.toStepsRoundingUp("100.3")).isEqualTo(201);
    }

    @Test
    void shouldRefuseAStepThatIsNotPositive() {
        assertThatThrownBy(() -> new DecimalGrid(BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldGiveTheSameAnswerFromBytesAsFromCharacters() {
        String alphabet = "0000011234567899..-e \"\\x";
        DecimalGrid[] grids = {SPOT_TICK, SPOT_LOT, CONTRACTS, HALF, new DecimalGrid(new BigDecimal("10"))};
        qt().withExamples(5_000)
                .forAll(lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(0, 24),
                        integers().between(0, grids.length - 1))
                .checkAssert((picks, g) -> {
                    StringBuilder text = new StringBuilder();
                    picks.forEach(i -> text.append(alphabet.charAt(i)));
                    char[] chars = ("<" + text + ">").toCharArray();
                    byte[] bytes = ("<" + text + ">").getBytes(StandardCharsets.US_ASCII);
                    assertThat(outcome(() -> grids[g].toSteps(bytes, 1, bytes.length - 2)))
                            .as("'%s' on %s", text, grids[g])
                            .isEqualTo(outcome(() -> grids[g].toSteps(chars, 1, chars.length - 2)));
                });
        assertThat(SPOT_TICK.toSteps("x61837.63000000".getBytes(StandardCharsets.US_ASCII), 1, 14))
                .isEqualTo(6_183_763);
    }

    private static String outcome(java.util.function.LongSupplier steps) {
        try {
            return Long.toString(steps.getAsLong());
        } catch (MalformedDecimalException e) {
            return (e.offGrid() ? "off grid: " : "malformed: ") + e.getMessage();
        }
    }

    @Test
    void shouldAgreeWithBigDecimalForAnyValueOnTheGrid() {
        qt().forAll(longs().between(0, 999_999_999_999L), integers().between(0, 8),
                        integers().between(0, 6), integers().between(0, 4))
                .checkAssert((steps, stepScale, stepDigit, trailingZeros) -> {
                    BigDecimal step = BigDecimal.valueOf(stepDigit + 1L, stepScale);
                    DecimalGrid grid = new DecimalGrid(step);
                    BigDecimal value = step.multiply(BigDecimal.valueOf(steps));
                    String text = value.toPlainString() + (value.scale() > 0 ? "0".repeat(trailingZeros) : "");
                    assertThat(grid.toSteps(text)).as("%s on %s", text, step).isEqualTo(steps);
                });
    }
}
