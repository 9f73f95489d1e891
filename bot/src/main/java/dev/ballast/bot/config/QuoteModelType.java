package dev.ballast.bot.config;

import dev.ballast.strategies.quoting.QuoteModels;

/**
 * The quote model an asset is quoted with ({@code assets.<ASSET>.model}), written in the config by its
 * {@link QuoteModels} name. Each model has its own optional keys: {@code gamma} for the model-based ones,
 * {@code horizonSec} for Avellaneda–Stoikov only; a key of another model is an error, since its meaning (and
 * its default) belongs to that model.
 */
public enum QuoteModelType {
    /** A fixed spread around fair value, skewed linearly with the drift ({@code spreadBps}, {@code skewBpsPerUnit}). */
    LINEAR(QuoteModels.LINEAR, Double.NaN, false),
    /** Avellaneda–Stoikov reservation price and optimal spread over a rolling horizon. */
    AVELLANEDA_STOIKOV(QuoteModels.AVELLANEDA_STOIKOV, 0.1, true),
    /** Guéant–Lehalle–Fernandez-Tapia closed-form asymptotic quotes with inventory bounds. */
    GUEANT(QuoteModels.GUEANT, 0.5, false);

    /** The rolling horizon of the Avellaneda–Stoikov model when {@code horizonSec} is left out. */
    public static final double DEFAULT_HORIZON_SEC = 60;

    private final String configName;
    private final double defaultGamma;
    private final boolean usesHorizon;

    QuoteModelType(String configName, double defaultGamma, boolean usesHorizon) {
        this.configName = configName;
        this.defaultGamma = defaultGamma;
        this.usesHorizon = usesHorizon;
    }

    /** The name used in the config file, the same as {@link QuoteModels}' name of the model. */
    public String configName() {
        return configName;
    }

    /** Whether the model takes a risk aversion {@code gamma}. */
    public boolean usesGamma() {
        return !Double.isNaN(defaultGamma);
    }

    /** Whether the model takes a rolling {@code horizonSec}. */
    public boolean usesHorizon() {
        return usesHorizon;
    }

    /** The {@code gamma} used when the key is left out; NaN for a model that takes none. */
    public double defaultGamma() {
        return defaultGamma;
    }

    /** The {@code horizonSec} used when the key is left out; NaN for a model that takes none. */
    public double defaultHorizonSec() {
        return usesHorizon ? DEFAULT_HORIZON_SEC : Double.NaN;
    }
}
