package dev.ballast.connectors;

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
import dev.ballast.core.event.EventSink;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trading venue as the engine sees it: reference data, account state, market and own-order streams, and
 * order entry. Live exchanges, the simulated venue and backtest venues all implement it, so the engine is
 * the same in every mode.
 *
 * <p>Threading: every method may be called from the engine thread and must not block it on the network
 * except the reference/account calls marked "blocking", which the engine makes only at start, at shutdown
 * and during reconciliation. Order entry is asynchronous: {@link #place}, {@link #cancel} and
 * {@link #cancelAll} return at once and their outcomes (accepted, rejected, cancelled, filled, cancel
 * rejected) arrive later as events on the sink given to {@link #start}. Business outcomes are never thrown.
 */
public interface Venue extends AutoCloseable {
    VenueId id();

    /** The instruments this venue trades for us, with tick, lot and min notional. Blocking. */
    List<Instrument> instruments();

    /** Fee rates for an instrument. Blocking. */
    FeeSchedule fees(InstrumentId instrument);

    /** Our balances on this venue, per asset. Blocking. */
    Map<Asset, Balance> balances();

    /** Our orders still open on this venue. Blocking. */
    List<OpenOrder> openOrders();

    /**
     * The venue's word on one of our orders, asked by client order id: how an order whose fate was lost (a timeout,
     * a disconnect, a restart) is settled without sending it again. Empty when the venue never received it.
     * Blocking.
     */
    Optional<OrderReport> orderStatus(InstrumentId instrument, ClientOrderId clientOrderId);

    /**
     * Our own fills on {@code instrument} after the trade {@code afterExclusive} (the venue's recent ones when null),
     * oldest first: what reconciliation replays after a restart. Blocking.
     */
    List<Fill> tradesSince(InstrumentId instrument, TradeId afterExclusive);

    /**
     * Starts streaming: book snapshots and deltas and public trades for every instrument, and our own order
     * events and fills, all offered to {@code sink} from the venue's own threads.
     */
    void start(EventSink sink);

    /** Asks for a fresh book snapshot (after a gap); it arrives on the sink. */
    void requestSnapshot(InstrumentId instrument);

    /** Sends a new order. Its client order id was made before this call; the outcome arrives as events. */
    void place(OrderRequest request);

    /** Asks to cancel one order; the outcome arrives as {@code OrderCancelled} or {@code CancelRejected}. */
    void cancel(InstrumentId instrument, ClientOrderId clientOrderId);

    /** Asks to cancel every open order of ours on this venue; each cancellation arrives as an event. */
    void cancelAll();

    /** Stops streams and releases resources. Does not cancel orders: the engine does that first. */
    @Override
    void close();
}
