package dev.ballast.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.Asset;
import dev.ballast.core.VenueId;
import dev.ballast.strategies.estimators.EwmaVolatility;
import dev.ballast.strategies.estimators.IntensityEstimator;
import dev.ballast.strategies.estimators.VenueLiquidityStats;
import dev.ballast.strategies.hedging.HedgeCostParams;
import dev.ballast.strategies.hedging.HedgeRouterParams;
import dev.ballast.strategies.quoting.AvellanedaStoikovQuoteParams;
import dev.ballast.strategies.quoting.CommonQuoteParams;
import dev.ballast.strategies.quoting.GueantQuoteParams;
import dev.ballast.strategies.quoting.LinearQuoteParams;
import dev.ballast.strategies.rebalance.RebalanceParams;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The config records when built in code: the same rules as the loader, maps that cannot change. */
class ConfigRecordsTest {

    @Test
    void shouldListEveryBrokenRuleWhenARecordIsBuiltWithBadValues() {
        assertThatThrownBy(() -> new AssetConfig(BigDecimal.ONE, new BigDecimal("0.05"), new BigDecimal("-1"),
                new BigDecimal("0.01"), 0, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxPosition must be > 0 (was -1); spreadBps must be > 0 (was 0)");
    }

    @Test
    void shouldCompareDecimalsByValueWhateverTheirTrailingZeros() {
        AssetConfig written = new AssetConfig(new BigDecimal("1.0"), new BigDecimal("0.050"), new BigDecimal("0.3"),
                new BigDecimal("0.01"), 6, 20);
        AssetConfig plain = new AssetConfig(new BigDecimal("1"), new BigDecimal("0.05"), new BigDecimal("0.30"),
                new BigDecimal("0.010"), 6, 20);

        assertThat(written).isEqualTo(plain);
        assertThat(written.target().toString()).isEqualTo("1");
    }

    @Test
    void shouldShowLargeDecimalsWithoutAnExponent() {
        SimAssetConfig btc = new SimAssetConfig(new BigDecimal("6E+4"), 3);

        assertThat(btc.startPrice().toString()).isEqualTo("60000");
    }

    @Test
    void shouldExposeMapsThatCannotBeChangedAndDoNotFollowTheCallersMap() throws ConfigException {
        BallastConfig config = ConfigText.valid().load();
        Map<Asset, AssetConfig> assets = new LinkedHashMap<>(config.assets());
        BallastConfig copy = new BallastConfig(config.mode(), config.quoteCurrency(), config.engine(),
                config.simulation(), config.venues(), config.liveVenues(), config.remoteVenues(), assets,
                config.estimators(), config.hedging(), config.risk(), config.journal(), config.reconciliation());

        assets.clear();

        assertThat(copy.assets()).hasSize(2);
        assertThatThrownBy(() -> copy.assets().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.venues().get(VenueId.of("sim-a")).markets().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldUseTheDocumentedDefaultsWhenOptionalKeysAreLeftOut() throws ConfigException {
        BallastConfig config = ConfigText.valid().load(); // no engine, no stepMs; sim-a has no fees or latency

        VenueConfig simA = config.venues().get(VenueId.of("sim-a"));
        assertThat(config.engine()).isEqualTo(EngineConfig.DEFAULTS);
        assertThat(EngineConfig.DEFAULTS).isEqualTo(new EngineConfig(5000, 250, 1.0, 65536));
        assertThat(config.simulation().stepMs()).isEqualTo(100);
        assertThat(simA.latencyMs()).isZero();
        assertThat(simA.makerFeeBps()).isEqualByComparingTo("0");
        assertThat(simA.takerFeeBps()).isEqualByComparingTo("0");
        assertThat(simA.dislocationBps()).isZero();
    }

    @Test
    void shouldNeverShowASecretInToString() {
        Secret key = Secret.of("AKIA-very-secret");
        record Credentials(Secret apiKey, Secret apiSecret) {
        }

        assertThat(new Credentials(key, Secret.of("xyz")).toString())
                .doesNotContain("AKIA", "xyz").contains("****");
        assertThat(key.reveal()).isEqualTo("AKIA-very-secret");
        assertThat(key).isEqualTo(Secret.of("AKIA-very-secret")).isNotEqualTo(Secret.of("other"));
    }

    @Test
    void shouldUseTheDocumentedRebalancingDefaultsWhenTheirKeysAreLeftOut() throws ConfigException {
        BallastConfig config = ConfigText.valid().load(); // no model, no hedge, no estimators, no hedging

        AssetConfig btc = config.assets().get(Asset.of("BTC")); // band 0.05, quoteSize 0.01
        assertThat(btc.model()).isEqualTo(QuoteModelType.LINEAR);
        assertThat(btc.minSpreadBps()).isZero();
        assertThat(btc.shrinkGrowingSide()).isFalse();
        assertThat(btc.gamma()).isNaN();
        assertThat(btc.horizonSec()).isNaN();
        HedgeConfig hedge = btc.hedge();
        assertThat(hedge.enabled()).isTrue();
        assertThat(hedge.minSize()).isEqualByComparingTo("0.0125");
        assertThat(hedge.execution()).isEqualTo(new HedgeExecutionConfig(HedgeExecutionType.IOC,
                new BigDecimal("0.1"), 30, 5, 2.0, new BigDecimal("0.02"), 1000));
        assertThat(btc.rebalanceParams()).isEqualTo(RebalanceParams.defaults(0.05));
        assertThat(btc).isEqualTo(new AssetConfig(new BigDecimal("1"), new BigDecimal("0.05"),
                new BigDecimal("0.3"), new BigDecimal("0.01"), 6, 20));
        assertThat(config.estimators()).isEqualTo(EstimatorsConfig.DEFAULTS);
        assertThat(config.estimators().ewmaVolatility()).isEqualTo(EwmaVolatility.Config.defaults());
        assertThat(config.estimators().intensityEstimator()).isEqualTo(IntensityEstimator.Config.defaults());
        assertThat(config.estimators().venueLiquidityStats()).isEqualTo(VenueLiquidityStats.Config.defaults());
        assertThat(config.hedging().costParams()).isEqualTo(HedgeCostParams.DEFAULTS);
        assertThat(config.hedging().routerParams()).isEqualTo(HedgeRouterParams.DEFAULTS);
        assertThat(config.hedging().decisionIntervalMs()).isEqualTo(1000);
    }

    @Test
    void shouldUseEachModelsOwnDefaultGammaAndHorizon() throws ConfigException {
        BallastConfig config = ConfigText.valid().set("assets.BTC.model", "avellaneda-stoikov")
                .set("assets.ETH.model", "gueant").load();

        assertThat(config.assets().get(Asset.of("BTC"))).extracting(AssetConfig::gamma, AssetConfig::horizonSec)
                .containsExactly(0.1, 60.0);
        assertThat(config.assets().get(Asset.of("ETH")).gamma()).isEqualTo(0.5);
        assertThat(config.assets().get(Asset.of("ETH")).horizonSec()).isNaN();
    }

    @Test
    void shouldGiveTheParametersOfTheConfiguredQuoteModelWithTheLinearSpreadAsItsFallback()
            throws ConfigException {
        BallastConfig config = ConfigText.valid().set("assets.BTC.model", "avellaneda-stoikov")
                .set("assets.BTC.minSpreadBps", "2").set("assets.BTC.shrinkGrowingSide", "true")
                .set("assets.BTC.gamma", "0.2").set("assets.BTC.horizonSec", "30")
                .set("assets.ETH.model", "gueant").load();
        CommonQuoteParams btcCommon = new CommonQuoteParams(0.01, 0.3, 2, true);
        CommonQuoteParams ethCommon = new CommonQuoteParams(0.1, 3, 0, false);

        assertThat(config.assets().get(Asset.of("BTC")).quoteModelParams())
                .isEqualTo(new AvellanedaStoikovQuoteParams(btcCommon, 0.2, 30, 6, 20));
        assertThat(config.assets().get(Asset.of("ETH")).quoteModelParams())
                .isEqualTo(new GueantQuoteParams(ethCommon, 0.5, 8, 2));
        assertThat(ConfigText.valid().load().assets().get(Asset.of("ETH")).quoteModelParams())
                .isEqualTo(new LinearQuoteParams(ethCommon, 8, 2));
    }

    @Test
    void shouldGiveTheDecisionItsKnobsAroundTheAssetsBand() throws ConfigException {
        BallastConfig config = ConfigText.valid().set("assets.ETH.hedge.riskAversion", "2")
                .set("assets.ETH.hedge.hysteresisEnter", "0.2").set("assets.ETH.hedge.hysteresisExit", "0.3")
                .set("assets.ETH.hedge.minSize", "0.2").set("assets.ETH.hedge.costMultiplier", "1.5")
                .set("assets.ETH.hedge.edgeCreditWeight", "0.5").set("assets.ETH.hedge.splitGridSteps", "32")
                .load();

        assertThat(config.assets().get(Asset.of("ETH")).rebalanceParams())
                .isEqualTo(new RebalanceParams(0.5, 2, 0.2, 0.3, 0.2, 1.5, 0.5, 32));
    }

    @Test
    void shouldRejectAModelSettingTheModelDoesNotTakeWhenBuiltInCode() {
        HedgeConfig hedge = HedgeConfig.defaults(new BigDecimal("0.05"), new BigDecimal("0.01"));

        assertThatThrownBy(() -> new AssetConfig(BigDecimal.ONE, new BigDecimal("0.05"), new BigDecimal("0.3"),
                new BigDecimal("0.01"), QuoteModelType.LINEAR, 6, 20, 0, false, 0.3, Double.NaN, hedge))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gamma is not used by model linear: leave it out (was 0.3)");
    }
}
