package dev.ballast.bot.engine;

import dev.ballast.core.Asset;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Order;
import dev.ballast.core.Side;
import dev.ballast.strategies.execution.HedgeSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One hedge being worked: the size the decision asked for, the schedule that cuts it into IOC children, the
 * children live right now, and what has been filled and what it cost against the fair value at decision time.
 * What the hedge leaves unfilled when its schedule ends goes back to the decision (it is not retried blindly).
 *
 * <p>Not thread-safe: owned by the engine thread.
 */
final class HedgeExecution {
    /** Children in a row that filled nothing before the hedge gives up and returns to the decision. */
    static final int MAX_EMPTY_CHILDREN = 3;

    final long id;
    final Asset asset;
    final Side side;
    final double targetBase;
    final double fairAtDecision;
    final long startedNs;
    final HedgeSchedule schedule;
    final String reason;
    private final List<Order> liveChildren = new ArrayList<>();
    private double filledBase;
    private double childFilledBase;
    private double slippageQuote;
    private double feesQuote;
    private int children;
    private int emptyChildrenInARow;
    private long childSentNs;

    HedgeExecution(long id, Asset asset, Side side, double targetBase, double fairAtDecision, long startedNs,
                   HedgeSchedule schedule, String reason) {
        this.id = id;
        this.asset = Objects.requireNonNull(asset, "asset");
        this.side = Objects.requireNonNull(side, "side");
        this.targetBase = targetBase;
        this.fairAtDecision = fairAtDecision;
        this.startedNs = startedNs;
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.reason = reason;
    }

    void childSent(Order o) {
        liveChildren.add(o);
    }

    void childrenSent(long nowNs) {
        children++;
        childFilledBase = 0;
        childSentNs = nowNs;
    }

    /** When the current (or last) round of children was sent. */
    long childSentNs() {
        return childSentNs;
    }

    boolean owns(ClientOrderId id) {
        for (int i = 0; i < liveChildren.size(); i++) {
            if (liveChildren.get(i).clientOrderId().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Counts a fill of one of this hedge's children: its size in base units (an inverse contract's contracts at
     * the fill price), and its cost vs fair value at decision (plus fee in quote).
     */
    void onFill(double size, double price, double feeQuote) {
        filledBase += size;
        childFilledBase += size;
        slippageQuote += side.sign() * (price - fairAtDecision) * size;
        feesQuote += feeQuote;
    }

    /** Forgets a child that reached a terminal status; when the last one goes, the child round is over. */
    void onChildDone(Order o) {
        liveChildren.remove(o);
        if (liveChildren.isEmpty()) {
            emptyChildrenInARow = childFilledBase > 0 ? 0 : emptyChildrenInARow + 1;
        }
    }

    /** A child round that could not be sent (no feasible route) counts as one that filled nothing. */
    void emptyRound() {
        emptyChildrenInARow++;
    }

    boolean hasLiveChildren() {
        return !liveChildren.isEmpty();
    }

    List<Order> liveChildren() {
        return liveChildren;
    }

    boolean stalled() {
        return emptyChildrenInARow >= MAX_EMPTY_CHILDREN;
    }

    /** Base units still to hedge (never negative). */
    double remainingBase() {
        return Math.max(0, targetBase - filledBase);
    }

    /** Base units of the hedge not yet sent as a child order (remaining minus what live children may still fill). */
    double unsentBase() {
        double live = 0;
        for (int i = 0; i < liveChildren.size(); i++) {
            live += OrderManager.remainingBase(liveChildren.get(i));
        }
        return Math.max(0, remainingBase() - live);
    }

    /** Signed base units in flight (buy +, sell −): what is left of the hedge. */
    double inFlightSigned() {
        return side.sign() * remainingBase();
    }

    double filledBase() {
        return filledBase;
    }

    int children() {
        return children;
    }

    /** What the fills cost against fair value at decision, fees included, in quote currency. */
    double costQuote() {
        return slippageQuote + feesQuote;
    }

    /** {@link #costQuote()} in bps of fair value at decision × filled size; NaN before any fill. */
    double costBps() {
        return filledBase == 0 ? Double.NaN : costQuote() / (fairAtDecision * filledBase) * 10_000;
    }
}
