package dev.ballast.bot.recovery;

import dev.ballast.bot.engine.Engine;
import dev.ballast.bot.inventory.InventoryAggregator;
import dev.ballast.bot.journal.Journal;
import dev.ballast.bot.journal.JournalState;
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
import dev.ballast.core.OrderType;
import dev.ballast.core.VenueId;
import dev.ballast.core.time.Clock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start = recovery: every start, after a crash as after a clean stop, rebuilds the bot's state from the journal and
 * reconciles it with each venue before the first quote. Per venue, in this order:
 * <ol>
 *   <li><b>fills</b> since the last journaled trade id of each instrument ({@code Venue.tradesSince}): each one
 *       the journal does not have happened while we were down, and is journaled now (deduplicated by trade id);</li>
 *   <li><b>journaled orders not known to be finished</b>, asked by client order id ({@code Venue.orderStatus}):
 *       filled or cancelled or rejected while we were down, settled with the venue's word; unknown to the venue,
 *       settled as rejected ("never arrived") when never acknowledged, else as cancelled; still open, adopted;</li>
 *   <li><b>open orders</b> the journal does not hold as live: ours (our client order id prefix) are adopted and
 *       journaled, the others are someone else's and are left alone, or cancelled when
 *       {@code cancelUnknownOrders};</li>
 *   <li><b>balances</b> against the journal's positions (last snapshot + fills after it, the ones just found
 *       included): each difference is logged; one beyond tolerance refuses the start. The balances are read
 *       before and after the fills, and again until they stop moving, so a fill landing meanwhile is not taken
 *       for a difference.</li>
 * </ol>
 * Then the engine starts from the venues' balances (a difference within tolerance is thereby applied), adopted
 * orders are tracked and cancelled before the first quote (the engine quotes afresh; their fills until the cancel
 * lands still count), holdings get the journal's average cost as their opening cost basis, and a first snapshot is
 * journaled.
 *
 * <p>Not thread-safe: runs on the engine thread (it touches the order manager and inventory), before the engine
 * starts. Venue calls here are the blocking ones ({@code balances}, {@code openOrders}, {@code orderStatus},
 * {@code tradesSince}).
 */
