package dev.ballast.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.Asset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules about values: each broken rule is one problem named by dotted path, rule and value. */
class ConfigRulesTest {

    @Test
    void shouldAcceptTheTestBaseConfig() throws ConfigException {
        assertThat(ConfigText.valid().load().venues()).hasSize(2);
    }

    @Test
    void shouldRejectNonPositiveMaxPositionNamingPathRuleAndValue() {
        assertThat(ConfigText.valid().set("assets.BTC.maxPosition", "-1").problems())
                .containsExactly("assets.BTC.maxPosition must be > 0 (was -1)");
    }

    @Test
    void shouldRejectNonPositiveTickSize() {
        assertThat(ConfigText.valid().set("venues.sim-a.markets.BTCUSDT.tickSize", "0").problems())
                .containsExactly("venues.sim-a.markets.BTCUSDT.tickSize must be > 0 (was 0)");
    }

    @Test
    void shouldRejectNonPositiveLotSize() {
        assertThat(ConfigText.valid().set("venues.sim-b.markets.BTCUSDT.lotSize", "-0.001").problems())
                .containsExactly("venues.sim-b.markets.BTCUSDT.lotSize must be > 0 (was -0.001)");
    }

    @Test
    void shouldRejectNonPositiveQuoteSize() {
        assertThat(ConfigText.valid().set("assets.ETH.quoteSize", "0").problems())
                .containsExactly("assets.ETH.quoteSize must be > 0 (was 0)");
    }

    @Test
    void shouldRejectNonPositiveStartPrice() {
        assertThat(ConfigText.valid().set("simulation.assets.BTC.startPrice", "0").problems())
                .containsExactly("simulation.assets.BTC.startPrice must be > 0 (was 0)");
    }

    @Test
    void shouldRejectNegativeBand() {
        assertThat(ConfigText.valid().set("assets.BTC.band", "-0.01").problems())
                .containsExactly("assets.BTC.band must be >= 0 (was -0.01)");
    }

    @Test
    void shouldRejectBandThatIsNotBelowMaxPosition() {
        assertThat(ConfigText.valid().set("assets.BTC.band", "0.3").problems())
                .containsExactly("assets.BTC.band must be < maxPosition 0.3 (was 0.3)");
    }

    @Test
    void shouldRejectSpreadThatIsNotPositive() {
        assertThat(ConfigText.valid().set("assets.BTC.spreadBps", "0").problems())
                .containsExactly("assets.BTC.spreadBps must be > 0 (was 0)");
    }

    @Test
    void shouldRejectMakerRebateBeyondTenBps() {
        assertThat(ConfigText.valid().set("venues.sim-a.makerFeeBps", "-12.5").problems())
                .containsExactly("venues.sim-a.makerFeeBps must be between -10 and 100 (was -12.5)");
    }

    @Test
    void shouldRejectTakerFeeAboveHundredBpsOrBelowZero() {
        assertThat(ConfigText.valid().set("venues.sim-a.takerFeeBps", "150").problems())
                .containsExactly("venues.sim-a.takerFeeBps must be between 0 and 100 (was 150)");
        assertThat(ConfigText.valid().set("venues.sim-a.takerFeeBps", "-1").problems())
                .containsExactly("venues.sim-a.takerFeeBps must be between 0 and 100 (was -1)");
    }

    @Test
    void shouldRejectAnAssetThatNoMarketTrades() {
        assertThat(ConfigText.valid()
                .set("assets.SOL.target", "0").set("assets.SOL.band", "1").set("assets.SOL.maxPosition", "5")
                .set("assets.SOL.quoteSize", "1").set("assets.SOL.spreadBps", "10")
                .set("assets.SOL.skewBpsPerUnit", "1")
                .problems())
                .containsExactly("assets.SOL must be traded by at least one venue market (no market has base SOL)");
    }

    @Test
    void shouldRejectAMarketWhoseBaseIsNotAConfiguredAsset() {
        assertThat(ConfigText.valid().set("venues.sim-a.markets.ETHUSDT.base", "SOL").problems()).containsExactly(
                "venues.sim-a.markets.ETHUSDT.base must be an asset configured under assets (was SOL)",
                "assets.ETH must be traded by at least one venue market (no market has base ETH)");
    }

