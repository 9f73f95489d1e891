package dev.ballast.connectors.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.Instrument;
import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import dev.ballast.core.book.ApplyResult;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One book feed on every symbol of cryptofeed's Binance captures, the snapshot arriving after the first diff as it
 * did when recorded (and, in a second run, after all of them): the book syncs, never gaps, never crosses, and what
 * it publishes chains on from its first snapshot to the oracle's final book.
 */
class BinanceBookFeedTest {
    private final List<Event> published = new ArrayList<>();
    private final List<String> validity = new ArrayList<>();
    private int snapshotRequests;

    @ParameterizedTest(name = "{0} {1}, snapshot after diff {2}")
    @CsvSource({
            "SPOT, NKNUSDT, 1", "SPOT, BLZETH, 1", "SPOT, LRCBTC, 1", "SPOT, RUNEEUR, 1", "SPOT, NKNUSDT, 1000",
            "USD_M, SUSHIUSDT, 1", "USD_M, AKROUSDT, 1", "USD_M, KEEPUSDT, 1", "USD_M, CTKUSDT, 1",
            "USD_M, CTKUSDT, 1000"})
    void shouldSyncEachCapturedBookWithoutAGapOrACross(BinanceProduct product, String symbol, int snapshotAfter)
            throws Exception {
        boolean spot = product == BinanceProduct.SPOT;
        Instrument instrument = new BinanceMapper(VenueId.of("binance"), product).exchangeInfo(
                BinanceCaptures.exchangeInfo(spot ? BinanceCaptures.SPOT_INFO : BinanceCaptures.FUTURES_INFO,
                        BinanceLoopback.CAPTURED_SYMBOLS)).instruments().get(symbol);
        List<String> frames = BinanceCaptures.subscribedFrames(spot ? BinanceCaptures.SPOT_WS
                : BinanceCaptures.FUTURES_WS, symbol);
        String snapshot = BinanceCaptures.snapshots(spot ? BinanceCaptures.SPOT_SNAPSHOTS
                : BinanceCaptures.FUTURES_SNAPSHOTS).get(symbol);
        BinanceBookFeed feed = new BinanceBookFeed(instrument, product, published::add, listener());

        for (int i = 0; i < frames.size(); i++) {
            if (i == Math.min(snapshotAfter, frames.size())) {
                assertThat(feed.onSnapshotReply(snapshot, 1L)).isTrue();
            }
            feed.onStreamMessage(frames.get(i), 1L);
        }
        if (snapshotAfter >= frames.size()) {
            assertThat(feed.onSnapshotReply(snapshot, 1L)).isTrue();
        }

        BookOracle oracle = new BookOracle(snapshot, frames, instrument.tickSize(), product.isFutures());
        assertThat(feed.isValid()).isTrue();
        assertThat(feed.gaps()).isZero();
        assertThat(feed.malformed()).isZero();
        assertThat(validity).containsExactly("valid");
        assertThat(snapshotRequests).isPositive();
        OrderBook book = new OrderBook(instrument, BinanceVenue.PUBLISHED_SEQUENCE_RULE);
        assertThat(published.get(0)).isInstanceOf(BookSnapshot.class);
        for (Event e : published) {
            if (e instanceof BookSnapshot s) {
                book.applySnapshot(s);
            } else if (e instanceof BookDelta d) {
                assertThat(book.applyDelta(d)).isEqualTo(ApplyResult.APPLIED);
            }
            assertThat(book.isCrossed()).isFalse();
        }
        assertThat(book.levels(Side.BUY)).isEqualTo(oracle.bids.size());
        assertThat(book.levels(Side.SELL)).isEqualTo(oracle.asks.size());
        assertThat(book.bestBidTicks()).isEqualTo(instrument.priceToTicks(oracle.bids.firstKey()));
        assertThat(book.bestAskTicks()).isEqualTo(instrument.priceToTicks(oracle.asks.firstKey()));
        assertThat(feed.withBook(OrderBook::lastUpdateId)).isEqualTo(oracle.lastUpdateId);
    }

    private BinanceBookFeed.Listener listener() {
        return new BinanceBookFeed.Listener() {
            @Override
            public void onBookValidity(BinanceBookFeed feed, boolean valid, String detail) {
                validity.add(valid ? "valid" : "invalid: " + detail);
            }

            @Override
            public void onSnapshotNeeded(BinanceBookFeed feed) {
                snapshotRequests++;
            }
        };
    }
}
