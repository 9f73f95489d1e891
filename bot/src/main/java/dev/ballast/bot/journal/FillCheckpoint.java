package dev.ballast.bot.journal;

import dev.ballast.core.InstrumentId;
import dev.ballast.core.TradeId;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a check of one instrument's fills against the venue got: every fill the venue listed up to and including
 * {@code throughTradeId} is journaled (null: the venue listed none — every fill it will list is new). Recovery and
 * reconciliation ask the venue for fills after it, not after the last fill journaled: a fill the stream delivered
 * does not prove that the fills before it arrived (a fill made while the stream was connecting is never streamed),
 * and asking after it would skip them for good.
 */
public record FillCheckpoint(InstrumentId instrument, TradeId throughTradeId) {
    public FillCheckpoint {
        Objects.requireNonNull(instrument, "instrument");
    }

    /**
     * Where the next check of {@code instrument} starts: after its checkpoint; without one (a journal from before
     * checkpoints), after the last fill journaled; null (every fill the venue lists) when there is neither.
     */
    public static TradeId startOf(Journal journal, InstrumentId instrument) {
        Optional<FillCheckpoint> checkpoint = journal.fillCheckpoint(instrument);
        // not Optional.map: a checkpoint through no trade (null) must not fall back to the last fill
        return checkpoint.isPresent() ? checkpoint.get().throughTradeId()
                : journal.lastTradeId(instrument).orElse(null);
    }
}
