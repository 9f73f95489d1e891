package dev.ballast.strategies.quoting;

/**
 * Turns an asset's fair value and inventory into the bid and ask to show. Pure and deterministic: the same
 * inputs give the same quote; no clock, no I/O, no threads. The model decides prices and sizes around fair
 * value; the hard inventory limit ({@link InventoryBand}) and each venue's tick, lot and post-only rules
 * ({@link VenueQuoteShaper}) are applied after it, the same for every model.
 */
public interface QuoteModel {
    /** Writes the model's quote for {@code in} into {@code out} (which it fully overwrites). */
    void quote(QuoteInputs in, TwoSidedQuote out);

    /** A short name for logs and status, e.g. {@code linear}. */
    String name();
}
