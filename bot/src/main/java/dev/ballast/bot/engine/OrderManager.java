package dev.ballast.bot.engine;

import dev.ballast.bot.journal.Journal;
import dev.ballast.bot.journal.JournalException;
import dev.ballast.bot.risk.PreTradeCheck;
import dev.ballast.connectors.Venue;
import dev.ballast.core.Asset;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.ClientOrderIdGenerator;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.Order;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderStatus;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import dev.ballast.core.event.CancelRejected;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.RejectReason;
import dev.ballast.core.time.Clock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places, cancels and tracks our orders on every venue by {@link ClientOrderId}. Every order gets its id and
 * its entry here before the venue hears of it, so a fill or an answer can always be matched to it and its
 * size is counted as exposure from the moment it could trade. Orders leave the live set when they reach a
 * terminal status. One INFO line per order action (place, cancel) and per reject.
 *
 * <p>Journal: every order's intent is written to the {@link Journal} before the venue hears of it; when that write
 * fails the order is not sent (it is rejected, reason "not journaled"): an order whose id is not on record could be
 * sent twice after a restart. Acknowledgements, rejects, cancels and refused cancels are journaled as they are
 * applied. A journal write that fails afterwards is logged and counted, never thrown: the venue's answer still
 * counts, and reconciliation settles what the journal missed.
 *
 * <p>Not thread-safe: owned by the engine thread.
 */
public final class OrderManager {
    private static final Logger LOG = LoggerFactory.getLogger("ballast.orders");

    private final Clock clock;
    private final ClientOrderIdGenerator ids;
    private final Map<VenueId, Venue> venues;
    private final Map<ClientOrderId, Order> live = new LinkedHashMap<>();
    private final Map<RejectReason, Long> rejects = new EnumMap<>(RejectReason.class);
    private long placed;
    private long cancelsSent;
    private long cancelled;
    private long filledOrders;
    private long denied;
    private PreTradeCheck preTrade = PreTradeCheck.ALLOW_ALL;
    private long journalErrors;
    private Journal journal = Journal.none();

