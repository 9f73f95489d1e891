package dev.ballast.core.book;

import static dev.ballast.core.book.BookFixtures.INSTRUMENT;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The {@link OrderBookContract} run against the default ladder (most levels in the ladder) and against
 * the narrowest one (most levels in the far arrays, the window recentring all the time).
 */
class OrderBookTest {

    @Test
    void shouldRejectALadderWidthThatIsNotAPowerOfTwo() {
        assertThatThrownBy(() -> new OrderBook(INSTRUMENT, SequenceRule.CONTIGUOUS, 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1000");
        assertThatThrownBy(() -> new OrderBook(INSTRUMENT, SequenceRule.CONTIGUOUS, 32))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    class WithDefaultLadder extends OrderBookContract {
        @Override
        OrderBook newBook(SequenceRule rule) {
            return new OrderBook(INSTRUMENT, rule);
        }
    }

    @Nested
    class WithNarrowestLadder extends OrderBookContract {
        @Override
        OrderBook newBook(SequenceRule rule) {
            return new OrderBook(INSTRUMENT, rule, 64);
        }
    }
}
