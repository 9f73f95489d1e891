package dev.ballast.bot.risk;

import dev.ballast.bot.inventory.InventoryAggregator;
import dev.ballast.core.Asset;
import dev.ballast.core.Instrument;
import dev.ballast.core.Order;
import dev.ballast.core.OrderType;
import dev.ballast.core.Side;
import dev.ballast.core.VenueId;
import dev.ballast.core.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pre-trade guards: every order the engine sends passes them on the engine thread, after the trading state
 * (HALTED: nothing; REDUCING: only orders that shrink |position − target| without crossing the target). In order:
 * stale market data, price band around fair value, order notional, position per asset (total, then on the venue),
 * open orders on the venue, order rate (the venue's, then the total: at most so many sends in any one-second window
 * of the engine clock). The first guard that fails denies the order; an order allowed counts against both rates.
 *
 * <p>Position limits count every live order on the side that would grow the position as filled: a buy is
 * allowed when drift + live buys + its size stays within {@code maxPosition} (a sell, mirrored), so no sequence of
 * fills of what is live can take the position past a limit that held when each order left. An order on the side
 * that shrinks the drift is denied by it only if it would carry the position past the limit on the other side.
 *
 * <p>Denials are counted per reason, logged (the first of a reason, then at most one line a second per reason
 * with the number left out) and handed to the {@code onDenied} listener. A small tolerance (a millionth of a lot)
 * keeps the guards from denying an order the quoting band sized exactly to a limit.
 *
 * <p>Not thread-safe: owned by the engine thread.
 */
public final class PreTradeGuards implements PreTradeCheck {
    private static final Logger LOG = LoggerFactory.getLogger("ballast.risk");
    private static final long LOG_EVERY_NS = 1_000_000_000L;

    private final Clock clock;
    private final RiskLimits limits;
    private final InventoryAggregator inventory;
    private final RiskInputs inputs;
    private final TradingStateMachine trading;
    private final RateWindow totalRate;
    private final Map<VenueId, RateWindow> venueRates = new HashMap<>();
    private final long[] denied = new long[DenyReason.values().length];
    private final long[] lastLoggedNs = new long[DenyReason.values().length];
    private final long[] unlogged = new long[DenyReason.values().length];
    private final boolean countsOrders;
    private Consumer<OrderDenied> onDenied = d -> { };

    /** Per-call scratch: the failing guard, and what the live orders add up to for the order being checked. */
    private DenyReason reason;
    private double sameSideTotal;
    private double sameSideVenue;
    private int openOnVenue;

