package dev.ballast.bot.config;

import static dev.ballast.bot.config.ConfigText.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.core.Asset;
import dev.ballast.core.VenueId;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * {@code type: remote-sim}: paper mode on a simulated exchange served by another process. Its keys (url, markets by
 * base and quote), its place among the modes, and a config that has only such venues needing no {@code simulation}.
 */
class RemoteSimVenueConfigTest {
    static final String REMOTE = """
            mode: paper
            quoteCurrency: USDT
            venues:
              sim-a:
                type: remote-sim
                url: http://127.0.0.1:7070
                markets:
                  BTCUSDT: { base: BTC, quote: USDT }
              sim-b:
                type: remote-sim
                url: http://127.0.0.1:7070
                markets:
                  BTCUSDT: { base: BTC, quote: USDT }
            assets:
              BTC: { target: 1.0, band: 0.02, maxPosition: 0.3, quoteSize: 0.01, spreadBps: 6.0,
                     skewBpsPerUnit: 20 }
            """;
    private static final VenueId SIM_A = VenueId.of("sim-a");
    private static final VenueId SIM_B = VenueId.of("sim-b");

    private static BallastConfig load(String yaml) throws ConfigException {
        return ConfigLoader.parse(yaml, "config.yaml", name -> null);
    }

    @Test
    void shouldReadTheServersUrlAndTheMarketsOfEachRemoteVenueWithoutASimulation() throws ConfigException {
        BallastConfig config = load(REMOTE);

        assertThat(config.mode()).isEqualTo(Mode.PAPER);
        assertThat(config.simulation()).isNull();
        assertThat(config.venues()).isEmpty();
        assertThat(config.liveVenues()).isEmpty();
        assertThat(config.remoteVenues().keySet()).containsExactly(SIM_A, SIM_B);
        RemoteSimVenueConfig a = config.remoteVenues().get(SIM_A);
        assertThat(a.url()).isEqualTo(URI.create("http://127.0.0.1:7070"));
        assertThat(a.type()).isEqualTo(VenueType.REMOTE_SIM);
        assertThat(a.markets().get("BTCUSDT").base()).isEqualTo(Asset.of("BTC"));
    }

    @Test
    void shouldRequireTheUrl() {
        String yaml = REMOTE.replaceFirst("    url: http://127.0.0.1:7070\n", "");

        assertThat(problemsOf(yaml)).containsExactly("config.yaml:4:3: venues.sim-a.url is required");
    }

    @Test
    void shouldRefuseAUrlThatIsNotHttp() {
        String yaml = REMOTE.replaceFirst("http://127.0.0.1:7070", "ftp://127.0.0.1:7070");

        assertThat(problemsOf(yaml)).singleElement().asString()
                .contains("venues.sim-a.url must be an http or https URL with a host (was ftp://127.0.0.1:7070)");
    }

    @Test
    void shouldReportTradingRulesAsComingFromTheSimulatedExchange() {
        String yaml = REMOTE.replaceFirst("BTCUSDT: \\{ base: BTC, quote: USDT }",
                "BTCUSDT: { base: BTC, quote: USDT, lotSize: 0.001 }");

        assertThat(problemsOf(yaml)).singleElement().asString().contains(
                "venues.sim-a.markets.BTCUSDT.lotSize: not used by remote-sim venues: the simulated exchange's tick,"
                        + " lot and minimum notional are read from it at start");
    }

    @Test
    void shouldStillRequireTheSimulationWhenAnInProcessVenueIsThereToo() {
        String yaml = REMOTE.replace("""
                  sim-b:
                    type: remote-sim
                    url: http://127.0.0.1:7070
                    markets:
                      BTCUSDT: { base: BTC, quote: USDT }
                """, """
                  sim-b:
                    type: simulated
                    balances: { BTC: 1, USDT: 10000 }
                    markets:
                      BTCUSDT: { base: BTC, quote: USDT, tickSize: 0.01, lotSize: 0.0001, minNotional: 5,
                                 bookSpreadBps: 10, bookLevels: 5, levelSize: 0.5, takerRatePerSec: 1,
                                 takerMeanSize: 0.02 }
                """);

        assertThat(problemsOf(yaml)).containsExactly("config.yaml: simulation is required");
    }

    @Test
    void shouldRefuseARemoteSimVenueOutsidePaperMode() {
        String yaml = REMOTE.replace("mode: paper", "mode: live");

        assertThat(problemsOf(yaml)).first().asString().isEqualTo("config.yaml:5:11: venues.sim-a.type must be one of"
                + " binance-spot, binance-usdm, kraken, okx in live mode (was 'remote-sim')");
    }

    @Test
    void shouldCheckARemoteMarketsAssetsAgainstTheConfig() {
        String yaml = REMOTE.replaceFirst("BTCUSDT: \\{ base: BTC, quote: USDT }", "ETHUSDT: { base: ETH, quote: USDT }");

        assertThat(problemsOf(yaml)).containsExactly("venues.sim-a.markets.ETHUSDT.base must be an asset configured"
                + " under assets (was ETH)");
    }

    @Test
    void shouldWriteARemoteVenueBackAsItWasRead() throws ConfigException {
        BallastConfig config = load(REMOTE);

        BallastConfig again = load(ConfigWriter.toYaml(config));

        assertThat(again.remoteVenues()).isEqualTo(config.remoteVenues());
        assertThat(again).isEqualTo(config);
    }

    @Test
    void shouldListRemoteSimAmongThePaperTypes() {
        assertThat(Mode.PAPER.allowedTypes()).isEqualTo("simulated, remote-sim");
        assertThat(Mode.PAPER_LIVE.allows(VenueType.REMOTE_SIM)).isFalse();
        assertThat(VenueType.REMOTE_SIM.isSimulated()).isFalse();
        assertThat(VenueType.REMOTE_SIM.isLive()).isFalse();
    }
}
