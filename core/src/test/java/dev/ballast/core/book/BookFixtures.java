package dev.ballast.core.book;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Side;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import java.math.BigDecimal;

/** Builders and checks shared by the order book tests. */
final class BookFixtures {
    static final InstrumentId BTCUSDT = InstrumentId.of("test", "BTCUSDT");
    static final Instrument INSTRUMENT = new Instrument(BTCUSDT, Asset.of("BTC"), Asset.of("USDT"),
            new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("5"));

    private BookFixtures() {
    }

    /** Price/size pairs, e.g. {@code levels(100, 2, 99, 5)}. */
    static long[][] levels(long... priceSizePairs) {
        int n = priceSizePairs.length / 2;
        long[] prices = new long[n];
        long[] sizes = new long[n];
        for (int i = 0; i < n; i++) {
            prices[i] = priceSizePairs[2 * i];
            sizes[i] = priceSizePairs[2 * i + 1];
        }
        return new long[][] {prices, sizes};
    }

    static BookSnapshot snapshot(long updateId, long[][] bids, long[][] asks) {
        return new BookSnapshot(BTCUSDT, updateId, bids[0], bids[1], bids[0].length,
                asks[0], asks[1], asks[0].length, 1_000L);
    }

    static BookDelta delta(long firstUpdateId, long lastUpdateId, long prevUpdateId, long[][] bids, long[][] asks) {
        return new BookDelta(BTCUSDT, firstUpdateId, lastUpdateId, prevUpdateId, bids[0], bids[1], bids[0].length,
                asks[0], asks[1], asks[0].length, 2_000L + lastUpdateId);
    }

    static BookDelta delta(long firstUpdateId, long lastUpdateId, long prevUpdateId) {
        return delta(firstUpdateId, lastUpdateId, prevUpdateId, levels(), levels());
    }

    /**
     * The internal-state check run after every step: the book's own structural check, then what the public
     * API promises — each side strictly sorted best first, no empty level, the best equal to level 0, and
     * nothing past the last level.
     */
    static void assertConsistent(OrderBook book) {
        book.validateInternalState();
        assertSideConsistent(book, Side.BUY);
        assertSideConsistent(book, Side.SELL);
    }

    private static void assertSideConsistent(OrderBook book, Side side) {
        int n = book.levels(side);
        long best = side == Side.BUY ? book.bestBidTicks() : book.bestAskTicks();
        long bestLots = side == Side.BUY ? book.bestBidLots() : book.bestAskLots();
        if (n == 0) {
            assertThat(best).isEqualTo(OrderBook.NO_PRICE);
            assertThat(bestLots).isZero();
        } else {
            assertThat(book.priceTicksAt(side, 0)).isEqualTo(best);
            assertThat(book.sizeLotsAt(side, 0)).isEqualTo(bestLots);
        }
        long previous = 0;
        for (int i = 0; i < n; i++) {
            long price = book.priceTicksAt(side, i);
            long size = book.sizeLotsAt(side, i);
            assertThat(size).as("%s level %d size", side, i).isPositive();
            assertThat(book.sizeLotsAtPrice(side, price)).isEqualTo(size);
            if (i > 0) {
                if (side == Side.BUY) {
                    assertThat(price).as("bids descending at %d", i).isLessThan(previous);
                } else {
                    assertThat(price).as("asks ascending at %d", i).isGreaterThan(previous);
                }
            }
            previous = price;
        }
        assertThat(book.priceTicksAt(side, n)).isEqualTo(OrderBook.NO_PRICE);
        assertThat(book.sizeLotsAt(side, n)).isZero();
    }
}
