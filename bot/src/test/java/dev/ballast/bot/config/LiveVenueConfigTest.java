package dev.ballast.bot.config;

import static dev.ballast.bot.config.ConfigText.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.Asset;
import dev.ballast.core.VenueId;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Live venue types (binance-spot, binance-usdm, kraken, okx) in the modes paper-live and live: which keys each
 * mode takes, the per-type defaults, and the rules across parts that apply to live markets.
 */
class LiveVenueConfigTest {
    static final String LIVE = """
            mode: live
            quoteCurrency: USDT
            venues:
              binance:
                type: binance-spot
                markets:
                  BTCUSDT: { base: BTC, quote: USDT }
                apiKey: ${BINANCE_API_KEY}
                apiSecret: ${BINANCE_API_SECRET}
              okx:
                type: okx
                markets:
                  BTC-USDT-SWAP: { base: BTC, quote: USDT }
                apiKey: ${OKX_API_KEY}
                apiSecret: ${OKX_API_SECRET}
                passphrase: ${OKX_PASSPHRASE}
            assets:
              BTC: { target: 0.05, band: 0.005, maxPosition: 0.02, quoteSize: 0.002, spreadBps: 8.0,
                     skewBpsPerUnit: 500 }
            """;
    static final String PAPER_LIVE = """
            mode: paper-live
            quoteCurrency: USDT
            venues:
              binance:
                type: binance-spot
                markets:
                  BTCUSDT: { base: BTC, quote: USDT }
                balances: { BTC: 0.05, USDT: 5000 }
              kraken:
                type: kraken
                markets:
                  XBT/USDT: { base: BTC, quote: USDT }
                balances: { USDT: 2000 }
            assets:
              BTC: { target: 0.05, band: 0.005, maxPosition: 0.02, quoteSize: 0.002, spreadBps: 8.0,
                     skewBpsPerUnit: 500 }
            """;
    static final Map<String, String> KEYS = Map.of(
            "BINANCE_API_KEY", "binance-key-1", "BINANCE_API_SECRET", "binance-secret-1",
            "OKX_API_KEY", "okx-key-1", "OKX_API_SECRET", "okx-secret-1", "OKX_PASSPHRASE", "okx-pass-1");
    private static final VenueId BINANCE = VenueId.of("binance");
    private static final VenueId OKX = VenueId.of("okx");
    private static final VenueId KRAKEN = VenueId.of("kraken");

    static BallastConfig load(String yaml, Map<String, String> env) throws ConfigException {
        return ConfigLoader.parse(yaml, "config.yaml", env::get);
    }

    @Test
    void shouldReadTheKeysOfEachLiveVenueFromTheVariablesTheFileNames() throws ConfigException {
        BallastConfig config = load(LIVE, KEYS);

        assertThat(config.mode()).isEqualTo(Mode.LIVE);
        assertThat(config.simulation()).isNull();
        assertThat(config.venues()).isEmpty();
        assertThat(config.liveVenues().keySet()).containsExactly(BINANCE, OKX);
        LiveVenueConfig.ApiKeys okx = config.liveVenues().get(OKX).keys().orElseThrow();
        assertThat(okx.apiKey().reveal()).isEqualTo("okx-key-1");
        assertThat(okx.apiSecret().reveal()).isEqualTo("okx-secret-1");
        assertThat(okx.apiSecret().variable()).contains("OKX_API_SECRET");
        assertThat(okx.passphrase().map(Secret::reveal)).contains("okx-pass-1");
        LiveVenueConfig binance = config.liveVenues().get(BINANCE);
        assertThat(binance.keys().orElseThrow().passphrase()).isEmpty();
        assertThat(binance.paper()).isEmpty();
        assertThat(binance.markets().get("BTCUSDT"))
                .isEqualTo(new LiveMarketConfig("BTCUSDT", Asset.of("BTC"), Asset.of("USDT")));
    }

