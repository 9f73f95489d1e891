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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A venue that passes everything to a real one and remembers every order the engine sent it. */
public final class RecordingVenue implements Venue {
    private final Venue delegate;
    public final List<OrderRequest> placed = new ArrayList<>();
    /** Orders the engine sent that have not reached the venue yet (a request whose fate the connector lost). */
    public final List<OrderRequest> held = new ArrayList<>();
    /** When true, the next IOC order is held instead of sent, as if the connection dropped while it was in flight. */
    public boolean holdNextIoc;

    public RecordingVenue(Venue delegate) {
        this.delegate = delegate;
    }

    @Override public VenueId id() { return delegate.id(); }
    @Override public List<Instrument> instruments() { return delegate.instruments(); }
    @Override public FeeSchedule fees(InstrumentId instrument) { return delegate.fees(instrument); }
    @Override public Map<Asset, Balance> balances() { return delegate.balances(); }
    @Override public List<OpenOrder> openOrders() { return delegate.openOrders(); }
    @Override public void start(EventSink sink) { delegate.start(sink); }
    @Override public void requestSnapshot(InstrumentId instrument) { delegate.requestSnapshot(instrument); }
    @Override public void cancel(InstrumentId instrument, ClientOrderId id) { delegate.cancel(instrument, id); }
    @Override public void cancelAll() { delegate.cancelAll(); }
    @Override public Optional<OrderReport> orderStatus(InstrumentId i, ClientOrderId id) { return delegate.orderStatus(i, id); }
    @Override public List<Fill> tradesSince(InstrumentId i, TradeId after) { return delegate.tradesSince(i, after); }
    @Override public void close() { delegate.close(); }

    @Override
    public void place(OrderRequest request) {
        placed.add(request);
        if (holdNextIoc && request.type() == dev.ballast.core.OrderType.LIMIT_IOC) {
            holdNextIoc = false;
            held.add(request);
            return;
        }
        delegate.place(request);
    }

    /** The held orders reach the venue now (a lookup by client id found that they had been received). */
    public void release() {
        held.forEach(delegate::place);
        held.clear();
    }
}
