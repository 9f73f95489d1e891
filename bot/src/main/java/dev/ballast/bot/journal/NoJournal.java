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

/** {@link Journal#none()}: keeps nothing, so backtests and benchmarks run exactly as without a journal. Stateless. */
final class NoJournal implements Journal {
    static final NoJournal INSTANCE = new NoJournal();

    private NoJournal() {
    }

    @Override public boolean isDurable() { return false; }
    @Override public long beginSession(long proposedStamp, long nowNs) { return proposedStamp; }
    @Override public void intent(Order order, String purpose) { }
    @Override public void accepted(OrderAccepted event) { }
    @Override public void rejected(OrderRejected event) { }
    @Override public void cancelled(OrderCancelled event) { }
    @Override public void cancelRejected(CancelRejected event) { }
    @Override public boolean fill(Instrument instrument, Fill fill) { return true; }
    @Override public void settled(OrderReport report, String reason) { }
    @Override public void hedgeDecision(long atNs, Asset asset, String action, Side side, double sizeBase, String reason) { }
    @Override public void snapshot(long atNs, InventorySnapshot inventory) { }
    @Override public void flush() { }
    @Override public void close() { }
    @Override public JournalState state() { return JournalState.EMPTY; }
    @Override public Optional<JournaledOrder> order(ClientOrderId clientOrderId) { return Optional.empty(); }
    @Override public Optional<TradeId> lastTradeId(InstrumentId instrument) { return Optional.empty(); }
    @Override public boolean hasFill(InstrumentId instrument, TradeId tradeId) { return false; }

    @Override
    public String toString() {
        return "Journal.none()";
    }
}