    @Test
    void shouldRejectAMarketQuotedInAnotherCurrencyThanTheQuoteCurrency() {
        assertThat(ConfigText.valid().set("venues.sim-b.markets.BTCUSDT.quote", "EUR").problems())
                .containsExactly("venues.sim-b.markets.BTCUSDT.quote must be the quoteCurrency USDT (was EUR)");
    }

    @Test
    void shouldRejectAMarketWhoseBaseIsAnAssetCodeThatIsNotValid() {
        assertThat(ConfigText.valid().set("venues.sim-b.markets.BTCUSDT.base", "btc").problems()).singleElement()
                .asString()
                .endsWith("venues.sim-b.markets.BTCUSDT.base must be an asset code of upper case letters and digits,"
                        + " like BTC (was 'btc')");
    }

    @Test
    void shouldRejectQuoteSizeBelowTheLotSizeOfAnyMarketTradingTheAsset() {
        assertThat(ConfigText.valid().set("assets.BTC.quoteSize", "0.0005").problems()).containsExactly(
                "assets.BTC.quoteSize must be >= venues.sim-b.markets.BTCUSDT.lotSize 0.001 (was 0.0005)");
    }

    @Test
    void shouldRejectQuoteSizeWorthLessThanTheMinNotionalAtTheStartPrice() {
        // 0.01 BTC at 900 is worth 9: enough for sim-a's BTCUSDT (5), not for sim-b's (10)
        assertThat(ConfigText.valid().set("simulation.assets.BTC.startPrice", "900").problems()).containsExactly(
                "assets.BTC.quoteSize × simulation.assets.BTC.startPrice must be >= venues.sim-b.markets.BTCUSDT"
                        + ".minNotional 10 (was 0.01 × 900 = 9)");
    }

    @Test
    void shouldRequireAStartPriceForEveryAssetTradedOnASimulatedVenue() {
        assertThat(ConfigText.valid().remove("simulation.assets.ETH").problems()).containsExactly(
                "simulation.assets.ETH is required: venues.sim-a.markets.ETHUSDT trades ETH on a simulated venue");
    }

    @Test
    void shouldRequireAtLeastOneVenue() {
        assertThat(ConfigText.valid().remove("venues.sim-a").remove("venues.sim-b").problems())
                .containsExactly("venues must not be empty: configure at least one venue");
    }

    @Test
    void shouldRequireAtLeastOneMarketOnEachVenue() {
        assertThat(ConfigText.valid().remove("venues.sim-b.markets.BTCUSDT").problems())
                .containsExactly("venues.sim-b.markets must not be empty: list at least one market");
    }

    @Test
    void shouldRejectAnInboxCapacityThatIsNotAPowerOfTwoAndNameTheNearestOnes() {
        assertThat(ConfigText.valid().set("engine.inboxCapacity", "50000").problems()).containsExactly(
                "engine.inboxCapacity must be a power of two from 2 to 1073741824"
                        + " (was 50000; nearest: 32768 or 65536)");
    }

    @Test
    void shouldRejectAStartingBalanceInAnAssetThatIsNeitherQuoteCurrencyNorConfigured() {
        assertThat(ConfigText.valid().set("venues.sim-b.balances.BTCC", "1").problems()).containsExactly(
                "venues.sim-b.balances.BTCC must be in the quoteCurrency USDT or an asset configured under assets"
                        + " (was BTCC)");
    }

    @Test
    void shouldRejectTheQuoteCurrencyConfiguredAsATradedAsset() {
        ConfigText text = ConfigText.valid().set("assets.USDT.target", "0").set("assets.USDT.band", "1")
                .set("assets.USDT.maxPosition", "5").set("assets.USDT.quoteSize", "1")
                .set("assets.USDT.spreadBps", "10").set("assets.USDT.skewBpsPerUnit", "1");
        assertThat(text.problems()).containsExactly(
                "assets.USDT must not be configured: it is the quoteCurrency, which every market is priced in");
    }

    @Test
    void shouldRejectAMarketThatTradesTheQuoteCurrencyAsItsBase() {
        ConfigText text = ConfigText.valid().set("venues.sim-a.markets.ETHUSDT.base", "USDT")
                .set("venues.sim-a.markets.ETHUSDT.quote", "ETH");
        assertThat(text.problems()).containsExactly(
                "venues.sim-a.markets.ETHUSDT.quote must be the quoteCurrency USDT (was ETH)",
                "venues.sim-a.markets.ETHUSDT.base must be an asset configured under assets (was USDT)",
                "assets.ETH must be traded by at least one venue market (no market has base ETH)");
    }

