package dev.ballast.strategies.hedging;

import dev.ballast.core.VenueHealth;
import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Side;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.book.SequenceRule;
import dev.ballast.core.event.BookSnapshot;
import java.math.BigDecimal;

/** BTCUSDT instruments and synced books built level by level, for the hedging tests. */
final class Markets {
    static final Asset BTC = Asset.of("BTC");
    static final Asset USDT = Asset.of("USDT");
    /** A narrow ladder keeps test books small; levels beyond it live in the far arrays, exactly. */
    private static final int LADDER_TICKS = 1 << 12;

    private Markets() {
    }

    static Instrument btcusdt(String venue, String tickSize, String lotSize, String minNotional) {
        return new Instrument(InstrumentId.of(venue, "BTCUSDT"), BTC, USDT, new BigDecimal(tickSize),
                new BigDecimal(lotSize), new BigDecimal(minNotional));
    }

    /** An inverse BTCUSD perpetual: contracts of 100 USD, tick 0.1, lot 1 contract (Binance COIN-M). */
    static Instrument btcusdInverse(String venue) {
        return Instrument.inverse(InstrumentId.of(venue, "BTCUSD_PERP"), BTC, Asset.of("USD"), new BigDecimal("0.1"),
                BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("100"));
    }

    /** A synced, empty book of {@code instrument}. */
    static OrderBook book(Instrument instrument) {
        OrderBook book = new OrderBook(instrument, SequenceRule.SEQUENTIAL, LADDER_TICKS);
        book.applySnapshot(new BookSnapshot(instrument.id(), 1, new long[0], new long[0], 0, new long[0],
                new long[0], 0, 0));
        return book;
    }

    /** Sets a level given as decimal price and size ("60010.5", "0.25"). */
    static OrderBook level(OrderBook book, Side side, String price, String size) {
        Instrument in = book.instrument();
        book.setLevel(side, in.priceToTicks(new BigDecimal(price)), in.sizeToLots(new BigDecimal(size)));
        return book;
    }

    /** A fluent book: {@code bids("59990", "1.0", "59980", "2.0").asks(...)}. */
    static Levels on(Instrument instrument) {
        return new Levels(book(instrument));
    }

    static final class Levels {
        private final OrderBook book;

        private Levels(OrderBook book) {
            this.book = book;
        }

        Levels bids(String... priceSizePairs) {
            return add(Side.BUY, priceSizePairs);
        }

        Levels asks(String... priceSizePairs) {
            return add(Side.SELL, priceSizePairs);
        }

        private Levels add(Side side, String... pairs) {
            for (int i = 0; i < pairs.length; i += 2) {
                level(book, side, pairs[i], pairs[i + 1]);
            }
            return this;
        }

        OrderBook book() {
            return book;
        }

        /** A healthy venue on this book with a fresh book and plenty of both assets. */
        HedgeVenue venue(double takerFeeRate) {
            return new HedgeVenue(book, takerFeeRate).update(VenueHealth.HEALTHY, 0, 100, 10_000_000);
        }
    }
}
