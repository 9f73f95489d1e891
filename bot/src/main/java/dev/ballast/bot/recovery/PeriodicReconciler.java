package dev.ballast.bot.recovery;

import dev.ballast.bot.engine.Engine;
import dev.ballast.bot.inventory.AssetInventory;
import dev.ballast.bot.inventory.Holding;
import dev.ballast.bot.inventory.InventorySnapshot;
import dev.ballast.bot.journal.Journal;
import dev.ballast.bot.journal.JournaledOrder;
import dev.ballast.connectors.Venue;
import dev.ballast.core.Asset;
import dev.ballast.core.Balance;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.OpenOrder;
import dev.ballast.core.Order;
import dev.ballast.core.OrderReport;
import dev.ballast.core.OrderStatus;
import dev.ballast.core.VenueId;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderFilled;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.RejectReason;
import dev.ballast.core.time.Clock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciliation while trading: every {@code intervalNs}, the same checks as at start ({@link Recovery}), against
 * the engine's state instead of the journal's, with what they find applied through the engine as the venue's events
 * would have been:
 * <ol>
 *   <li>fills since the last journaled trade id that the journal does not have (missed by the stream, or still in
 *       the inbox) are applied as {@code OrderFilled} — the journal deduplicates the stream's copy when it comes;</li>
 *   <li>live orders the venue no longer lists as open, untouched for {@link #ORDER_GRACE_NS} (so not in flight),
 *       are asked by client order id and settled: cancelled or rejected by the venue, or never arrived;</li>
 *   <li>open orders of ours that the engine does not track are adopted and cancelled; others' are cancelled only
 *       when {@code cancelUnknownOrders};</li>
 *   <li>balances against the inventory, when two reads around the checks agree (the account was not moving): a
 *       difference within tolerance is logged (the next start takes the venue's amount); one beyond tolerance on two
 *       checks in a row is a failure, told to the {@link ReconciliationListener}.</li>
 * </ol>
 * A venue that cannot be asked is skipped for this round (its health is the connectors' concern).
 *
 * <p>Not thread-safe: {@link #doWork()} runs on the engine thread, between the engine's own {@code doWork()} calls.
 */
public final class PeriodicReconciler {
    private static final Logger LOG = LoggerFactory.getLogger("ballast.recovery");
    /** An order changed more recently than this may still be in flight: it is not settled by asking. */
    public static final long ORDER_GRACE_NS = 5_000_000_000L;

    private final Engine engine;
    private final Journal journal;
    private final ReconciliationSettings settings;
    private final ReconciliationListener listener;
    private final Clock clock;
    private final Map<VenueId, Set<Asset>> beyondLastTime = new HashMap<>();
    private final Set<ClientOrderId> unknownSeen = new HashSet<>();
    private long nextNs;
    private long runs;
    private long fillsApplied;
    private long ordersSettled;
    private long failures;

    /**
     * @param engine the started engine, journaling to a durable journal (reconciliation needs its trade ids)
     */
    public PeriodicReconciler(Engine engine, ReconciliationSettings settings, ReconciliationListener listener,
                              Clock clock) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.journal = engine.journal();
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nextNs = settings.intervalNs() == 0 ? Long.MAX_VALUE : clock.nowNs() + settings.intervalNs();
    }

    /** Runs a reconciliation when one is due. @return 1 when it ran, else 0 */
    public int doWork() {
        long now = clock.nowNs();
        if (now < nextNs || !journal.isDurable()) {
            return 0;
        }
        nextNs = now + settings.intervalNs();
        reconcileNow();
        return 1;
    }

    /** Reconciles with every venue now. @return the failures found (also told to the listener) */
    public List<ReconciliationFailure> reconcileNow() {
        runs++;
        List<ReconciliationFailure> found = new ArrayList<>();
        List<Venue> venues = new ArrayList<>(engine.venues().values());
        venues.sort(java.util.Comparator.comparing(v -> v.id().name()));
        for (Venue venue : venues) {
            try {
                ReconciliationFailure f = reconcile(venue);
                if (f != null) {
                    found.add(f);
                    failures++;
                    LOG.error(f.message());
                    listener.onReconciliationFailure(f);
                }
            } catch (RuntimeException e) {
                LOG.warn("{}: reconciliation skipped this round: {}", venue.id(), e.toString());
            }
        }
        return found;
    }

    private ReconciliationFailure reconcile(Venue venue) {
        long now = clock.nowNs();
        Map<Asset, Balance> before = venue.balances();
        for (Instrument instrument : venue.instruments()) {
            missedFills(venue, instrument);
        }
        List<OpenOrder> open = venue.openOrders();
        Set<ClientOrderId> openIds = new HashSet<>();
        for (OpenOrder o : open) {
            openIds.add(o.clientOrderId());
        }
        for (Order o : engine.orders().liveOrders(venue.id())) {
            if (!openIds.contains(o.clientOrderId()) && now - o.updatedNs() >= ORDER_GRACE_NS) {
                settle(venue, o, venue.orderStatus(o.instrumentId(), o.clientOrderId()), now);
            }
        }
        for (OpenOrder o : open) {
            if (engine.orders().get(o.clientOrderId()) == null) {
                untracked(venue, o, now);
            }
        }
        Map<Asset, Balance> after = venue.balances();
        if (!Recovery.sameTotals(before, after)) {
            LOG.debug("{}: balances moved during the check; compared next time", venue.id());
            return null;
        }
        return compareBalances(venue.id(), after, now);
    }

    private void missedFills(Venue venue, Instrument instrument) {
        InstrumentId id = instrument.id();
        for (Fill f : venue.tradesSince(id, journal.lastTradeId(id).orElse(null))) {
            if (!journal.hasFill(id, f.tradeId())) {
                fillsApplied++;
                LOG.warn("{}: fill {} {} {} @ {} of {} was not applied yet: applied by reconciliation", venue.id(),
                        f.tradeId(), f.side(), f.size().toPlainString(), f.price().toPlainString(), f.clientOrderId());
                engine.onEvent(new OrderFilled(f));
            }
        }
    }

    private void settle(Venue venue, Order o, Optional<OrderReport> answer, long now) {
        if (answer.isPresent() && answer.get().status().isLive()) {
            return; // open after all (the list was older than the answer)
        }
        ordersSettled++;
        if (answer.isEmpty()) {
            boolean sent = o.status() == OrderStatus.PENDING_NEW || o.status() == OrderStatus.UNKNOWN;
            LOG.warn("{}: order {} ({}) is unknown to the venue: {}", venue.id(), o.clientOrderId(), o.status(),
                    sent ? "never arrived" : "gone");
            engine.onEvent(sent && o.filledSize().signum() == 0
                    ? new OrderRejected(o.instrumentId(), o.clientOrderId(), RejectReason.OTHER, "never arrived", now)
                    : new OrderCancelled(o.instrumentId(), o.clientOrderId(), "unknown to the venue", now));
            return;
        }
        OrderReport r = answer.get();
        LOG.warn("{}: order {} is {} on the venue but {} here: settled", venue.id(), o.clientOrderId(), r.status(),
                o.status());
        switch (r.status()) {
            case CANCELLED -> engine.onEvent(new OrderCancelled(o.instrumentId(), o.clientOrderId(),
                    "cancelled by the venue (reconciliation)", now));
            case REJECTED -> engine.onEvent(new OrderRejected(o.instrumentId(), o.clientOrderId(), RejectReason.OTHER,
                    "rejected by the venue (reconciliation)", now));
            default -> LOG.warn("{}: order {} is FILLED on the venue, filled {} of {} here: its missing fills are not in"
                    + " the venue's trade history; the balance check will show it", venue.id(), o.clientOrderId(),
                    o.filledSize().toPlainString(), o.size().toPlainString());
        }
    }

    private void untracked(Venue venue, OpenOrder o, long now) {
        if (!settings.isOurs(o.clientOrderId().value())) {
            if (settings.cancelUnknownOrders()) {
                LOG.warn("{}: CANCEL unknown order {} (not ours: cancelUnknownOrders is on)", venue.id(), o.clientOrderId());
                venue.cancel(o.instrument(), o.clientOrderId());
            } else if (unknownSeen.add(o.clientOrderId())) {
                LOG.warn("{}: open order {} is not ours: left alone", venue.id(), o.clientOrderId());
            }
            return;
        }
        Optional<JournaledOrder> journaled = journal.order(o.clientOrderId());
        if (journaled.isPresent() && now - journaled.get().updatedNs() < ORDER_GRACE_NS) {
            return; // just finished here: the venue's list lags
        }
        Instrument instrument = venue.instruments().stream().filter(i -> i.id().equals(o.instrument())).findFirst()
                .orElse(null);
        Order order = instrument == null ? null : Recovery.adoptable(instrument, o);
        if (order == null) {
            LOG.warn("{}: open order {} of ours cannot be tracked: left alone", venue.id(), o.clientOrderId());
            return;
        }
        if (journaled.isPresent()) {
            journal.settled(new OrderReport(o.clientOrderId(), o.venueOrderId(), o.instrument(), o.side(),
                    order.status(), o.price(), o.size(), order.filledSize(), now),
                    "open on the venue although finished here");
        } else {
            journal.intent(order, "adopted");
        }
        LOG.warn("{}: open order {} of ours was not tracked: adopted and cancelled", venue.id(), o.clientOrderId());
        engine.orders().adopt(order);
        engine.orders().cancel(order, "adopted by reconciliation");
    }

    private ReconciliationFailure compareBalances(VenueId venue, Map<Asset, Balance> theirs, long now) {
        Map<Asset, BigDecimal> ours = inventoryOf(engine.inventory().snapshot(), venue);
        List<BalanceDifference> beyond = new ArrayList<>();
        Set<Asset> beyondNow = new HashSet<>();
        Set<Asset> beyondBefore = beyondLastTime.getOrDefault(venue, Set.of());
        for (BalanceDifference d : Recovery.compare(venue, ours, theirs, settings.tolerance(), "inventory")) {
            if (!d.beyondTolerance()) {
                LOG.warn("{}: balance differs within tolerance: {} (the next start takes the venue's)", venue, d.describe());
            } else if (beyondBefore.contains(d.asset())) {
                beyond.add(d);
                beyondNow.add(d.asset());
            } else {
                beyondNow.add(d.asset());
                LOG.warn("{}: balance differs beyond tolerance, to be confirmed by the next check: {}", venue, d.describe());
            }
        }
        beyondLastTime.put(venue, beyondNow);
        return beyond.isEmpty() ? null : new ReconciliationFailure(venue, beyond, now);
    }

    /** What the inventory holds on {@code venue}, per asset, cash included. */
    static Map<Asset, BigDecimal> inventoryOf(InventorySnapshot snapshot, VenueId venue) {
        Map<Asset, BigDecimal> out = new HashMap<>();
        BigDecimal cash = snapshot.cashByVenue().get(venue);
        if (cash != null) {
            out.put(snapshot.valuationCurrency(), cash);
        }
        for (AssetInventory a : snapshot.assets().values()) {
            Holding h = a.byVenue().get(venue);
            if (h != null) {
                out.put(a.asset(), h.position().quantity());
            }
        }
        return out;
    }

    public long runs() { return runs; }
    public long fillsApplied() { return fillsApplied; }
    public long ordersSettled() { return ordersSettled; }
    public long failures() { return failures; }
}
