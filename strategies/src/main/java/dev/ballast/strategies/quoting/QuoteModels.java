package dev.ballast.strategies.quoting;

import java.util.List;
import java.util.Objects;

/** Builds a quote model from its name (as configured per market) and its settings. */
public final class QuoteModels {
    public static final String LINEAR = "linear";
    public static final String AVELLANEDA_STOIKOV = "avellaneda-stoikov";
    public static final String GUEANT = "gueant";
    /** Every model name {@link #create} accepts. */
    public static final List<String> NAMES = List.of(LINEAR, AVELLANEDA_STOIKOV, GUEANT);

    private QuoteModels() {
    }

    /**
     * @param name   one of {@link #NAMES}
     * @param params the settings record of that model: {@link LinearQuoteParams},
     *               {@link AvellanedaStoikovQuoteParams} or {@link GueantQuoteParams}
     * @throws IllegalArgumentException if the name is unknown or the settings are for another model
     */
    public static QuoteModel create(String name, QuoteModelParams params) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(params, "params");
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown quote model '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        }
        if (!name.equals(params.modelName())) {
            throw new IllegalArgumentException("quote model '" + name + "' needs its own settings (was settings for '"
                    + params.modelName() + "')");
        }
        if (params instanceof LinearQuoteParams p) {
            return new LinearSkewQuoteModel(p);
        }
        if (params instanceof AvellanedaStoikovQuoteParams p) {
            return new AvellanedaStoikovQuoteModel(p);
        }
        return new GueantQuoteModel((GueantQuoteParams) params);
    }
}
