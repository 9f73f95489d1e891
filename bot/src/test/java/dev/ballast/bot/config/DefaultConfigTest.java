package dev.ballast.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.Asset;
import dev.ballast.core.FeeSchedule;
import dev.ballast.core.Instrument;
import dev.ballast.core.InstrumentId;
import dev.ballast.core.VenueId;
import dev.ballast.strategies.quoting.AvellanedaStoikovQuoteParams;
import dev.ballast.strategies.quoting.CommonQuoteParams;
import dev.ballast.strategies.quoting.GueantQuoteParams;
import dev.ballast.strategies.rebalance.RebalanceParams;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed config.yaml: the one a new operator runs first. */
class DefaultConfigTest {
    private static final Asset BTC = Asset.of("BTC");
    private static final Asset ETH = Asset.of("ETH");
    private static final VenueId SIM_A = VenueId.of("sim-a");
    private static final VenueId SIM_B = VenueId.of("sim-b");

    private static BallastConfig loadDefault() throws ConfigException {
        return ConfigLoader.load(ProjectFiles.defaultConfig(), Map.<String, String>of()::get);
    }

    @Test
    void shouldLoadTheCommittedConfigWithTheValuesItStates() throws ConfigException {
        BallastConfig config = loadDefault();

        assertThat(config.mode()).isEqualTo(Mode.PAPER);
        assertThat(config.quoteCurrency()).isEqualTo(Asset.of("USDT"));
        assertThat(config.engine()).isEqualTo(new EngineConfig(5000, 250, 1.0, 65536));
        assertThat(config.simulation().seed()).isEqualTo(42);
        assertThat(config.simulation().stepMs()).isEqualTo(100);
        assertThat(config.simulation().assets().get(BTC))
                .isEqualTo(new SimAssetConfig(new BigDecimal("60000"), 3.0));
        VenueConfig simB = config.venues().get(SIM_B);
        assertThat(simB.latencyMs()).isEqualTo(40);
        assertThat(simB.makerFeeBps()).isEqualByComparingTo("0");
        assertThat(simB.takerFeeBps()).isEqualByComparingTo("4");
        assertThat(simB.dislocationBps()).isEqualTo(3.0);
        assertThat(simB.balances()).containsEntry(Asset.of("USDT"), new BigDecimal("50000"));
        assertThat(config.assets().get(BTC)).isEqualTo(new AssetConfig(new BigDecimal("1"), new BigDecimal("0.02"),
                new BigDecimal("0.3"), new BigDecimal("0.01"), QuoteModelType.AVELLANEDA_STOIKOV, 6.0, 20.0, 2.0, true,
                0.1, 60, new HedgeConfig(true, 5.0, 0.1, 0.5, new BigDecimal("0.005"), 1.25, 0.0, 16,
                        new HedgeExecutionConfig(HedgeExecutionType.IOC, new BigDecimal("0.1"), 30, 5, 2.0,
                                new BigDecimal("0.02"), 1000))));
    }

    @Test
    void shouldQuoteBtcWithAvellanedaStoikovAndEthWithGueantAndHedgeEthInTwapSlices() throws ConfigException {
        BallastConfig config = loadDefault();

        AssetConfig eth = config.assets().get(ETH);
        assertThat(config.assets().get(BTC).quoteModelParams()).isEqualTo(new AvellanedaStoikovQuoteParams(
                new CommonQuoteParams(0.01, 0.3, 2.0, true), 0.1, 60, 6.0, 20.0));
        assertThat(eth.quoteModelParams()).isEqualTo(new GueantQuoteParams(
                new CommonQuoteParams(0.1, 3, 3.0, true), 0.5, 8.0, 2.0));
        assertThat(eth.rebalanceParams()).isEqualTo(RebalanceParams.defaults(0.2));
        assertThat(eth.hedge().execution()).isEqualTo(new HedgeExecutionConfig(HedgeExecutionType.TWAP,
                new BigDecimal("0.5"), 20, 4, 2.0, new BigDecimal("0.2"), 1000));
    }

    @Test
    void shouldStateTheEstimatorAndHedgingDefaultsInTheCommittedConfig() throws ConfigException {
        BallastConfig config = loadDefault();

        assertThat(config.estimators().intensity()).isEqualTo(EstimatorsConfig.DEFAULTS.intensity());
        assertThat(config.estimators().liquidity()).isEqualTo(EstimatorsConfig.DEFAULTS.liquidity());
        // the simulated market moves about 3 bps/sqrt(s): the committed config's sigma prior says so
        EstimatorsConfig.Volatility d = EstimatorsConfig.DEFAULTS.volatility();
        assertThat(config.estimators().volatility()).isEqualTo(
                new EstimatorsConfig.Volatility(d.sampleIntervalMs(), d.halfLifeSec(), d.minSamples(), 3.0));
        assertThat(config.hedging()).isEqualTo(HedgingConfig.DEFAULTS);
    }

    @Test
    void shouldKeepVenuesMarketsAndAssetsInFileOrder() throws ConfigException {
        BallastConfig config = loadDefault();

        assertThat(config.venues().keySet()).containsExactly(SIM_A, SIM_B);
        assertThat(config.venues().get(SIM_A).markets().keySet()).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(config.venues().get(SIM_A).balances().keySet())
                .containsExactly(BTC, ETH, Asset.of("USDT"));
        assertThat(config.assets().keySet()).containsExactly(BTC, ETH);
        assertThat(config.simulation().assets().keySet()).containsExactly(BTC, ETH);
    }

    @Test
    void shouldBuildTheCoreInstrumentsAndFeesOfEachVenue() throws ConfigException {
        VenueConfig simB = loadDefault().venues().get(SIM_B);

        Instrument btc = simB.instruments().get(0);
        assertThat(btc.id()).isEqualTo(new InstrumentId(SIM_B, "BTCUSDT"));
        assertThat(btc.base()).isEqualTo(BTC);
        assertThat(btc.quote()).isEqualTo(Asset.of("USDT"));
        assertThat(btc.tickSize()).isEqualByComparingTo("0.1");
        assertThat(btc.lotSize()).isEqualByComparingTo("0.001");
        assertThat(btc.minNotional()).isEqualByComparingTo("10");
        assertThat(simB.instruments()).extracting(i -> i.id().symbol()).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(simB.fees()).isEqualTo(new FeeSchedule(new BigDecimal("0"), new BigDecimal("0.0004")));
    }

    @Test
    void shouldWriteTheCommittedConfigBackToYamlThatLoadsToAnEqualConfig() throws ConfigException {
        BallastConfig config = loadDefault();

        String yaml = ConfigWriter.toYaml(config);
        BallastConfig reloaded = ConfigLoader.parse(yaml, "written.yaml", Map.<String, String>of()::get);

        assertThat(reloaded).isEqualTo(config);
        assertThat(reloaded.venues().keySet()).containsExactlyElementsOf(config.venues().keySet());
    }
}
