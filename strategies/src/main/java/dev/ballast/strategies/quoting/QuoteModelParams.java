package dev.ballast.strategies.quoting;

/**
 * The immutable, validated settings of one quote model; {@link QuoteModels#create} builds the model they name.
 * One record per model.
 */
public sealed interface QuoteModelParams permits LinearQuoteParams, AvellanedaStoikovQuoteParams, GueantQuoteParams {
    /** The name of the model these settings are for, as in {@link QuoteModels#NAMES}. */
    String modelName();

    /** The settings every model shares. */
    CommonQuoteParams common();
}
