package dev.ballast.bench;

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
import dev.ballast.core.Side;
import dev.ballast.core.TradeId;
import dev.ballast.core.VenueId;
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.event.CancelRejected;
import dev.ballast.core.event.Event;
import dev.ballast.core.event.EventSink;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.RejectReason;
import dev.ballast.core.time.Clock;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A venue for benchmarks that sends nothing anywhere: it accepts every order and confirms every cancel at
 * once, by queueing the answer in {@link #replies()} for the harness to hand to the engine, and keeps the
 * orders it accepted so the harness can fill them ({@link #fillResting}). Streams nothing by itself: the
 * harness feeds market events to the engine directly.
 *
 * <p>For latency runs it can watch for the next {@code place} on one instrument and side and stamp it with
 * {@link System#nanoTime()} the moment it arrives ({@link #watch}).
 *
 * <p>Not thread-safe: owned by the engine thread (the harness and the engine share it).
 */
final class InstantAckVenue implements Venue {
    /** Every fill reuses this id: the engine counts fills, it does not de-duplicate them by trade id. */
    private static final TradeId TRADE_ID = new TradeId("bench-trade");

    private final VenueId id;
    private final List<Instrument> instruments;
    private final Map<Asset, Balance> balances;
    private final Clock clock;
    private final ArrayDeque<Event> replies;
    private final VenueOrderId venueOrderId;
    private final BigDecimal makerFeeRate;
    /** Our orders resting here, by client id, in placement order. */
    private final Map<ClientOrderId, OrderRequest> resting = new LinkedHashMap<>();

    private long placed;
    private long cancelled;
    private long snapshotRequests;
    private InstrumentId watchedInstrument;
    private Side watchedSide;
    private long watchedPlaceNs;

    /**
     * @param replies      where the answers go, in order; shared by all venues of one engine so that the
     *                     harness delivers them in the order they were made
     * @param makerFeeRate the fee of a maker fill as a fraction of its notional, charged in the quote asset
     */
    InstantAckVenue(VenueId id, List<Instrument> instruments, Map<Asset, Balance> balances, Clock clock,
                    ArrayDeque<Event> replies, BigDecimal makerFeeRate) {
        this.id = Objects.requireNonNull(id, "id");
        this.instruments = List.copyOf(instruments);
        this.balances = Map.copyOf(balances);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.venueOrderId = new VenueOrderId(id.name() + "-order");
        this.makerFeeRate = Objects.requireNonNull(makerFeeRate, "makerFeeRate");
    }

    @Override public VenueId id() { return id; }
    @Override public List<Instrument> instruments() { return instruments; }
    @Override public FeeSchedule fees(InstrumentId instrument) { return new FeeSchedule(makerFeeRate, makerFeeRate); }
    @Override public Map<Asset, Balance> balances() { return balances; }
    @Override public List<OpenOrder> openOrders() { return List.of(); }
    @Override public void start(EventSink sink) { }
    @Override public void requestSnapshot(InstrumentId instrument) { snapshotRequests++; }
    /** A benchmark double keeps no order history: the engine under test never asks. */
    @Override public java.util.Optional<dev.ballast.core.OrderReport> orderStatus(InstrumentId i, dev.ballast.core.ClientOrderId id) { return java.util.Optional.empty(); }
    @Override public List<dev.ballast.core.Fill> tradesSince(InstrumentId i, dev.ballast.core.TradeId after) { return List.of(); }
    @Override public void close() { }

    @Override
    public void place(OrderRequest request) {
        if (request.side() == watchedSide && request.instrument().equals(watchedInstrument)) {
            watchedPlaceNs = System.nanoTime();
            watchedInstrument = null;
            watchedSide = null;
        }
        placed++;
        resting.put(request.clientOrderId(), request);
        replies.add(new OrderAccepted(request.instrument(), request.clientOrderId(), venueOrderId, clock.nowNs()));
    }

    @Override
    public void cancel(InstrumentId instrument, ClientOrderId clientOrderId) {
        if (resting.remove(clientOrderId) != null) {
            cancelled++;
            replies.add(new OrderCancelled(instrument, clientOrderId, "cancelled", clock.nowNs()));
        } else {
            replies.add(new CancelRejected(instrument, clientOrderId, RejectReason.UNKNOWN_ORDER, "unknown order",
                    clock.nowNs()));
        }
    }

    @Override
    public void cancelAll() {
        for (OrderRequest r : new ArrayList<>(resting.values())) {
            cancel(r.instrument(), r.clientOrderId());
        }
    }

    /**
     * Fills the whole of our order resting on {@code instrument}'s {@code side} (the oldest, if several) at its
     * limit price, as a maker, and takes it off this venue.
     *
     * @return the fill event for the engine, or null when nothing of ours rests there
     */
    OrderFilled fillResting(InstrumentId instrument, Side side) {
        for (OrderRequest r : resting.values()) {
            if (r.side() == side && r.instrument().equals(instrument)) {
                resting.remove(r.clientOrderId());
                BigDecimal fee = r.price().multiply(r.size()).multiply(makerFeeRate);
                return new OrderFilled(new Fill(instrument, r.clientOrderId(), venueOrderId, TRADE_ID, side,
                        r.price(), r.size(), fee, instrumentQuote(instrument), Liquidity.MAKER, clock.nowNs()));
            }
        }
        return null;
    }

    /** Stamps the next {@code place} for {@code instrument} and {@code side} with {@link System#nanoTime()}. */
    void watch(InstrumentId instrument, Side side) {
        watchedInstrument = Objects.requireNonNull(instrument, "instrument");
        watchedSide = Objects.requireNonNull(side, "side");
        watchedPlaceNs = 0;
    }

    /** When the watched {@code place} arrived ({@link System#nanoTime()}), or 0 if it has not. */
    long watchedPlaceNs() {
        return watchedPlaceNs;
    }

    long placedCount() { return placed; }
    long cancelledCount() { return cancelled; }
    long snapshotRequests() { return snapshotRequests; }
    int restingCount() { return resting.size(); }

    private Asset instrumentQuote(InstrumentId instrument) {
        for (Instrument i : instruments) {
            if (i.id().equals(instrument)) {
                return i.quote();
            }
        }
        throw new IllegalArgumentException(id + " does not trade " + instrument);
    }
}
