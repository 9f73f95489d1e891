package dev.ballast.connectors.marketdata;

import dev.ballast.core.Instrument;
import dev.ballast.core.book.SequenceRule;
import java.util.Objects;

/**
 * One instrument a {@link MarketDataSource} has events for, and the sequence rule its book deltas chain by:
 * build the instrument's {@code OrderBook} with {@code sequenceRule} to apply the source's book events.
 */
public record InstrumentFeed(Instrument instrument, SequenceRule sequenceRule) {
    public InstrumentFeed {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(sequenceRule, "sequenceRule");
    }
}