    @Test
    void shouldUseEachTypesDocumentedEndpointsFeesAndTimingsWhenTheFileSetsNone() throws ConfigException {
        BallastConfig paperLive = load(PAPER_LIVE, Map.of());
        LiveVenueConfig binance = paperLive.liveVenues().get(BINANCE);
        LiveVenueConfig kraken = paperLive.liveVenues().get(KRAKEN);

        assertThat(binance.restUrl()).isEqualTo(URI.create("https://api.binance.com"));
        assertThat(binance.wsUrl()).isEqualTo(URI.create("wss://stream.binance.com:9443"));
        assertThat(kraken.wsUrl()).isEqualTo(URI.create("wss://ws.kraken.com"));
        assertThat(kraken.privateWsUrl()).isEqualTo(URI.create("wss://ws-auth.kraken.com"));
        assertThat(binance.requestTimeoutMs()).isEqualTo(5000);
        assertThat(binance.staleAfterMs()).isEqualTo(10000);
        assertThat(binance.metadataRefreshSec()).isEqualTo(300);
        LiveVenueConfig.PaperFills fills = binance.paper().orElseThrow();
        assertThat(fills.latencyMs()).isEqualTo(20);
        assertThat(fills.makerFeeBps()).isEqualByComparingTo("10");
        assertThat(fills.takerFeeBps()).isEqualByComparingTo("10");
        assertThat(fills.fees().takerRate()).isEqualByComparingTo("0.001");
        assertThat(kraken.paper().orElseThrow().takerFeeBps()).isEqualByComparingTo("40");
        assertThat(VenueType.BINANCE_USDM.defaultTakerFeeBps()).isEqualByComparingTo("5");
        assertThat(load(LIVE, KEYS).liveVenues().get(OKX).privateWsUrl())
                .isEqualTo(URI.create("wss://ws.okx.com:8443/ws/v5/private"));
    }

    @Test
    void shouldTakeEndpointAndTimingOverrides() throws ConfigException {
        BallastConfig config = load(LIVE.replace("    apiSecret: ${BINANCE_API_SECRET}\n", """
                    apiSecret: ${BINANCE_API_SECRET}
                    restUrl: https://testnet.binance.vision
                    wsUrl: ws://localhost:8090
                    requestTimeoutMs: 2500
                    staleAfterMs: 3000
                    metadataRefreshSec: 60
                """), KEYS);

        LiveVenueConfig binance = config.liveVenues().get(BINANCE);
        assertThat(binance.restUrl()).isEqualTo(URI.create("https://testnet.binance.vision"));
        assertThat(binance.wsUrl()).isEqualTo(URI.create("ws://localhost:8090"));
        assertThat(binance.requestTimeoutMs()).isEqualTo(2500);
        assertThat(binance.staleAfterMs()).isEqualTo(3000);
        assertThat(binance.metadataRefreshSec()).isEqualTo(60);
    }

    @Test
    void shouldRefuseAPlainConnectionToARemoteHostSoKeysOnlyTravelOverTls() {
        assertThat(problemsOf(LIVE.replace("    apiSecret: ${BINANCE_API_SECRET}\n",
                "    apiSecret: ${BINANCE_API_SECRET}\n    restUrl: http://api.binance.com\n"), KEYS))
                .containsExactly("venues.binance.restUrl must be a https://host URL (http:// only to localhost)"
                        + " (was http://api.binance.com)");
    }

    @Test
    void shouldNameEachMissingKeyInLiveModeByItsPath() {
        String yaml = LIVE.replace("    apiKey: ${BINANCE_API_KEY}\n    apiSecret: ${BINANCE_API_SECRET}\n", "")
                .replace("    passphrase: ${OKX_PASSPHRASE}\n", "");

        assertThat(problemsOf(yaml, KEYS)).containsExactly(
                "config.yaml:4:3: venues.binance.apiKey is required in live mode"
                        + " (write apiKey: ${BINANCE_API_KEY} and set that variable)",
                "config.yaml:4:3: venues.binance.apiSecret is required in live mode"
                        + " (write apiSecret: ${BINANCE_API_SECRET} and set that variable)",
                "config.yaml:8:3: venues.okx.passphrase is required in live mode for type okx"
                        + " (write passphrase: ${OKX_PASSPHRASE} and set that variable)");
    }

