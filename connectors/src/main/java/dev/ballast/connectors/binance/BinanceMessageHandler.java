package dev.ballast.connectors.binance;

import dev.ballast.core.event.BookDelta;
import dev.ballast.core.event.BookSnapshot;
import dev.ballast.core.event.PublicTrade;

/**
 * Receives what {@link BinanceMessageParser} made of one message. Called on the parsing thread; each call
 * hands over a new value the handler may keep. {@code localNs} is when the message was received here.
 */
public interface BinanceMessageHandler {
    void onSnapshot(BookSnapshot snapshot, long localNs);

    void onDelta(BookDelta delta, long localNs);

    void onTrade(PublicTrade trade, long localNs);

    void onBookTicker(BinanceBookTicker ticker, long localNs);
}
