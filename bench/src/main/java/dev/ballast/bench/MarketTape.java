package dev.ballast.bench;

import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.Side;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.PublicTrade;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A pre-generated, replayable tape of market events for the engine benchmarks: L2 book deltas and public
 * trades on several markets, with slots where the harness fills one of our resting quotes. Built once, in
 * setup; replayed in a loop. Each market's deltas carry SEQUENTIAL update ids that chain from its opening
 * snapshot, so a replay reloads the {@link #openingSnapshots()} at the start of every lap and the ids chain
 * again.
 *
 * <h2>The market</h2>
 * Each market's book is 20 levels a side on a grid of {@code levelStepPrice}, one step wide at the touch.
 * Every asset has one random walk of its price in those steps (a step with probability 1/4 per delta of one
 * of its markets, pulled back towards the start beyond a few dozen steps); each market's touch follows it
 * one step per delta, so the venues of one asset stay within a step or two of each other. A delta is that
 * touch move when there is one (the new best level in, the deepest level of that side out, the old best of
 * the other side out, a new deepest level of that side in: 4 level changes) plus 1 or 2 size changes at
 * levels near the touch. A public trade prints at the touch. Which market the next event belongs to is
 * drawn uniformly; the events are {@code eventGapNs} apart in venue time.
 *
 * <p>Immutable after construction; the events are shared, never mutated.
 */
final class MarketTape {
    static final byte BOOK = 0;
    static final byte TRADE = 1;
    static final byte FILL = 2;

    private static final int LEVELS = 20;
    private static final long FIRST_UPDATE_ID = 1_000_000;

    /** One market on the tape. */
    record MarketSpec(Instrument instrument, double startPrice, double levelStepPrice, long levelLots) {
        MarketSpec {
            Objects.requireNonNull(instrument, "instrument");
            if (!(startPrice > 0) || !(levelStepPrice > 0) || levelLots <= 0) {
                throw new IllegalArgumentException(instrument.id() + ": start price, level step and level lots must be > 0");
            }
        }
    }

    private final List<MarketSpec> markets;
    private final Event[] events;
    private final byte[] kinds;
    private final int[] fillMarket;
    private final long[] offsetNs;
    private final BookSnapshot[] openingSnapshots;
    private final long spanNs;
    private final int bookDeltas;
    private final int trades;
    private final int fills;
    private final long levelChanges;
    private final int touchMoves;

    /**
     * @param length            events on the tape, fill slots included
     * @param tradeShare        the share of market events (book + trade) that are public trades
     * @param bookDeltasPerFill a fill slot follows every this many book deltas; 0 = no fill slots. Fill slots
     *                          cycle through the markets; which side is filled is the harness's choice
     * @param eventGapNs        venue time between consecutive events
     */
    MarketTape(List<MarketSpec> markets, int length, double tradeShare, int bookDeltasPerFill, long eventGapNs,
               long seed) {
        if (length <= 0 || !(tradeShare >= 0 && tradeShare < 1) || bookDeltasPerFill < 0 || eventGapNs <= 0) {
            throw new IllegalArgumentException("bad tape parameters");
        }
        this.markets = List.copyOf(markets);
        int n = this.markets.size();
        SplittableRandom random = new SplittableRandom(seed);
        BookGenerator[] books = new BookGenerator[n];
        Map<Asset, int[]> walks = new HashMap<>();
        openingSnapshots = new BookSnapshot[n];
        for (int m = 0; m < n; m++) {
            MarketSpec spec = this.markets.get(m);
            books[m] = new BookGenerator(spec, walks.computeIfAbsent(spec.instrument().base(), a -> new int[1]), random);
            openingSnapshots[m] = books[m].snapshot();
        }

        events = new Event[length];
        kinds = new byte[length];
        fillMarket = new int[length];
        offsetNs = new long[length];
        int deltas = 0;
        int tradeCount = 0;
        int fillCount = 0;
        long changes = 0;
        int moves = 0;
        int sinceFill = 0;
        for (int i = 0; i < length; i++) {
            long t = (i + 1) * eventGapNs;
            offsetNs[i] = t;
            if (bookDeltasPerFill > 0 && sinceFill == bookDeltasPerFill) {
                sinceFill = 0;
                kinds[i] = FILL;
                fillMarket[i] = fillCount % n;
                fillCount++;
                continue;
            }
            BookGenerator book = books[random.nextInt(n)];
            if (random.nextDouble() < tradeShare) {
                kinds[i] = TRADE;
                events[i] = book.trade(t);
                tradeCount++;
            } else {
                kinds[i] = BOOK;
                BookDelta d = book.delta(t);
                events[i] = d;
                deltas++;
                sinceFill++;
                changes += d.bidCount() + d.askCount();
                moves += book.movedLast ? 1 : 0;
            }
        }
        spanNs = (length + 1) * eventGapNs;
        bookDeltas = deltas;
        trades = tradeCount;
        fills = fillCount;
        levelChanges = changes;
        touchMoves = moves;
    }

    int length() { return events.length; }
    /** {@link #BOOK}, {@link #TRADE} or {@link #FILL}. */
    byte kind(int i) { return kinds[i]; }
    /** The book delta or trade at {@code i}; null at a fill slot. */
    Event event(int i) { return events[i]; }
    /** At a fill slot: the index (in the market list) of the market whose quote to fill. */
    int fillMarket(int i) { return fillMarket[i]; }
    /** Venue time of event {@code i} from the start of its lap. */
    long offsetNs(int i) { return offsetNs[i]; }
    /** Venue time one lap takes. */
    long spanNs() { return spanNs; }
    /** Every market's book as it is at the start of a lap. */
    BookSnapshot[] openingSnapshots() { return openingSnapshots.clone(); }
    List<MarketSpec> markets() { return markets; }

    /** What the tape holds, for the report. */
    String describe() {
        return String.format("%,d events per lap: %,d book deltas (%.2f level changes each, %.1f%% move the touch), "
                        + "%,d public trades, %,d fill slots (one per %,d book deltas); %d markets; %.0f events/s of venue time",
                events.length, bookDeltas, (double) levelChanges / bookDeltas, 100.0 * touchMoves / bookDeltas, trades,
                fills, fills == 0 ? 0 : bookDeltas / fills, markets.size(), events.length / (spanNs / 1e9));
    }

    /** The mirror of one market's book while the tape is generated. */
    private static final class BookGenerator {
        private final MarketSpec spec;
        private final int[] assetWalk;
        private final SplittableRandom random;
        private final long stepTicks;
        private final long[] bidLots = new long[LEVELS];
        private final long[] askLots = new long[LEVELS];
        private long bestBid;
        private long offsetSteps;
        private long updateId = FIRST_UPDATE_ID;
        boolean movedLast;

        BookGenerator(MarketSpec spec, int[] assetWalk, SplittableRandom random) {
            this.spec = spec;
            this.assetWalk = assetWalk;
            this.random = random;
            Instrument i = spec.instrument();
            this.stepTicks = Math.max(1, Math.round(spec.levelStepPrice() / i.tickSizeDouble()));
            long mid = Math.round(spec.startPrice() / i.tickSizeDouble());
            this.bestBid = mid - stepTicks / 2;
            for (int k = 0; k < LEVELS; k++) {
                bidLots[k] = size();
                askLots[k] = size();
            }
        }

        long bestAsk() {
            return bestBid + stepTicks;
        }

        BookSnapshot snapshot() {
            long[] bt = new long[LEVELS];
            long[] at = new long[LEVELS];
            for (int k = 0; k < LEVELS; k++) {
                bt[k] = bestBid - k * stepTicks;
                at[k] = bestAsk() + k * stepTicks;
            }
            return new BookSnapshot(spec.instrument().id(), updateId, bt, bidLots.clone(), LEVELS, at,
                    askLots.clone(), LEVELS, 0);
        }

        PublicTrade trade(long t) {
            boolean buyerTakes = random.nextBoolean();
            long price = buyerTakes ? bestAsk() : bestBid;
            long lots = 1 + random.nextLong(Math.max(1, spec.levelLots() / 4));
            return new PublicTrade(spec.instrument().id(), price, lots, buyerTakes ? Side.BUY : Side.SELL, t);
        }

        BookDelta delta(long t) {
            LevelList bids = new LevelList();
            LevelList asks = new LevelList();
            if (random.nextInt(4) == 0) {
                // The asset's price takes a step, pulled back towards the start beyond a few dozen steps.
                double up = 0.5 - 0.25 * Math.tanh(assetWalk[0] / 50.0);
                assetWalk[0] += random.nextDouble() < up ? 1 : -1;
            }
            movedLast = offsetSteps != assetWalk[0];
            if (offsetSteps < assetWalk[0]) {
                moveUp(bids, asks);
            } else if (offsetSteps > assetWalk[0]) {
                moveDown(bids, asks);
            }
            int sizeChanges = 1 + random.nextInt(2);
            for (int c = 0; c < sizeChanges; c++) {
                int k = Math.min(LEVELS - 1, (int) (-Math.log(1 - random.nextDouble()) * 3));
                long lots = size();
                if (random.nextBoolean()) {
                    bidLots[k] = lots;
                    bids.add(bestBid - k * stepTicks, lots);
                } else {
                    askLots[k] = lots;
                    asks.add(bestAsk() + k * stepTicks, lots);
                }
            }
            updateId++;
            return new BookDelta(spec.instrument().id(), updateId, updateId, -1, bids.ticks(), bids.lots(), bids.count,
                    asks.ticks(), asks.lots(), asks.count, t);
        }

        /** The touch moves one step up: a new best bid, the deepest bid out, the best ask out, a new deepest ask. */
        private void moveUp(LevelList bids, LevelList asks) {
            bids.add(bestBid - (LEVELS - 1) * stepTicks, 0);
            asks.add(bestAsk(), 0);
            System.arraycopy(bidLots, 0, bidLots, 1, LEVELS - 1);
            System.arraycopy(askLots, 1, askLots, 0, LEVELS - 1);
            bestBid += stepTicks;
            offsetSteps++;
            bidLots[0] = size();
            askLots[LEVELS - 1] = size();
            bids.add(bestBid, bidLots[0]);
            asks.add(bestAsk() + (LEVELS - 1) * stepTicks, askLots[LEVELS - 1]);
        }

        /** The touch moves one step down: a new best ask, the deepest ask out, the best bid out, a new deepest bid. */
        private void moveDown(LevelList bids, LevelList asks) {
            asks.add(bestAsk() + (LEVELS - 1) * stepTicks, 0);
            bids.add(bestBid, 0);
            System.arraycopy(askLots, 0, askLots, 1, LEVELS - 1);
            System.arraycopy(bidLots, 1, bidLots, 0, LEVELS - 1);
            bestBid -= stepTicks;
            offsetSteps--;
            askLots[0] = size();
            bidLots[LEVELS - 1] = size();
            asks.add(bestAsk(), askLots[0]);
            bids.add(bestBid - (LEVELS - 1) * stepTicks, bidLots[LEVELS - 1]);
        }

        private long size() {
            return 1 + random.nextLong(2 * spec.levelLots());
        }
    }

    /** The level changes of one side of one delta, trimmed to size when done. */
    private static final class LevelList {
        private final long[] ticks = new long[8];
        private final long[] lots = new long[8];
        int count;

        void add(long priceTicks, long sizeLots) {
            ticks[count] = priceTicks;
            lots[count] = sizeLots;
            count++;
        }

        long[] ticks() {
            return Arrays.copyOf(ticks, count);
        }

        long[] lots() {
            return Arrays.copyOf(lots, count);
        }
    }
}
