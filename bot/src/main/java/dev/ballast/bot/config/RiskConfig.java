package dev.ballast.bot.config;

import dev.ballast.bot.risk.RiskLimits;
import dev.ballast.core.Asset;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The pre-trade guards, the automatic halts and the operator's control file ({@code risk}). Every key is optional;
 * the defaults are generous enough that a bot trading as configured never meets them — they are the second line of
 * defence against a fat finger, a runaway loop or a market gone wrong. Backtests run without any of them (the engine
 * keeps {@code RiskLimits.NONE}), so risk never changes a backtest's result. Immutable.
 *
 * @param controlFile the operator's control file ({@code halt}, {@code reduce} or {@code resume}), read every second;
 *     a relative path is resolved against the config file's directory; default {@value #DEFAULT_CONTROL_FILE}
 * @param maxOrderNotional the largest price × size one order may have, in the quote currency; > 0; default 100000
 * @param maxOpenOrdersPerVenue the most live orders of ours one venue may hold; > 0; default 50
 * @param maxOrdersPerSecondPerVenue the most orders sent to one venue in any one-second window; > 0; default 50
 * @param maxOrdersPerSecond the most orders sent to all venues together in any one-second window; > 0; default 100
 * @param priceBandBps the furthest a limit price may be from its asset's fair value; > 0 and < 10000; default 500
 * @param staleDataMs no order on an instrument whose book has not changed for longer than this; > 0; default 5000
 * @param maxDrawdownPct HALTED when equity (cash + holdings at fair value) falls more than this percentage below its
 *     peak; > 0 and <= 100; default 10
 * @param maxDailyLossPct HALTED when equity falls more than this percentage below its first value of the UTC day;
 *     > 0 and <= 100; default 5
 * @param rejectsToHalt HALTED after this many venue rejects within {@code rejectWindowMs}, post-only crosses and
 *     insufficient balance not counted; > 0; default 20
 * @param rejectWindowMs the window rejects are counted in; > 0; default 60000
 * @param assets position limits per asset; the loader gives every asset under {@code assets} an entry (defaults in
 *     {@link RiskAssetConfig#defaults}); an asset left out has no position limit
 */
public record RiskConfig(
        String controlFile,
        BigDecimal maxOrderNotional,
        int maxOpenOrdersPerVenue,
        int maxOrdersPerSecondPerVenue,
        int maxOrdersPerSecond,
        double priceBandBps,
        long staleDataMs,
        double maxDrawdownPct,
        double maxDailyLossPct,
        int rejectsToHalt,
        long rejectWindowMs,
        Map<Asset, RiskAssetConfig> assets) {
    public static final String DEFAULT_CONTROL_FILE = "ballast.control";
    public static final BigDecimal DEFAULT_MAX_ORDER_NOTIONAL = new BigDecimal("100000");
    public static final int DEFAULT_MAX_OPEN_ORDERS_PER_VENUE = 50;
    public static final int DEFAULT_MAX_ORDERS_PER_SECOND_PER_VENUE = 50;
    public static final int DEFAULT_MAX_ORDERS_PER_SECOND = 100;
    public static final double DEFAULT_PRICE_BAND_BPS = 500;
    public static final long DEFAULT_STALE_DATA_MS = 5000;
    public static final double DEFAULT_MAX_DRAWDOWN_PCT = 10;
    public static final double DEFAULT_MAX_DAILY_LOSS_PCT = 5;
    public static final int DEFAULT_REJECTS_TO_HALT = 20;
    public static final long DEFAULT_REJECT_WINDOW_MS = 60_000;

    /** @throws IllegalArgumentException listing every field that breaks its rule */
    public RiskConfig {
        Objects.requireNonNull(controlFile, "controlFile");
        Objects.requireNonNull(maxOrderNotional, "maxOrderNotional");
        Objects.requireNonNull(assets, "assets");
        assets = Collections.unmodifiableMap(new LinkedHashMap<>(assets));
        assets.forEach((asset, limits) -> Objects.requireNonNull(limits, () -> "assets." + asset));
        Rules r = new Rules();
        r.require(!controlFile.isBlank(), "controlFile must not be empty");
        r.positive("maxOrderNotional", maxOrderNotional);
        r.positive("maxOpenOrdersPerVenue", maxOpenOrdersPerVenue);
        r.positive("maxOrdersPerSecondPerVenue", maxOrdersPerSecondPerVenue);
        r.positive("maxOrdersPerSecond", maxOrdersPerSecond);
        r.positive("priceBandBps", priceBandBps);
        r.below("priceBandBps", priceBandBps, 10_000);
        r.positive("staleDataMs", staleDataMs);
        r.positive("maxDrawdownPct", maxDrawdownPct);
        r.require(!(maxDrawdownPct > 100), "maxDrawdownPct must be <= 100 (was " + Rules.show(maxDrawdownPct) + ")");
        r.positive("maxDailyLossPct", maxDailyLossPct);
        r.require(!(maxDailyLossPct > 100), "maxDailyLossPct must be <= 100 (was " + Rules.show(maxDailyLossPct) + ")");
        r.positive("rejectsToHalt", rejectsToHalt);
        r.positive("rejectWindowMs", rejectWindowMs);
        r.throwIfAny();
    }

    /** The settings used when the config has no {@code risk} section: every default, each asset's from its config. */
    public static RiskConfig defaults(Map<Asset, AssetConfig> assets) {
        Map<Asset, RiskAssetConfig> limits = new LinkedHashMap<>();
        Objects.requireNonNull(assets, "assets")
                .forEach((asset, config) -> limits.put(asset, RiskAssetConfig.defaults(config)));
        return new RiskConfig(DEFAULT_CONTROL_FILE, DEFAULT_MAX_ORDER_NOTIONAL, DEFAULT_MAX_OPEN_ORDERS_PER_VENUE,
                DEFAULT_MAX_ORDERS_PER_SECOND_PER_VENUE, DEFAULT_MAX_ORDERS_PER_SECOND, DEFAULT_PRICE_BAND_BPS,
                DEFAULT_STALE_DATA_MS, DEFAULT_MAX_DRAWDOWN_PCT, DEFAULT_MAX_DAILY_LOSS_PCT, DEFAULT_REJECTS_TO_HALT,
                DEFAULT_REJECT_WINDOW_MS, limits);
    }

    /** The control file, a relative {@code controlFile} resolved against the directory of {@code configFile}. */
    public Path controlFile(Path configFile) {
        Path p = Path.of(controlFile);
        if (p.isAbsolute()) {
            return p;
        }
        Path dir = configFile.toAbsolutePath().getParent();
        return dir == null ? p.toAbsolutePath() : dir.resolve(p).normalize();
    }

    /** The limits as the engine enforces them. */
    public RiskLimits limits() {
        RiskLimits.Builder b = RiskLimits.builder()
                .maxOrderNotional(maxOrderNotional.doubleValue())
                .maxOpenOrdersPerVenue(maxOpenOrdersPerVenue)
                .maxOrdersPerSecondPerVenue(maxOrdersPerSecondPerVenue)
                .maxOrdersPerSecond(maxOrdersPerSecond)
                .priceBandBps(priceBandBps)
                .staleDataNs(TimeUnit.MILLISECONDS.toNanos(staleDataMs))
                .maxDrawdownPct(maxDrawdownPct)
                .maxDailyLossPct(maxDailyLossPct)
                .rejectsToHalt(rejectsToHalt, TimeUnit.MILLISECONDS.toNanos(rejectWindowMs));
        assets.forEach((asset, limits) -> b.position(asset, limits.limits()));
        return b.build();
    }
}
