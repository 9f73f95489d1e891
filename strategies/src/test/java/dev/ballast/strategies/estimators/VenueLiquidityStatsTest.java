package dev.ballast.strategies.estimators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Side;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.book.SequenceRule;
import dev.ballast.core.event.BookSnapshot;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class VenueLiquidityStatsTest {
    private static final long SECOND = 1_000_000_000L;
    private final Instrument btc = new Instrument(InstrumentId.of("sim-a", "BTCUSDT"), Asset.of("BTC"), Asset.of("USDT"),
            new BigDecimal("0.01"), new BigDecimal("0.0001"), new BigDecimal("5"));
    private final OrderBook book = new OrderBook(btc, SequenceRule.SEQUENTIAL, 1 << 16);
    private final VenueLiquidityStats stats = new VenueLiquidityStats(new VenueLiquidityStats.Config(60, 10, 50));

    /** Mid 60 000; 10 bps either side is 59 940 … 60 060. */
    private void snapshot() {
        book.applySnapshot(new BookSnapshot(btc.id(), 1,
                new long[] {5_999_900, 5_999_000, 5_990_000}, new long[] {10_000, 20_000, 50_000}, 3,
                new long[] {6_000_100, 6_005_000, 6_010_000}, new long[] {15_000, 30_000, 40_000}, 3, 0));
    }

    @Test
    void shouldMeasureSpreadAndDepthWithinTheBandOfTheMid() {
        snapshot();

        assertThat(stats.update(0, book)).isTrue();

        assertThat(stats.spreadBps()).isCloseTo(2.0 / 60_000 * 10_000, within(1e-9));
        assertThat(stats.bidDepthBase()).isCloseTo(3.0, within(1e-9)); // 59 999 and 59 990; not 59 900
        assertThat(stats.askDepthBase()).isCloseTo(4.5, within(1e-9)); // 60 001 and 60 050; not 60 100
    }

    @Test
    void shouldWeighEachStateOfTheBookByHowLongItLasted() {
        snapshot();
        stats.update(0, book);
        double narrow = stats.spreadBps();
        book.setLevel(Side.SELL, 6_000_100, 0); // best ask now 60 050: spread 51 USDT
        stats.update(60 * SECOND, book);
        double wide = stats.lastSpreadBps();
        assertThat(stats.spreadBps()).isCloseTo(narrow, within(1e-12)); // the narrow book held for 60 s

        for (int i = 0; i < 10; i++) {
            stats.update(120 * SECOND, book); // repeated instants weigh nothing
        }

        assertThat(stats.spreadBps()).isCloseTo((narrow + wide) / 2, within(1e-9)); // the wide one for a half-life
    }

    @Test
    void shouldGiveNoWeightToTheTimeTheBookWasUnusable() {
        snapshot();
        stats.update(0, book);
        double narrow = stats.spreadBps();
        book.setLevel(Side.SELL, 6_000_100, 0);
        stats.update(60 * SECOND, book); // the wide book is seen, then the stream drops at once
        book.invalidate();

        assertThat(stats.update(60 * SECOND, book)).isFalse();
        assertThat(stats.lastSpreadBps()).isNaN();

        snapshot();
        stats.update(600 * SECOND, book); // nine half-lives later: had the wide book counted, it would dominate
        assertThat(stats.spreadBps()).isCloseTo(narrow, within(1e-12));
        assertThat(stats.sampleCount()).isEqualTo(3);
    }

    @Test
    void shouldHaveNoDataBeforeAUsableBook() {
        assertThat(stats.update(0, book)).isFalse();

        assertThat(stats.hasData()).isFalse();
        assertThat(stats.spreadBps()).isNaN();
        assertThat(stats.bidDepthBase()).isNaN();
    }

    @Test
    void shouldCountAtMostMaxLevelsOfDepth() {
        VenueLiquidityStats shallow = new VenueLiquidityStats(new VenueLiquidityStats.Config(60, 10, 1));
        snapshot();

        shallow.update(0, book);

        assertThat(shallow.bidDepthBase()).isCloseTo(1.0, within(1e-9));
        assertThat(shallow.askDepthBase()).isCloseTo(1.5, within(1e-9));
    }
}
