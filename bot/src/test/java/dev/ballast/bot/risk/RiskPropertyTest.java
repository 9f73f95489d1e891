package dev.ballast.bot.risk;

import static dev.ballast.bot.testing.TwoVenueEngine.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.ballast.bot.testing.ScriptedVenue;
import dev.ballast.bot.testing.TwoVenueEngine;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Order;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.OrderStatus;
import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import dev.ballast.core.VenueOrderId;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderRejected;
import dev.ballast.core.event.RejectReason;
import dev.ballast.strategies.quoting.LinearSkewQuoteModel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random sequences of market moves, quiet venues, time passing, acknowledgements, cancel confirmations, partial
 * fills, rejects and operator commands, played against the engine on two scripted venues with tight limits (tighter
 * than the quoting band, so the guards are what holds). Every order is checked as it reaches a venue, against
 * numbers the test keeps itself: nothing leaves while HALTED; while REDUCING only orders that shrink the drift
 * without crossing the target; and no order breaks a limit — the worst-case position if every live order on its side
 * filled (total and on the venue), its notional, the open orders on the venue, the orders sent in the last second
 * (per venue and in total), its distance from fair value and the age of its book. Entering HALTED sends exactly one
 * cancel-all to every venue.
 */
class RiskPropertyTest {
    private static final long SEED = 20_260_101L;
    private static final double EPS = 1e-9;
    private static final double MAX_POSITION = 0.05;
    private static final double MAX_VENUE_POSITION = 0.56;
    private static final double MAX_NOTIONAL = 900;
    private static final int MAX_OPEN = 3;
    private static final int MAX_RATE_VENUE = 4;
    private static final int MAX_RATE_TOTAL = 6;
    private static final double BAND_BPS = 8;
    private static final long STALE_NS = Duration.ofSeconds(1).toNanos();
    private static final long SECOND_NS = Duration.ofSeconds(1).toNanos();

    private static final RiskLimits LIMITS = RiskLimits.builder()
            .position(BTC, new PositionLimits(MAX_POSITION, MAX_VENUE_POSITION))
            .maxOrderNotional(MAX_NOTIONAL)
            .maxOpenOrdersPerVenue(MAX_OPEN)
            .maxOrdersPerSecondPerVenue(MAX_RATE_VENUE)
            .maxOrdersPerSecond(MAX_RATE_TOTAL)
            .priceBandBps(BAND_BPS)
            .staleDataNs(STALE_NS)
            .maxDrawdownPct(0.5)
            .maxDailyLossPct(0.8)
            .rejectsToHalt(3, Duration.ofSeconds(5).toNanos())
            .build();

    sealed interface Op permits Move, Heartbeat, Advance, AckAll, ConfirmCancels, FillOne, RejectOne, Command {
    }

    /** Both venues' books move to mid × (1 + bps / 10 000). */
    record Move(int bps) implements Op {
    }

    /** One venue's book is sent again at the same mid (the other may go stale). */
    record Heartbeat(boolean venueA) implements Op {
    }

    record Advance(int ms) implements Op {
    }

    record AckAll() implements Op {
    }

    record ConfirmCancels() implements Op {
    }

    /** Fills {@code percent} of the remaining size of the {@code pick}-th live order (at least one lot). */
    record FillOne(int pick, int percent) implements Op {
    }

    /** The venue rejects the {@code pick}-th order still pending. */
    record RejectOne(int pick, RejectReason reason) implements Op {
    }

    record Command(OperatorCommand.Action action) implements Op {
    }

    private static final Map<DenyReason, Long> DENIED = new EnumMap<>(DenyReason.class);
    private static long placedTotal;
    private static long haltsTotal;
    private static long placedWhileReducing;

    private static Gen<List<Op>> scenarios() {
        Gen<Op> moves = integers().between(-120, 120).map(Move::new);
        Gen<Op> heartbeats = booleans().all().map(Heartbeat::new);
        Gen<Op> advances = integers().between(0, 2500).map(Advance::new);
        Gen<Op> acks = Generate.constant(new AckAll());
        Gen<Op> confirms = Generate.constant(new ConfirmCancels());
        Gen<Op> fills = integers().between(0, 20).zip(integers().between(1, 100), FillOne::new);
        RejectReason[] reasons = {RejectReason.INVALID_ORDER, RejectReason.INSUFFICIENT_BALANCE,
            RejectReason.POST_ONLY_WOULD_CROSS, RejectReason.RATE_LIMITED};
        Gen<Op> rejects = integers().between(0, 20).zip(integers().between(0, reasons.length - 1),
                (p, r) -> new RejectOne(p, reasons[r]));
        Gen<Op> commands = integers().between(0, OperatorCommand.Action.values().length - 1)
                .map(i -> new Command(OperatorCommand.Action.values()[i]));
        Gen<Op> op = Generate.frequency(Pair.of(4, moves), Pair.of(2, heartbeats), Pair.of(4, advances),
                Pair.of(3, acks), Pair.of(2, confirms), Pair.of(5, fills), Pair.of(1, rejects), Pair.of(1, commands));
        return lists().of(op).ofSizeBetween(1, 120);
    }