    @Test
    void shouldNameTheVariableAndThePathWhenAKeysVariableIsNotSet() {
        assertThat(problemsOf(LIVE, Map.of("BINANCE_API_KEY", "k", "BINANCE_API_SECRET", "s",
                "OKX_API_KEY", "k", "OKX_API_SECRET", "s"))).containsExactly(
                "config.yaml:16:17: venues.okx.passphrase: environment variable OKX_PASSPHRASE is not set"
                        + " (set it where the bot runs)");
    }

    @Test
    void shouldRejectALiteralSecretAndTellTheOperatorToUseAnEnvironmentVariable() {
        assertThat(problemsOf(LIVE.replace("${BINANCE_API_SECRET}", "hunter2"), KEYS)).containsExactly(
                "config.yaml:9:16: venues.binance.apiSecret must be a reference to an environment variable, like"
                        + " apiSecret: ${BINANCE_API_SECRET}, never the key itself: keys are kept out of config files"
                        + " (the value is not shown here)");
    }

    @Test
    void shouldRejectADefaultInAKeysReferenceAsTheSecretWrittenInTheFile() {
        assertThat(problemsOf(LIVE.replace("${BINANCE_API_SECRET}", "${BINANCE_API_SECRET:-hunter2}"), KEYS))
                .singleElement().asString()
                .startsWith("config.yaml:9:16: venues.binance.apiSecret must be a reference to an environment");
        assertThat(problemsOf(LIVE.replace("${BINANCE_API_SECRET}", "pre${BINANCE_API_SECRET}"), KEYS))
                .singleElement().asString().contains("venues.binance.apiSecret must be a reference");
    }

    @Test
    void shouldRejectAKeyWhoseVariableIsSetButEmpty() {
        Map<String, String> env = new java.util.HashMap<>(KEYS);
        env.put("BINANCE_API_KEY", "  ");

        assertThat(problemsOf(LIVE, env)).containsExactly(
                "config.yaml:8:13: venues.binance.apiKey: environment variable BINANCE_API_KEY is set but empty");
    }

    @Test
    void shouldReportKeysAsNotUsedInPaperLive() {
        String yaml = PAPER_LIVE.replace("    balances: { USDT: 2000 }\n",
                "    balances: { USDT: 2000 }\n    apiKey: ${KRAKEN_API_KEY}\n    apiSecret: ${KRAKEN_API_SECRET}\n");

        assertThat(problemsOf(yaml, Map.of("KRAKEN_API_KEY", "k", "KRAKEN_API_SECRET", "s"))).containsExactly(
                "config.yaml:14:5: venues.kraken.apiKey: not used in paper-live mode, which reads public market"
                        + " data only: remove it (keys are needed in live mode only)",
                "config.yaml:15:5: venues.kraken.apiSecret: not used in paper-live mode, which reads public market"
                        + " data only: remove it (keys are needed in live mode only)");
    }

    @Test
    void shouldReportPaperBalancesAndFeesAsNotUsedInLive() {
        String yaml = LIVE.replace("    apiSecret: ${BINANCE_API_SECRET}\n",
                "    apiSecret: ${BINANCE_API_SECRET}\n    takerFeeBps: 4\n    balances: { USDT: 100 }\n");

        assertThat(problemsOf(yaml, KEYS)).containsExactly(
                "config.yaml:10:5: venues.binance.takerFeeBps: not used in live mode: live orders reach the exchange,"
                        + " whose own fees and balances apply; remove it (it is for paper-live mode)",
                "config.yaml:11:5: venues.binance.balances: not used in live mode: live orders reach the exchange,"
                        + " whose own fees and balances apply; remove it (it is for paper-live mode)");
    }

    @Test
    void shouldRequirePaperBalancesInPaperLive() {
        assertThat(problemsOf(PAPER_LIVE.replace("    balances: { USDT: 2000 }\n", ""))).containsExactly(
                "config.yaml:9:3: venues.kraken.balances is required");
    }

