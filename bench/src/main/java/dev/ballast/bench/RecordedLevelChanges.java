package dev.ballast.bench;

import dev.ballast.connectors.binance.BinanceBookTicker;
import dev.ballast.connectors.binance.BinanceMarket;
import dev.ballast.connectors.binance.BinanceMessageHandler;
import dev.ballast.connectors.binance.BinanceRecordedReader;
import dev.ballast.core.book.ApplyResult;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.PublicTrade;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every level change a synced book applies, from recorded Binance files, in primitive arrays: the snapshot
 * the book starts from, then one entry per changed level (bids before asks within each diff, as
 * {@link OrderBook#applyDelta} applies them). Diffs the sync drops as stale are left out.
 */
final class RecordedLevelChanges {
    private static final String DIR = "market/binance-btc-2024-08-08/";

    final BinanceMarket market;
    final BookSnapshot snapshot;
    /** True for a bid, false for an ask. */
    final boolean[] bid;
    final long[] priceTicks;
    final long[] sizeLots;
    final int count;

    private RecordedLevelChanges(BinanceMarket market, BookSnapshot snapshot, boolean[] bid, long[] priceTicks,
                                 long[] sizeLots, int count) {
        this.market = market;
        this.snapshot = snapshot;
        this.bid = bid;
        this.priceTicks = priceTicks;
        this.sizeLots = sizeLots;
        this.count = count;
    }

    /** Spot reads 0808 and its 0809 continuation; USD-M has only 0808. */
    static RecordedLevelChanges load(BinanceMarket market) throws IOException {
        List<Path> files = switch (market) {
            case SPOT -> List.of(data(DIR + "binance-spot_btcusdt_20240808.gz"),
                    data(DIR + "binance-spot_btcusdt_20240809.gz"));
            case USDM -> List.of(data(DIR + "binance-usdm_btcusdt_20240808.gz"));
            case COINM -> List.of(data(DIR + "binance-coinm_btcusd_perp_20240808.gz"),
                    data(DIR + "binance-coinm_btcusd_perp_20240809.gz"));
        };
        Collector collector = new Collector(market);
        try (BinanceRecordedReader reader = new BinanceRecordedReader(market, files)) {
            reader.readAll(collector);
        }
        if (collector.snapshot == null || collector.gaps > 0) {
            throw new IllegalStateException(market + ": the recording did not sync cleanly");
        }
        return new RecordedLevelChanges(market, collector.snapshot, Arrays.copyOf(collector.bid, collector.count),
                Arrays.copyOf(collector.price, collector.count), Arrays.copyOf(collector.size, collector.count),
                collector.count);
    }

    /** The shared data directory: {@code $BALLAST_DATA}, else {@code ../shared/data} above the working directory. */
    static Path data(String relative) {
        String configured = System.getenv("BALLAST_DATA");
        if (configured != null) {
            return Path.of(configured).resolve(relative);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/data").resolve(relative).normalize();
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no ../shared/data/" + relative + " above " + Path.of("").toAbsolutePath()
                + "; run from the project root or set BALLAST_DATA");
    }

    /**
     * Syncs a book from the recording (buffering the diffs that precede the snapshot, as
     * {@link dev.ballast.connectors.book.BookSynchronizer} does) and keeps the levels of every delta it applies.
     */
    private static final class Collector implements BinanceMessageHandler {
        final OrderBook book;
        final List<BookDelta> beforeSnapshot = new ArrayList<>();
        BookSnapshot snapshot;
        long gaps;
        boolean[] bid = new boolean[1 << 16];
        long[] price = new long[1 << 16];
        long[] size = new long[1 << 16];
        int count;

        Collector(BinanceMarket market) {
            book = new OrderBook(market.instrument(), market.sequenceRule());
        }

        @Override
        public void onSnapshot(BookSnapshot s, long localNs) {
            snapshot = s;
            book.applySnapshot(s);
            beforeSnapshot.forEach(this::apply);
            beforeSnapshot.clear();
        }

        @Override
        public void onDelta(BookDelta delta, long localNs) {
            if (snapshot == null) {
                beforeSnapshot.add(delta);
            } else {
                apply(delta);
            }
        }

        private void apply(BookDelta delta) {
            ApplyResult result = book.applyDelta(delta);
            if (result == ApplyResult.APPLIED) {
                record(delta);
            } else if (result == ApplyResult.GAP) {
                gaps++;
            }
        }

        @Override
        public void onTrade(PublicTrade trade, long localNs) {
        }

        @Override
        public void onBookTicker(BinanceBookTicker ticker, long localNs) {
        }

        private void record(BookDelta d) {
            for (int i = 0; i < d.bidCount(); i++) {
                add(true, d.bidTicks()[i], d.bidLots()[i]);
            }
            for (int i = 0; i < d.askCount(); i++) {
                add(false, d.askTicks()[i], d.askLots()[i]);
            }
        }

        private void add(boolean isBid, long p, long s) {
            if (count == price.length) {
                bid = Arrays.copyOf(bid, count * 2);
                price = Arrays.copyOf(price, count * 2);
                size = Arrays.copyOf(size, count * 2);
            }
            bid[count] = isBid;
            price[count] = p;
            size[count] = s;
            count++;
        }
    }
}
