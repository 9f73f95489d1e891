package dev.ballast.connectors.backtest;

import java.util.Optional;
import dev.ballast.core.OrderReport;
import dev.ballast.connectors.OrderHistory;
import dev.ballast.connectors.Venue;
import dev.ballast.core.Asset;
import dev.ballast.core.Balance;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.FeeSchedule;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Liquidity;
import dev.ballast.core.OpenOrder;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueId;
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.book.ApplyResult;
import dev.ballast.core.book.OrderBook;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.CancelRejected;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.EventSink;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.PublicTrade;
import dev.ballast.core.event.RejectReason;
import dev.ballast.core.time.Clock;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A venue that replays one recorded market into the engine on the simulated clock, and fills our orders against
 * it. There is no synthetic market: the replay driver pushes the recording in ({@link #onMarketEvent}) and moves
 * time ({@link #advanceTo}); the engine trades through the {@link Venue} methods as it would live.
 *
 * <h2>What the engine sees</h2>
 * The venue forwards the recording to the sink given to {@link #start}, so the engine sees exactly the market the
 * fills are decided on — the driver must not forward book or trade events itself. Trades are forwarded as they
 * are. The book is republished ({@link PublishedBook}): the recorded book plus our resting orders at their prices,
 * as a live venue's L2 includes our orders; numbered afresh with {@code U = u = previous + 1}, so <b>the engine's
 * book for this venue must use {@link dev.ballast.core.book.SequenceRule#SEQUENTIAL}</b> whatever the recording's
 * rule (which this venue checks itself: {@link BacktestVenueConfig#sequenceRule()}). Before its first snapshot the
 * venue publishes no book; a gap in the recording is passed on as a gap (quotes are pulled, as live) and the book is
 * republished from the next recorded snapshot. An order of ours that the recorded other side has reached (the
 * recording's best ask at or below our bid) is left out of the published book until it fills, is cancelled or the
 * market moves back, so the published book is never crossed by our own orders.
 *
 * <h2>Fills</h2>
 * <ul>
 *   <li><b>Our orders do not move the recorded market.</b> The recording's trades and depth are facts: our resting
 *       orders do not absorb recorded trades, our taker orders do not remove recorded liquidity (two IOCs in a row
 *       can take the same level), and nobody reacts to our quotes.</li>
 *   <li>Resting (post-only) orders fill <em>only</em> when recorded trades print at or through their price, with a
 *       queue position: the rules are {@link RestingOrders}'. Maker fee.</li>
 *   <li>IOC and market orders walk the recorded book of the moment they arrive, best level first, each level
 *       a fill at its price; an IOC stops at its limit. Taker fee. What is left is cancelled at once
 *       ("ioc expired", "market order: book exhausted"). They never trade with our own resting orders.</li>
 * </ul>
 *
 * <h2>Orders, latency, checks</h2>
 * {@link #place} and {@link #requestSnapshot} reach the venue {@code orderLatencyMs} after the clock's now,
 * {@link #cancel} and {@link #cancelAll} {@code cancelLatencyMs} after; answers come back at once. Commands travel
 * in one ordered session: none overtakes one sent before it (so a cancel sent after an order, with a shorter
 * latency, arrives right after that order, not before). A command is handled at its arrival time, as soon as the
 * driver moves the venue there; a recorded event at exactly that time comes after it (an order sent at t takes
 * part in a trade at t + orderLatency, not in one at t + orderLatency − 1 ns). Fills keep happening while a cancel
 * is in flight. A new order is checked in this order: our instrument, a client order id never accepted here
 * before ("duplicate client order id"), size on the lot grid and price on the tick grid ({@code INVALID_ORDER}); a
 * recorded book to trade against ({@code VENUE_UNAVAILABLE}); minimum notional ({@code MIN_NOTIONAL}, a market
 * order at the best price it would take; notional per {@link ContractType}); a post-only order must not cross the
 * recorded book or our own orders on the other side ({@code POST_ONLY_WOULD_CROSS}); on spot, the free balance
 * ({@code INSUFFICIENT_BALANCE}). A market order with an empty other side is rejected ({@code OTHER}). A cancel of
 * an order that is not open is refused ({@code CancelRejected}, {@code UNKNOWN_ORDER}).
 *
 * <h2>Events</h2>
 * In venue order, stamped with the venue's time: {@code OrderAccepted}, then the order's fills, then the
 * {@code OrderCancelled} of an IOC or market remainder; a recorded trade is forwarded before the fills it causes,
 * and a {@code BookDelta} of the levels our orders changed comes after. A sink that refuses an event fails the run
 * ({@link IllegalStateException}): a backtest that loses events is wrong.
 *
 * <h2>Balances</h2>
 * Exact, per {@link ContractType}: spot with locks (a resting buy locks price × size × (1 + max(maker fee, 0)) of
 * the quote, a sell its size of the base; a taker buy needs limit × size × (1 + taker fee), a market buy the cost
 * of the liquidity it will take plus the fee); perpetuals as cash with no margin checks.
 *
 * <h2>Threads and determinism</h2>
 * Not thread-safe: the driver's calls and the engine's {@link Venue} calls must all come from the one replay thread
 * (checked with assertions), which is what makes a backtest deterministic. The venue reads no wall clock and draws
 * no random numbers: the same recording, clock moves and commands give the same events.
 */
public final class BacktestVenue implements Venue {
    private static final Logger LOG = LoggerFactory.getLogger(BacktestVenue.class);

    /** A command on its way to the venue. */
    private sealed interface Command {
        long arrivalNs();
    }

    private record Place(OrderRequest request, long arrivalNs) implements Command {
    }

    private record Cancel(InstrumentId instrument, ClientOrderId clientOrderId, long arrivalNs) implements Command {
    }

    private record CancelAll(long arrivalNs) implements Command {
    }

    private record SnapshotRequest(long arrivalNs) implements Command {
    }

    private final OrderHistory history = new OrderHistory();
    private final BacktestVenueConfig config;
    private final Clock clock;
    private final Instrument instrument;
    private final InstrumentId instrumentId;
    private final Contract contract;
    private final long orderLatencyNs;
    private final long cancelLatencyNs;
    private final OrderBook recorded;
    private final RestingOrders resting = new RestingOrders();
    private final PublishedBook published;
    private final Account account;
    private final Map<ClientOrderId, BacktestOrder> open = new LinkedHashMap<>();
    private final Set<ClientOrderId> acceptedIds = new HashSet<>();
    private final ArrayDeque<Command> pending = new ArrayDeque<>();
    private final RestingOrders.FillHandler makerFills = this::onMakerFill;
    private Thread owner;

    private EventSink sink;
    private boolean closed;
    private long lastArrivalNs = Long.MIN_VALUE;
    private long nowNs = Long.MIN_VALUE;
    private long nextOrderNumber = 1;
    private long nextTradeNumber = 1;
    private long nextSequence = 1;
    private long[] planTicks = new long[16];
    private long[] planLots = new long[16];

    private long gaps;
    private long ignoredDeltas;
    private long makerFillCount;
    private long takerFillCount;

    /**
     * @param clock the backtest's clock: commands are stamped with its now when sent
     */
    public BacktestVenue(BacktestVenueConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.instrument = config.instrument();
        this.instrumentId = instrument.id();
        FeeSchedule fees = new FeeSchedule(config.makerFeeBps().movePointLeft(4),
                config.takerFeeBps().movePointLeft(4));
        this.contract = new Contract(instrument, config.contractType(), config.contractMultiplier(), fees);
        this.orderLatencyNs = Math.multiplyExact(config.orderLatencyMs(), 1_000_000L);
        this.cancelLatencyNs = Math.multiplyExact(config.cancelLatencyMs(), 1_000_000L);
        this.recorded = new OrderBook(instrument, config.sequenceRule());
        this.published = new PublishedBook(instrumentId);
        this.account = new Account(config.balances(), List.of(instrument.base(), instrument.quote()),
                !contract.isSpot());
    }

    // ---------------------------------------------------------------- Venue

    @Override
    public VenueId id() {
        return config.id();
    }

    public BacktestVenueConfig config() {
        return config;
    }

    @Override
    public List<Instrument> instruments() {
        return List.of(instrument);
    }

    /** @throws IllegalArgumentException for an instrument this venue does not trade */
    @Override
    public FeeSchedule fees(InstrumentId instrument) {
        requireOurs(instrument);
        return contract.fees();
    }

    /** Our balances now (total = free + locked), in asset order. */
    @Override
    public Map<Asset, Balance> balances() {
        assert onOwnerThread();
        return account.view();
    }

    /** Our resting orders now, oldest first. */
    @Override
    public List<OpenOrder> openOrders() {
        assert onOwnerThread();
        List<OpenOrder> out = new ArrayList<>(open.size());
        open.values().forEach(o -> out.add(o.toOpenOrder(instrument)));
        return Collections.unmodifiableList(out);
    }

    /** What became of one of our orders, as this venue saw it (any thread). */
    @Override
    public Optional<OrderReport> orderStatus(InstrumentId instrument, ClientOrderId clientOrderId) {
        return history.report(clientOrderId).filter(r -> r.instrument().equals(instrument));
    }

    /** Our fills on {@code instrument} after {@code afterExclusive} (all when null), oldest first (any thread). */
    @Override
    public List<Fill> tradesSince(InstrumentId instrument, TradeId afterExclusive) {
        return history.fillsSince(instrument, afterExclusive);
    }

    /**
     * Subscribes {@code sink} to the book, the trades and our order events. When the recorded book is already
     * synced, its snapshot (with our orders) is published at once.
     *
     * @throws IllegalStateException if already started or closed
     */
    @Override
    public void start(EventSink sink) {
        Objects.requireNonNull(sink, "sink");
        assert onOwnerThread();
        if (closed) {
            throw new IllegalStateException(config.id() + ": closed");
        }
        if (this.sink != null) {
            throw new IllegalStateException(config.id() + ": already started");
        }
        this.sink = sink;
        if (recorded.isValid()) {
            emit(published.snapshotOf(recorded, resting, Math.max(nowNs, clock.nowNs())));
        }
    }

    /**
     * Asks for a snapshot: one order latency later, the recorded book with our orders is published (if the
     * recording is in a gap, the next recorded snapshot answers).
     *
     * @throws IllegalArgumentException for an instrument this venue does not trade
     * @throws IllegalStateException    before {@link #start} or after {@link #close}
     */
    @Override
    public void requestSnapshot(InstrumentId instrument) {
        requireOurs(instrument);
        requireOpen();
        send(new SnapshotRequest(arrival(orderLatencyNs)));
    }

    /** @throws IllegalStateException before {@link #start} or after {@link #close} */
    @Override
    public void place(OrderRequest request) {
        Objects.requireNonNull(request, "request");
        requireOpen();
        send(new Place(request, arrival(orderLatencyNs)));
    }

    /** @throws IllegalStateException before {@link #start} or after {@link #close} */
    @Override
    public void cancel(InstrumentId instrument, ClientOrderId clientOrderId) {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        requireOpen();
        send(new Cancel(instrument, clientOrderId, arrival(cancelLatencyNs)));
    }

    /** @throws IllegalStateException before {@link #start} or after {@link #close} */
    @Override
    public void cancelAll() {
        requireOpen();
        send(new CancelAll(arrival(cancelLatencyNs)));
    }

    /** Stops all events to the sink. The recording can still be pushed in; orders are left as they are. */
    @Override
    public void close() {
        closed = true;
    }

    // ---------------------------------------------------------------- driven by the replay

    /**
     * Moves the venue to {@code nowNs}: handles, in the order sent, every command that has arrived by then, each at
     * its arrival time.
     *
     * @throws IllegalArgumentException if {@code nowNs} is before a time the venue has already reached
     */
    public void advanceTo(long nowNs) {
        assert onOwnerThread();
        if (nowNs < this.nowNs) {
            throw new IllegalArgumentException(config.id() + ": cannot move back in time (" + nowNs + " < "
                    + this.nowNs + ")");
        }
        while (!pending.isEmpty() && pending.peekFirst().arrivalNs() <= nowNs) {
            Command command = pending.pollFirst();
            this.nowNs = Math.max(this.nowNs, command.arrivalNs());
            run(command);
            flushOwnLevels();
        }
        this.nowNs = nowNs;
    }

    /**
     * Feeds the next recorded event of this venue's instrument: a {@link BookSnapshot}, {@link BookDelta} or
     * {@link PublicTrade}, in recorded order. The venue first handles the commands due by the event's time (as
     * {@link #advanceTo}); an event stamped before the venue's time is taken to happen at the venue's time.
     *
     * @throws IllegalArgumentException for another instrument's event, an event that is not market data, or a
     *                                  malformed book (negative size, price <= 0)
     */
    public void onMarketEvent(Event event) {
        Objects.requireNonNull(event, "event");
        advanceTo(Math.max(nowNs, event.timestampNs()));
        if (event instanceof BookDelta d) {
            requireOurs(d.instrument());
            onRecordedDelta(d);
        } else if (event instanceof PublicTrade t) {
            requireOurs(t.instrument());
            onRecordedTrade(t);
        } else if (event instanceof BookSnapshot s) {
            requireOurs(s.instrument());
            onRecordedSnapshot(s);
        } else {
            throw new IllegalArgumentException(config.id() + ": not market data: " + event);
        }
    }

    /** When the next command in flight arrives, {@link Long#MAX_VALUE} when none is: a driver may wake then. */
    public long nextCommandArrivalNs() {
        Command next = pending.peekFirst();
        return next == null ? Long.MAX_VALUE : next.arrivalNs();
    }

    /** The venue's time: the last time it was moved to. */
    public long nowNs() {
        return nowNs;
    }

    /** Recorded deltas that did not chain on (each invalidates the book until the next recorded snapshot). */
    public long gaps() {
        return gaps;
    }

    /** Recorded deltas ignored: older than the book, or before the first snapshot / after a gap. */
    public long ignoredDeltas() {
        return ignoredDeltas;
    }

    /** Fills of our resting orders so far. */
    public long makerFillCount() {
        return makerFillCount;
    }

    /** Fills of our IOC and market orders so far (one per recorded level taken). */
    public long takerFillCount() {
        return takerFillCount;
    }

    // ---------------------------------------------------------------- the recording

    private void onRecordedSnapshot(BookSnapshot s) {
        rememberLevelsBefore();
        recorded.applySnapshot(s);
        for (BacktestOrder o : open.values()) {
            RestingOrders.onDepthChange(o, o.levelLotsBefore, recorded.sizeLotsAtPrice(o.side, o.priceTicks));
        }
        updateShown();
        if (isStreaming()) {
            emit(published.snapshotOf(s, resting, nowNs));
        }
    }

    private void onRecordedDelta(BookDelta d) {
        rememberLevelsBefore();
        ApplyResult result = recorded.applyDelta(d);
        switch (result) {
            case APPLIED -> {
                for (BacktestOrder o : open.values()) {
                    if (touches(d, o)) {
                        RestingOrders.onDepthChange(o, o.levelLotsBefore,
                                recorded.sizeLotsAtPrice(o.side, o.priceTicks));
                    }
                }
                updateShown();
                if (isStreaming()) {
                    emit(published.delta(d, recorded, resting, nowNs));
                }
            }
            case GAP -> {
                gaps++;
                LOG.warn("{}: recorded book gap at update {}..{}; book invalid until the next snapshot", config.id(),
                        d.firstUpdateId(), d.lastUpdateId());
                if (isStreaming()) {
                    emit(published.gap(nowNs));
                }
            }
            default -> ignoredDeltas++;
        }
    }

    private void onRecordedTrade(PublicTrade t) {
        if (isStreaming()) {
            emit(t.timestampNs() == nowNs ? t : new PublicTrade(t.instrument(), t.priceTicks(), t.sizeLots(),
                    t.aggressor(), nowNs));
        }
        if (!resting.isEmpty()) {
            resting.onTrade(t.priceTicks(), t.sizeLots(), t.aggressor(), makerFills);
            flushOwnLevels();
        }
    }

    private void rememberLevelsBefore() {
        for (BacktestOrder o : open.values()) {
            o.levelLotsBefore = recorded.sizeLotsAtPrice(o.side, o.priceTicks);
        }
    }

    private static boolean touches(BookDelta d, BacktestOrder o) {
        long[] ticks = o.side == Side.BUY ? d.bidTicks() : d.askTicks();
        int count = o.side == Side.BUY ? d.bidCount() : d.askCount();
        for (int i = 0; i < count; i++) {
            if (ticks[i] == o.priceTicks) {
                return true;
            }
        }
        return false;
    }

    /** Hides our orders the recorded other side has reached, shows them again when it has left. */
    private void updateShown() {
        if (!recorded.isValid() || open.isEmpty()) {
            return;
        }
        long bestBid = recorded.bestBidTicks();
        long bestAsk = recorded.bestAskTicks();
        for (BacktestOrder o : open.values()) {
            boolean shown = o.side == Side.BUY ? bestAsk == OrderBook.NO_PRICE || o.priceTicks < bestAsk
                    : bestBid == OrderBook.NO_PRICE || o.priceTicks > bestBid;
            if (shown != o.shown) {
                o.shown = shown;
                published.markDirty(o.side, o.priceTicks);
            }
        }
    }

    private void onMakerFill(BacktestOrder o, long lots) {
        BigDecimal released = o.fill(lots);
        account.unlock(contract.lockAsset(o.side), released);
        if (o.isFilled()) {
            open.remove(o.clientOrderId);
        }
        published.markDirty(o.side, o.priceTicks);
        makerFillCount++;
        settle(o.clientOrderId, o.venueOrderId, o.side, o.price, lots, Liquidity.MAKER);
    }

    // ---------------------------------------------------------------- commands

    private void run(Command command) {
        if (command instanceof Place p) {
            handlePlace(p.request());
        } else if (command instanceof Cancel c) {
            handleCancel(c.instrument(), c.clientOrderId());
        } else if (command instanceof CancelAll) {
            for (BacktestOrder o : new ArrayList<>(open.values())) {
                cancelResting(o, "cancel all");
            }
        } else if (command instanceof SnapshotRequest && recorded.isValid()) {
            emit(published.snapshotOf(recorded, resting, nowNs));
        }
    }

    private void handlePlace(OrderRequest r) {
        history.onPlaced(r, nowNs);
        if (!r.instrument().equals(instrumentId)) {
            reject(r, RejectReason.INVALID_ORDER, "unknown instrument " + r.instrument());
            return;
        }
        if (acceptedIds.contains(r.clientOrderId())) {
            reject(r, RejectReason.INVALID_ORDER, "duplicate client order id");
            return;
        }
        long lots = multipleOf(r.size(), instrument.lotSize());
        if (lots <= 0) {
            reject(r, RejectReason.INVALID_ORDER, "size " + r.size().toPlainString() + " is not a positive multiple of "
                    + instrument.lotSize().toPlainString());
            return;
        }
        long priceTicks = 0;
        if (r.type() != OrderType.MARKET) {
            priceTicks = multipleOf(r.price(), instrument.tickSize());
            if (priceTicks <= 0) {
                reject(r, RejectReason.INVALID_ORDER, "price " + r.price().toPlainString()
                        + " is not a positive multiple of " + instrument.tickSize().toPlainString());
                return;
            }
        }
        if (!recorded.isValid()) {
            reject(r, RejectReason.VENUE_UNAVAILABLE, "no recorded book to trade against");
            return;
        }
        if (r.type() == OrderType.LIMIT_POST_ONLY) {
            placePostOnly(r, priceTicks, lots);
        } else {
            placeTaker(r, priceTicks, lots);
        }
    }

    private void placePostOnly(OrderRequest r, long priceTicks, long lots) {
        Side side = r.side();
        if (!contract.meetsMinNotional(r.price(), r.size())) {
            rejectMinNotional(r, r.price());
            return;
        }
        if (crosses(side, priceTicks)) {
            reject(r, RejectReason.POST_ONLY_WOULD_CROSS, "post-only order would cross the book");
            return;
        }
        BigDecimal lockPerLot = contract.restingLock(side, r.price(), instrument.lotSize());
        BigDecimal lock = lockPerLot.multiply(BigDecimal.valueOf(lots));
        Asset lockAsset = contract.lockAsset(side);
        if (contract.isSpot() && account.free(lockAsset).compareTo(lock) < 0) {
            rejectBalance(r, lock, lockAsset);
            return;
        }
        BacktestOrder order = new BacktestOrder(r.clientOrderId(), nextVenueOrderId(), side, priceTicks,
                instrument.ticksToPrice(priceTicks), lots, nextSequence++, lockPerLot);
        acceptedIds.add(order.clientOrderId);
        account.lock(lockAsset, lock);
        open.put(order.clientOrderId, order);
        emit(new OrderAccepted(instrumentId, order.clientOrderId, order.venueOrderId, nowNs));
        resting.join(order, recorded.sizeLotsAtPrice(side, priceTicks));
        order.shown = true;
        published.markDirty(side, priceTicks);
    }

    /** Whether a post-only order at this price would take liquidity: the recorded book's or our own. */
    private boolean crosses(Side side, long priceTicks) {
        long recordedOther = side == Side.BUY ? recorded.bestAskTicks() : recorded.bestBidTicks();
        if (recordedOther != OrderBook.NO_PRICE
                && (side == Side.BUY ? recordedOther <= priceTicks : recordedOther >= priceTicks)) {
            return true;
        }
        List<BacktestOrder> ours = resting.side(side.opposite());
        if (ours.isEmpty()) {
            return false;
        }
        long ownOther = ours.get(0).priceTicks;
        return side == Side.BUY ? ownOther <= priceTicks : ownOther >= priceTicks;
    }

    private void placeTaker(OrderRequest r, long limitTicks, long lots) {
        Side side = r.side();
        boolean ioc = r.type() == OrderType.LIMIT_IOC;
        int levels = plan(side, ioc ? limitTicks : (side == Side.BUY ? Long.MAX_VALUE : Long.MIN_VALUE), lots);
        BigDecimal referencePrice;
        if (ioc) {
            referencePrice = r.price();
        } else if (levels > 0) {
            referencePrice = instrument.ticksToPrice(planTicks[0]);
        } else {
            reject(r, RejectReason.OTHER, "no liquidity for a market order");
            return;
        }
        if (!contract.meetsMinNotional(referencePrice, r.size())) {
            rejectMinNotional(r, referencePrice);
            return;
        }
        if (contract.isSpot()) {
            Asset payAsset = contract.lockAsset(side);
            BigDecimal needed;
            if (side == Side.SELL) {
                needed = r.size();
            } else if (ioc) {
                needed = contract.takerBuyNeeds(r.price().multiply(r.size()));
            } else {
                BigDecimal cost = BigDecimal.ZERO;
                for (int i = 0; i < levels; i++) {
                    cost = cost.add(instrument.ticksToPrice(planTicks[i]).multiply(instrument.lotsToSize(planLots[i])));
                }
                needed = contract.takerBuyNeeds(cost);
            }
            if (account.free(payAsset).compareTo(needed) < 0) {
                rejectBalance(r, needed, payAsset);
                return;
            }
        }
        VenueOrderId venueOrderId = nextVenueOrderId();
        acceptedIds.add(r.clientOrderId());
        emit(new OrderAccepted(instrumentId, r.clientOrderId(), venueOrderId, nowNs));
        long filled = 0;
        for (int i = 0; i < levels; i++) {
            takerFillCount++;
            settle(r.clientOrderId(), venueOrderId, side, instrument.ticksToPrice(planTicks[i]), planLots[i],
                    Liquidity.TAKER);
            filled += planLots[i];
        }
        if (filled < lots) {
            emit(new OrderCancelled(instrumentId, r.clientOrderId(),
                    ioc ? "ioc expired" : "market order: book exhausted", nowNs));
        }
    }

    /**
     * Walks the recorded side a taker on {@code side} consumes, up to {@code limitTicks}, for {@code lots}, into
     * {@link #planTicks}/{@link #planLots}. Reads levels by index: O(levels²), for the few levels an order takes.
     *
     * @return the number of levels taken
     */
    private int plan(Side side, long limitTicks, long lots) {
        Side bookSide = side.opposite();
        long remaining = lots;
        int n = 0;
        for (int i = 0; remaining > 0; i++) {
            long price = recorded.priceTicksAt(bookSide, i);
            if (price == OrderBook.NO_PRICE || (side == Side.BUY ? price > limitTicks : price < limitTicks)) {
                break;
            }
            long take = Math.min(remaining, recorded.sizeLotsAt(bookSide, i));
            if (n == planTicks.length) {
                planTicks = Arrays.copyOf(planTicks, n * 2);
                planLots = Arrays.copyOf(planLots, n * 2);
            }
            planTicks[n] = price;
            planLots[n] = take;
            n++;
            remaining -= take;
        }
        return n;
    }

    private void handleCancel(InstrumentId instrument, ClientOrderId clientOrderId) {
        BacktestOrder order = instrument.equals(instrumentId) ? open.get(clientOrderId) : null;
        if (order == null) {
            emit(new CancelRejected(instrument, clientOrderId, RejectReason.UNKNOWN_ORDER,
                    "unknown or finished order", nowNs));
            return;
        }
        cancelResting(order, "cancelled");
    }

    private void cancelResting(BacktestOrder order, String reason) {
        resting.remove(order);
        open.remove(order.clientOrderId);
        account.unlock(contract.lockAsset(order.side), order.lockedForRemaining());
        published.markDirty(order.side, order.priceTicks);
        emit(new OrderCancelled(instrumentId, order.clientOrderId, reason, nowNs));
    }

    // ---------------------------------------------------------------- accounting and events

    /** Books one fill of ours and reports it. */
    private void settle(ClientOrderId clientOrderId, VenueOrderId venueOrderId, Side side, BigDecimal price, long lots,
                        Liquidity liquidity) {
        BigDecimal size = instrument.lotsToSize(lots);
        Contract.Settlement s = contract.settle(side, price, size, liquidity);
        // the side that receives first, so a spot balance never dips below zero in between
        if (side == Side.BUY) {
            account.add(instrument.base(), s.baseDelta());
            account.add(instrument.quote(), s.quoteDelta());
        } else {
            account.add(instrument.quote(), s.quoteDelta());
            account.add(instrument.base(), s.baseDelta());
        }
        TradeId tradeId = new TradeId(config.id() + "-" + nextTradeNumber++);
        emit(new OrderFilled(new Fill(instrumentId, clientOrderId, venueOrderId, tradeId, side, price, size, s.fee(),
                s.feeAsset(), liquidity, nowNs)));
    }

    /** Publishes the levels our orders changed, if the book is being published. */
    private void flushOwnLevels() {
        if (published.hasDirty() && isStreaming() && recorded.isValid()) {
            emit(published.delta(null, recorded, resting, nowNs));
        }
    }

    private void reject(OrderRequest r, RejectReason reason, String message) {
        emit(new OrderRejected(r.instrument(), r.clientOrderId(), reason, message, nowNs));
    }

    private void rejectMinNotional(OrderRequest r, BigDecimal price) {
        reject(r, RejectReason.MIN_NOTIONAL, "notional " + contract.notionalQuote(price, r.size()).toPlainString()
                + " below " + instrument.minNotional().toPlainString());
    }

    private void rejectBalance(OrderRequest r, BigDecimal needed, Asset asset) {
        reject(r, RejectReason.INSUFFICIENT_BALANCE, "needs " + needed.toPlainString() + " " + asset + ", free "
                + account.free(asset).toPlainString());
    }

    private boolean isStreaming() {
        return sink != null && !closed;
    }

    private void emit(Event event) {
        history.onEvent(event);
        if (!isStreaming()) {
            return;
        }
        if (!sink.offer(event)) {
            throw new IllegalStateException(config.id() + ": the sink refused " + event.getClass().getSimpleName()
                    + " at " + nowNs + "; a backtest must not lose events (drain the engine's inbox more often)");
        }
    }

    private void send(Command command) {
        assert onOwnerThread();
        pending.addLast(command);
    }

    /** The arrival time of a command sent now with {@code latencyNs}: never before the one sent before it. */
    private long arrival(long latencyNs) {
        long arrival = Math.max(clock.nowNs() + latencyNs, lastArrivalNs);
        lastArrivalNs = arrival;
        return arrival;
    }

    private VenueOrderId nextVenueOrderId() {
        return new VenueOrderId(config.id() + "-" + nextOrderNumber++);
    }

    private void requireOurs(InstrumentId id) {
        Objects.requireNonNull(id, "instrument");
        if (!id.equals(instrumentId)) {
            throw new IllegalArgumentException(config.id() + " replays " + instrumentId + ", not " + id);
        }
    }

    private void requireOpen() {
        if (sink == null) {
            throw new IllegalStateException(config.id() + ": not started");
        }
        if (closed) {
            throw new IllegalStateException(config.id() + ": closed");
        }
    }

    /** The calling thread is the one that first used this venue (checked with assertions only). */
    private boolean onOwnerThread() {
        Thread current = Thread.currentThread();
        if (owner == null) {
            owner = current;
        }
        return owner == current;
    }

    /** The number of {@code step}s in {@code value}, or -1 when it is not a whole (long) number of them. */
    private static long multipleOf(BigDecimal value, BigDecimal step) {
        BigDecimal[] qr = value.divideAndRemainder(step);
        if (qr[1].signum() != 0 || qr[0].compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return -1;
        }
        return qr[0].longValueExact();
    }
}
