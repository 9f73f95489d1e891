package dev.ballast.bot.testing;

import dev.ballast.core.TradeId;
import dev.ballast.core.Fill;
import java.util.Optional;
import dev.ballast.core.OrderReport;
import dev.ballast.connectors.Venue;
import dev.ballast.core.Asset;
import dev.ballast.core.Balance;
import dev.ballast.core.ClientOrderId;
import dev.ballast.core.FeeSchedule;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.OpenOrder;
import dev.ballast.core.OrderRequest;
import dev.ballast.core.VenueId;
import dev.ballast.core.event.EventSink;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A venue that does nothing by itself: it records every command the engine sends, and the test answers
 * by offering events to the engine's inbox. For engine tests that script each venue reply by hand.
 */
public final class ScriptedVenue implements Venue {
    private final VenueId id;
    private final List<Instrument> instruments;
    private final Map<Asset, Balance> balances = new LinkedHashMap<>();
    public final List<OrderRequest> placed = new ArrayList<>();
    public final List<ClientOrderId> cancels = new ArrayList<>();
    public final List<InstrumentId> snapshotRequests = new ArrayList<>();
    public int cancelAlls;
    /** When set, place() throws it (a venue adapter failing before anything is sent). */
    public RuntimeException failPlace;
    public EventSink sink;
    /** Called with each order as it is placed, on the caller's (the engine's) thread, before it is recorded. */
    public java.util.function.Consumer<OrderRequest> onPlace = r -> { };

    public ScriptedVenue(VenueId id, List<Instrument> instruments) {
        this.id = id;
        this.instruments = List.copyOf(instruments);
    }

    public ScriptedVenue balance(String asset, String amount) {
        balances.put(Asset.of(asset), Balance.ofFree(Asset.of(asset), new BigDecimal(amount)));
        return this;
    }

    @Override public VenueId id() { return id; }
    @Override public List<Instrument> instruments() { return instruments; }
    @Override public FeeSchedule fees(InstrumentId instrument) { return new FeeSchedule(BigDecimal.ZERO, new BigDecimal("0.0005")); }
    @Override public Map<Asset, Balance> balances() { return Map.copyOf(balances); }
    /** Scripted open orders: what the venue lists as ours and still resting. */
    public final List<OpenOrder> open = new ArrayList<>();
    /** When set, openOrders() throws it (a venue that cannot be asked). */
    public RuntimeException failOpenOrders;
    /** When set, runs once just after the next listing of open orders (the venue moving on meanwhile: a fill). */
    public Runnable afterNextOpenOrders;
    @Override public List<OpenOrder> openOrders() {
        if (failOpenOrders != null) {
            throw failOpenOrders;
        }
        List<OpenOrder> listed = List.copyOf(open);
        Runnable after = afterNextOpenOrders;
        afterNextOpenOrders = null;
        if (after != null) {
            after.run();
        }
        return listed;
    }
    @Override public void start(EventSink sink) { this.sink = sink; }
    @Override public void requestSnapshot(InstrumentId instrument) { snapshotRequests.add(instrument); }
    @Override public void place(OrderRequest request) {
        if (failPlace != null) {
            throw failPlace;
        }
        onPlace.accept(request);
        placed.add(request);
    }
    @Override public void cancel(InstrumentId instrument, ClientOrderId clientOrderId) { cancels.add(clientOrderId); }
    @Override public void cancelAll() { cancelAlls++; }
    /** Scripted answers to "what became of order X": tests put what the venue would say. */
    public final Map<ClientOrderId, OrderReport> reports = new java.util.HashMap<>();
    /** Scripted fills the venue reports for "trades since". */
    public final List<Fill> venueFills = new ArrayList<>();
    @Override public Optional<OrderReport> orderStatus(InstrumentId i, ClientOrderId id) { return Optional.ofNullable(reports.get(id)); }
    @Override public List<Fill> tradesSince(InstrumentId i, TradeId after) {
        int start = 0;
        for (int k = 0; k < venueFills.size(); k++) {
            if (venueFills.get(k).tradeId().equals(after)) {
                start = k + 1;
            }
        }
        return venueFills.subList(start, venueFills.size()).stream().filter(f -> f.instrument().equals(i)).toList();
    }
    @Override public void close() { }

    /** The last order placed on {@code side}, or null. */
    public OrderRequest lastPlaced(dev.ballast.core.Side side) {
        for (int i = placed.size() - 1; i >= 0; i--) {
            if (placed.get(i).side() == side) {
                return placed.get(i);
            }
        }
        return null;
    }
}