    @Test
    void shouldNeverSendAnOrderWhileHaltedNorOneThatBreaksAConfiguredLimit() {
        qt().withFixedSeed(SEED).withExamples(300).forAll(scenarios()).checkAssert(ops -> {
            Run run = new Run();
            for (Op op : ops) {
                run.apply(op);
            }
            assertThat(run.violations).as("orders that broke a rule, scenario %s", ops).isEmpty();
            run.record();
        });

        // the scenarios reached the limits: the property held where it mattered
        assertThat(placedTotal).isGreaterThan(1_000);
        assertThat(haltsTotal).isGreaterThan(10);
        assertThat(placedWhileReducing).isGreaterThan(10);
        assertThat(DENIED).containsKeys(DenyReason.MAX_POSITION, DenyReason.MAX_ORDER_NOTIONAL,
                DenyReason.MAX_OPEN_ORDERS, DenyReason.PRICE_BAND, DenyReason.STALE_DATA);
        assertThat(DENIED.keySet()).containsAnyOf(DenyReason.VENUE_ORDER_RATE, DenyReason.TOTAL_ORDER_RATE);
    }

    /** One scenario: the engine, the test's own view of the market, and every rule an order broke. */
    private static final class Run {
        private final TwoVenueEngine t = new TwoVenueEngine(LIMITS, new LinearSkewQuoteModel(0.015, 10, 100), 0.3, "0.5");
        private final Map<InstrumentId, Long> bookNs = new HashMap<>();
        private final Map<VenueId, Deque<Long>> sentByVenue = new HashMap<>();
        private final Deque<Long> sent = new ArrayDeque<>();
        private final List<String> violations = new ArrayList<>();
        private double mid = 60_000;
        private double fair;
        private int halts;
        private long placed;
        private long reducing;

        Run() {
            t.a.onPlace = r -> check(t.a, r);
            t.b.onPlace = r -> check(t.b, r);
            t.engine.onTradingStateChange(tr -> {
                if (tr.to() == TradingState.HALTED) {
                    halts++;
                }
            });
            books(true, true);
            t.engine.doWork();
        }

        void apply(Op op) {
            if (op instanceof Move m) {
                mid *= 1 + m.bps() / 10_000.0;
                books(true, true);
            } else if (op instanceof Heartbeat h) {
                books(h.venueA(), !h.venueA());
            } else if (op instanceof Advance a) {
                t.clock.advance(Duration.ofMillis(a.ms()));
            } else if (op instanceof AckAll) {
                for (Order o : live()) {
                    if (o.status() == OrderStatus.PENDING_NEW) {
                        t.inbox.offer(new OrderAccepted(o.instrumentId(), o.clientOrderId(),
                                new VenueOrderId("v-" + o.clientOrderId()), t.clock.nowNs()));
                    }
                }
            } else if (op instanceof ConfirmCancels) {
                for (Order o : live()) {
                    if (o.cancelRequested()) {
                        t.inbox.offer(new OrderCancelled(o.instrumentId(), o.clientOrderId(), "cancelled", t.clock.nowNs()));
                    }
                }
            } else if (op instanceof FillOne f) {
                List<Order> live = live();
                if (!live.isEmpty()) {
                    Order o = live.get(f.pick() % live.size());
                    Instrument i = o.instrument();
                    long remainingLots = i.sizeToLots(o.remainingSize());
                    t.fill(o, i.lotsToSize(Math.max(1, remainingLots * f.percent() / 100)));
                }
            } else if (op instanceof RejectOne r) {
                List<Order> pending = live().stream().filter(o -> o.status() == OrderStatus.PENDING_NEW).toList();
                if (!pending.isEmpty()) {
                    Order o = pending.get(r.pick() % pending.size());
                    t.inbox.offer(new OrderRejected(o.instrumentId(), o.clientOrderId(), r.reason(), "", t.clock.nowNs()));
                }
            } else if (op instanceof Command c) {
                t.engine.operatorCommands().post(new OperatorCommand(c.action(), "property", "test"));
            }
            t.engine.doWork();
            if (t.a.cancelAlls != halts || t.b.cancelAlls != halts) {
                violations.add("after " + op + ": " + halts + " entries into HALTED but cancel-alls " + t.a.cancelAlls
                        + " / " + t.b.cancelAlls);
            }
        }

