package dev.ballast.connectors.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.connectors.binance.BinanceMarket;
import dev.ballast.core.Instrument;
import dev.ballast.core.book.ApplyResult;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.book.SequenceRule;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link DeltaChain} must answer exactly as {@link OrderBook#applyDelta} does, or a source would hand out deltas a book refuses. */
class DeltaChainTest {
    private static final Instrument INSTRUMENT = BinanceMarket.SPOT.instrument();
    private static final long[] NONE = new long[0];

    @ParameterizedTest
    @EnumSource(SequenceRule.class)
    void shouldGiveTheSameVerdictAsTheBookForEveryDeltaOfARandomStream(SequenceRule rule) {
        Random random = new Random(7);
        OrderBook book = new OrderBook(INSTRUMENT, rule, 64);
        DeltaChain chain = new DeltaChain(rule);
        Map<ApplyResult, Integer> seen = new EnumMap<>(ApplyResult.class);
        long last = 1_000;
        resync(book, chain, last);

        for (int i = 0; i < 20_000; i++) {
            // mostly well-chained deltas, with overlaps, stale repeats and jumps mixed in
            long first = last + 1 + random.nextInt(5) - 2;
            long end = Math.max(first, first + random.nextInt(4) - 1);
            long prev = random.nextInt(10) < 8 ? last : last + random.nextInt(5) - 2;
            BookDelta delta = new BookDelta(INSTRUMENT.id(), first, end, prev, NONE, NONE, 0, NONE, NONE, 0, i);

            ApplyResult byBook = book.applyDelta(delta);
            ApplyResult byChain = chain.offer(delta);

            assertThat(byChain).as("delta %d: U=%d u=%d pu=%d after %d", i, first, end, prev, last)
                    .isEqualTo(byBook);
            seen.merge(byBook, 1, Integer::sum);
            if (byBook == ApplyResult.APPLIED) {
                last = end;
            } else if (byBook == ApplyResult.GAP) {
                last = end + random.nextInt(3) - 1;
                resync(book, chain, last);
            }
        }
        assertThat(seen).containsKeys(ApplyResult.APPLIED, ApplyResult.STALE, ApplyResult.GAP);
    }

    private static void resync(OrderBook book, DeltaChain chain, long updateId) {
        book.applySnapshot(new BookSnapshot(INSTRUMENT.id(), updateId, NONE, NONE, 0, NONE, NONE, 0, 0));
        chain.reset(updateId);
    }
}