    @Test
    void shouldRefuseTwoMarketsOnOnePaperLiveVenueSayingTheSimulatorModelsOne() {
        String yaml = PAPER_LIVE.replace("      BTCUSDT: { base: BTC, quote: USDT }\n",
                "      BTCUSDT: { base: BTC, quote: USDT }\n      ETHUSDT: { base: ETH, quote: USDT }\n")
                .replace("assets:\n", "assets:\n  ETH: { target: 1, band: 0.1, maxPosition: 0.5, quoteSize: 0.01,"
                        + " spreadBps: 8.0, skewBpsPerUnit: 5 }\n");

        assertThat(problemsOf(yaml)).containsExactly("venues.binance.markets must hold exactly one market in"
                + " paper-live mode: the paper-live simulator models one market per venue, so list each further"
                + " market as a venue of its own (was 2: BTCUSDT, ETHUSDT)");
    }

    @Test
    void shouldAllowSeveralMarketsOnOneLiveVenue() throws ConfigException {
        String yaml = LIVE.replace("      BTCUSDT: { base: BTC, quote: USDT }\n",
                "      BTCUSDT: { base: BTC, quote: USDT }\n      ETHUSDT: { base: ETH, quote: USDT }\n")
                .replace("assets:\n", "assets:\n  ETH: { target: 1, band: 0.1, maxPosition: 0.5, quoteSize: 0.01,"
                        + " spreadBps: 8.0, skewBpsPerUnit: 5 }\n");

        assertThat(load(yaml, KEYS).liveVenues().get(BINANCE).markets()).hasSize(2);
    }

    @Test
    void shouldRejectALiveVenueInPaperModeAtItsType() {
        String yaml = ConfigText.VALID.replace("venues:\n", """
                venues:
                  binance:
                    type: binance-spot
                    markets:
                      BTCUSDT: { base: BTC, quote: USDT }
                """);

        assertThat(problemsOf(yaml)).containsExactly(
                "config.yaml:10:11: venues.binance.type must be simulated in paper mode (was 'binance-spot')");
    }

    @Test
    void shouldRejectASimulatedVenueInALiveModeListingTheLiveTypes() {
        String yaml = PAPER_LIVE.replace("    type: kraken", "    type: simulated");

        assertThat(problemsOf(yaml)).startsWith("config.yaml:10:11: venues.kraken.type must be one of binance-spot,"
                + " binance-usdm, kraken, okx in paper-live mode (was 'simulated')");
    }

    @Test
    void shouldReportTheSimulationSectionAsNotUsedWithoutSimulatedVenues() {
        String yaml = PAPER_LIVE + "simulation:\n  seed: 1\n";

        assertThat(problemsOf(yaml)).containsExactly("config.yaml:17:1: simulation: not used in paper-live mode"
                + " (only simulated venues, in paper mode, run on it): remove the section");
    }

    @Test
    void shouldStillRequireTheSimulationInPaperMode() {
        assertThat(ConfigText.valid().remove("simulation").problems()).containsExactly(
                "config.yaml: simulation is required");
    }

    @Test
    void shouldRejectAPassphraseOnATypeThatHasNone() {
        String yaml = LIVE.replace("    apiSecret: ${BINANCE_API_SECRET}\n",
                "    apiSecret: ${BINANCE_API_SECRET}\n    passphrase: ${OKX_PASSPHRASE}\n");

        assertThat(problemsOf(yaml, KEYS)).containsExactly(
                "config.yaml:10:5: venues.binance.passphrase: not used by type binance-spot (only by okx)");
    }

    @Test
    void shouldSayALiveMarketsTickLotAndMinNotionalComeFromTheExchange() {
        String yaml = LIVE.replace("BTCUSDT: { base: BTC, quote: USDT }", "BTCUSDT: { base: BTC, quote: USDT, tickSize: 0.01 }");

        assertThat(problemsOf(yaml, KEYS)).containsExactly("config.yaml:7:42: venues.binance.markets.BTCUSDT.tickSize:"
                + " not used by live venues: the exchange's tick, lot and minimum notional are read from it at start");
    }

    @Test
    void shouldApplyTheRulesAcrossPartsToLiveMarketsAndPaperBalances() {
        String yaml = PAPER_LIVE.replace("XBT/USDT: { base: BTC, quote: USDT }", "XBT/USD: { base: BTC, quote: USD }")
                .replace("BTCUSDT: { base: BTC, quote: USDT }", "ETHUSDT: { base: ETH, quote: USDT }")
                .replace("balances: { USDT: 2000 }", "balances: { USDT: 2000, SOL: 3 }");

        assertThat(problemsOf(yaml)).containsExactly(
                "venues.binance.markets.ETHUSDT.base must be an asset configured under assets (was ETH)",
                "venues.kraken.markets.XBT/USD.quote must be the quoteCurrency USDT (was USD)",
                "venues.kraken.balances.SOL must be in the quoteCurrency USDT or an asset configured under assets"
                        + " (was SOL)");
    }

