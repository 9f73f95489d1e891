package dev.ballast.connectors.backtest;

import dev.ballast.connectors.testing.RecordingSink;
import dev.ballast.core.Asset;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import dev.ballast.core.book.SequenceRule;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.PublicTrade;
import dev.ballast.core.time.ManualClock;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A backtest venue on a hand-built recording: books and trades made in the test, time moved by hand. Prices are in
 * ticks of 0.1 USDT (600_000 = 60 000.0), sizes in lots of 0.001 BTC. The recorded feed numbers its messages
 * sequentially. Single-threaded tests only.
 */
final class BacktestFixture {
    static final Asset BTC = Asset.of("BTC");
    static final Asset USDT = Asset.of("USDT");
    static final VenueId VENUE = VenueId.of("bt");
    static final Instrument BTC_USDT = new Instrument(new InstrumentId(VENUE, "BTCUSDT"), BTC, USDT,
            new BigDecimal("0.1"), new BigDecimal("0.001"), new BigDecimal("10"));
    /** The recording's start, epoch ns. */
    static final long T0 = 1_723_161_600_000_000_000L;
    static final long ORDER_LATENCY_MS = 10;
    static final long CANCEL_LATENCY_MS = 5;
    static final BigDecimal MAKER_BPS = new BigDecimal("1");
    static final BigDecimal TAKER_BPS = new BigDecimal("5");
    static final Map<Asset, BigDecimal> BALANCES = Map.of(USDT, new BigDecimal("1000000"), BTC, new BigDecimal("10"));

    final ManualClock clock = new ManualClock(T0);
    final RecordingSink sink = new RecordingSink();
    final BacktestVenue venue;
    final Instrument instrument;
    private long nextUpdateId = 1_000;
    private int nextId;

    /** A started spot venue with the default fees, latencies and balances. */
    BacktestFixture() {
        this(spotConfig(ORDER_LATENCY_MS, CANCEL_LATENCY_MS));
    }

    BacktestFixture(BacktestVenueConfig config) {
        venue = new BacktestVenue(config, clock);
        instrument = config.instrument();
        venue.start(sink);
    }

    static BacktestVenueConfig spotConfig(long orderLatencyMs, long cancelLatencyMs) {
        return BacktestVenueConfig.spot(BTC_USDT, SequenceRule.SEQUENTIAL, MAKER_BPS, TAKER_BPS, orderLatencyMs,
                cancelLatencyMs, BALANCES);
    }

    // ---------------------------------------------------------------- time

    /** Moves the clock and the venue to {@code ms} after {@link #T0}. */
    void atMs(long ms) {
        atNs(ms * 1_000_000L);
    }

    /** Moves the clock and the venue to {@code ns} after {@link #T0}. */
    void atNs(long ns) {
        clock.set(T0 + ns);
        venue.advanceTo(clock.nowNs());
    }

    // ---------------------------------------------------------------- the recording, at the clock's now

    /** A recorded snapshot; each level is {price ticks, lots}, best first. */
    void snapshot(long[][] bids, long[][] asks) {
        long[] bt = new long[bids.length];
        long[] bl = new long[bids.length];
        long[] at = new long[asks.length];
        long[] al = new long[asks.length];
        for (int i = 0; i < bids.length; i++) {
            bt[i] = bids[i][0];
            bl[i] = bids[i][1];
        }
        for (int i = 0; i < asks.length; i++) {
            at[i] = asks[i][0];
            al[i] = asks[i][1];
        }
        venue.onMarketEvent(new BookSnapshot(instrument.id(), ++nextUpdateId, bt, bl, bids.length, at, al, asks.length,
                clock.nowNs()));
    }

    /**
     * The standard book, in lots: bids 600 000 x 10, 599 999 x 20, 599 998 x 30; asks 600 001 x 10, 600 002 x 20,
     * 600 003 x 30.
     */
    void standardBook() {
        snapshot(new long[][] {{600_000, 10}, {599_999, 20}, {599_998, 30}},
                new long[][] {{600_001, 10}, {600_002, 20}, {600_003, 30}});
    }

    /** A recorded delta that sets one level (0 removes it). */
    void level(Side side, long priceTicks, long lots) {
        long[] t = {priceTicks};
        long[] l = {lots};
        long[] none = new long[0];
        long id = ++nextUpdateId;
        BookDelta d = side == Side.BUY
                ? new BookDelta(instrument.id(), id, id, id - 1, t, l, 1, none, none, 0, clock.nowNs())
                : new BookDelta(instrument.id(), id, id, id - 1, none, none, 0, t, l, 1, clock.nowNs());
        venue.onMarketEvent(d);
    }

    /** Skips one recorded update id: the next delta will not chain on. */
    void loseOneUpdate() {
        nextUpdateId++;
    }

    /** A recorded trade; {@code aggressor} took liquidity. */
    void trade(long priceTicks, long lots, Side aggressor) {
        venue.onMarketEvent(new PublicTrade(instrument.id(), priceTicks, lots, aggressor, clock.nowNs()));
    }

    // ---------------------------------------------------------------- our orders, sent at the clock's now

    OrderRequest postOnly(Side side, long priceTicks, long lots) {
        return send(new OrderRequest(nextId(), instrument.id(), side, OrderType.LIMIT_POST_ONLY,
                instrument.ticksToPrice(priceTicks), instrument.lotsToSize(lots)));
    }

    OrderRequest ioc(Side side, long limitTicks, long lots) {
        return send(new OrderRequest(nextId(), instrument.id(), side, OrderType.LIMIT_IOC,
                instrument.ticksToPrice(limitTicks), instrument.lotsToSize(lots)));
    }

    OrderRequest market(Side side, long lots) {
        return send(new OrderRequest(nextId(), instrument.id(), side, OrderType.MARKET, null,
                instrument.lotsToSize(lots)));
    }

    void cancel(OrderRequest order) {
        venue.cancel(instrument.id(), order.clientOrderId());
    }

    private OrderRequest send(OrderRequest request) {
        venue.place(request);
        return request;
    }

    ClientOrderId nextId() {
        return new ClientOrderId("t-" + nextId++);
    }

    // ---------------------------------------------------------------- what came back

    List<Fill> fills(OrderRequest order) {
        return sink.forOrder(order.clientOrderId()).stream().filter(OrderFilled.class::isInstance)
                .map(e -> ((OrderFilled) e).fill()).toList();
    }

    /** The lots of each fill of {@code order}, in order. */
    List<Long> fillLots(OrderRequest order) {
        return fills(order).stream().map(f -> instrument.sizeToLots(f.size())).toList();
    }
}
