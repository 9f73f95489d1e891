package dev.ballast.connectors.backtest;

import dev.ballast.core.Side;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Our resting orders on one backtest venue, per side in price-time priority, and the queue-position model that
 * decides when the recorded market fills them. The recorded market never sees our orders: its trades and depth
 * changes are facts, and our fills are what those facts would have done to orders standing where ours stand.
 *
 * <p>The rules, in lots:
 * <ol>
 *   <li><b>Joining.</b> An order that goes live at price p joins the back of the queue there:
 *       {@code aheadLots} = the recorded size at p at that moment (0 when the level is empty — as it is when p
 *       improves the book). Recorded size that appears at p later queues behind it. Among our own orders at one
 *       price the older is ahead.</li>
 *   <li><b>Trades.</b> A recorded trade of S lots at price P is offered to each side's orders, best price first
 *       and oldest first at one price, as a budget of S lots of aggressor volume:
 *       <ul>
 *         <li><i>At our price, from the other side</i> (a sell print at our bid, a buy print at our ask): the trade
 *             took the S lots at the front of the recorded queue, so {@code aheadLots} drops by S (not below 0),
 *             and the volume that reaches us is what the budget holds beyond the lots that were ahead: we fill
 *             {@code min(remaining, budget − aheadLotsBefore)} when that is positive. So a trade smaller than
 *             the queue ahead does not fill us, and a larger one fills us by the excess.</li>
 *         <li><i>Through our price</i> (a print below our bid or above our ask, whichever side aggressed), or
 *             <i>at our price from our own side</i> (the recorded other side stood on our price): the counterparty
 *             would have met us first; we fill {@code min(remaining, budget)}.</li>
 *         <li><i>At a worse price</i>: nothing, for this order and every one behind it.</li>
 *       </ul>
 *       Each fill takes its lots out of the budget, so one trade fills at most S lots of ours per side.</li>
 *   <li><b>Depth changes.</b> When a recorded delta or snapshot touches our price, moving the recorded size there
 *       from B to A: T = the volume that traded at our price from the other side since the level was last touched
 *       (those lots left by trading and were already taken off {@code aheadLots}); E = max(0, B − T), the size the
 *       trades alone would have left. If A &lt; E, the C = E − A lots that vanished were cancelled, pro rata
 *       between the queue ahead of us and behind us: {@code aheadLots −= floor(C × aheadLots / E)} (rounded so we
 *       never move up more than our exact share). If A &ge; E, the new lots queued behind us. Then T = 0 and
 *       {@code aheadLots} is capped at A.</li>
 * </ol>
 * A trade whose depth update the recording delivers before the trade itself is counted twice (once as a pro rata
 * cancel, once as a trade): the model then errs towards filling us a little early.
 *
 * <p>Not thread-safe: owned by the replay thread.
 */
final class RestingOrders {
    /** Told about each fill the model gives one of our orders; it must record the fill on the order. */
    interface FillHandler {
        void onFill(BacktestOrder order, long lots);
    }

    /** Best (highest) price first, oldest first at one price. */
    private final List<BacktestOrder> bids = new ArrayList<>();
    /** Best (lowest) price first, oldest first at one price. */
    private final List<BacktestOrder> asks = new ArrayList<>();

    boolean isEmpty() {
        return bids.isEmpty() && asks.isEmpty();
    }

    /** One side's orders in priority order; do not modify. */
    List<BacktestOrder> side(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    /** Our order joins the back of the queue at its price, behind {@code recordedLotsAtPrice} recorded lots. */
    void join(BacktestOrder order, long recordedLotsAtPrice) {
        if (recordedLotsAtPrice < 0) {
            throw new IllegalArgumentException("recorded lots must be >= 0 (was " + recordedLotsAtPrice + ")");
        }
        order.aheadLots = recordedLotsAtPrice;
        order.tradedSinceDepthLots = 0;
        List<BacktestOrder> list = side(order.side);
        int i = 0;
        while (i < list.size() && !order.isBetterThan(list.get(i).priceTicks)) {
            i++;
        }
        list.add(i, order);
    }

    /** Takes an order out (cancelled); the other orders' places are unchanged. */
    void remove(BacktestOrder order) {
        side(order.side).remove(order);
    }

    /** Our remaining lots at a price on a side; only the orders the published book shows when {@code shownOnly}. */
    long lotsAt(Side side, long priceTicks, boolean shownOnly) {
        long lots = 0;
        for (BacktestOrder o : side(side)) {
            if (o.priceTicks == priceTicks && (o.shown || !shownOnly)) {
                lots += o.remainingLots();
            }
        }
        return lots;
    }

    /** Applies rule 2 to a recorded trade on both sides; orders that filled completely leave. */
    void onTrade(long priceTicks, long sizeLots, Side aggressor, FillHandler handler) {
        onTrade(bids, priceTicks, sizeLots, aggressor, handler);
        onTrade(asks, priceTicks, sizeLots, aggressor, handler);
    }

    private static void onTrade(List<BacktestOrder> list, long priceTicks, long sizeLots, Side aggressor,
                                FillHandler handler) {
        long budget = sizeLots;
        boolean anyFilled = false;
        for (int i = 0; i < list.size(); i++) {
            BacktestOrder o = list.get(i);
            long fill;
            if (o.isBetterThan(priceTicks) || (o.priceTicks == priceTicks && aggressor == o.side)) {
                fill = Math.min(budget, o.remainingLots());
            } else if (o.priceTicks == priceTicks) {
                long ahead = o.aheadLots;
                o.aheadLots = Math.max(0, ahead - sizeLots);
                o.tradedSinceDepthLots += sizeLots;
                fill = Math.max(0, Math.min(budget - ahead, o.remainingLots()));
            } else {
                break;
            }
            if (fill > 0) {
                budget -= fill;
                handler.onFill(o, fill);
                anyFilled |= o.isFilled();
            }
        }
        if (anyFilled) {
            list.removeIf(BacktestOrder::isFilled);
        }
    }

    /** Applies rule 3 to an order whose level a depth update moved from {@code beforeLots} to {@code afterLots}. */
    static void onDepthChange(BacktestOrder order, long beforeLots, long afterLots) {
        if (beforeLots < 0 || afterLots < 0) {
            throw new IllegalArgumentException("level sizes must be >= 0 (were " + beforeLots + ", " + afterLots + ")");
        }
        long expected = Math.max(0, beforeLots - order.tradedSinceDepthLots);
        order.tradedSinceDepthLots = 0;
        long ahead = Math.min(order.aheadLots, expected);
        if (afterLots < expected) {
            long cancelled = expected - afterLots;
            ahead -= multiplyDivideFloor(cancelled, ahead, expected);
        }
        order.aheadLots = Math.min(ahead, afterLots);
    }

    /** floor(a × b / c) for a, b >= 0 and c > 0, exact even when a × b overflows a long. */
    static long multiplyDivideFloor(long a, long b, long c) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if (high == 0 && low >= 0) {
            return low / c;
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
    }
}
