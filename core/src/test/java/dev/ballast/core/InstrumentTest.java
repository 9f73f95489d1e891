package dev.ballast.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class InstrumentTest {
    private final Instrument btc = new Instrument(InstrumentId.of("binance", "BTCUSDT"), Asset.of("BTC"), Asset.of("USDT"),
            new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("5"));

    @Test
    void shouldConvertPricesToTicksAndBackExactly() {
        long ticks = btc.priceToTicks(new BigDecimal("61737.63000000"));

        assertThat(ticks).isEqualTo(6_173_763L);
        assertThat(btc.ticksToPrice(ticks)).isEqualByComparingTo("61737.63");
    }

    @Test
    void shouldRefuseAPriceOffTheTickGrid() {
        assertThatThrownBy(() -> btc.priceToTicks(new BigDecimal("61737.635")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("61737.635 is not a multiple of 0.01");
    }

    @Test
    void shouldRoundBidsDownAndAsksUpSoRoundingNeverMakesAQuoteMoreAggressive() {
        assertThat(btc.roundToTicks(100.017, Side.BUY)).isEqualTo(10_001L);
        assertThat(btc.roundToTicks(100.011, Side.SELL)).isEqualTo(10_002L);
    }

    @Test
    void shouldNotMoveAPriceAlreadyOnTheGridBecauseOfBinaryNoise() {
        // 0.1 + 0.2 = 0.30000000000000004 in binary; it is 30 ticks either way
        assertThat(btc.roundToTicks(0.1 + 0.2, Side.SELL)).isEqualTo(30L);
        assertThat(btc.roundToTicks(0.29999999999999998, Side.BUY)).isEqualTo(30L);
    }

    @Test
    void shouldRoundSizesDownToTheLot() {
        assertThat(btc.roundSizeDown(new BigDecimal("0.123456789"))).isEqualByComparingTo("0.12345");
        assertThat(btc.roundSizeDownToLots(0.123459)).isEqualTo(12_345L);
        assertThat(btc.roundPrice(new BigDecimal("100.019"), RoundingMode.FLOOR)).isEqualByComparingTo("100.01");
    }

    @Test
    void shouldCheckMinimumNotionalExactly() {
        assertThat(btc.meetsMinNotional(new BigDecimal("50000"), new BigDecimal("0.0001"))).isTrue();
        assertThat(btc.meetsMinNotional(new BigDecimal("49999.99"), new BigDecimal("0.0001"))).isFalse();
    }

    @Test
    void shouldRefuseANonPositiveTickSize() {
        assertThatThrownBy(() -> new Instrument(InstrumentId.of("x", "Y"), Asset.of("A"), Asset.of("B"),
                BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO))
                .hasMessage("tickSize must be > 0 (was 0)");
    }
}
