package dev.ballast.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/** An inverse contract (Binance COIN-M BTCUSD_PERP: contracts of 100 USD) next to a base-unit market. */
class InverseContractInstrumentTest {
    static final Instrument COINM = Instrument.inverse(InstrumentId.of("binance-coinm", "BTCUSD_PERP"),
            Asset.of("BTC"), Asset.of("USD"), new BigDecimal("0.1"), BigDecimal.ONE, BigDecimal.ZERO,
            new BigDecimal("100"));
    static final Instrument USDM = new Instrument(InstrumentId.of("binance-usdm", "BTCUSDT"), Asset.of("BTC"),
            Asset.of("USDT"), new BigDecimal("0.1"), new BigDecimal("0.001"), new BigDecimal("100"));

    @Test
    void shouldCountTwelveContractsOfOneHundredUsdAtSixtyThousandAsTwoHundredthsOfABitcoin() {
        assertThat(COINM.isInverse()).isTrue();
        assertThat(COINM.sizeToBase(new BigDecimal("12"), new BigDecimal("60000"))).isEqualByComparingTo("0.02");
        assertThat(COINM.notionalQuote(new BigDecimal("60000"), new BigDecimal("12"))).isEqualByComparingTo("1200");
        assertThat(COINM.lotsToBaseDouble(12, 60_000)).isCloseTo(0.02, within(1e-15));
        assertThat(COINM.lotsNotionalDouble(12, 60_000)).isEqualTo(1200.0);
    }

    @Test
    void shouldRoundTheBaseOfAContractHalfEvenToSixteenPlacesAsTheVenueSettlesIt() {
        // 100 / 61234.5 = 0.00163306632698887065...; 16 places
        assertThat(COINM.sizeToBase(BigDecimal.ONE, new BigDecimal("61234.5")))
                .isEqualByComparingTo("0.0016330663269889")
                .hasScaleOf(Instrument.INVERSE_BASE_SCALE);
    }

    @Test
    void shouldRoundABaseSizeToWholeContractsInTheModeAsked() {
        BigDecimal price = new BigDecimal("61234.5");
        // 0.01 BTC at 61234.5 is 6.12345 contracts
        assertThat(COINM.baseToLots(new BigDecimal("0.01"), price, RoundingMode.DOWN)).isEqualTo(6);
        assertThat(COINM.baseToLots(new BigDecimal("0.01"), price, RoundingMode.UP)).isEqualTo(7);
        assertThat(COINM.roundBaseDownToLots(0.01, 61_234.5)).isEqualTo(6);
        assertThatThrownBy(() -> COINM.baseToLots(new BigDecimal("0.01"), price, RoundingMode.UNNECESSARY))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void shouldNotLoseAContractToBinaryNoiseWhenTheBaseSizeIsExactlyWhole() {
        // 0.018 BTC at 50000 is exactly 9 contracts; 0.018 * 50000 / 100 in doubles is 8.999999999999998
        assertThat(0.018 * 50_000 / 100).isLessThan(9);
        assertThat(COINM.roundBaseDownToLots(0.018, 50_000)).isEqualTo(9);
        assertThat(COINM.baseToLots(new BigDecimal("0.018"), new BigDecimal("50000"), RoundingMode.UNNECESSARY))
                .isEqualTo(9);
    }

    @Test
    void shouldTreatABaseUnitMarketsSizesAsBaseWhateverThePrice() {
        assertThat(USDM.isInverse()).isFalse();
        assertThat(USDM.contractSizeQuote()).isNull();
        assertThat(USDM.sizeToBase(new BigDecimal("0.012"), new BigDecimal("60000"))).isEqualByComparingTo("0.012");
        assertThat(USDM.baseToLots(new BigDecimal("0.0125"), new BigDecimal("60000"), RoundingMode.DOWN)).isEqualTo(12);
        assertThat(USDM.roundBaseDownToLots(0.0125, 60_000)).isEqualTo(USDM.roundSizeDownToLots(0.0125));
        assertThat(USDM.lotsToBaseDouble(12, 60_000)).isEqualTo(USDM.lotsToDouble(12));
        assertThat(USDM.lotsNotionalDouble(12, 60_000)).isEqualTo(60_000 * USDM.lotsToDouble(12));
        assertThat(USDM.notionalQuote(new BigDecimal("60000"), new BigDecimal("0.012"))).isEqualByComparingTo("720");
    }

    @Test
    void shouldCheckAnInverseContractsMinimumNotionalOnItsFaceValue() {
        Instrument min = Instrument.inverse(InstrumentId.of("x", "BTCUSD_PERP"), Asset.of("BTC"), Asset.of("USD"),
                new BigDecimal("0.1"), BigDecimal.ONE, new BigDecimal("200"), new BigDecimal("100"));

        assertThat(min.meetsMinNotional(new BigDecimal("1"), new BigDecimal("2"))).isTrue();
        assertThat(min.meetsMinNotional(new BigDecimal("1000000"), BigDecimal.ONE)).isFalse();
    }

    @Test
    void shouldRefuseANonPositiveContractSizeOrPrice() {
        assertThatThrownBy(() -> Instrument.inverse(InstrumentId.of("x", "Y"), Asset.of("BTC"), Asset.of("USD"),
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO))
                .hasMessage("x:Y: contractSizeQuote must be > 0 (was 0)");
        assertThatThrownBy(() -> COINM.sizeToBase(BigDecimal.ONE, BigDecimal.ZERO))
                .hasMessageContaining("price must be > 0");
        assertThatThrownBy(() -> COINM.roundBaseDownToLots(0.01, Double.NaN))
                .hasMessageContaining("price must be finite and > 0");
    }
}
