package dev.ballast.connectors.paperlive;

import dev.ballast.connectors.Venue;
import dev.ballast.connectors.backtest.BacktestVenue;
import dev.ballast.connectors.backtest.BacktestVenueConfig;
import dev.ballast.core.Asset;
import dev.ballast.core.Balance;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.FeeSchedule;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.OpenOrder;
import dev.ballast.core.OrderReport;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueId;
import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.EventSink;
import dev.ballast.core.event.PublicTrade;
import dev.ballast.core.event.VenueStatus;
import dev.ballast.core.inbox.Inbox;
import dev.ballast.core.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A venue that trades on paper against a live market: the public books and trades of a live venue (started
 * without credentials) drive a {@link BacktestVenue}, which fills our orders only when real trades print through
 * our price, behind the real queue, after our order latency; our taker orders walk the real book. Our orders
 * never reach the exchange and never move its market.
 *
 * <p>One market per paper-live venue (list a second market as a second venue). The live feed's health
 * ({@link VenueStatus}) is passed to the engine as it is.
 *
 * <p>Threading: the simulated venue is owned by this venue's own thread ({@code paper-live-<id>}). The live
 * feed's I/O threads and the engine's calls only enqueue work for it; the blocking reads ({@link #balances()},
 * {@link #openOrders()}) wait for that thread's answer. The owner thread moves the simulation to the clock's
 * time at least every {@code tickMs}, so delayed orders and cancels arrive when due even in a quiet market.
 */
public final class PaperLiveVenue implements Venue {
    private static final Logger LOG = LoggerFactory.getLogger(PaperLiveVenue.class);
    private static final int TASK_CAPACITY = 1 << 16;
    private static final long BLOCKING_TIMEOUT_MS = 5_000;

    private final Venue feed;
    private final BacktestVenue simulated;
    private final Instrument instrument;
    private final Clock clock;
    private final long tickNs;
    private final Inbox<Runnable> tasks = new Inbox<>(TASK_CAPACITY);
    private final AtomicLong droppedMarketEvents = new AtomicLong();
    private final AtomicLong feedEvents = new AtomicLong();
    private volatile EventSink sink;
    private volatile boolean closed;
    private final Thread owner;
    private long simulatedNs = Long.MIN_VALUE; // owner thread
    /**
     * The simulation's clock: the time a command was sent (read on the caller's thread when it was queued), so an
     * order's latency counts from when the engine sent it, not from when the owner thread got to it.
     */
    private final CommandTime commandTime = new CommandTime();

    /** Owned by the owner thread; set before each task. */
    private static final class CommandTime implements Clock {
        private long nowNs;

        @Override
        public long nowNs() {
            return nowNs;
        }
    }

    /**
     * Reads the feed's instrument list (blocking, public REST) and builds the simulated venue for its one market.
     *
     * @param feed      a live venue started without credentials: only its public streams are used
     * @param simulated builds the simulated venue's settings (fees, latency, paper balances) for the feed's instrument
     * @throws IllegalArgumentException when the feed trades no instrument or more than one
     */
    public static PaperLiveVenue over(Venue feed, Function<Instrument, BacktestVenueConfig> simulated, Clock clock,
                                      long tickMs) {
        List<Instrument> instruments = feed.instruments();
        if (instruments.size() != 1) {
            throw new IllegalArgumentException(feed.id() + ": paper-live simulates exactly one market per venue, the feed has "
                    + instruments.size() + " (" + instruments.stream().map(i -> i.id().symbol()).toList() + ")");
        }
        return of(feed, simulated.apply(instruments.get(0)), clock, tickMs);
    }

    /** A paper-live venue over {@code feed} with the simulation's settings given; its owner thread starts now. */
    public static PaperLiveVenue of(Venue feed, BacktestVenueConfig simulated, Clock clock, long tickMs) {
        PaperLiveVenue venue = new PaperLiveVenue(feed, simulated, clock, tickMs);
        venue.owner.start();
        return venue;
    }

    private PaperLiveVenue(Venue feed, BacktestVenueConfig simulated, Clock clock, long tickMs) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(simulated, "simulated");
        if (!simulated.id().equals(feed.id())) {
            throw new IllegalArgumentException("simulated venue " + simulated.id() + " must have the feed's id " + feed.id());
        }
        if (tickMs <= 0) {
            throw new IllegalArgumentException("tickMs must be > 0 (was " + tickMs + ")");
        }
        this.tickNs = tickMs * 1_000_000L;
        this.instrument = simulated.instrument();
        this.simulated = new BacktestVenue(simulated, commandTime);
        this.owner = new Thread(this::run, "paper-live-" + feed.id());
        this.owner.setDaemon(true);
    }

    @Override
    public VenueId id() {
        return feed.id();
    }

    @Override
    public List<Instrument> instruments() {
        return List.of(instrument);
    }

    @Override
    public FeeSchedule fees(InstrumentId instrumentId) {
        return onOwner(() -> simulated.fees(instrumentId));
    }

    /** Paper balances, as the simulation holds them. Blocking. */
    @Override
    public Map<Asset, Balance> balances() {
        return onOwner(simulated::balances);
    }

    @Override
    public List<OpenOrder> openOrders() {
        return onOwner(simulated::openOrders);
    }

    /** The paper order's fate, as the simulation holds it. */
    @Override
    public Optional<OrderReport> orderStatus(InstrumentId instrumentId, ClientOrderId clientOrderId) {
        return simulated.orderStatus(instrumentId, clientOrderId); // thread-safe in the simulation
    }

    /** Paper fills after {@code afterExclusive}. */
    @Override
    public List<Fill> tradesSince(InstrumentId instrumentId, TradeId afterExclusive) {
        return simulated.tradesSince(instrumentId, afterExclusive);
    }

    /** Subscribes the simulation to {@code sink} and starts the live feed's public streams. */
    @Override
    public synchronized void start(EventSink sink) {
        Objects.requireNonNull(sink, "sink");
        if (this.sink != null || closed) {
            throw new IllegalStateException(id() + ": already started or closed");
        }
        this.sink = sink;
        enqueue(() -> simulated.start(sink));
        feed.start(this::onFeedEvent);
    }

    @Override
    public void requestSnapshot(InstrumentId instrumentId) {
        // The simulation republishes its own book (ours included) to the engine; a fresh one comes from the feed.
        feed.requestSnapshot(instrumentId);
    }

    @Override
    public void place(OrderRequest request) {
        command(() -> simulated.place(request));
    }

    @Override
    public void cancel(InstrumentId instrumentId, ClientOrderId clientOrderId) {
        command(() -> simulated.cancel(instrumentId, clientOrderId));
    }

    @Override
    public void cancelAll() {
        command(simulated::cancelAll);
    }

    /** Queues an order command stamped with the time it was sent. */
    private void command(Runnable action) {
        long sentNs = clock.nowNs();
        enqueue(() -> {
            commandTime.nowNs = sentNs; // may be behind the simulation: the command is then due at once
            action.run();
            advance();
        });
    }

    /** Market events from the feed that could not be queued (the owner thread fell behind); none in health. */
    public long droppedMarketEvents() {
        return droppedMarketEvents.get();
    }

    /** Events received from the live feed. */
    public long feedEvents() {
        return feedEvents.get();
    }

    @Override
    public void close() {
        closed = true;
        feed.close();
        LockSupport.unpark(owner);
        try {
            owner.join(BLOCKING_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- feed I/O threads

    private boolean onFeedEvent(Event e) {
        feedEvents.incrementAndGet();
        if (e instanceof VenueStatus) {
            EventSink s = sink;
            return s != null && s.offer(e);
        }
        if (e instanceof BookSnapshot || e instanceof BookDelta || e instanceof PublicTrade) {
            if (!tasks.offer(() -> onMarket(e))) {
                if (droppedMarketEvents.getAndIncrement() == 0) {
                    LOG.warn("{}: paper-live simulation fell behind the live feed; market events dropped (counted)", id());
                }
                return false;
            }
            LockSupport.unpark(owner);
            return true;
        }
        // A feed started without credentials sends no order events; anything else is not ours to simulate.
        return true;
    }

    // ---------------------------------------------------------------- owner thread

    private void run() {
        while (!closed) {
            advance();
            int n = tasks.drain(this::runTask, 1024);
            if (n == 0) {
                LockSupport.parkNanos(tickNs);
            }
        }
    }

    private void runTask(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException ex) {
            LOG.error("{}: paper-live simulation step failed, skipped", id(), ex);
        }
    }

    private void advance() {
        simulatedNs = Math.max(simulatedNs, clock.nowNs());
        commandTime.nowNs = simulatedNs;
        simulated.advanceTo(simulatedNs);
    }

    private void onMarket(Event e) {
        advance();
        simulated.onMarketEvent(e);
        simulatedNs = Math.max(simulatedNs, e.timestampNs()); // the venue's clock may run ahead of ours
        commandTime.nowNs = simulatedNs;
    }

    private void enqueue(Runnable task) {
        if (!tasks.offer(task)) {
            throw new IllegalStateException(id() + ": paper-live command queue full");
        }
        LockSupport.unpark(owner);
    }

    private <T> T onOwner(Callable<T> call) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        enqueue(() -> {
            try {
                answer.complete(call.call());
            } catch (Exception e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(BLOCKING_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(id() + ": interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(id() + ": paper-live simulation did not answer: " + e, e);
        }
    }
}