        /** Sends each chosen venue its book around {@code mid} and notes when; both venues always share one mid. */
        private void books(boolean onA, boolean onB) {
            if (onA) {
                t.book(t.btcA, mid);
                bookNs.put(t.btcA.id(), t.clock.nowNs());
            }
            if (onB) {
                t.book(t.btcB, mid);
                bookNs.put(t.btcB.id(), t.clock.nowNs());
            }
            long bid = t.btcA.roundToTicks(mid * (1 - 0.0002), Side.BUY);
            long ask = t.btcA.roundToTicks(mid * (1 + 0.0002), Side.SELL);
            if (onA && onB) {
                fair = (bid + ask) / 2.0 * t.btcA.tickSizeDouble();
            }
        }

        private List<Order> live() {
            return List.copyOf(t.engine.orders().liveOrders());
        }

        /** Called as {@code r} reaches {@code venue}: the order is already among the engine's live orders. */
        private void check(ScriptedVenue venue, OrderRequest r) {
            placed++;
            long now = t.clock.nowNs();
            TradingState state = t.engine.tradingState();
            if (state == TradingState.HALTED) {
                violations.add("sent while HALTED: " + r);
            }
            double size = r.size().doubleValue();
            double price = r.price().doubleValue();
            int sign = r.side().sign();
            double drift = t.engine.inventory().driftDouble(BTC);
            double held = t.engine.inventory().quantity(BTC, venue.id()).doubleValue();
            double sameSide = 0;
            double sameSideHere = 0;
            int openHere = 0;
            for (Order o : t.engine.orders().liveOrders()) {
                boolean here = o.instrumentId().venue().equals(venue.id());
                openHere += here ? 1 : 0;
                if (o.side() == r.side()) {
                    sameSide += o.remainingSize().doubleValue();
                    sameSideHere += here ? o.remainingSize().doubleValue() : 0;
                }
            }
            if (state == TradingState.REDUCING) {
                reducing++;
                if (!(-sign * drift > 0) || sameSide > -sign * drift + EPS) {
                    violations.add("REDUCING, drift " + drift + ", live " + r.side() + " " + sameSide + " with " + r);
                }
            }
            require(sign * drift + sameSide <= MAX_POSITION + EPS, "position: drift " + drift + ", live " + r.side()
                    + " " + sameSide, r);
            require(sign * held + sameSideHere <= MAX_VENUE_POSITION + EPS, "venue position: held " + held + ", live "
                    + sameSideHere, r);
            require(price * size <= MAX_NOTIONAL + EPS, "notional " + price * size, r);
            require(openHere <= MAX_OPEN, openHere + " open on " + venue.id(), r);
            require(countInLastSecond(sentByVenue.computeIfAbsent(venue.id(), v -> new ArrayDeque<>()), now)
                    <= MAX_RATE_VENUE, "venue rate", r);
            require(countInLastSecond(sent, now) <= MAX_RATE_TOTAL, "total rate", r);
            require(Math.abs(price - fair) / fair * 10_000 <= BAND_BPS + EPS, "band: fair " + fair, r);
            long age = now - bookNs.get(r.instrument());
            require(age <= STALE_NS, "book " + age / 1_000_000 + " ms old", r);
        }

        /** Adds a send at {@code now} and counts the sends in (now − 1 s, now]. */
        private static int countInLastSecond(Deque<Long> sends, long now) {
            sends.addLast(now);
            while (now - sends.peekFirst() >= SECOND_NS) {
                sends.removeFirst();
            }
            return sends.size();
        }

        private void require(boolean ok, String what, OrderRequest r) {
            if (!ok) {
                violations.add(what + ": " + r);
            }
        }

        void record() {
            placedTotal += placed;
            haltsTotal += halts;
            placedWhileReducing += reducing;
            t.engine.riskStatus().deniedByReason().forEach((reason, n) -> DENIED.merge(reason, n, Long::sum));
        }
    }
}