    @Test
    void shouldRequireEveryAssetToBeTradedByALiveMarketToo() {
        String yaml = PAPER_LIVE.replace("assets:\n", "assets:\n  ETH: { target: 1, band: 0.1, maxPosition: 0.5,"
                + " quoteSize: 0.01, spreadBps: 8.0, skewBpsPerUnit: 5 }\n");

        assertThat(problemsOf(yaml)).containsExactly(
                "assets.ETH must be traded by at least one venue market (no market has base ETH)");
    }

    @Test
    void shouldListEveryBrokenRuleWhenALiveVenueIsBuiltWithBadValues() {
        assertThatThrownBy(() -> new LiveVenueConfig(BINANCE, VenueType.SIMULATED, Map.of(), Optional.empty(),
                URI.create("ftp://example.com"), URI.create("wss://x"), URI.create("wss://x"), 0, 500, 300,
                Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("type must be a live venue type (binance-spot, binance-usdm, kraken, okx)",
                        "markets must not be empty", "restUrl must be a https://host URL",
                        "requestTimeoutMs must be between 100 and 60000 (was 0)",
                        "staleAfterMs must be between 1000 and 600000 (was 500)");
    }

    @Test
    void shouldHoldLiveModeToKeysAndPaperLiveToPaperFillsWhenBuiltInCode() throws ConfigException {
        BallastConfig live = load(LIVE, KEYS);
        BallastConfig paperLive = load(PAPER_LIVE, Map.of());

        assertThatThrownBy(() -> new BallastConfig(Mode.LIVE, live.quoteCurrency(), live.engine(), null,
                Map.of(), paperLive.liveVenues(), live.assets(), live.estimators(), live.hedging()))
                .hasMessageContaining("venues.binance.apiKey and venues.binance.apiSecret are required in live mode")
                .hasMessageContaining("venues.binance.balances, latencyMs and fees are not used in live mode");
        assertThatThrownBy(() -> new BallastConfig(Mode.PAPER_LIVE, live.quoteCurrency(), live.engine(), null,
                Map.of(), live.liveVenues(), live.assets(), live.estimators(), live.hedging()))
                .hasMessageContaining("venues.okx.apiKey and venues.okx.apiSecret are not used in paper-live mode")
                .hasMessageContaining("venues.okx.balances is required in paper-live mode");
    }

    @Test
    void shouldRejectAVenueIdUsedForASimulatedAndALiveVenueWhenBuiltInCode() throws ConfigException {
        BallastConfig paper = ConfigText.valid().load();
        BallastConfig paperLive = load(PAPER_LIVE, Map.of());
        VenueConfig simulated = paper.venues().get(VenueId.of("sim-a"));
        VenueConfig sameId = new VenueConfig(BINANCE, simulated.type(), simulated.latencyMs(), simulated.makerFeeBps(),
                simulated.takerFeeBps(), simulated.dislocationBps(), Map.of(), simulated.markets());

        assertThatThrownBy(() -> new BallastConfig(Mode.PAPER_LIVE, paperLive.quoteCurrency(), paperLive.engine(),
                null, Map.of(BINANCE, sameId), paperLive.liveVenues(), paperLive.assets(), paperLive.estimators(),
                paperLive.hedging()))
                .hasMessageContaining("venues.binance is configured twice, as a simulated and as a live venue");
    }

    @Test
    void shouldKeepThePaperBalancesExactly() throws ConfigException {
        LiveVenueConfig.PaperFills fills =
                load(PAPER_LIVE, Map.of()).liveVenues().get(BINANCE).paper().orElseThrow();

        assertThat(fills.balances()).containsExactly(Map.entry(Asset.of("BTC"), new BigDecimal("0.05")),
                Map.entry(Asset.of("USDT"), new BigDecimal("5000")));
    }
}
