package dev.ballast.bot.config;

import dev.ballast.strategies.quoting.AvellanedaStoikovQuoteParams;
import dev.ballast.strategies.quoting.CommonQuoteParams;
import dev.ballast.strategies.quoting.GueantQuoteParams;
import dev.ballast.strategies.quoting.LinearQuoteParams;
import dev.ballast.strategies.quoting.QuoteModelParams;
import dev.ballast.strategies.rebalance.RebalanceParams;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * How the bot holds, quotes and hedges one asset across all venues ({@code assets.<ASSET>}). Sizes are in the
 * asset's own units, spreads and skew in basis points of fair value. {@code target}, {@code band},
 * {@code maxPosition}, {@code quoteSize}, {@code spreadBps} and {@code skewBpsPerUnit} are required in the
 * file, the rest optional. Immutable.
 *
 * @param target the total holding aimed for, summed over venues; >= 0
 * @param band {@code |position - target|} within this is "on target" (also the hedge decision's no-trade
 *     band); >= 0 and < {@code maxPosition}
 * @param maxPosition the hard limit on {@code |position - target|}: past it the side that would grow the
 *     drift is not quoted; > 0; for the gueant model also >= {@code quoteSize}
 * @param quoteSize the size of each quote; > 0, at least every trading market's lot size, and (on simulated
 *     venues) worth at least their minimum notional at the start price (checked by {@link BallastConfig})
 * @param model the quote model; default {@link QuoteModelType#LINEAR}
 * @param spreadBps the full quoted spread around fair value of the linear model, and of the linear quote the
 *     other models fall back to while their estimates are cold; > 0 and < 10000
 * @param skewBpsPerUnit how far that linear quote's centre moves against each whole unit of drift; >= 0
 * @param minSpreadBps the narrowest full spread any model quotes; >= 0 and < 10000; default 0 (no floor)
 * @param shrinkGrowingSide when true the side that grows the drift is quoted at
 *     {@code quoteSize × max(0, 1 − |drift| / maxPosition)}; default false
 * @param gamma the quote model's risk aversion γ, per unit of quote currency; > 0; for avellaneda-stoikov
 *     and gueant only (default {@link QuoteModelType#defaultGamma()}), NaN for linear
 * @param horizonSec the Avellaneda–Stoikov rolling horizon τ; > 0; for avellaneda-stoikov only (default
 *     {@value QuoteModelType#DEFAULT_HORIZON_SEC}), NaN for the others
 * @param hedge how the asset is brought back to target; default {@link HedgeConfig#defaults}; its
 *     {@code minSize} must be <= {@code band}
 */
public record AssetConfig(
        BigDecimal target,
        BigDecimal band,
        BigDecimal maxPosition,
        BigDecimal quoteSize,
        QuoteModelType model,
        double spreadBps,
        double skewBpsPerUnit,
        double minSpreadBps,
        boolean shrinkGrowingSide,
        double gamma,
        double horizonSec,
        HedgeConfig hedge) {

    /** @throws IllegalArgumentException listing every field that breaks its rule */
    public AssetConfig {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(maxPosition, "maxPosition");
        Objects.requireNonNull(quoteSize, "quoteSize");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(hedge, "hedge");
        Rules r = new Rules();
        r.nonNegative("target", target);
        r.nonNegative("band", band);
        r.positive("maxPosition", maxPosition);
        if (band.signum() >= 0 && maxPosition.signum() > 0) {
            r.require(band.compareTo(maxPosition) < 0, "band must be < maxPosition " + Rules.show(maxPosition)
                    + " (was " + Rules.show(band) + ")");
        }
        r.positive("quoteSize", quoteSize);
        if (model == QuoteModelType.GUEANT && maxPosition.signum() > 0 && quoteSize.signum() > 0) {
            r.require(maxPosition.compareTo(quoteSize) >= 0, "maxPosition must be >= quoteSize "
                    + Rules.show(quoteSize) + " for model gueant (was " + Rules.show(maxPosition) + ")");
        }
        r.positive("spreadBps", spreadBps);
        r.below("spreadBps", spreadBps, 10_000);
        r.nonNegative("skewBpsPerUnit", skewBpsPerUnit);
        r.nonNegative("minSpreadBps", minSpreadBps);
        r.below("minSpreadBps", minSpreadBps, 10_000);
        modelSetting(r, "gamma", gamma, model.usesGamma(), model);
        modelSetting(r, "horizonSec", horizonSec, model.usesHorizon(), model);
        if (band.signum() >= 0) {
            r.require(hedge.minSize().compareTo(band) <= 0, "hedge.minSize must be <= band " + Rules.show(band)
                    + " (was " + Rules.show(hedge.minSize()) + ")");
        }
        BigDecimal bandAsGiven = band;
        BigDecimal quoteSizeAsGiven = quoteSize;
        BigDecimal maxPositionAsGiven = maxPosition;
        r.accepts(() -> quoteModelParams(model, common(quoteSizeAsGiven, maxPositionAsGiven, minSpreadBps,
                shrinkGrowingSide), spreadBps, skewBpsPerUnit, gamma, horizonSec));
        r.accepts(() -> hedge.rebalanceParams(bandAsGiven));
        r.throwIfAny();
        target = Rules.normalize(target);
        band = Rules.normalize(band);
        maxPosition = Rules.normalize(maxPosition);
        quoteSize = Rules.normalize(quoteSize);
    }

    /**
     * An asset quoted with the linear model, no spread floor, no size shrink, and every hedge default: the
     * settings of a file that gives only the required keys.
     */
    public AssetConfig(BigDecimal target, BigDecimal band, BigDecimal maxPosition, BigDecimal quoteSize,
            double spreadBps, double skewBpsPerUnit) {
        this(target, band, maxPosition, quoteSize, QuoteModelType.LINEAR, spreadBps, skewBpsPerUnit, 0, false,
                Double.NaN, Double.NaN, HedgeConfig.defaults(band, quoteSize));
    }

    /** The settings of this asset's quote model: a record of the type {@code model} names. */
    public QuoteModelParams quoteModelParams() {
        return quoteModelParams(model, common(quoteSize, maxPosition, minSpreadBps, shrinkGrowingSide), spreadBps,
                skewBpsPerUnit, gamma, horizonSec);
    }

    /** The settings of this asset's rebalancing decision: {@code hedge}'s knobs around {@code band}. */
    public RebalanceParams rebalanceParams() {
        return hedge.rebalanceParams(band);
    }

    /** A model setting: > 0 for a model that takes it, NaN (left out) for one that does not. */
    private static void modelSetting(Rules r, String field, double value, boolean used, QuoteModelType model) {
        if (used) {
            r.positive(field, value);
        } else {
            r.require(Double.isNaN(value), field + " is not used by model " + model.configName()
                    + ": leave it out (was " + Rules.show(value) + ")");
        }
    }

    private static CommonQuoteParams common(BigDecimal quoteSize, BigDecimal maxPosition, double minSpreadBps,
            boolean shrinkGrowingSide) {
        return new CommonQuoteParams(quoteSize.doubleValue(), maxPosition.doubleValue(), minSpreadBps,
                shrinkGrowingSide);
    }

    private static QuoteModelParams quoteModelParams(QuoteModelType model, CommonQuoteParams common,
            double spreadBps, double skewBpsPerUnit, double gamma, double horizonSec) {
        return switch (model) {
            case LINEAR -> new LinearQuoteParams(common, spreadBps, skewBpsPerUnit);
            case AVELLANEDA_STOIKOV ->
                    new AvellanedaStoikovQuoteParams(common, gamma, horizonSec, spreadBps, skewBpsPerUnit);
            case GUEANT -> new GueantQuoteParams(common, gamma, spreadBps, skewBpsPerUnit);
        };
    }
}