    public OrderManager(Clock clock, ClientOrderIdGenerator ids, Map<VenueId, Venue> venues) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.venues = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(venues));
    }

    /** Sets the check every order passes last, before it gets an id and leaves (the risk guards). */
    public void preTradeCheck(PreTradeCheck check) {
        this.preTrade = Objects.requireNonNull(check, "check");
    }

    /**
     * Places a limit or market order of {@code sizeLots} at {@code priceTicks} (ignored for market orders).
     * The exact price and size are made from the instrument's grid (on an inverse contract, lots are contracts);
     * an order below the minimum notional never leaves and is counted as denied, as does one the
     * {@link PreTradeCheck} refuses (it logs and counts why).
     *
     * @return the order, now PENDING_NEW and tracked; or null when it was denied before sending
     * @throws IllegalArgumentException for a non-positive size or price, or a market order on an inverse contract
     *                                  (its base size, and so its exposure, is only known at a price)
     */
    public Order place(Instrument instrument, Side side, OrderType type, long priceTicks, long sizeLots, String purpose) {
        BigDecimal size = instrument.lotsToSize(sizeLots);
        BigDecimal price = type == OrderType.MARKET ? null : instrument.ticksToPrice(priceTicks);
        if (sizeLots <= 0 || (price != null && priceTicks <= 0)) {
            throw new IllegalArgumentException("order size and price must be > 0 (were " + sizeLots + " lots, " + priceTicks + " ticks)");
        }
        if (price == null && instrument.isInverse()) {
            throw new IllegalArgumentException(instrument.id() + ": no market orders on an inverse contract: "
                    + "its exposure in base units needs a limit price");
        }
        if (price != null && !instrument.meetsMinNotional(price, size)) {
            denied++;
            LOG.info("DENY   {} {} {} {} @ {}: below min notional {}", instrument.id(), side, size.toPlainString(),
                    type, price.toPlainString(), instrument.minNotional().toPlainString());
            return null;
        }
        if (preTrade.check(instrument, side, type, priceTicks, sizeLots, purpose).isPresent()) {
            denied++;
            return null;
        }
        Venue venue = venueOf(instrument);
        Order order = new Order(ids.next(), instrument, side, type, price, size, clock.nowNs());
        try {
            journal.intent(order, purpose);
        } catch (JournalException e) {
            // not on record, so not sent: a reject with its reason, never an exception that stops the engine (and
            // not journaled either: for a duplicate id, the row on record is another order's)
            journalErrors++;
            rejects.merge(RejectReason.OTHER, 1L, Long::sum);
            order.lastReason(RejectReason.OTHER + ": not journaled: " + e.getMessage());
            order.transition(OrderStatus.REJECTED, clock.nowNs());
            LOG.error("REJECT {} {} {}: not sent, its intent could not be journaled id={}", instrument.id(), side,
                    RejectReason.OTHER, order.clientOrderId(), e);
            return null;
        }
        live.put(order.clientOrderId(), order);
        placed++;
        if (LOG.isInfoEnabled()) { // toPlainString and the varargs array only when the line is written
            LOG.info("PLACE  {} {} {} {} @ {} {} id={}", instrument.id(), side, size.toPlainString(),
                    type, price == null ? "MKT" : price.toPlainString(), purpose, order.clientOrderId());
        }
        try {
            venue.place(OrderRequest.of(order));
        } catch (RuntimeException e) {
            // the command never left: the order must not linger as exposure; it is a denial, not a crash
            live.remove(order.clientOrderId());
            order.transition(OrderStatus.REJECTED, clock.nowNs());
            denied++;
            LOG.error("PLACE failed before sending, order dropped: {}", order, e);
            record(new OrderRejected(instrument.id(), order.clientOrderId(), RejectReason.OTHER,
                    "not sent: " + e.getMessage(), clock.nowNs()));
            return null;
        }
        return order;
    }

    /** Asks the venue to cancel {@code order}, once; a second call while the first is pending does nothing. */
    public void cancel(Order order, String why) {
        if (order.cancelRequested() || order.status().isTerminal()) {
            return;
        }
        order.markCancelRequested();
        cancelsSent++;
        if (LOG.isInfoEnabled()) {
            LOG.info("CANCEL {} {} {} @ {} ({}) id={}", order.instrumentId(), order.side(),
                    order.remainingSize().toPlainString(), order.price() == null ? "MKT" : order.price().toPlainString(),
                    why, order.clientOrderId());
        }
        venueOf(order.instrument()).cancel(order.instrumentId(), order.clientOrderId());
    }

    /** Asks every venue to cancel all our open orders, and marks every live order cancel-requested. */
    public void cancelAll(String why) {
        for (Order o : live.values()) {
            o.markCancelRequested();
        }
        for (Venue v : venues.values()) {
            LOG.info("CANCEL-ALL {} ({})", v.id(), why);
            v.cancelAll();
        }
    }

    /**
     * Tracks an order that is live on a venue but was not placed in this session (found by recovery): its fills and
     * its cancel are then applied like any other's and its size counts as exposure.
     *
     * @throws IllegalArgumentException when the order is not live or an order with its id is already tracked
     */
    public void adopt(Order order) {
        if (!order.status().isLive()) {
            throw new IllegalArgumentException("only a live order can be adopted (was " + order + ")");
        }
        if (live.putIfAbsent(order.clientOrderId(), order) != null) {
            throw new IllegalArgumentException("order " + order.clientOrderId() + " is already tracked");
        }
        LOG.info("ADOPT  {} {} {} @ {} filled {} {} id={}", order.instrumentId(), order.side(),
                order.size().toPlainString(), order.price() == null ? "MKT" : order.price().toPlainString(),
                order.filledSize().toPlainString(), order.status(), order.clientOrderId());
    }

    /** @return the order the acknowledgement is for, or null when we do not track it */
    public Order onAccepted(OrderAccepted e) {
        try {
            journal.accepted(e);
        } catch (JournalException ex) {
            journalFailed(ex);
        }
        Order o = live.get(e.clientOrderId());
        if (o == null) {
            LOG.warn("ack for an order we do not track: {} {}", e.instrument(), e.clientOrderId());
            return null;
        }
        o.venueOrderId(e.venueOrderId());
        if (o.status() == OrderStatus.PENDING_NEW || o.status() == OrderStatus.UNKNOWN) {
            o.transition(OrderStatus.OPEN, e.timestampNs());
        }
        return o;
    }

    public Order onRejected(OrderRejected e) {
        record(e);
        Order o = live.remove(e.clientOrderId());
        if (o != null && !o.status().canMoveTo(OrderStatus.REJECTED)) {
            LOG.warn("reject for {} which is {}: ignored", e.clientOrderId(), o.status());
            return o;
        }
        rejects.merge(e.reason(), 1L, Long::sum);
        LOG.info("REJECT {} {} {}: {} id={}", e.instrument(), o == null ? "?" : o.side(), e.reason(), e.message(),
                e.clientOrderId());
        if (o != null) {
            o.lastReason(e.reason() + ": " + e.message());
            o.transition(OrderStatus.REJECTED, e.timestampNs());
        }
        return o;
    }

    public Order onCancelled(OrderCancelled e) {
        try {
            journal.cancelled(e);
        } catch (JournalException ex) {
            journalFailed(ex);
        }
        Order o = live.remove(e.clientOrderId());
        if (o == null) {
            LOG.debug("cancel confirmation for an order already gone: {}", e.clientOrderId());
            return null;
        }
        cancelled++;
        if (!o.status().canMoveTo(OrderStatus.CANCELLED)) {
            LOG.warn("cancel confirmation for {} which is {}: ignored", e.clientOrderId(), o.status());
            return o;
        }
        o.lastReason(e.reason());
        o.transition(OrderStatus.CANCELLED, e.timestampNs());
        return o;
    }

    /**
     * A refused cancel. When the venue does not know the order it has left the book (filled or cancelled);
     * the order stays tracked as UNKNOWN, its exposure still counted, until a fill, a cancel or a
     * reconciliation settles it.
     */
    public Order onCancelRejected(CancelRejected e) {
        try {
            journal.cancelRejected(e);
        } catch (JournalException ex) {
            journalFailed(ex);
        }
        Order o = live.get(e.clientOrderId());
        LOG.info("CANCEL-REJECT {} {}: {} id={}", e.instrument(), e.reason(), e.message(), e.clientOrderId());
        if (o != null && e.reason() == RejectReason.UNKNOWN_ORDER) {
            o.transition(OrderStatus.UNKNOWN, e.timestampNs());
        }
        return o;
    }

    /** Applies a fill to its order. @return the order, or null when it is not one we track */
    public Order onFill(Fill fill) {
        Order o = live.get(fill.clientOrderId());
        if (o == null) {
            return null;
        }
        o.applyFill(fill.size(), fill.price(), fill.timestampNs());
        if (o.venueOrderId() == null && fill.venueOrderId() != null) {
            o.venueOrderId(fill.venueOrderId());
        }
        if (o.status() == OrderStatus.FILLED) {
            live.remove(o.clientOrderId());
            filledOrders++;
        }
        return o;
    }

    /**
     * Base units that our live orders on {@code side} for {@code asset} could still trade, on every venue,
     * including orders whose cancel is pending (they can fill until the venue confirms), except {@code excluded}.
     * An inverse contract's remaining contracts count at their limit price ({@link #remainingBase}).
     */
    public double exposure(Asset asset, Side side, Order excluded) {
        double sum = 0;
        for (Order o : live.values()) {
            if (o.side() == side && o != excluded && isOf(o, asset)) {
                sum += remainingBase(o);
            }
        }
        return sum;
    }

    /**
     * What is left of {@code o} in base units, as a double: its remaining size, or for an inverse contract its
     * remaining contracts at its limit price (what they are worth in base if they fill there).
     */
    public static double remainingBase(Order o) {
        double remaining = remainingDouble(o);
        Instrument in = o.instrument();
        return in.isInverse() ? in.sizeToBaseDouble(remaining, o.price().doubleValue()) : remaining;
    }

    private static boolean isOf(Order o, Asset asset) {
        Asset base = o.instrument().base();
        return base == asset || base.equals(asset);
    }

    /** {@code o.remainingSize().doubleValue()}, without making a BigDecimal while nothing is filled (the usual case). */
    private static double remainingDouble(Order o) {
        return o.filledSize().signum() == 0 ? o.size().doubleValue() : o.remainingSize().doubleValue();
    }

    public Order get(ClientOrderId id) {
        return live.get(id);
    }

    public Collection<Order> liveOrders() {
        return Collections.unmodifiableCollection(live.values());
    }

    public List<Order> liveOrders(VenueId venue) {
        List<Order> out = new ArrayList<>();
        for (Order o : live.values()) {
            if (o.instrumentId().venue().equals(venue)) {
                out.add(o);
            }
        }
        return out;
    }

    public int liveCount() {
        return live.size();
    }

    public long placedCount() { return placed; }
    public long cancelsSentCount() { return cancelsSent; }
    public long cancelledCount() { return cancelled; }
    public long filledOrderCount() { return filledOrders; }
    public long deniedCount() { return denied; }
    /** Journal writes that failed (an order not sent, or an answer not on record). */
    public long journalErrorCount() { return journalErrors; }

    /** Journals through {@code journal} from now on (wiring time, before the first order). */
    void journal(Journal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    Journal journal() {
        return journal;
    }

    private void record(OrderRejected e) {
        try {
            journal.rejected(e);
        } catch (JournalException ex) {
            journalFailed(ex);
        }
    }

    private void journalFailed(JournalException e) {
        journalErrors++;
        LOG.error("journal write failed; the engine carries on and reconciliation settles it", e);
    }

    public long rejectCount() {
        long n = 0;
        for (long v : rejects.values()) {
            n += v;
        }
        return n;
    }

    public Map<RejectReason, Long> rejectsByReason() {
        return Collections.unmodifiableMap(rejects);
    }

    private Venue venueOf(Instrument instrument) {
        Venue v = venues.get(instrument.id().venue());
        if (v == null) {
            throw new IllegalArgumentException("no venue " + instrument.id().venue() + " for " + instrument.id());
        }
        return v;
    }
}
