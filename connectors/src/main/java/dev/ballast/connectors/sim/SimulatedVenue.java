package dev.ballast.connectors.sim;

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
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.CancelRejected;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.EventSink;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.PublicTrade;
import dev.ballast.core.event.RejectReason;
import dev.ballast.core.inbox.Inbox;
import dev.ballast.core.time.Clock;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated spot exchange: books of synthetic liquidity around its own mids (the shared {@link SimulatedMarket}
 * prices times this venue's dislocations), anonymous taker flow, our balances, and order entry with latency. Made by
 * {@link SimulatedMarket#addVenue}; the market's {@code doWork()} moves it through time.
 *
 * <p>Order entry. {@link #place}, {@link #cancel}, {@link #cancelAll}, {@link #requestSnapshot} and {@link #start}
 * only enqueue a command stamped to arrive {@code latencyMs} after the clock's now (one-way latency: events come
 * back at once). Commands are handled in the order sent, each at its arrival time; one that the driving thread
 * only sees after that time has passed is handled at once. A new order is checked in this order: known instrument
 * ({@code INVALID_ORDER}), client order id never accepted before on this venue ({@code INVALID_ORDER},
 * "duplicate client order id"), price and size on the tick and lot grid ({@code INVALID_ORDER}), minimum notional
 * ({@code MIN_NOTIONAL}, for a market order at the best price it would take), a post-only order must not cross
 * ({@code POST_ONLY_WOULD_CROSS}), free balance ({@code INSUFFICIENT_BALANCE}). Then: {@code OrderAccepted}; a
 * post-only order rests; an IOC or market order takes synthetic liquidity at once (taker fee), its fills followed
 * by {@code OrderCancelled} for any remainder ("ioc expired", "market order: book exhausted").
 *
 * <p>Balances are spot and exact. A resting buy locks {@code price × size × (1 + max(makerFee, 0))} of the quote
 * asset — the notional plus the largest fee it can be charged, so a fill never drives the free balance negative; a
 * resting sell locks its size of the base asset. Fees are charged in the quote asset on each fill:
 * {@code price × size × feeBps / 10 000}, exactly. Our own orders are part of the published book.
 *
 * <p>Threading: the {@link Venue} methods may be called from any thread (the engine's); they read immutable
 * configuration, an immutable account view republished after every change, or enqueue onto a lock-free bounded
 * queue. A full queue rejects the order or cancel at once ({@code RATE_LIMITED}). Everything else — books, orders,
 * balances, events to the sink — is owned by the single thread that calls {@link SimulatedMarket#doWork()}.
 */
public final class SimulatedVenue implements Venue {
    /** Commands that may be in flight to one venue before new ones are refused. */
    public static final int COMMAND_QUEUE_CAPACITY = 1 << 16;
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedVenue.class);

    private record AccountView(Map<Asset, Balance> balances, List<OpenOrder> openOrders) {
    }

    private final OrderHistory history = new OrderHistory();
    private final SimulatedVenueConfig config;
    private final SimulatedMarket market;
    private final Clock clock;
    private final long latencyNs;
    private final List<Instrument> instruments;
    private final Map<InstrumentId, Instrument> instrumentsById;
    private final BigDecimal makerRate;
    private final BigDecimal takerRate;
    private final BigDecimal buyLockMultiplier;
    private final FeeSchedule feeSchedule;

    // shared with the calling (engine) thread
    private final Inbox<Command.Stamped> commands = new Inbox<>(COMMAND_QUEUE_CAPACITY);
    private final AtomicReference<EventSink> sink = new AtomicReference<>();
    private volatile boolean closed;
    private volatile AccountView account;
    private final AtomicLong droppedEvents = new AtomicLong();

    // owned by the thread driving the simulation
    private final ArrayDeque<Command.Stamped> pending = new ArrayDeque<>();
    private long lastArrivalNs = Long.MIN_VALUE;
    private final Map<InstrumentId, SimBook> books = new LinkedHashMap<>();
    private final List<SimBook> bookList;
    private final Map<Asset, Dislocation> dislocations = new TreeMap<>();
    private final Ledger ledger;
    private final Map<ClientOrderId, RestingOrder> open = new LinkedHashMap<>();
    private final Set<ClientOrderId> acceptedIds = new HashSet<>();
    private final BookListener listener = new BookListener();
    /**
     * What this venue's order and trade ids start with: its start time (ms, base 36), so a venue started again — a
     * paper bot restarted on the same journal — never repeats an id an earlier one gave, as a real exchange never
     * does.
     */
    private final String idStem;
    private long nextOrderNumber = 1;
    private long nextTradeNumber = 1;
    private boolean streaming;
    private boolean accountChanged;
    private long nowNs;

    SimulatedVenue(SimulatedVenueConfig config, SimulatedMarket market, Clock clock, long seed, long stepMs,
                   long startNs) {
        this.config = Objects.requireNonNull(config, "config");
        this.market = market;
        this.clock = clock;
        this.latencyNs = config.latencyMs() * 1_000_000L;
        this.nowNs = startNs;
        this.idStem = Long.toString(Math.floorDiv(startNs, 1_000_000L), 36) + "-";
        this.makerRate = config.makerFeeBps().movePointLeft(4);
        this.takerRate = config.takerFeeBps().movePointLeft(4);
        this.buyLockMultiplier = BigDecimal.ONE.add(makerRate.max(BigDecimal.ZERO));
        this.feeSchedule = new FeeSchedule(makerRate, takerRate);

        List<Instrument> list = new ArrayList<>();
        Set<Asset> traded = new TreeSet<>();
        for (SimulatedMarketSpec spec : config.markets()) {
            Instrument instrument = spec.instrument();
            for (Asset asset : List.of(instrument.base(), instrument.quote())) {
                if (!market.isPriced(asset)) {
                    throw new IllegalArgumentException("venues." + config.id() + ".markets." + instrument.id().symbol()
                            + ": asset " + asset + " has no simulated price (add it to simulation.assets)");
                }
                traded.add(asset);
            }
            list.add(instrument);
        }
        this.instruments = List.copyOf(list);
        Map<InstrumentId, Instrument> byId = new LinkedHashMap<>();
        list.forEach(i -> byId.put(i.id(), i));
        this.instrumentsById = Collections.unmodifiableMap(byId);

        double dislocationStd = config.dislocationBps() / 10_000;
        for (Asset asset : traded) {
            if (!asset.equals(market.quoteAsset())) {
                dislocations.put(asset, new Dislocation(dislocationStd, config.dislocationHalfLifeMs(), stepMs,
                        new RandomStream(seed, "dislocation:" + config.id() + ":" + asset)));
            }
        }
        this.ledger = new Ledger(config.balances(), traded);
        for (SimulatedMarketSpec spec : config.markets()) {
            SimBook book = new SimBook(spec, seed, startNs);
            books.put(spec.instrument().id(), book);
            book.reprice(venueMid(spec.instrument()), listener);
            book.flush(startNs); // nobody is subscribed yet
        }
        this.bookList = List.copyOf(books.values());
        this.account = new AccountView(ledger.view(), List.of());
    }

    // ---------------------------------------------------------------- Venue: any thread

    @Override
    public VenueId id() {
        return config.id();
    }

    public SimulatedVenueConfig config() {
        return config;
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    /** @throws IllegalArgumentException for an instrument this venue does not trade */
    @Override
    public FeeSchedule fees(InstrumentId instrument) {
        requireKnown(instrument);
        return feeSchedule;
    }

    /** Our balances as of the last change the driving thread made (total = free + locked). */
    @Override
    public Map<Asset, Balance> balances() {
        return account.balances();
    }

    /** Our resting orders as of the last change the driving thread made, oldest first. */
    @Override
    public List<OpenOrder> openOrders() {
        return account.openOrders();
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
     * Subscribes {@code sink}: one latency later every book's snapshot arrives, then deltas, trades and our order
     * events.
     *
     * @throws IllegalStateException if already started or closed
     */
    @Override
    public void start(EventSink sink) {
        Objects.requireNonNull(sink, "sink");
        if (closed) {
            throw new IllegalStateException(config.id() + ": closed");
        }
        if (!this.sink.compareAndSet(null, sink)) {
            throw new IllegalStateException(config.id() + ": already started");
        }
        send(new Command.Start());
    }

    /** @throws IllegalArgumentException for an instrument this venue does not trade */
    @Override
    public void requestSnapshot(InstrumentId instrument) {
        requireKnown(instrument);
        requireOpen();
        send(new Command.Snapshot(instrument));
    }

    /** @throws IllegalStateException before {@link #start} or after {@link #close} */
    @Override
    public void place(OrderRequest request) {
        Objects.requireNonNull(request, "request");
        requireOpen();
        if (!send(new Command.Place(request))) {
            offerFromCaller(new OrderRejected(request.instrument(), request.clientOrderId(), RejectReason.RATE_LIMITED,
                    "simulated venue command queue full", clock.nowNs()));
        }
    }

    /** @throws IllegalStateException before {@link #start} or after {@link #close} */
    @Override
    public void cancel(InstrumentId instrument, ClientOrderId clientOrderId) {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        requireOpen();
        if (!send(new Command.Cancel(instrument, clientOrderId))) {
            offerFromCaller(new CancelRejected(instrument, clientOrderId, RejectReason.RATE_LIMITED,
                    "simulated venue command queue full", clock.nowNs()));
        }
    }

    /** @throws IllegalStateException before {@link #start} or after {@link #close} */
    @Override
    public void cancelAll() {
        requireOpen();
        send(new Command.CancelAll());
    }

    /** Stops all events to the sink; the venue's market keeps moving. Orders are left as they are. */
    @Override
    public void close() {
        closed = true;
    }

    /** Events the sink refused (inbox full) and that were therefore lost. */
    public long droppedEventCount() {
        return droppedEvents.get();
    }

    private boolean send(Command command) {
        boolean sent = commands.offer(new Command.Stamped(command, clock.nowNs() + latencyNs));
        if (!sent) {
            LOG.warn("{}: command queue full, dropped {}", config.id(), command);
        }
        return sent;
    }

    private void offerFromCaller(Event event) {
        if (!sink.get().offer(event)) {
            droppedEvents.incrementAndGet();
        }
    }

    private void requireOpen() {
        if (sink.get() == null) {
            throw new IllegalStateException(config.id() + ": not started");
        }
        if (closed) {
            throw new IllegalStateException(config.id() + ": closed");
        }
    }

    private Instrument requireKnown(InstrumentId instrument) {
        Instrument found = instrumentsById.get(instrument);
        if (found == null) {
            throw new IllegalArgumentException(config.id() + " does not trade " + instrument);
        }
        return found;
    }

    // ---------------------------------------------------------------- diagnostics: driving thread only

    /** This venue's current mid of an instrument (shared price × dislocation). Driving thread only. */
    public double midPrice(InstrumentId instrument) {
        requireKnown(instrument);
        return books.get(instrument).mid();
    }

    /** This venue's current dislocation of an asset against the shared price, in bps. Driving thread only. */
    public double dislocationBps(Asset asset) {
        Dislocation d = dislocations.get(asset);
        return d == null ? 0 : d.value() * 10_000;
    }

    // ---------------------------------------------------------------- driven by SimulatedMarket

    List<SimBook> books() {
        return bookList;
    }

    /** Moves commands the engine has sent into the time-ordered pending list. */
    void drainCommands(long simNowNs) {
        commands.drain(stamped -> {
            long arrival = Math.max(stamped.arrivalNs(), Math.max(simNowNs, lastArrivalNs));
            lastArrivalNs = arrival;
            pending.addLast(new Command.Stamped(stamped.command(), arrival));
        }, Integer.MAX_VALUE);
    }

    long nextCommandNs() {
        Command.Stamped next = pending.peekFirst();
        return next == null ? Long.MAX_VALUE : next.arrivalNs();
    }

    void runNextCommand(long atNs) {
        nowNs = atNs;
        Command command = pending.removeFirst().command();
        if (command instanceof Command.Place p) {
            handlePlace(p.request());
        } else if (command instanceof Command.Cancel c) {
            handleCancel(c.instrument(), c.clientOrderId());
        } else if (command instanceof Command.CancelAll) {
            for (RestingOrder order : new ArrayList<>(open.values())) {
                cancelResting(order, "cancel all");
            }
            bookList.forEach(this::publish);
        } else if (command instanceof Command.Snapshot s) {
            emit(books.get(s.instrument()).snapshot(nowNs));
        } else if (command instanceof Command.Start) {
            streaming = true;
            bookList.forEach(b -> emit(b.snapshot(nowNs)));
        }
        publishAccountIfChanged();
    }

    void onPriceStep(long atNs) {
        nowNs = atNs;
        dislocations.values().forEach(Dislocation::step);
        for (SimBook book : bookList) {
            listener.book = book;
            book.reprice(venueMid(book.instrument()), listener);
            publish(book);
        }
        publishAccountIfChanged();
    }

    void runTaker(SimBook book, long atNs) {
        nowNs = atNs;
        listener.book = book;
        book.runTaker(atNs, listener);
        publish(book);
        publishAccountIfChanged();
    }

    private double venueMid(Instrument instrument) {
        return market.sharedPrice(instrument.base()) * (1 + dislocation(instrument.base()))
                / (market.sharedPrice(instrument.quote()) * (1 + dislocation(instrument.quote())));
    }

    private double dislocation(Asset asset) {
        Dislocation d = dislocations.get(asset);
        return d == null ? 0 : d.value();
    }

    // ---------------------------------------------------------------- order handling

    private void handlePlace(OrderRequest r) {
        history.onPlaced(r, nowNs);
        SimBook book = books.get(r.instrument());
        if (book == null) {
            reject(r, RejectReason.INVALID_ORDER, "unknown instrument " + r.instrument());
            return;
        }
        if (acceptedIds.contains(r.clientOrderId())) {
            reject(r, RejectReason.INVALID_ORDER, "duplicate client order id");
            return;
        }
        Instrument instrument = book.instrument();
        long lots = multipleOf(r.size(), instrument.lotSize());
        if (lots <= 0) {
            reject(r, RejectReason.INVALID_ORDER, "size " + r.size().toPlainString() + " is not a positive multiple of "
                    + instrument.lotSize().toPlainString());
            return;
        }
        if (r.type() == OrderType.LIMIT_POST_ONLY) {
            placePostOnly(r, book, lots);
        } else {
            placeTaker(r, book, lots);
        }
    }

    private void placePostOnly(OrderRequest r, SimBook book, long lots) {
        Instrument instrument = book.instrument();
        long priceTicks = multipleOf(r.price(), instrument.tickSize());
        if (priceTicks <= 0) {
            reject(r, RejectReason.INVALID_ORDER, "price " + r.price().toPlainString()
                    + " is not a positive multiple of " + instrument.tickSize().toPlainString());
            return;
        }
        if (!instrument.meetsMinNotional(r.price(), r.size())) {
            reject(r, RejectReason.MIN_NOTIONAL, "notional " + r.price().multiply(r.size()).toPlainString()
                    + " below " + instrument.minNotional().toPlainString());
            return;
        }
        if (book.wouldCross(r.side(), priceTicks)) {
            reject(r, RejectReason.POST_ONLY_WOULD_CROSS, "post-only order would cross the book");
            return;
        }
        RestingOrder order = new RestingOrder(r.clientOrderId(), nextVenueOrderId(), instrument, r.side(), priceTicks,
                lots, buyLockMultiplier);
        BigDecimal lock = order.lockFor(lots);
        if (ledger.free(order.lockAsset()).compareTo(lock) < 0) {
            reject(r, RejectReason.INSUFFICIENT_BALANCE, "needs " + lock.toPlainString() + " " + order.lockAsset()
                    + ", free " + ledger.free(order.lockAsset()).toPlainString());
            return;
        }
        acceptedIds.add(r.clientOrderId());
        ledger.lock(order.lockAsset(), lock);
        open.put(order.clientOrderId, order);
        accountChanged = true;
        emit(new OrderAccepted(instrument.id(), order.clientOrderId, order.venueOrderId, nowNs));
        book.join(order);
        publish(book);
    }

    private void placeTaker(OrderRequest r, SimBook book, long lots) {
        Instrument instrument = book.instrument();
        Side side = r.side();
        long limitTicks;
        if (r.type() == OrderType.LIMIT_IOC) {
            limitTicks = multipleOf(r.price(), instrument.tickSize());
            if (limitTicks <= 0) {
                reject(r, RejectReason.INVALID_ORDER, "price " + r.price().toPlainString()
                        + " is not a positive multiple of " + instrument.tickSize().toPlainString());
                return;
            }
        } else {
            limitTicks = side == Side.BUY ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        SimBook.TakerPlan plan = book.plan(side, limitTicks, lots);
        BigDecimal referencePrice;
        if (r.type() == OrderType.LIMIT_IOC) {
            referencePrice = r.price();
        } else if (plan.firstPriceTicks() != SimBook.NO_PRICE) {
            referencePrice = instrument.ticksToPrice(plan.firstPriceTicks());
        } else {
            reject(r, RejectReason.OTHER, "no liquidity for a market order");
            return;
        }
        if (!instrument.meetsMinNotional(referencePrice, r.size())) {
            reject(r, RejectReason.MIN_NOTIONAL, "notional " + referencePrice.multiply(r.size()).toPlainString()
                    + " below " + instrument.minNotional().toPlainString());
            return;
        }
        Asset payAsset = side == Side.BUY ? instrument.quote() : instrument.base();
        BigDecimal needed;
        if (side == Side.SELL) {
            needed = r.size();
        } else if (r.type() == OrderType.LIMIT_IOC) {
            needed = r.price().multiply(r.size()).multiply(BigDecimal.ONE.add(takerRate));
        } else {
            BigDecimal cost = BigDecimal.ZERO;
            for (long[] level : plan.levels) {
                cost = cost.add(instrument.ticksToPrice(level[0]).multiply(instrument.lotsToSize(level[1])));
            }
            needed = cost.multiply(BigDecimal.ONE.add(takerRate));
        }
        if (ledger.free(payAsset).compareTo(needed) < 0) {
            reject(r, RejectReason.INSUFFICIENT_BALANCE, "needs " + needed.toPlainString() + " " + payAsset
                    + ", free " + ledger.free(payAsset).toPlainString());
            return;
        }
        VenueOrderId venueOrderId = nextVenueOrderId();
        acceptedIds.add(r.clientOrderId());
        emit(new OrderAccepted(instrument.id(), r.clientOrderId(), venueOrderId, nowNs));
        listener.book = book;
        listener.taker = new TakerOrder(r.clientOrderId(), venueOrderId, instrument, side);
        try {
            book.execute(side, plan, listener);
        } finally {
            listener.taker = null;
        }
        if (plan.lots < lots) {
            String reason = r.type() == OrderType.LIMIT_IOC ? "ioc expired" : "market order: book exhausted";
            emit(new OrderCancelled(instrument.id(), r.clientOrderId(), reason, nowNs));
        }
        publish(book);
    }

    private void handleCancel(InstrumentId instrument, ClientOrderId clientOrderId) {
        RestingOrder order = open.get(clientOrderId);
        if (order == null || !order.instrument.id().equals(instrument)) {
            emit(new CancelRejected(instrument, clientOrderId, RejectReason.UNKNOWN_ORDER,
                    "unknown or finished order", nowNs));
            return;
        }
        cancelResting(order, "cancelled");
        publish(books.get(instrument));
    }

    private void cancelResting(RestingOrder order, String reason) {
        books.get(order.instrument.id()).remove(order);
        release(order);
        emit(new OrderCancelled(order.instrument.id(), order.clientOrderId, reason, nowNs));
    }

    /** Unlocks what the unfilled rest of an order that left the book kept locked, and forgets it. */
    private void release(RestingOrder order) {
        ledger.unlock(order.lockAsset(), order.lockFor(order.remainingLots()));
        open.remove(order.clientOrderId);
        accountChanged = true;
    }

    private void reject(OrderRequest r, RejectReason reason, String message) {
        emit(new OrderRejected(r.instrument(), r.clientOrderId(), reason, message, nowNs));
    }

    /** Books a fill in the ledger (fee in the quote asset) and reports it. */
    private void settle(Instrument instrument, ClientOrderId clientOrderId, VenueOrderId venueOrderId, Side side,
                        long priceTicks, long lots, Liquidity liquidity) {
        BigDecimal price = instrument.ticksToPrice(priceTicks);
        BigDecimal size = instrument.lotsToSize(lots);
        BigDecimal notional = price.multiply(size);
        BigDecimal fee = notional.multiply(feeSchedule.rate(liquidity)).stripTrailingZeros();
        if (side == Side.BUY) {
            ledger.add(instrument.quote(), notional.add(fee).negate());
            ledger.add(instrument.base(), size);
        } else {
            ledger.add(instrument.base(), size.negate());
            ledger.add(instrument.quote(), notional.subtract(fee));
        }
        accountChanged = true;
        TradeId tradeId = new TradeId(idStem + nextTradeNumber++);
        emit(new OrderFilled(new Fill(instrument.id(), clientOrderId, venueOrderId, tradeId, side, price, size, fee,
                instrument.quote(), liquidity, nowNs)));
    }

    private VenueOrderId nextVenueOrderId() {
        return new VenueOrderId(idStem + nextOrderNumber++);
    }

    /** The number of {@code step}s in {@code value}, or -1 when it is not a whole (long) number of them. */
    private static long multipleOf(BigDecimal value, BigDecimal step) {
        BigDecimal[] qr = value.divideAndRemainder(step);
        if (qr[1].signum() != 0 || qr[0].compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return -1;
        }
        return qr[0].longValueExact();
    }

    // ---------------------------------------------------------------- events

    private void publish(SimBook book) {
        BookDelta delta = book.flush(nowNs);
        if (delta != null) {
            emit(delta);
        }
    }

    private void emit(Event event) {
        history.onEvent(event);
        if (!streaming || closed) {
            return;
        }
        if (!sink.get().offer(event)) {
            droppedEvents.incrementAndGet();
        }
    }

    private void publishAccountIfChanged() {
        if (!accountChanged) {
            return;
        }
        List<OpenOrder> orders = new ArrayList<>(open.size());
        open.values().forEach(o -> orders.add(o.toOpenOrder()));
        account = new AccountView(ledger.view(), Collections.unmodifiableList(orders));
        accountChanged = false;
    }

    private record TakerOrder(ClientOrderId clientOrderId, VenueOrderId venueOrderId, Instrument instrument,
                              Side side) {
    }

    /** Turns what a book reports into ledger entries and events. */
    private final class BookListener implements SimBook.Listener {
        SimBook book;
        TakerOrder taker;

        @Override
        public void onMakerFill(RestingOrder order, long lots, Side aggressor) {
            ledger.unlock(order.lockAsset(), order.lockFor(lots));
            if (order.isFilled()) {
                open.remove(order.clientOrderId);
            }
            settle(order.instrument, order.clientOrderId, order.venueOrderId, order.side, order.priceTicks, lots,
                    Liquidity.MAKER);
        }

        @Override
        public void onSelfTradeCancel(RestingOrder order) {
            release(order);
            emit(new OrderCancelled(order.instrument.id(), order.clientOrderId, "self-trade prevention", nowNs));
        }

        @Override
        public void onTakerFill(long priceTicks, long lots) {
            settle(taker.instrument(), taker.clientOrderId(), taker.venueOrderId(), taker.side(), priceTicks, lots,
                    Liquidity.TAKER);
        }

        @Override
        public void onPrint(long priceTicks, long lots, Side aggressor) {
            emit(new PublicTrade(book.instrument().id(), priceTicks, lots, aggressor, nowNs));
        }
    }
}