    public PreTradeGuards(Clock clock, RiskLimits limits, InventoryAggregator inventory, RiskInputs inputs,
                          TradingStateMachine trading) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.trading = Objects.requireNonNull(trading, "trading");
        this.totalRate = new RateWindow(limits.maxOrdersPerSecond());
        this.countsOrders = !limits.positions().isEmpty() || limits.maxOpenOrdersPerVenue() != Integer.MAX_VALUE;
        Arrays.fill(lastLoggedNs, Long.MIN_VALUE);
    }

    /** Receives every denial, on the engine thread (the journal records them). */
    public void onDenied(Consumer<OrderDenied> listener) {
        this.onDenied = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public Optional<OrderDenied> check(Instrument instrument, Side side, OrderType type, long priceTicks,
                                       long sizeLots, String purpose) {
        long now = clock.nowNs();
        String why = firstBrokenRule(instrument, side, type, priceTicks, sizeLots, now);
        if (why != null) {
            return Optional.of(deny(instrument, side, type, priceTicks, sizeLots, purpose, now, why));
        }
        venueRate(instrument.id().venue()).record(now);
        totalRate.record(now);
        return Optional.empty();
    }

    /**
     * Runs the guards in order; the first that fails sets {@link #reason} and returns its numbers. Reads only what an
     * enabled guard needs, so with {@link RiskLimits#NONE} an order costs a few comparisons.
     *
     * @return null when every guard passes
     */
    private String firstBrokenRule(Instrument instrument, Side side, OrderType type, long priceTicks, long sizeLots,
                                   long now) {
        Asset asset = instrument.base();
        VenueId venue = instrument.id().venue();
        double size = instrument.lotsToDouble(sizeLots);
        double tolerance = instrument.lotSizeDouble() * 1e-6;
        PositionLimits position = limits.position(asset);
        TradingState state = trading.state();
        if (state == TradingState.HALTED) {
            reason = DenyReason.HALTED;
            return "trading is halted (" + trading.reason() + ")";
        }
        if (countsOrders || state == TradingState.REDUCING) {
            sumLiveOrders(asset, venue, side);
        } else {
            sameSideTotal = 0;
            sameSideVenue = 0;
            openOnVenue = 0;
        }
        boolean needsDrift = state == TradingState.REDUCING || position.maxPosition() != Double.POSITIVE_INFINITY;
        double drift = needsDrift && inventory.target(asset).isPresent() ? inventory.driftDouble(asset) : Double.NaN;
        if (state == TradingState.REDUCING) {
            double toward = -side.sign() * drift; // > 0 when this side brings the position back toward target
            if (!(toward > 0) || sameSideTotal + size > toward + tolerance) {
                reason = DenyReason.REDUCING_ONLY;
                return String.format(Locale.ROOT, "drift %+.8f, live %s %.8f + this %.8f", drift, side, sameSideTotal,
                        size);
            }
        }
        if (limits.staleDataNs() != Long.MAX_VALUE) {
            long dataNs = inputs.marketDataNs(instrument.id());
            if (dataNs == Long.MIN_VALUE || now - dataNs > limits.staleDataNs()) {
                reason = DenyReason.STALE_DATA;
                return dataNs == Long.MIN_VALUE ? "no market data yet" : "market data " + (now - dataNs) / 1_000_000
                        + " ms old > " + limits.staleDataNs() / 1_000_000 + " ms";
            }
        }
        boolean limitPrice = type != OrderType.MARKET;
        if (limits.priceBandBps() != Double.POSITIVE_INFINITY && limitPrice) {
            double fair = inputs.fairValue(asset);
            double offBps = Math.abs(instrument.ticksToDouble(priceTicks) - fair) / fair * 10_000;
            if (!(offBps <= limits.priceBandBps())) {
                reason = DenyReason.PRICE_BAND;
                return Double.isNaN(fair) ? "no fair value" : String.format(Locale.ROOT,
                        "%.2f bps from fair value %.8f > %s bps", offBps, fair, plain(limits.priceBandBps()));
            }
        }
        if (limits.maxOrderNotional() != Double.POSITIVE_INFINITY) {
            double price = limitPrice ? instrument.ticksToDouble(priceTicks) : inputs.fairValue(asset);
            double notional = price * size;
            if (!(notional <= limits.maxOrderNotional())) {
                reason = DenyReason.MAX_ORDER_NOTIONAL;
                return Double.isNaN(notional) ? "no price to value a market order at (no fair value)"
                        : String.format(Locale.ROOT, "notional %.2f > %s", notional, plain(limits.maxOrderNotional()));
            }
        }
        if (position.maxPosition() != Double.POSITIVE_INFINITY && !Double.isNaN(drift)) {
            double worst = side.sign() * drift + sameSideTotal + size; // how far past target on this side, all filled
            if (worst > position.maxPosition() + tolerance) {
                reason = DenyReason.MAX_POSITION;
                return String.format(Locale.ROOT, "drift %+.8f, live %s %.8f + this %.8f: %.8f past target > %s",
                        drift, side, sameSideTotal, size, worst, plain(position.maxPosition()));
            }
        }
        if (position.maxVenuePosition() != Double.POSITIVE_INFINITY) {
            double held = inventory.quantity(asset, venue).doubleValue();
            double worst = side.sign() * held + sameSideVenue + size;
            if (worst > position.maxVenuePosition() + tolerance) {
                reason = DenyReason.MAX_VENUE_POSITION;
                return String.format(Locale.ROOT, "%s holds %.8f, live %s %.8f + this %.8f: %.8f > %s", venue, held,
                        side, sameSideVenue, size, worst, plain(position.maxVenuePosition()));
            }
        }
        if (limits.maxOpenOrdersPerVenue() != Integer.MAX_VALUE && openOnVenue >= limits.maxOpenOrdersPerVenue()) {
            reason = DenyReason.MAX_OPEN_ORDERS;
            return venue + " has " + openOnVenue + " open orders of ours, the most allowed";
        }
        if (!venueRate(venue).available(now)) {
            reason = DenyReason.VENUE_ORDER_RATE;
            return venue + " already sent " + limits.maxOrdersPerSecondPerVenue() + " orders in the last second";
        }
        if (!totalRate.available(now)) {
            reason = DenyReason.TOTAL_ORDER_RATE;
            return "already sent " + limits.maxOrdersPerSecond() + " orders in the last second across venues";
        }
        return null;
    }

    private RateWindow venueRate(VenueId venue) {
        RateWindow w = venueRates.get(venue);
        if (w == null) {
            w = new RateWindow(limits.maxOrdersPerSecondPerVenue());
            venueRates.put(venue, w);
        }
        return w;
    }

    /** Sums our live orders on {@code side} of {@code asset}, everywhere and on {@code venue}; counts the venue's orders. */
    private void sumLiveOrders(Asset asset, VenueId venue, Side side) {
        double total = 0;
        double onVenue = 0;
        int open = 0;
        for (Order o : inputs.liveOrders()) {
            boolean here = o.instrumentId().venue().equals(venue);
            if (here) {
                open++;
            }
            if (o.side() == side && o.instrument().base().equals(asset)) {
                double remaining = o.filledSize().signum() == 0 ? o.size().doubleValue() : o.remainingSize().doubleValue();
                total += remaining;
                if (here) {
                    onVenue += remaining;
                }
            }
        }
        sameSideTotal = total;
        sameSideVenue = onVenue;
        openOnVenue = open;
    }

    private OrderDenied deny(Instrument instrument, Side side, OrderType type, long priceTicks, long sizeLots,
                             String purpose, long now, String detail) {
        OrderDenied d = new OrderDenied(instrument.id(), side, type,
                type == OrderType.MARKET ? null : instrument.ticksToPrice(priceTicks), instrument.lotsToSize(sizeLots),
                purpose, reason, detail, now);
        int i = reason.ordinal();
        denied[i]++;
        if (lastLoggedNs[i] == Long.MIN_VALUE || now - lastLoggedNs[i] >= LOG_EVERY_NS) {
            String more = unlogged[i] == 0 ? "" : " (+" + unlogged[i] + " more " + reason + " since the last line)";
            LOG.info("{}{}", d, more);
            lastLoggedNs[i] = now;
            unlogged[i] = 0;
        } else {
            unlogged[i]++;
        }
        onDenied.accept(d);
        return d;
    }

    /** Denials so far, per reason (only reasons that happened), in {@link DenyReason} order. */
    public Map<DenyReason, Long> deniedByReason() {
        Map<DenyReason, Long> out = new EnumMap<>(DenyReason.class);
        for (DenyReason r : DenyReason.values()) {
            if (denied[r.ordinal()] > 0) {
                out.put(r, denied[r.ordinal()]);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    public long deniedCount() {
        long n = 0;
        for (long v : denied) {
            n += v;
        }
        return n;
    }

    public RiskLimits limits() {
        return limits;
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