    @Test
    void shouldRejectALevelSizeOffTheLotGrid() {
        assertThat(ConfigText.valid().set("venues.sim-b.markets.BTCUSDT.levelSize", "0.0015").problems())
                .containsExactly(
                        "venues.sim-b.markets.BTCUSDT.levelSize must be a multiple of lotSize 0.001 (was 0.0015)");
    }

    @ParameterizedTest(name = "{0} = {1} is rejected: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            engine.statusIntervalMs                       | 0     | must be > 0 (was 0)
            engine.requoteIntervalMs                      | -1    | must be >= 0 (was -1)
            engine.requoteToleranceBps                    | -1    | must be >= 0 (was -1)
            simulation.stepMs                             | 0     | must be > 0 (was 0)
            simulation.assets.ETH.volatilityBpsPerSqrtSec | -0.5  | must be >= 0 (was -0.5)
            venues.sim-a.latencyMs                        | -5    | must be >= 0 (was -5)
            venues.sim-a.dislocationBps                   | -1    | must be >= 0 (was -1)
            venues.sim-a.balances.ETH                     | -2    | must be >= 0 (was -2)
            venues.sim-a.markets.ETHUSDT.minNotional      | -1    | must be >= 0 (was -1)
            venues.sim-a.markets.ETHUSDT.bookSpreadBps    | 0     | must be > 0 (was 0)
            venues.sim-a.markets.ETHUSDT.bookSpreadBps    | 10000 | must be < 10000 (was 10000)
            venues.sim-a.markets.ETHUSDT.bookLevels       | 0     | must be > 0 (was 0)
            venues.sim-a.markets.ETHUSDT.levelSize        | 0     | must be > 0 (was 0)
            venues.sim-a.markets.ETHUSDT.takerRatePerSec  | -1    | must be >= 0 (was -1)
            venues.sim-a.markets.ETHUSDT.takerMeanSize    | 0     | must be > 0 (was 0)
            assets.ETH.target                             | -1    | must be >= 0 (was -1)
            assets.ETH.spreadBps                          | 10000 | must be < 10000 (was 10000)
            assets.ETH.skewBpsPerUnit                     | -2    | must be >= 0 (was -2)
            """)
    void shouldRejectAValueOutsideItsBounds(String path, String value, String rule) {
        assertThat(ConfigText.valid().set(path, value).problems()).containsExactly(path + " " + rule);
    }

    // ---- the rebalancing brain: quote models, hedge decision and execution, estimators, hedging

    @Test
    void shouldRejectANegativeHysteresisNamingTheHedgePath() {
        assertThat(ConfigText.valid().set("assets.BTC.hedge.hysteresisEnter", "-1").problems())
                .containsExactly("assets.BTC.hedge.hysteresisEnter must be >= 0 (was -1)");
    }

    @Test
    void shouldRejectANonPositiveGammaOfAModelThatUsesIt() {
        assertThat(ConfigText.valid().set("assets.BTC.model", "avellaneda-stoikov").set("assets.BTC.gamma", "-0.1")
                .problems()).containsExactly("assets.BTC.gamma must be > 0 (was -0.1)");
    }

    @Test
    void shouldRejectAnUnknownQuoteModelListingTheValidOnes() {
        assertThat(ConfigText.valid().set("assets.BTC.model", "stoikov").problems()).singleElement().asString()
                .endsWith(": assets.BTC.model must be one of: linear, avellaneda-stoikov, gueant (was 'stoikov')");
    }

    @Test
    void shouldRejectAHorizonForAModelThatHasNone() {
        assertThat(ConfigText.valid().set("assets.ETH.model", "gueant").set("assets.ETH.horizonSec", "60")
                .problems()).singleElement().asString()
                .endsWith(": assets.ETH.horizonSec: not used by model gueant (only by avellaneda-stoikov)");
    }

    @Test
    void shouldRejectAGammaForTheLinearModel() {
        assertThat(ConfigText.valid().set("assets.ETH.gamma", "0.5").problems()).singleElement().asString()
                .endsWith(": assets.ETH.gamma: not used by model linear (only by avellaneda-stoikov, gueant)");
    }

    @Test
    void shouldRejectAGueantMaxPositionBelowTheQuoteSize() {
        assertThat(ConfigText.valid().set("assets.ETH.model", "gueant").set("assets.ETH.band", "0.01")
                .set("assets.ETH.maxPosition", "0.05").problems())
                .containsExactly("assets.ETH.maxPosition must be >= quoteSize 0.1 for model gueant (was 0.05)");
    }

    @Test
    void shouldRejectAHedgeMinSizeAboveTheBand() {
        assertThat(ConfigText.valid().set("assets.BTC.hedge.minSize", "0.1").problems())
                .containsExactly("assets.BTC.hedge.minSize must be <= band 0.05 (was 0.1)");
    }

    @Test
    void shouldRejectAnUnknownHedgeExecutionListingTheValidOnes() {
        assertThat(ConfigText.valid().set("assets.BTC.hedge.execution", "vwap").problems()).singleElement()
                .asString().endsWith(": assets.BTC.hedge.execution must be one of: ioc, twap, almgren-chriss,"
                        + " iceberg (was 'vwap')");
    }

    @Test
    void shouldRejectAHedgeSwitchThatIsNotTrueOrFalse() {
        assertThat(ConfigText.valid().set("assets.BTC.hedge.enabled", "yes").problems()).singleElement()
                .asString().endsWith(": assets.BTC.hedge.enabled must be true or false (was 'yes')");
    }

    @Test
    void shouldRejectAnIcebergClipBelowTheLotSizeOfAMarketTradingTheAsset() {
        assertThat(ConfigText.valid().set("assets.BTC.hedge.execution", "iceberg")
                .set("assets.BTC.hedge.icebergClip", "0.0005").problems()).containsExactly(
                "assets.BTC.hedge.icebergClip must be >= venues.sim-b.markets.BTCUSDT.lotSize 0.001 (was 0.0005)");
    }

    @Test
    void shouldNotHoldTheIcebergClipToTheLotSizeWhenTheExecutionIsNotIceberg() throws ConfigException {
        BallastConfig config = ConfigText.valid().set("assets.BTC.hedge.execution", "twap")
                .set("assets.BTC.hedge.icebergClip", "0.0005").load();

        assertThat(config.assets().get(Asset.of("BTC")).hedge().execution().icebergClip())
                .isEqualByComparingTo("0.0005");
    }

    @Test
    void shouldReportTheDecisionAndTheExecutionProblemsOfAHedgeSectionAtOnce() {
        assertThat(ConfigText.valid().set("assets.BTC.hedge.riskAversion", "0").set("assets.BTC.hedge.slices", "0")
                .problems()).containsExactlyInAnyOrder(
                "assets.BTC.hedge.riskAversion must be > 0 (was 0)",
                "assets.BTC.hedge.slices must be between 1 and 1000 (was 0)");
    }

    @Test
    void shouldRejectAStalenessGraceLongerThanTheMaxBookAge() {
        assertThat(ConfigText.valid().set("hedging.maxBookAgeMs", "1000").set("hedging.stalenessGraceMs", "1500")
                .problems()).containsExactly("hedging.stalenessGraceMs must be <= maxBookAgeMs 1000 (was 1500)");
    }

    @Test
    void shouldRejectMoreUsableLevelsThanTheIntensityGridHas() {
        assertThat(ConfigText.valid().set("estimators.intensity.gridLevels", "5")
                .set("estimators.intensity.minLevels", "6").problems())
                .containsExactly("estimators.intensity.minLevels must be <= gridLevels 5 (was 6)");
    }

    @Test
    void shouldRejectIntensityBoundsInTheWrongOrder() {
        assertThat(ConfigText.valid().set("estimators.intensity.maxAPerSec", "0.0005")
                .set("estimators.intensity.maxKPerBps", "0.005").problems()).containsExactly(
                "estimators.intensity.maxAPerSec must be >= minAPerSec 0.001 (was 0.0005)",
                "estimators.intensity.maxKPerBps must be >= minKPerBps 0.01 (was 0.005)");
    }

    @Test
    void shouldRejectAnIntensityCapacityTooSmallToEverHoldEnoughTradesToFit() {
        assertThat(ConfigText.valid().set("estimators.intensity.capacity", "64").problems())
                .containsExactly("estimators.intensity.capacity must be >= minTrades 100 (was 64)");
    }

    @ParameterizedTest(name = "{0} = {1} is rejected: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            assets.ETH.minSpreadBps                            | -1       | must be >= 0 (was -1)
            assets.ETH.minSpreadBps                            | 10000    | must be < 10000 (was 10000)
            assets.ETH.hedge.riskAversion                      | 0        | must be > 0 (was 0)
            assets.ETH.hedge.hysteresisExit                    | 1        | must be >= 0 and < 1 (was 1)
            assets.ETH.hedge.hysteresisExit                    | -0.1     | must be >= 0 and < 1 (was -0.1)
            assets.ETH.hedge.minSize                           | -0.1     | must be >= 0 (was -0.1)
            assets.ETH.hedge.costMultiplier                    | 0.5      | must be >= 1 (was 0.5)
            assets.ETH.hedge.edgeCreditWeight                  | 1.5      | must be between 0 and 1 (was 1.5)
            assets.ETH.hedge.splitGridSteps                    | 3        | must be between 4 and 1000 (was 3)
            assets.ETH.hedge.sliceAbove                        | -1       | must be >= 0 (was -1)
            assets.ETH.hedge.sliceHorizonSec                   | 0        | must be between 1 and 3600 (was 0)
            assets.ETH.hedge.sliceHorizonSec                   | 3601     | must be between 1 and 3600 (was 3601)
            assets.ETH.hedge.slices                            | 1001     | must be between 1 and 1000 (was 1001)
            assets.ETH.hedge.urgency                           | -1       | must be >= 0 (was -1)
            assets.ETH.hedge.icebergClip                       | 0        | must be > 0 (was 0)
            assets.ETH.hedge.icebergRefillMs                   | -1       | must be between 0 and 60000 (was -1)
            estimators.volatility.sampleIntervalMs             | 0        | must be between 1 and 3600000 (was 0)
            estimators.volatility.halfLifeSec                  | 0        | must be > 0 (was 0)
            estimators.volatility.minSamples                   | 0        | must be > 0 (was 0)
            estimators.intensity.windowSec                     | 0        | must be between 1 and 86400 (was 0)
            estimators.intensity.gridStepBps                   | 0        | must be > 0 (was 0)
            estimators.intensity.gridLevels                    | 1        | must be between 2 and 10000 (was 1)
            estimators.intensity.minTrades                     | 0        | must be > 0 (was 0)
            estimators.intensity.minTradesPerLevel             | 0        | must be > 0 (was 0)
            estimators.intensity.minLevels                     | 1        | must be >= 2 (was 1)
            estimators.intensity.minAPerSec                    | 0        | must be > 0 (was 0)
            estimators.intensity.maxKPerBps                    | -1       | must be > 0 (was -1)
            estimators.intensity.fallbackAPerSec               | 0        | must be > 0 (was 0)
            estimators.intensity.fallbackKPerBps               | 0        | must be > 0 (was 0)
            estimators.intensity.capacity                      | 15       | must be between 16 and 16777216 (was 15)
            estimators.liquidity.halfLifeSec                   | 0        | must be > 0 (was 0)
            estimators.liquidity.depthWithinBps                | 10000    | must be < 10000 (was 10000)
            estimators.liquidity.maxLevels                     | 0        | must be > 0 (was 0)
            hedging.maxBookAgeMs                               | 0        | must be > 0 (was 0)
            hedging.stalenessGraceMs                           | -1       | must be >= 0 (was -1)
            hedging.stalenessPenaltyBpsPerSec                  | -1       | must be >= 0 (was -1)
            hedging.maxSlippageBps                             | 0        | must be > 0 (was 0)
            hedging.maxSlippageBps                             | 10000    | must be < 10000 (was 10000)
            hedging.splitMinSavingBps                          | -0.5     | must be >= 0 (was -0.5)
            hedging.maxLevelsPerVenue                          | 0        | must be > 0 (was 0)
            hedging.decisionIntervalMs                         | 0        | must be > 0 (was 0)
            """)
    void shouldRejectARebalancingSettingOutsideItsBounds(String path, String value, String rule) {
        assertThat(ConfigText.valid().set(path, value).problems()).containsExactly(path + " " + rule);
    }
}
