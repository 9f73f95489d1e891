package dev.ballast.connectors.binance;

import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.PublicTrade;
import java.util.ArrayList;
import java.util.List;

/** Keeps whatever a parser or reader hands over, in order, with the local receive times. */
class RecordingHandler implements BinanceMessageHandler {
    final List<Object> values = new ArrayList<>();
    final List<Long> localNs = new ArrayList<>();

    @Override
    public void onSnapshot(BookSnapshot snapshot, long local) {
        add(snapshot, local);
    }

    @Override
    public void onDelta(BookDelta delta, long local) {
        add(delta, local);
    }

    @Override
    public void onTrade(PublicTrade trade, long local) {
        add(trade, local);
    }

    @Override
    public void onBookTicker(BinanceBookTicker ticker, long local) {
        add(ticker, local);
    }

    <T> T only(Class<T> type) {
        if (values.size() != 1 || !type.isInstance(values.get(0))) {
            throw new AssertionError("expected one " + type.getSimpleName() + " but got " + values);
        }
        return type.cast(values.get(0));
    }

    private void add(Object value, long local) {
        values.add(value);
        localNs.add(local);
    }
}
