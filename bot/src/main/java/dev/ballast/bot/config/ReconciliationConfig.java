package dev.ballast.bot.config;

import dev.ballast.bot.recovery.BalanceTolerance;
import dev.ballast.core.Asset;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the bot reconciles with its venues at start and while trading ({@code reconciliation}; see
 * docs/recovery.md). Every field is optional in the file. Immutable.
 *
 * @param intervalSec how often reconciliation runs while trading; >= 0 (0: only at start); default
 *     {@value #DEFAULT_INTERVAL_SEC}
 * @param relativeTolerance a balance may differ from ours by this fraction of the larger amount before the
 *     difference is unexplained (start refused, or a periodic failure); >= 0; default 0.001 (0.1 %)
 * @param assetTolerance absolute tolerances per asset, in its units, overriding {@code relativeTolerance}; each
 *     asset the quote currency or one under {@code assets} (checked by {@link BallastConfig}); default none
 * @param cancelUnknownOrders cancel open orders on our accounts that are not ours (no client order id of ours);
 *     default false: they are left alone and logged
 */
public record ReconciliationConfig(long intervalSec, BigDecimal relativeTolerance, Map<Asset, BigDecimal> assetTolerance,
                                   boolean cancelUnknownOrders) {
    public static final long DEFAULT_INTERVAL_SEC = 30;
    public static final BigDecimal DEFAULT_RELATIVE_TOLERANCE = new BigDecimal("0.001");

    /** The settings used when the config has no {@code reconciliation} section. */
    public static final ReconciliationConfig DEFAULTS = new ReconciliationConfig(DEFAULT_INTERVAL_SEC,
            DEFAULT_RELATIVE_TOLERANCE, Map.of(), false);

    /** @throws IllegalArgumentException listing every field that breaks its rule */
    public ReconciliationConfig {
        Objects.requireNonNull(relativeTolerance, "relativeTolerance");
        Objects.requireNonNull(assetTolerance, "assetTolerance");
        Rules r = new Rules();
        r.nonNegative("intervalSec", intervalSec);
        r.nonNegative("balanceTolerance.relative", relativeTolerance);
        assetTolerance.forEach((asset, amount) -> r.nonNegative("balanceTolerance.assets." + asset, amount));
        r.throwIfAny();
        relativeTolerance = Rules.normalize(relativeTolerance);
        Map<Asset, BigDecimal> copy = new LinkedHashMap<>();
        assetTolerance.forEach((asset, amount) -> copy.put(asset, Rules.normalize(amount)));
        assetTolerance = Collections.unmodifiableMap(copy);
    }

    /** The tolerance as reconciliation applies it. */
    public BalanceTolerance tolerance() {
        return new BalanceTolerance(relativeTolerance, assetTolerance);
    }
}
