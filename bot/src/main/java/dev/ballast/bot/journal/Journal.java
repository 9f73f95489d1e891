package dev.ballast.bot.journal;

import dev.ballast.bot.inventory.InventorySnapshot;
import dev.ballast.core.Asset;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.Fill;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.Order;
import dev.ballast.core.OrderReport;
import dev.ballast.core.Side;
import dev.ballast.core.TradeId;
import dev.ballast.core.event.CancelRejected;
import dev.ballast.core.event.OrderAccepted;
import dev.ballast.core.event.OrderCancelled;
import dev.ballast.core.event.OrderRejected;
import java.util.Optional;

/**
 * The bot's write-ahead journal: what it intended, what the venues answered and what it holds, written before
 * (intents) or as (answers, fills) the engine acts on it, so that a start after a crash can rebuild its state and
 * reconcile it with the venues ({@code bot.recovery}). Two rules make the journal a safety net rather than a log:
 * an order's intent is written before the order is sent and a client order id is unique, so no id is ever sent
 * twice; a fill is unique per venue, instrument and trade id, so no fill is ever counted twice.
 *
 * <p>Threading: not thread-safe. Owned by the engine thread: writes happen synchronously on it as the engine acts,
 * the reads at start (recovery) and during reconciliation. Opening and {@link #close} may happen on the wiring
 * thread before the engine starts and after it stopped.
 *
 * <p>Failures: a write that cannot be made throws {@link JournalException}; callers on the engine thread catch it
 * (an order whose intent could not be written is not sent), it never takes the engine down. {@link #none()} is a
 * journal that keeps nothing, for backtests and benchmarks.
 */
public interface Journal extends AutoCloseable {

    /** A journal that keeps nothing: every write is a no-op, every fill is new, the state is empty. */
    static Journal none() {
        return NoJournal.INSTANCE;
    }

    /** True when this journal keeps what is written (false for {@link #none()}). */
    boolean isDurable();

    // ------------------------------------------------------------------------------------------------- writes

    /**
     * Starts a session and returns its stamp: {@code proposedStamp} (the start time in ms), or one more than the
     * last session's stamp when that is not earlier (a clock set back), so client order ids made with it never
     * repeat an earlier session's.
     */
    long beginSession(long proposedStamp, long nowNs);

    /**
     * Records that {@code order} is about to be sent (or, for an order adopted from a venue, that we now own it),
     * with its current status, venue order id and filled size. Call before {@code Venue.place}.
     *
     * @throws DuplicateClientOrderIdException when the journal already has an order with this client order id
     *                                         (the order must not be sent)
     * @throws JournalException                when the write fails (the order must not be sent)
     */
    void intent(Order order, String purpose);

    /** The venue accepted an order: it is OPEN with this venue order id. */
    void accepted(OrderAccepted event);

    /** The venue refused an order (or it never left): REJECTED with the reason. */
    void rejected(OrderRejected event);

    /** An order left the book without filling completely: CANCELLED with the reason. */
    void cancelled(OrderCancelled event);

    /** A cancel was refused; when the venue does not know the order, its fate is UNKNOWN until settled. */
    void cancelRejected(CancelRejected event);

    /**
     * Records one of our fills on {@code instrument} (whose base and quote the positions are rebuilt from) and
     * adds it to its order's filled size.
     *
     * @return true when the fill is new; false when this venue, instrument and trade id were journaled before (the
     *         fill must then be ignored: it was already counted)
     */
    boolean fill(Instrument instrument, Fill fill);

    /** The venue's word on an order whose fate we lost (asked by reconciliation): its status, venue id and why. */
    void settled(OrderReport report, String reason);

    /**
     * A rebalancing decision of the engine with its reason: the action ({@code SKEW}, {@code HEDGE}, ...), the
     * hedge side (null when none) and size in base units.
     */
    void hedgeDecision(long atNs, Asset asset, String action, Side side, double sizeBase, String reason);

    /** The whole inventory at {@code atNs}: what recovery rebuilds positions from, with the fills after it. */
    void snapshot(long atNs, InventorySnapshot inventory);

    /** Makes every write so far durable as far as the journal's synchronous mode allows (a checkpoint). */
    void flush();

    /** Marks the session ended cleanly, flushes and releases the journal. */
    @Override
    void close();

    // -------------------------------------------------------------------------------------------------- reads

    /**
     * What the journal knows at start: orders not known to be finished, positions per venue (the last snapshot
     * plus the fills after it), average costs, the last trade id per instrument and the last session.
     */
    JournalState state();

    /** What the journal knows of one order. */
    Optional<JournaledOrder> order(ClientOrderId clientOrderId);

    /** The last fill journaled on {@code instrument}: where "trades since" starts. */
    Optional<TradeId> lastTradeId(InstrumentId instrument);

    /** True when this fill was journaled. */
    boolean hasFill(InstrumentId instrument, TradeId tradeId);
}