public final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger("ballast.recovery");
    /** Reads of a venue's balances that may show it still moving before the comparison goes ahead anyway. */
    static final int MAX_BALANCE_READS = 5;

    private final Journal journal;
    private final Map<VenueId, Venue> venues;
    private final ReconciliationSettings settings;
    private final Clock clock;

    public Recovery(Journal journal, Map<VenueId, Venue> venues, ReconciliationSettings settings, Clock clock) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.venues = Map.copyOf(venues);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Recovers, reconciles and starts {@code engine} (which must trade on this recovery's venues and journal to its
     * journal). Without a durable journal it only starts the engine.
     *
     * @throws StartRefusedException when reconciliation finds a difference beyond tolerance or cannot reach a
     *                               venue; the engine is not started then
     */
    public RecoveryReport start(Engine engine) throws StartRefusedException {
        if (!journal.isDurable()) {
            engine.start();
            return RecoveryReport.NOTHING;
        }
        JournalState state = journal.state();
        if (state.lastSession() == 0) {
            LOG.info("journal is new: first start, the venues' balances are taken as they are");
        } else {
            LOG.info("recovering: the last session ({}) {}; {} orders not known to be finished", state.lastSession(),
                    state.lastSessionEndedCleanly() ? "ended cleanly" : "did not end cleanly (a crash or a kill)",
                    state.liveOrders().size());
        }
        RecoveryReport report = reconcile(state);
        if (report.refused()) {
            String why = report.refusal();
            LOG.error(why);
            throw new StartRefusedException(why);
        }
        for (Order o : report.adopted()) {
            engine.orders().adopt(o);
        }
        engine.start();
        for (Order o : report.adopted()) {
            engine.orders().cancel(o, "left from an earlier session");
        }
        if (settings.cancelUnknownOrders()) {
            for (OpenOrder o : report.unknownOrders()) {
                LOG.warn("CANCEL {} unknown order {} (not ours: cancelUnknownOrders is on)", o.instrument(), o.clientOrderId());
                venues.get(o.instrument().venue()).cancel(o.instrument(), o.clientOrderId());
            }
        }
        carryCostBasis(engine.inventory(), journal.state().averageCosts());
        engine.journalSnapshot();
        LOG.info("recovered: {} fills while down, {} orders settled, {} adopted, {} unknown, {} balance differences"
                        + " within tolerance", report.fillsWhileDown().size(), report.settled().size(),
                report.adopted().size(), report.unknownOrders().size(), report.differences().size());
        return report;
    }

    /**
     * Reconciles the journal's {@code state} with every venue (journaling what the venues say) without touching the
     * engine. Blocking.
     */
    public RecoveryReport reconcile(JournalState state) {
        List<Fill> fills = new ArrayList<>();
        List<RecoveryReport.Settled> settled = new ArrayList<>();
        List<Order> adopted = new ArrayList<>();
        List<OpenOrder> unknown = new ArrayList<>();
        List<BalanceDifference> differences = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        for (Venue venue : sorted(venues)) {
            try {
                reconcileVenue(venue, state, fills, settled, adopted, unknown, differences);
            } catch (RuntimeException e) {
                LOG.error("{}: reconciliation could not be completed", venue.id(), e);
                unreachable.add(venue.id() + ": cannot reconcile (" + e + "); nothing is quoted until it can be");
            }
        }
        return new RecoveryReport(fills, settled, adopted, unknown, differences, unreachable);
    }

    private void reconcileVenue(Venue venue, JournalState state, List<Fill> fills,
                                List<RecoveryReport.Settled> settled, List<Order> adopted, List<OpenOrder> unknown,
                                List<BalanceDifference> differences) {
        Map<InstrumentId, Instrument> instruments = new LinkedHashMap<>();
        for (Instrument i : venue.instruments()) {
            instruments.put(i.id(), i);
        }
        Map<Asset, Balance> before = venue.balances();
        fillsWhileDown(venue, instruments, fills);
        Map<Asset, Balance> after = venue.balances();
        for (int reads = 2; !sameTotals(before, after) && reads < MAX_BALANCE_READS; reads++) {
            before = after;
            fillsWhileDown(venue, instruments, fills);
            after = venue.balances();
        }

        Set<ClientOrderId> journaledLive = new HashSet<>();
        for (JournaledOrder jo : state.liveOrders()) {
            if (!jo.instrument().venue().equals(venue.id())) {
                continue;
            }
            journaledLive.add(jo.clientOrderId());
            Instrument instrument = instruments.get(jo.instrument());
            if (instrument == null) {
                LOG.warn("{}: journaled order {} is on {}, which the venue no longer lists: left as it is",
                        venue.id(), jo.clientOrderId(), jo.instrument());
                continue;
            }
            settleOrAdopt(venue, instrument, jo, venue.orderStatus(jo.instrument(), jo.clientOrderId()), settled, adopted);
        }

        for (OpenOrder open : venue.openOrders()) {
            if (journaledLive.contains(open.clientOrderId())) {
                continue; // settled or adopted above
            }
            if (!settings.isOurs(open.clientOrderId().value())) {
                unknown.add(open);
                LOG.warn("{}: open order {} {} {} @ {} is not ours (no '{}' prefix): {}", venue.id(), open.instrument(),
                        open.side(), open.size().toPlainString(), open.price() == null ? "MKT" : open.price().toPlainString(),
                        settings.ourPrefix(), settings.cancelUnknownOrders() ? "it will be cancelled" : "left alone");
                continue;
            }
            Instrument instrument = instruments.get(open.instrument());
            Order order = instrument == null ? null : adoptable(instrument, open);
            if (order == null) {
                LOG.warn("{}: open order {} of ours cannot be tracked (instrument or grid unknown): left alone",
                        venue.id(), open.clientOrderId());
                continue;
            }
            if (journal.order(open.clientOrderId()).isPresent()) {
                journal.settled(new OrderReport(open.clientOrderId(), open.venueOrderId(), open.instrument(), open.side(),
                        order.status(), open.price(), open.size(), order.filledSize(), clock.nowNs()),
                        "open on the venue although the journal had it finished");
            } else {
                journal.intent(order, "adopted");
            }
            adopted.add(order);
            LOG.warn("{}: open order {} of ours was not live in the journal: adopted", venue.id(), open.clientOrderId());
        }

        if (!state.knowsPositionsOf(venue.id())) {
            LOG.info("{}: no inventory of this venue in the journal yet: its balances are taken as they are", venue.id());
            return;
        }
        Map<Asset, BigDecimal> ours = journal.state().positions().getOrDefault(venue.id(), Map.of());
        for (BalanceDifference d : compare(venue.id(), ours, after, settings.tolerance(), "journal")) {
            differences.add(d);
            if (d.beyondTolerance()) {
                LOG.error("{}: balance differs beyond tolerance: {}", venue.id(), d.describe());
            } else {
                LOG.warn("{}: balance differs within tolerance, the venue's is taken: {}", venue.id(), d.describe());
            }
        }
    }

    private void fillsWhileDown(Venue venue, Map<InstrumentId, Instrument> instruments, List<Fill> found) {
        for (Instrument instrument : instruments.values()) {
            List<Fill> fills = venue.tradesSince(instrument.id(), journal.lastTradeId(instrument.id()).orElse(null));
            for (Fill f : fills) {
                if (journal.fill(instrument, f)) {
                    found.add(f);
                    LOG.warn("{}: fill {} {} {} @ {} of {} happened while we were down: journaled", venue.id(),
                            f.tradeId(), f.side(), f.size().toPlainString(), f.price().toPlainString(), f.clientOrderId());
                }
            }
        }
    }

    private void settleOrAdopt(Venue venue, Instrument instrument, JournaledOrder jo, Optional<OrderReport> answer,
                               List<RecoveryReport.Settled> settled, List<Order> adopted) {
        long now = clock.nowNs();
        if (answer.isEmpty()) {
            boolean acknowledged = jo.venueOrderId() != null || jo.status() == OrderStatus.OPEN
                    || jo.status() == OrderStatus.PARTIALLY_FILLED;
            OrderStatus status = acknowledged ? OrderStatus.CANCELLED : OrderStatus.REJECTED;
            String why = acknowledged ? "unknown to the venue after a restart" : "never arrived";
            journal.settled(new OrderReport(jo.clientOrderId(), jo.venueOrderId(), jo.instrument(), jo.side(), status,
                    jo.price(), jo.size(), jo.filledSize(), now), why);
            settled.add(new RecoveryReport.Settled(jo.clientOrderId(), status, why));
            LOG.warn("{}: order {} {}: marked {}", venue.id(), jo.clientOrderId(), why, status);
            return;
        }
        OrderReport r = answer.get();
        if (r.status().isTerminal()) {
            String why = switch (r.status()) {
                case FILLED -> "filled while we were down";
                case CANCELLED -> "cancelled by the venue while we were down";
                default -> "rejected by the venue";
            };
            journal.settled(r, why);
            settled.add(new RecoveryReport.Settled(jo.clientOrderId(), r.status(), why));
            LOG.warn("{}: order {} {} (filled {} of {})", venue.id(), jo.clientOrderId(), why,
                    r.filledSize().toPlainString(), r.size().toPlainString());
            return;
        }
        if (r.filledSize().compareTo(r.size()) >= 0) {
            LOG.warn("{}: order {} is {} on the venue yet fully filled: left to the fills", venue.id(),
                    jo.clientOrderId(), r.status());
            return;
        }
        Order order = new Order(jo.clientOrderId(), instrument, jo.side(), jo.type(), jo.price(), jo.size(), jo.createdNs());
        order.transition(OrderStatus.OPEN, now);
        if (r.venueOrderId() != null) {
            order.venueOrderId(r.venueOrderId());
        }
        if (r.filledSize().signum() > 0) {
            order.applyFill(r.filledSize(), jo.price() != null ? jo.price() : r.price(), now);
        }
        journal.settled(r, "still open on the venue: adopted");
        adopted.add(order);
        LOG.info("{}: order {} still open on the venue (filled {} of {}): adopted", venue.id(), jo.clientOrderId(),
                r.filledSize().toPlainString(), r.size().toPlainString());
    }

    /** An order of ours found open on a venue, as the order manager tracks it; null when it is off the grid. */
    static Order adoptable(Instrument instrument, OpenOrder open) {
        if (open.price() == null) {
            return null;
        }
        try {
            Order order = new Order(open.clientOrderId(), instrument, open.side(), OrderType.LIMIT_POST_ONLY,
                    open.price(), open.size(), 0);
            order.transition(OrderStatus.OPEN, 0);
            if (open.venueOrderId() != null) {
                order.venueOrderId(open.venueOrderId());
            }
            if (open.filledSize().signum() > 0) {
                order.applyFill(open.filledSize(), open.price(), 0);
            }
            return order;
        } catch (IllegalArgumentException | IllegalStateException offGrid) {
            return null;
        }
    }

    /**
     * Every asset on which {@code ours} and the venue's balance totals differ, with its tolerance. An asset absent
     * on one side counts as zero there.
     */
    static List<BalanceDifference> compare(VenueId venue, Map<Asset, BigDecimal> ours, Map<Asset, Balance> theirs,
                                           BalanceTolerance tolerance, String oursName) {
        Set<Asset> assets = new LinkedHashSet<>(new java.util.TreeSet<>(ours.keySet()));
        assets.addAll(new java.util.TreeSet<>(theirs.keySet()));
        List<BalanceDifference> out = new ArrayList<>();
        for (Asset asset : assets) {
            BigDecimal mine = ours.getOrDefault(asset, BigDecimal.ZERO);
            Balance b = theirs.get(asset);
            BigDecimal venueAmount = b == null ? BigDecimal.ZERO : b.total();
            if (mine.compareTo(venueAmount) != 0) {
                out.add(new BalanceDifference(venue, asset, mine, venueAmount,
                        tolerance.allowed(asset, mine, venueAmount), oursName));
            }
        }
        return out;
    }

    /** True when both reads show the same total of every asset. */
    static boolean sameTotals(Map<Asset, Balance> a, Map<Asset, Balance> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<Asset, Balance> e : a.entrySet()) {
            if (e.getValue().total().compareTo(b.get(e.getKey()).total()) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Holdings open at the average cost the journal last had for them (when it had one). */
    private static void carryCostBasis(InventoryAggregator inventory, Map<Asset, BigDecimal> averageCosts) {
        averageCosts.forEach((asset, cost) -> {
            if (cost.signum() > 0 && !asset.equals(inventory.valuationCurrency())
                    && inventory.quantity(asset).signum() != 0) {
                try {
                    inventory.openAt(asset, cost);
                } catch (IllegalStateException alreadyOpen) {
                    LOG.debug("{} already open: the journal's cost basis is not carried over", asset);
                }
            }
        });
    }

    private static List<Venue> sorted(Map<VenueId, Venue> venues) {
        List<Venue> list = new ArrayList<>(venues.values());
        list.sort(java.util.Comparator.comparing(v -> v.id().name()));
        return list;
    }
}
